import { Alert, Avatar, Chip, Stack, Typography } from '@mui/material';
import EditNoteIcon from '@mui/icons-material/EditNote';
import VisibilityIcon from '@mui/icons-material/Visibility';
import { useGetOne, useRecordContext, useTranslate } from 'react-admin';
import type { Ticket } from '../types';
import type { TicketChange } from './liveModel';
import { usePresenceHeartbeat, useTicketPresence } from './useTicketPresence';
import { useLiveTicket, useMarkRead } from './useLiveTicket';

/** Who made a change, in the agent's words: a colleague by name, or the customer, or the system. */
const ChangedBy = ({ change, onDismiss }: { change: TicketChange; onDismiss: () => void }) => {
  const translate = useTranslate();
  const agentId = change.actorType === 'agent' ? change.agentId : null;
  const { data: agent } = useGetOne<{ id: number; name: string }>('agents', { id: agentId ?? 0 }, { enabled: agentId !== null });
  const name =
    change.actorType === 'customer'
      ? translate('app.live.customer')
      : change.actorType === 'agent'
        ? (agent?.name ?? translate('app.live.colleague'))
        : translate('app.live.system');
  return (
    <Alert severity="info" role="status" onClose={onDismiss} slotProps={{ closeButton: { title: translate('app.live.dismiss') } }}>
      {translate('app.live.changedBy', { name })}
    </Alert>
  );
};

/**
 * On the ticket page: which colleagues have it open (and who is typing a reply), and a notice when it changed
 * elsewhere, after the page has caught up. Also keeps this agent's own presence and read mark.
 */
export const LiveTicketBar = () => {
  const ticket = useRecordContext<Ticket>();
  const translate = useTranslate();
  const id = ticket ? Number(ticket.id) : undefined;
  usePresenceHeartbeat(id);
  useMarkRead(id, ticket?.customerActivityAt);
  const others = useTicketPresence(id);
  const { change, dismiss } = useLiveTicket(id, ticket?.version);
  if (!ticket || (others.length === 0 && !change)) return null;
  return (
    <Stack spacing={1} data-testid="live-ticket-bar">
      {others.length > 0 && (
        <Stack
          direction="row"
          spacing={1}
          alignItems="center"
          flexWrap="wrap"
          useFlexGap
          aria-label={translate('app.live.onTicket')}
          role="group"
        >
          <Typography variant="body2" color="text.secondary">
            {translate('app.live.onTicket')}
          </Typography>
          {others.map((agent) => (
            <Chip
              key={agent.agentId}
              size="small"
              color={agent.mode === 'replying' ? 'warning' : 'default'}
              avatar={
                <Avatar>{agent.mode === 'replying' ? <EditNoteIcon fontSize="small" /> : <VisibilityIcon fontSize="small" />}</Avatar>
              }
              label={translate(`app.live.${agent.mode}`, { name: agent.name })}
            />
          ))}
        </Stack>
      )}
      {change && <ChangedBy change={change} onDismiss={dismiss} />}
    </Stack>
  );
};
