import { useState } from 'react';
import Button from '@material-ui/core/Button';
import Dialog from '@material-ui/core/Dialog';
import DialogActions from '@material-ui/core/DialogActions';
import DialogContent from '@material-ui/core/DialogContent';
import DialogContentText from '@material-ui/core/DialogContentText';
import DialogTitle from '@material-ui/core/DialogTitle';
import TextField from '@material-ui/core/TextField';
import Alert from '@material-ui/lab/Alert';
import { todayInput } from './suggestionStatus';

interface Props {
  componentName: string;
  onCancel: () => void;
  /** Receives the picked date (`YYYY-MM-DD`); a rejection is shown in the dialog. */
  onSubmit: (date: string) => Promise<void>;
}

/** Snoozing hides a suggestion until a date; after it, the suggestion is open again. */
export function SnoozeDialog({ componentName, onCancel, onSubmit }: Props) {
  const [date, setDate] = useState('');
  const [invalid, setInvalid] = useState<string>();
  const [error, setError] = useState<Error>();
  const [busy, setBusy] = useState(false);
  const today = todayInput();
  const tomorrow = todayInput(new Date(Date.now() + 24 * 3600 * 1000));

  const submit = async () => {
    if (!date) {
      setInvalid('Pick the date the suggestion should reopen');
      return;
    }
    // Date inputs hold YYYY-MM-DD, so string order is date order. Today already started: not future.
    if (date <= today) {
      setInvalid('The date must be in the future');
      return;
    }
    setBusy(true);
    setError(undefined);
    try {
      await onSubmit(date);
    } catch (e) {
      setError(e as Error);
      setBusy(false);
    }
  };

  return (
    <Dialog open onClose={onCancel} aria-labelledby="snooze-dialog-title" fullWidth maxWidth="xs">
      <DialogTitle id="snooze-dialog-title">Snooze suggestion for {componentName}</DialogTitle>
      <DialogContent>
        <DialogContentText>Hide the suggestion until:</DialogContentText>
        <TextField
          id="snooze-until"
          type="date"
          label="Snooze until"
          required
          fullWidth
          value={date}
          error={Boolean(invalid)}
          helperText={invalid ?? ' '}
          InputLabelProps={{ shrink: true }}
          inputProps={{ min: tomorrow }}
          onChange={e => {
            setDate(e.target.value);
            setInvalid(undefined);
          }}
        />
        {error && <Alert severity="error">{error.message}</Alert>}
      </DialogContent>
      <DialogActions>
        <Button onClick={onCancel}>Cancel</Button>
        <Button color="primary" variant="contained" disabled={busy} onClick={submit}>
          Snooze
        </Button>
      </DialogActions>
    </Dialog>
  );
}
