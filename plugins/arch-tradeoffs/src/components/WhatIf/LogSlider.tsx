import Slider from '@material-ui/core/Slider';

/**
 * A slider over log10 of a value: traffic and durations span decades, and a linear slider would give
 * the bottom decades a few pixels.
 */
export function LogSlider({
  label,
  value,
  minExponent,
  maxExponent,
  format,
  onChange,
}: {
  label: string;
  value: number;
  minExponent: number;
  maxExponent: number;
  format: (value: number) => string;
  onChange: (value: number) => void;
}) {
  const exponent = Math.min(
    maxExponent,
    Math.max(minExponent, Math.log10(Math.max(value, 1e-9))),
  );
  return (
    <Slider
      aria-label={label}
      value={exponent}
      min={minExponent}
      max={maxExponent}
      step={0.01}
      valueLabelDisplay="auto"
      valueLabelFormat={v => format(Math.pow(10, v))}
      getAriaValueText={v => format(Math.pow(10, v))}
      onChange={(_event, v) =>
        onChange(Number(Math.pow(10, v as number).toPrecision(3)))
      }
    />
  );
}
