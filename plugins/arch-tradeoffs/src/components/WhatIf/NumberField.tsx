import { useEffect, useState } from 'react';
import TextField from '@material-ui/core/TextField';

/**
 * A number input that keeps what the user types (an empty field, "1e") until it is a valid positive
 * number, and follows the value when a slider moves it.
 */
export function NumberField({
  label,
  value,
  onChange,
  unit,
}: {
  label: string;
  value: number;
  onChange: (value: number) => void;
  unit?: string;
}) {
  const [text, setText] = useState(String(value));
  useEffect(() => {
    setText(current => (Number(current) === value ? current : String(value)));
  }, [value]);
  const parsed = Number(text);
  const valid = text.trim() !== '' && Number.isFinite(parsed) && parsed > 0;
  return (
    <TextField
      label={label}
      value={text}
      type="number"
      size="small"
      variant="outlined"
      error={!valid}
      helperText={valid ? unit : 'Enter a positive number'}
      inputProps={{ min: 0, 'aria-label': label }}
      onChange={event => {
        const next = event.target.value;
        setText(next);
        const n = Number(next);
        if (next.trim() !== '' && Number.isFinite(n) && n > 0) onChange(n);
      }}
    />
  );
}
