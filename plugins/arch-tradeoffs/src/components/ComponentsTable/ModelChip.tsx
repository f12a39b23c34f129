import Chip from '@material-ui/core/Chip';
import { makeStyles } from '@material-ui/core/styles';
import type { ModelFilter } from '@arch-tradeoffs/plugin-arch-tradeoffs-common';

/**
 * Colours of the three execution-model states, shared by every view (table, map, legend) so a colour
 * means the same thing everywhere.
 */
export const MODEL_COLOURS: Record<ModelFilter, string> = {
  'always-on': '#1565c0',
  'on-demand': '#ef6c00',
  unannotated: '#9e9e9e',
};

export const MODEL_LABELS: Record<ModelFilter, string> = {
  'always-on': 'Always-on',
  'on-demand': 'On-demand',
  unannotated: 'Not annotated',
};

const useStyles = makeStyles({
  chip: { color: '#fff', fontWeight: 500 },
});

export function ModelChip({ model }: { model: ModelFilter }) {
  const classes = useStyles();
  return (
    <Chip
      size="small"
      label={MODEL_LABELS[model]}
      className={classes.chip}
      style={{ backgroundColor: MODEL_COLOURS[model] }}
    />
  );
}
