import type { ReactNode } from 'react';
import { Button, CircularProgress, Dialog, DialogActions, DialogContent, DialogTitle, Stack } from '@mui/material';
import { useTranslate } from 'react-admin';

interface ActionDialogProps {
  open: boolean;
  title: string;
  confirmLabel: string;
  onConfirm: () => void;
  onClose: () => void;
  /** The confirm button stays off until the form says it can be sent. */
  canConfirm?: boolean;
  busy?: boolean;
  confirmColor?: 'primary' | 'error' | 'success' | 'warning';
  maxWidth?: 'xs' | 'sm' | 'md';
  children: ReactNode;
}

/** A dialog that collects what one action needs, then confirms it; used by the list's and the ticket's actions. */
export const ActionDialog = ({
  open,
  title,
  confirmLabel,
  onConfirm,
  onClose,
  canConfirm = true,
  busy = false,
  confirmColor = 'primary',
  maxWidth = 'sm',
  children,
}: ActionDialogProps) => {
  const translate = useTranslate();
  return (
    <Dialog open={open} onClose={busy ? undefined : onClose} fullWidth maxWidth={maxWidth} aria-labelledby="action-dialog-title">
      <DialogTitle id="action-dialog-title">{title}</DialogTitle>
      <DialogContent>
        <Stack spacing={2} sx={{ pt: 1 }}>
          {children}
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose} disabled={busy}>
          {translate('ra.action.cancel')}
        </Button>
        <Button
          variant="contained"
          color={confirmColor}
          onClick={onConfirm}
          disabled={!canConfirm || busy}
          startIcon={busy ? <CircularProgress size={16} color="inherit" /> : undefined}
        >
          {confirmLabel}
        </Button>
      </DialogActions>
    </Dialog>
  );
};
