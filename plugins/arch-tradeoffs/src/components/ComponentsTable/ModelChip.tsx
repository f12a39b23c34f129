import Chip from '@material-ui/core/Chip';
import { makeStyles } from '@material-ui/core/styles';
import type { ModelFilter } from '@arch-tradeoffs/plugin-arch-tradeoffs-common';

/**
 * Colours of the execution-model states (and of components that are not workloads at all), shared by every view (table, map, legend) so a colour
 * means the same thing everywhere.
 */
export const MODEL_COLOURS: Record<ModelFilter, string> = {
  'always-on': '#1565c0',
  'on-demand': '#ef6c00',
  unannotated: '#9e9e9e',
  'not-applicable': '#e0e0e0',
};

export const MODEL_LABELS: Record<ModelFilter, string> = {
  'always-on': 'Always-on',
  'on-demand': 'On-demand',
  unannotated: 'Not annotated',
  'not-applicable': 'Not a workload',
};

const useStyles = makeStyles({
  chip: { color: '#fff', fontWeight: 500 },
  pale: { color: 'rgba(0, 0, 0, 0.7)', fontWeight: 500 },
});

export function ModelChip({ model }: { model: ModelFilter }) {
  const classes = useStyles();
  return (
    <Chip
      size="small"
      label={MODEL_LABELS[model]}
      className={model === 'not-applicable' ? classes.pale : classes.chip}
      style={{ backgroundColor: MODEL_COLOURS[model] }}
    />
  );
}
