import { Button } from '@mui/material';
import { useTranslate } from 'react-admin';
import type { Ticket } from '../../types';
import { PLAIN_MOVES } from '../ticketModel';
import { useTicketAction } from './useTicketAction';

/** The status moves that need nothing but a click: into triage or review, and closing a finished ticket. */
export const MoveButtons = ({ ticket, disabled = false }: { ticket: Ticket; disabled?: boolean }) => {
  const translate = useTranslate();
  const { perform, busy } = useTicketAction();
  return (
    <>
      {(PLAIN_MOVES[ticket.status] ?? []).map((to) => (
        <Button
          key={to}
          variant={to === 'in_review' ? 'contained' : 'outlined'}
          disabled={busy || disabled}
          onClick={() =>
            perform((provider) => provider.transition(ticket.id, to, undefined, ticket.version), { success: 'app.action.moved' })
          }
        >
          {translate(`app.action.moveTo.${to}`)}
        </Button>
      ))}
    </>
  );
};
