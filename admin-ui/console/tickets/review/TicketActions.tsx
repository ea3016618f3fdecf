import { useState } from 'react';
import { Button, Stack, Typography } from '@mui/material';
import CheckCircleIcon from '@mui/icons-material/CheckCircle';
import CancelIcon from '@mui/icons-material/Cancel';
import ForwardToInboxIcon from '@mui/icons-material/ForwardToInbox';
import { useRecordContext, useTranslate } from 'react-admin';
import { useTicketPageShortcuts } from '../../keyboard/useTicketPageShortcuts';
import { useTicketQueue } from '../../keyboard/useTicketQueue';
import type { Decision, Ticket } from '../../types';
import { canAskForMore, canDecide } from '../ticketModel';
import { AssignActions } from './AssignActions';
import { DecisionDialog } from './DecisionDialog';
import { MoveButtons } from './MoveButtons';
import { RequestMaterialsDialog } from './RequestMaterialsDialog';
import { useTicketReview } from './useTicketReview';

type OpenDialog = 'request' | Decision | null;

/**
 * What can be done to the ticket in its current status, as the action bar's buttons, off (with the reason beneath) where
 * the review says the agent may not: `mayAct` for moves and requests, `mayDecide` for decisions.
 */
export const TicketActions = () => {
  const ticket = useRecordContext<Ticket>();
  const translate = useTranslate();
  const [dialog, setDialog] = useState<OpenDialog>(null);
  const { data: review } = useTicketReview(ticket?.id);
  const queue = useTicketQueue(ticket?.id);
  // Until the review arrives the server's answer to a click is the judge; once it says no, the buttons are off.
  const mayDecide = review?.decision?.mayDecide ?? true;
  const mayAct = review?.decision?.mayAct ?? true;
  const askable = ticket !== undefined && canAskForMore(ticket.status);
  const decidable = ticket !== undefined && canDecide(ticket.status);
  useTicketPageShortcuts({ ticket, mayAskForMore: askable && mayAct, mayDecide: decidable && mayDecide, openDialog: setDialog, queue });
  if (!ticket) return null;
  const close = () => setDialog(null);
  // Opened from the list: a decision moves on to the queue's next ticket.
  const decided = () => void (queue.cameFromQueue() && queue.next());
  const helperId = `ticket-${ticket.id}-not-assignee`;
  const lock = (allowed: boolean) => (allowed ? {} : { disabled: true, 'aria-describedby': helperId });
  // Someone else's ticket: nothing but a supervisor's hand moves it. Unassigned: anyone moves it, its assignee decides.
  const why = !mayAct ? 'app.decision.notAssignee' : !mayDecide && decidable ? 'app.decision.takeFirst' : null;

  return (
    <Stack direction="row" spacing={1} flexWrap="wrap" useFlexGap role="toolbar" aria-label={translate('app.action.toolbar')}>
      <AssignActions ticket={ticket} />
      <MoveButtons ticket={ticket} disabled={!mayAct} />
      {askable && (
        <Button
          variant="outlined"
          color="warning"
          startIcon={<ForwardToInboxIcon />}
          {...lock(mayAct)}
          onClick={() => setDialog('request')}
        >
          {translate('app.request.open')}
        </Button>
      )}
      {decidable && (
        <>
          <Button
            variant="contained"
            color="success"
            startIcon={<CheckCircleIcon />}
            {...lock(mayDecide)}
            onClick={() => setDialog('approve')}
          >
            {translate('app.decision.open.approve')}
          </Button>
          <Button variant="contained" color="error" startIcon={<CancelIcon />} {...lock(mayDecide)} onClick={() => setDialog('reject')}>
            {translate('app.decision.open.reject')}
          </Button>
        </>
      )}
      {why && (
        <Typography id={helperId} variant="body2" color="text.secondary" sx={{ alignSelf: 'center', flexBasis: '100%' }}>
          {translate(why)}
        </Typography>
      )}
      {dialog === 'request' && <RequestMaterialsDialog ticket={ticket} open onClose={close} />}
      {(dialog === 'approve' || dialog === 'reject') && (
        <DecisionDialog ticket={ticket} decision={dialog} open onClose={close} onDecided={decided} />
      )}
    </Stack>
  );
};
