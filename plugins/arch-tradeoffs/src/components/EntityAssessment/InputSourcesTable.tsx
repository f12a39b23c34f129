import Chip from '@material-ui/core/Chip';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Tooltip from '@material-ui/core/Tooltip';
import WarningIcon from '@material-ui/icons/Warning';
import { makeStyles } from '@material-ui/core/styles';
import type { InputRow, SourceLabel } from './inputRows';

const useStyles = makeStyles(theme => ({
  setting: { whiteSpace: 'nowrap' },
  value: { whiteSpace: 'nowrap' },
  detail: { wordBreak: 'break-word' },
  code: { fontFamily: 'monospace' },
  drift: {
    color: theme.palette.warning.main,
    fontSize: 16,
    verticalAlign: 'text-bottom',
    marginLeft: theme.spacing(0.5),
  },
  measured: {
    color: theme.palette.success.dark,
    borderColor: theme.palette.success.main,
  },
  stated: {
    color: theme.palette.primary.main,
    borderColor: theme.palette.primary.main,
  },
  guessed: {
    color: theme.palette.text.secondary,
    borderStyle: 'dashed',
  },
}));

/** Guesses (inferred, defaulted, derived) look alike: what sets them apart is in the detail. */
const CHIP_CLASS: Record<SourceLabel, 'measured' | 'stated' | 'guessed'> = {
  Measured: 'measured',
  Stated: 'stated',
  Inferred: 'guessed',
  Default: 'guessed',
  Derived: 'guessed',
};

/** Details that are identifiers (a metric, an annotation key) read as code; reasons read as prose. */
const CODE_DETAIL: Record<SourceLabel, boolean> = {
  Measured: true,
  Stated: true,
  Inferred: false,
  Default: false,
  Derived: false,
};

/**
 * Every setting the estimate used, its value and where the value came from, so a reader knows which
 * figures to trust and which to state. A stated value the measurement contradicts carries a warning.
 */
export function InputSourcesTable({ rows }: { rows: InputRow[] }) {
  const classes = useStyles();
  return (
    <Table size="small" aria-label="inputs and their sources">
      <TableHead>
        <TableRow>
          <TableCell>Setting</TableCell>
          <TableCell>Value</TableCell>
          <TableCell>Source</TableCell>
          <TableCell>Detail</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {rows.map(row => (
          <TableRow key={row.field}>
            <TableCell component="th" scope="row" className={classes.setting}>
              {row.label}
            </TableCell>
            <TableCell className={classes.value}>
              {row.value}
              {row.drift && (
                <Tooltip title={row.drift.message}>
                  <WarningIcon className={classes.drift} titleAccess="drift" />
                </Tooltip>
              )}
            </TableCell>
            <TableCell>
              <Chip
                size="small"
                variant="outlined"
                label={row.source}
                className={classes[CHIP_CLASS[row.source]]}
              />
            </TableCell>
            <TableCell className={classes.detail}>
              <span className={CODE_DETAIL[row.source] ? classes.code : undefined}>
                {row.detail}
              </span>
              {row.measured !== undefined && (
                <span className={classes.value}>{` · measured ${row.measured}`}</span>
              )}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
