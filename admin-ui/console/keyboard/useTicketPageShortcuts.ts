import { useCreatePath, useGetIdentity, useNavigate } from 'react-admin';
import { isOpen } from '../tickets/ticketModel';
import { useTicketAction } from '../tickets/review/useTicketAction';
import type { Decision, Ticket } from '../types';
import { useShortcuts } from './useShortcuts';
import type { useTicketQueue } from './useTicketQueue';

/** The reply composer's text area (ReplyComposer gives it this id). */
export const REPLY_BODY_ID = 'ticket-reply-body';

interface TicketPageShortcuts {
  ticket: Ticket | undefined;
  /** What the action bar offers now: a key does only what its button would. */
  mayAskForMore: boolean;
  mayDecide: boolean;
  openDialog: (dialog: 'request' | Decision) => void;
  queue: ReturnType<typeof useTicketQueue>;
}

/** a, m, y, n, r, u and j/k on a ticket's page; mounted with its action bar. */
export const useTicketPageShortcuts = ({ ticket, mayAskForMore, mayDecide, openDialog, queue }: TicketPageShortcuts) => {
  const { identity } = useGetIdentity();
  const { perform, busy } = useTicketAction();
  const navigate = useNavigate();
  const createPath = useCreatePath();

  useShortcuts(
    'ticket',
    {
      assignToMe: () => {
        if (!ticket || !identity || busy || !isOpen(ticket.status) || ticket.assigneeId === identity.id) return;
        void perform((provider) => provider.assign(ticket.id, Number(identity.id), undefined, ticket.version), {
          success: 'app.action.assigned',
        });
      },
      askForMore: mayAskForMore ? () => openDialog('request') : undefined,
      approve: mayDecide ? () => openDialog('approve') : undefined,
      reject: mayDecide ? () => openDialog('reject') : undefined,
      reply: () => {
        const body = document.getElementById(REPLY_BODY_ID);
        body?.scrollIntoView?.({ block: 'center' });
        body?.focus();
      },
      next: () => void queue.next(),
      previous: () => void queue.previous(),
      backToList: () => navigate(createPath({ resource: 'tickets', type: 'list' })),
    },
    ticket !== undefined,
  );
};
