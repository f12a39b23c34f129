import Typography from '@material-ui/core/Typography';
import ErrorIcon from '@material-ui/icons/Error';
import WarningIcon from '@material-ui/icons/Warning';
import InfoIcon from '@material-ui/icons/Info';
import { makeStyles } from '@material-ui/core/styles';
import type { ComponentType } from 'react';
import {
  ANNOTATION_PREFIX,
  Diagnostic,
} from '@arch-tradeoffs/plugin-arch-tradeoffs-common';

const SEVERITY_ICONS: Record<Diagnostic['severity'], ComponentType<any>> = {
  error: ErrorIcon,
  warning: WarningIcon,
  info: InfoIcon,
};

const useStyles = makeStyles(theme => ({
  list: { margin: 0, padding: 0, listStyle: 'none' },
  item: { display: 'flex', alignItems: 'flex-start', gap: theme.spacing(0.5) },
  error: { color: theme.palette.error.main, fontSize: 16 },
  warning: { color: theme.palette.warning.main, fontSize: 16 },
  info: { color: theme.palette.info.main, fontSize: 16 },
  key: { fontFamily: 'monospace' },
}));

/** Diagnostics as a compact list: icon by severity, the short key, the value and the message. */
export function DiagnosticsList({ diagnostics }: { diagnostics: Diagnostic[] }) {
  const classes = useStyles();
  if (diagnostics.length === 0) {
    return <Typography variant="body2" color="textSecondary">None</Typography>;
  }
  return (
    <ul className={classes.list} aria-label="diagnostics">
      {diagnostics.map((d, i) => {
        const Icon = SEVERITY_ICONS[d.severity];
        return (
          <li key={i} className={classes.item}>
            <Icon className={classes[d.severity]} titleAccess={d.severity} />
            <Typography variant="body2">
              <span className={classes.key}>{d.annotation.replace(ANNOTATION_PREFIX, '')}</span>
              {d.value !== undefined ? ` "${d.value}"` : ''} {d.message}
            </Typography>
          </li>
        );
      })}
    </ul>
  );
}
