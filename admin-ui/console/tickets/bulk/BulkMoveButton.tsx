import { useState } from 'react';
import { MenuItem, TextField } from '@mui/material';
import MoveDownIcon from '@mui/icons-material/MoveDown';
import { Button, useTranslate } from 'react-admin';
import { ActionDialog } from '../../common/ActionDialog';
import type { TicketStatus } from '../../types';
import { BULK_TARGETS } from '../ticketModel';
import { useBulkRunner } from './useBulkRunner';

/** Moves the selected tickets to one status in a single request; the server judges each ticket on its own. */
export const BulkMoveButton = () => {
  const translate = useTranslate();
  const { run, running, count } = useBulkRunner();
  const [open, setOpen] = useState(false);
  const [to, setTo] = useState<TicketStatus | ''>('');
  const [reason, setReason] = useState('');

  const confirm = async () => {
    if (!to) return;
    if (await run((provider, targets) => provider.bulkTransition(targets, to, reason.trim() || undefined))) {
      setOpen(false);
      setReason('');
    }
  };

  return (
    <>
      <Button label="app.bulk.move" onClick={() => setOpen(true)}>
        <MoveDownIcon />
      </Button>
      <ActionDialog
        open={open}
        title={translate('app.bulk.moveTitle', { smart_count: count })}
        confirmLabel={translate('app.bulk.move')}
        onConfirm={confirm}
        onClose={() => setOpen(false)}
        canConfirm={to !== ''}
        busy={running}
        maxWidth="xs"
      >
        <TextField select label={translate('app.bulk.target')} value={to} onChange={(event) => setTo(event.target.value as TicketStatus)}>
          {BULK_TARGETS.map((status) => (
            <MenuItem key={status} value={status}>
              {translate(`app.status.${status}`)}
            </MenuItem>
          ))}
        </TextField>
        <TextField
          label={translate('app.action.reasonOptional')}
          value={reason}
          onChange={(event) => setReason(event.target.value)}
          multiline
          minRows={2}
        />
      </ActionDialog>
    </>
  );
};
