import { useState } from 'react';
import { Button, Stack } from '@mui/material';
import CheckCircleIcon from '@mui/icons-material/CheckCircle';
import CancelIcon from '@mui/icons-material/Cancel';
import ForwardToInboxIcon from '@mui/icons-material/ForwardToInbox';
import { useRecordContext, useTranslate } from 'react-admin';
import type { Decision, Ticket } from '../../types';
import { canAskForMore, canDecide } from '../ticketModel';
import { AssignActions } from './AssignActions';
import { DecisionDialog } from './DecisionDialog';
import { MoveButtons } from './MoveButtons';
import { RequestMaterialsDialog } from './RequestMaterialsDialog';

type OpenDialog = 'request' | Decision | null;

/** What can be done to the ticket in its current status, as the header's buttons. */
export const TicketActions = () => {
  const ticket = useRecordContext<Ticket>();
  const translate = useTranslate();
  const [dialog, setDialog] = useState<OpenDialog>(null);
  if (!ticket) return null;
  const close = () => setDialog(null);

  return (
    <Stack direction="row" spacing={1} flexWrap="wrap" useFlexGap role="toolbar" aria-label={translate('app.action.toolbar')}>
      <AssignActions ticket={ticket} />
      <MoveButtons ticket={ticket} />
      {canAskForMore(ticket.status) && (
        <Button variant="outlined" color="warning" startIcon={<ForwardToInboxIcon />} onClick={() => setDialog('request')}>
          {translate('app.request.open')}
        </Button>
      )}
      {canDecide(ticket.status) && (
        <>
          <Button variant="contained" color="success" startIcon={<CheckCircleIcon />} onClick={() => setDialog('approve')}>
            {translate('app.decision.open.approve')}
          </Button>
          <Button variant="contained" color="error" startIcon={<CancelIcon />} onClick={() => setDialog('reject')}>
            {translate('app.decision.open.reject')}
          </Button>
        </>
      )}
      {dialog === 'request' && <RequestMaterialsDialog ticket={ticket} open onClose={close} />}
      {(dialog === 'approve' || dialog === 'reject') && <DecisionDialog ticket={ticket} decision={dialog} open onClose={close} />}
    </Stack>
  );
};
