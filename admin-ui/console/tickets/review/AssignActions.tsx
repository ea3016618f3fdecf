import { useState } from 'react';
import { Button, TextField } from '@mui/material';
import AssignmentIndIcon from '@mui/icons-material/AssignmentInd';
import PanToolIcon from '@mui/icons-material/PanTool';
import { useGetIdentity, usePermissions, useTranslate } from 'react-admin';
import { AgentSelect } from '../../agents/AgentSelect';
import { ActionDialog } from '../../common/ActionDialog';
import type { Ticket } from '../../types';
import { isOpen } from '../ticketModel';
import { useTicketAction } from './useTicketAction';

/** Take an unassigned ticket, let go of one's own, or (supervisors) hand it to someone else. */
export const AssignActions = ({ ticket }: { ticket: Ticket }) => {
  const translate = useTranslate();
  const { identity } = useGetIdentity();
  const { permissions } = usePermissions<string>();
  const { perform, busy } = useTicketAction();
  const [open, setOpen] = useState(false);
  const [agentId, setAgentId] = useState<number | null>(ticket.assigneeId);
  const [reason, setReason] = useState('');
  if (!isOpen(ticket.status) || !identity) return null;
  const mine = ticket.assigneeId === identity.id;
  const canReassign = permissions === 'supervisor' || permissions === 'admin';

  const assign = (to: number | null, why?: string) =>
    perform((provider) => provider.assign(ticket.id, to, why, ticket.version), { success: 'app.action.assigned' });

  return (
    <>
      {ticket.assigneeId == null && (
        <Button variant="contained" startIcon={<PanToolIcon />} disabled={busy} onClick={() => assign(Number(identity.id))}>
          {translate('app.action.take')}
        </Button>
      )}
      {mine && (
        <Button disabled={busy} onClick={() => assign(null)}>
          {translate('app.action.release')}
        </Button>
      )}
      {canReassign && (
        <Button
          startIcon={<AssignmentIndIcon />}
          disabled={busy}
          onClick={() => {
            setAgentId(ticket.assigneeId);
            setOpen(true);
          }}
        >
          {translate('app.action.assign')}
        </Button>
      )}
      <ActionDialog
        open={open}
        title={translate('app.action.assignTitle', { reference: ticket.reference })}
        confirmLabel={translate('app.action.assign')}
        onClose={() => setOpen(false)}
        onConfirm={async () => {
          if (await assign(agentId, reason.trim() || undefined)) setOpen(false);
        }}
        canConfirm={agentId !== ticket.assigneeId}
        busy={busy}
        maxWidth="xs"
      >
        <AgentSelect label={translate('resources.tickets.fields.assigneeId')} value={agentId} onChange={setAgentId} allowNone />
        <TextField label={translate('app.action.reasonOptional')} value={reason} onChange={(event) => setReason(event.target.value)} />
      </ActionDialog>
    </>
  );
};
