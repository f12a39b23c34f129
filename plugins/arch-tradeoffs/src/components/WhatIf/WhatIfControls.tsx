import Grid from '@material-ui/core/Grid';
import MenuItem from '@material-ui/core/MenuItem';
import Slider from '@material-ui/core/Slider';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import {
  Platform,
  PLATFORM_LABELS,
  PLATFORMS,
} from '@arch-tradeoffs/plugin-arch-tradeoffs-common';
import { formatCount } from '../../lib/format';
import { LogSlider } from './LogSlider';
import { NumberField } from './NumberField';
import type { WhatIfInputs } from './whatIfAnnotations';

/** 1,000 to 100 billion requests a month: the range break-even searches. */
const REQUESTS_EXPONENTS = [3, 11] as const;
/** 1 ms to 15 minutes (the longest FaaS timeout). */
const DURATION_EXPONENTS = [0, Math.log10(900_000)] as const;
const MEMORY_RANGE = { min: 128, max: 10240, step: 64 };

export function WhatIfControls({
  inputs,
  onChange,
}: {
  inputs: WhatIfInputs;
  onChange: (inputs: WhatIfInputs) => void;
}) {
  const set =
    <K extends keyof WhatIfInputs>(key: K) =>
    (value: WhatIfInputs[K]) =>
      onChange({ ...inputs, [key]: value });
  return (
    <Grid container spacing={3}>
      <Grid item xs={12} md={6}>
        <Typography variant="body2" gutterBottom>
          Monthly requests: {formatCount(inputs.monthlyRequests)}
        </Typography>
        <LogSlider
          label="Monthly requests slider"
          value={inputs.monthlyRequests}
          minExponent={REQUESTS_EXPONENTS[0]}
          maxExponent={REQUESTS_EXPONENTS[1]}
          format={formatCount}
          onChange={set('monthlyRequests')}
        />
        <NumberField
          label="Monthly requests"
          value={inputs.monthlyRequests}
          onChange={set('monthlyRequests')}
          unit="requests per 730-hour month"
        />
      </Grid>
      <Grid item xs={12} md={6}>
        <TextField
          select
          fullWidth
          size="small"
          variant="outlined"
          label="Platform"
          value={inputs.platform}
          onChange={event => set('platform')(event.target.value as Platform)}
        >
          {PLATFORMS.map(platform => (
            <MenuItem key={platform} value={platform}>
              {PLATFORM_LABELS[platform]}
            </MenuItem>
          ))}
        </TextField>
      </Grid>
      <Grid item xs={12} md={6}>
        <Typography variant="body2" gutterBottom>
          Average duration: {inputs.avgDurationMs} ms
        </Typography>
        <LogSlider
          label="Average duration slider"
          value={inputs.avgDurationMs}
          minExponent={DURATION_EXPONENTS[0]}
          maxExponent={DURATION_EXPONENTS[1]}
          format={v => `${Number(v.toPrecision(3))} ms`}
          onChange={set('avgDurationMs')}
        />
        <NumberField
          label="Average duration (ms)"
          value={inputs.avgDurationMs}
          onChange={set('avgDurationMs')}
          unit="wall-clock ms per request"
        />
      </Grid>
      <Grid item xs={12} md={6}>
        <Typography variant="body2" gutterBottom>
          Memory: {inputs.memoryMb} MB
        </Typography>
        <Slider
          aria-label="Memory slider"
          value={Math.min(
            MEMORY_RANGE.max,
            Math.max(MEMORY_RANGE.min, inputs.memoryMb),
          )}
          {...MEMORY_RANGE}
          valueLabelDisplay="auto"
          onChange={(_event, v) => set('memoryMb')(v as number)}
        />
        <NumberField
          label="Memory (MB)"
          value={inputs.memoryMb}
          onChange={set('memoryMb')}
          unit="per function or instance"
        />
      </Grid>
    </Grid>
  );
}
