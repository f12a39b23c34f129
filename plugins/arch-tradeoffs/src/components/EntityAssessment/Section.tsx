import type { ReactNode } from 'react';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';

const useStyles = makeStyles(theme => ({
  root: { marginTop: theme.spacing(2) },
}));

/** A titled block inside a card; the titles are what a reader scans for. */
export function Section({
  title,
  children,
}: {
  title: string;
  children: ReactNode;
}) {
  const classes = useStyles();
  return (
    <section className={classes.root} aria-label={title}>
      <Typography variant="subtitle2" gutterBottom>
        {title}
      </Typography>
      {children}
    </section>
  );
}
