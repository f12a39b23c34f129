import { useState } from 'react';
import Button from '@material-ui/core/Button';
import Dialog from '@material-ui/core/Dialog';
import DialogActions from '@material-ui/core/DialogActions';
import DialogContent from '@material-ui/core/DialogContent';
import DialogContentText from '@material-ui/core/DialogContentText';
import DialogTitle from '@material-ui/core/DialogTitle';
import TextField from '@material-ui/core/TextField';
import Alert from '@material-ui/lab/Alert';

interface Props {
  componentName: string;
  onCancel: () => void;
  /** Records the decision; a rejection is shown in the dialog, which stays open. */
  onSubmit: (reason: string) => Promise<void>;
}

/** Dismissing needs a reason: the next reviewer should know why a saving was left on the table. */
export function DismissDialog({ componentName, onCancel, onSubmit }: Props) {
  const [reason, setReason] = useState('');
  const [invalid, setInvalid] = useState(false);
  const [error, setError] = useState<Error>();
  const [busy, setBusy] = useState(false);

  const submit = async () => {
    if (!reason.trim()) {
      setInvalid(true);
      return;
    }
    setBusy(true);
    setError(undefined);
    try {
      await onSubmit(reason.trim());
    } catch (e) {
      setError(e as Error);
      setBusy(false);
    }
  };

  return (
    <Dialog open onClose={onCancel} aria-labelledby="dismiss-dialog-title" fullWidth maxWidth="sm">
      <DialogTitle id="dismiss-dialog-title">Dismiss suggestion for {componentName}</DialogTitle>
      <DialogContent>
        <DialogContentText>Why is this migration not worth doing?</DialogContentText>
        <TextField
          id="dismiss-reason"
          label="Reason"
          required
          fullWidth
          multiline
          minRows={2}
          value={reason}
          error={invalid}
          helperText={invalid ? 'A reason is required to dismiss a suggestion' : ' '}
          onChange={e => {
            setReason(e.target.value);
            setInvalid(false);
          }}
        />
        {error && <Alert severity="error">{error.message}</Alert>}
      </DialogContent>
      <DialogActions>
        <Button onClick={onCancel}>Cancel</Button>
        <Button color="primary" variant="contained" disabled={busy} onClick={submit}>
          Dismiss
        </Button>
      </DialogActions>
    </Dialog>
  );
}
