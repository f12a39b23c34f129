import { memo } from 'react';
import Button from '@material-ui/core/Button';
import Checkbox from '@material-ui/core/Checkbox';
import FormControlLabel from '@material-ui/core/FormControlLabel';
import TextField from '@material-ui/core/TextField';
import { makeStyles } from '@material-ui/core/styles';
import ToggleButton from '@material-ui/lab/ToggleButton';
import ToggleButtonGroup from '@material-ui/lab/ToggleButtonGroup';
import {
  InputFilter,
  PLATFORM_LABELS,
  Platform,
} from '@arch-tradeoffs/plugin-arch-tradeoffs-common';
import { INPUT_FILTERS, INPUT_LABELS } from '../../lib/inputFilter';
import { MODEL_LABELS } from '../ComponentsTable';
import { FilterOptions, GroupBy, MapFilters, shortRef } from './mapModel';

const useStyles = makeStyles(theme => ({
  bar: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: theme.spacing(2),
    marginBottom: theme.spacing(2),
  },
  select: { minWidth: 160 },
}));

type SelectKey = 'domain' | 'system' | 'owner' | 'platform' | 'model' | 'input';

interface Props {
  filters: MapFilters;
  options: FilterOptions;
  groupBy: GroupBy;
  onFilter: <K extends keyof MapFilters>(key: K, value: MapFilters[K]) => void;
  onClear: () => void;
  onGroupBy: (value: GroupBy) => void;
}

const platformLabel = (p: string) => PLATFORM_LABELS[p as Platform] ?? p;
const modelLabel = (m: string) => MODEL_LABELS[m as keyof typeof MODEL_LABELS];
const inputLabel = (i: string) => INPUT_LABELS[i as InputFilter];

interface FilterSelectProps {
  filter: SelectKey;
  label: string;
  value: string;
  values: string[];
  labelOf: (value: string) => string;
  onFilter: Props['onFilter'];
}

/**
 * Native selects: with hundreds of owners they open instantly, work with the keyboard and screen
 * readers, and need no portal. Memoised: a keystroke in the search box re-renders none of their
 * hundreds of options.
 */
const FilterSelect = memo(function FilterSelectUnmemoised({
  filter,
  label,
  value,
  values,
  labelOf,
  onFilter,
}: FilterSelectProps) {
  const classes = useStyles();
  return (
    <TextField
      select
      id={`org-map-${filter}`}
      label={label}
      className={classes.select}
      value={value}
      onChange={e => onFilter(filter, e.target.value)}
      SelectProps={{ native: true }}
      InputLabelProps={{ shrink: true }}
    >
      <option value="">All</option>
      {values.map(v => (
        <option key={v} value={v}>
          {labelOf(v)}
        </option>
      ))}
    </TextField>
  );
});

export function MapFilterBar({ filters, options, groupBy, onFilter, onClear, onGroupBy }: Props) {
  const classes = useStyles();

  const select = (
    filter: SelectKey,
    label: string,
    values: string[],
    labelOf: (v: string) => string,
  ) => (
    <FilterSelect
      filter={filter}
      label={label}
      value={filters[filter]}
      values={values}
      labelOf={labelOf}
      onFilter={onFilter}
    />
  );

  return (
    <div className={classes.bar}>
      <ToggleButtonGroup
        size="small"
        exclusive
        value={groupBy}
        aria-label="Group by"
        // Clicking the selected button yields null: keep the current grouping.
        onChange={(_, value: GroupBy | null) => value && onGroupBy(value)}
      >
        <ToggleButton value="system">Domain / system</ToggleButton>
        <ToggleButton value="owner">Team</ToggleButton>
      </ToggleButtonGroup>
      <TextField
        type="search"
        id="org-map-search"
        label="Search"
        placeholder="Name or title"
        value={filters.search}
        onChange={e => onFilter('search', e.target.value)}
        InputLabelProps={{ shrink: true }}
      />
      {select('domain', 'Domain', options.domains, shortRef)}
      {select('system', 'System', options.systems, shortRef)}
      {select('owner', 'Owner', options.owners, shortRef)}
      {select('platform', 'Platform', options.platforms, platformLabel)}
      {select('model', 'Execution model', options.models, modelLabel)}
      {/* Only once something was measured: before that every workload is estimated, nothing to tell apart. */}
      {(options.inputs.includes('measured') || filters.input) &&
        select('input', 'Inputs', INPUT_FILTERS, inputLabel)}
      <FormControlLabel
        control={
          <Checkbox
            checked={filters.hasSuggestion}
            onChange={e => onFilter('hasSuggestion', e.target.checked)}
          />
        }
        label="Has a suggestion"
      />
      <Button size="small" onClick={onClear}>
        Clear filters
      </Button>
    </div>
  );
}
