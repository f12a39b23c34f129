import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import type {
  ComponentUsage,
  UsageMeasurement,
} from '@arch-tradeoffs/plugin-arch-tradeoffs-common';
import { formatAge, secondsSince, USAGE_SOURCE_LABELS } from '../../lib/format';

const useStyles = makeStyles({
  selector: { fontFamily: 'monospace' },
});

const DAY_MS = 86_400_000;

/** A span in days as the backend's drift messages write it: `30 days`, `6.5 days`. */
export function spanDays(from: string, to: string): string {
  const days = Math.max(0, (Date.parse(to) - Date.parse(from)) / DAY_MS);
  const rounded = days >= 10 ? Math.round(days) : Math.round(days * 10) / 10;
  return `${rounded} ${rounded === 1 ? 'day' : 'days'}`;
}

const shortDate = (iso: string) =>
  new Date(iso).toLocaleDateString(undefined, { day: 'numeric', month: 'short' });

/** `of the 30-day window`, with the reason when the server's retention made it shorter. */
function windowText(m: Pick<UsageMeasurement, 'windowDays' | 'windowNote'>): string {
  return `of the ${m.windowDays}-day window${m.windowNote ? ` (${m.windowNote})` : ''}`;
}

/**
 * One line on the measurement behind the inputs: over what span (the series may cover less than the
 * window asked for), with which selector and how long ago; or why the component was not measured.
 * Nothing when no usage source is configured: then every input is stated, inferred or defaulted.
 */
export function MeasurementLine({ usage }: { usage?: ComponentUsage }) {
  const classes = useStyles();
  if (!usage) return null;
  if (usage.status === 'unmeasured') {
    return (
      <Typography variant="body2" aria-label="measurement">
        Traffic not measured: {usage.reason}
        {usage.selector && (
          <>
            {' '}
            · selector <span className={classes.selector}>{`{${usage.selector}}`}</span>
          </>
        )}
        . The settings below are stated, inferred or defaulted.
      </Typography>
    );
  }
  const m = usage.measurement;
  return (
    <Typography variant="body2" aria-label="measurement">
      Measured in {USAGE_SOURCE_LABELS[m.source] ?? m.source} over {spanDays(m.from, m.to)} ({shortDate(m.from)} – {shortDate(m.to)})
      {' '}
      {windowText(m)} · selector <span className={classes.selector}>{`{${m.selector}}`}</span> ·{' '}
      <span title={m.measuredAt}>measured {formatAge(secondsSince(m.measuredAt))}</span>
    </Typography>
  );
}
