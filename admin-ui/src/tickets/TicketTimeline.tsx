import { Box, Card, CardContent, List, ListItem, ListItemText, Paper, Typography } from '@mui/material';
import {
  ReferenceManyField,
  useGetMany,
  useGetManyReference,
  useListContext,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { useCatalogText } from '../catalog/useCatalog';
import { formatDateTime } from '../common/LocalDateField';
import type { Agent, Ticket, TicketEvent, TicketMessage } from '../types';
import { agentIdsOf, assigneeOf, mergeTimeline, phraseKeyOf, slotKeyOf, type TimelineEntry } from './timelineModel';

const BY_TIME = { field: 'createdAt', order: 'ASC' } as const;
const ALL = { page: 1, perPage: 500 };

const useActorName = (agents: Agent[] | undefined) => {
  const translate = useTranslate();
  return (actorType: TicketEvent['actorType'], agentId: number | null): string => {
    if (agentId != null) {
      return agents?.find(agent => agent.id === agentId)?.name ?? translate('app.timeline.actor.agent', { id: agentId });
    }
    return translate(`app.timeline.actor.${actorType}`);
  };
};

const EntriesList = ({ ticket }: { ticket: Ticket }) => {
  const translate = useTranslate();
  const text = useCatalogText();
  const { data: events = [] } = useListContext<TicketEvent>();
  const { data: messages = [] } = useGetManyReference<TicketMessage>('messages', {
    target: 'ticketId',
    id: ticket.id,
    sort: BY_TIME,
    pagination: ALL,
    filter: {},
  });
  const entries = mergeTimeline(events, messages);
  const agentIds = agentIdsOf(entries);
  const { data: agents } = useGetMany<Agent>('agents', { ids: agentIds }, { enabled: agentIds.length > 0 });
  const actorName = useActorName(agents);

  const describe = (entry: TimelineEntry): string => {
    if (entry.kind === 'message') {
      const { message } = entry;
      const actor = actorName(message.kind === 'customer_message' ? 'customer' : 'agent', message.agentId);
      return translate(`app.timeline.messageKind.${message.kind}`, { actor, _: actor });
    }
    const { event } = entry;
    const actor = actorName(event.actorType, event.agentId);
    const slotKey = slotKeyOf(event);
    const assignee = assigneeOf(event);
    const args = {
      actor,
      assignee: assignee == null ? '' : actorName('agent', assignee),
      type: event.type,
      from: event.fromStatus ? translate(`app.status.${event.fromStatus}`) : '—',
      to: event.toStatus ? translate(`app.status.${event.toStatus}`) : '—',
      slot: slotKey ? text.material(ticket.kind, ticket.subjectType, slotKey) : translate('app.timeline.aMaterial'),
    };
    return translate(`app.timeline.events.${phraseKeyOf(event)}`, {
      ...args,
      _: translate('app.timeline.events.other', args),
    });
  };

  if (entries.length === 0) {
    return <Typography variant="body2">{translate('app.ticket.noTimeline')}</Typography>;
  }
  return (
    <List dense aria-label={translate('app.ticket.timeline')}>
      {entries.map(entry => (
        <ListItem key={entry.key} alignItems="flex-start" divider>
          <ListItemText
            primary={describe(entry)}
            secondary={
              <>
                <Box component="span" sx={{ display: 'block' }}>
                  {formatDateTime(entry.at, text.locale)}
                </Box>
                {entry.kind === 'event' && entry.event.reason && (
                  <Box component="span" sx={{ display: 'block' }}>
                    {translate('app.timeline.reason', { reason: entry.event.reason })}
                  </Box>
                )}
              </>
            }
          />
          {entry.kind === 'message' && (
            <Paper
              variant="outlined"
              sx={{
                p: 1,
                ml: 2,
                flex: 2,
                whiteSpace: 'pre-wrap',
                bgcolor: entry.message.kind === 'internal_note' ? 'warning.light' : undefined,
              }}
            >
              <Typography variant="body2">{entry.message.body}</Typography>
            </Paper>
          )}
        </ListItem>
      ))}
    </List>
  );
};

export const TicketTimeline = () => {
  const record = useRecordContext<Ticket>();
  const translate = useTranslate();
  if (!record) return null;
  return (
    <Card>
      <CardContent>
        <Typography variant="h6" component="h3" gutterBottom>
          {translate('app.ticket.timeline')}
        </Typography>
        <ReferenceManyField reference="events" target="ticketId" sort={BY_TIME} perPage={ALL.perPage}>
          <EntriesList ticket={record} />
        </ReferenceManyField>
      </CardContent>
    </Card>
  );
};
