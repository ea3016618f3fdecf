import { Box, Card, CardContent, List, ListItem, ListItemText, Paper, Typography } from '@mui/material';
import { ReferenceManyField, useGetMany, useGetManyReference, useListContext, useRecordContext, useTranslate } from 'react-admin';
import { useCatalogText } from '../catalog/useCatalog';
import { formatDateTime } from '../common/LocalDateField';
import type { Agent, Notification, Ticket, TicketEvent, TicketMessage } from '../types';
import { useTicketEvidence } from './review/useTicketEvidence';
import { agentIdsOf, collapseRepeats, mergeTimeline, type TimelineEntry } from './timelineModel';
import { AccountChangeDetails, NotificationDetails } from './TimelineDetails';
import { useDescribeEvent } from './useDescribeEvent';

const BY_TIME = { field: 'createdAt', order: 'ASC' } as const;
const ALL = { page: 1, perPage: 500 };

const useTicketRelated = <T extends { id: number }>(resource: string, ticketId: number) =>
  useGetManyReference<T>(resource, { target: 'ticketId', id: ticketId, sort: BY_TIME, pagination: ALL, filter: {} });

const EntriesList = ({ ticket }: { ticket: Ticket }) => {
  const translate = useTranslate();
  const text = useCatalogText();
  const { data: events = [] } = useListContext<TicketEvent>();
  const { data: messages = [] } = useTicketRelated<TicketMessage>('messages', ticket.id);
  const { data: notifications = [] } = useTicketRelated<Notification>('notifications', ticket.id);
  const { data: files = [] } = useTicketEvidence(ticket.id);
  const entries = mergeTimeline(events, messages, notifications);
  const agentIds = agentIdsOf(entries);
  const { data: agents } = useGetMany<Agent>('agents', { ids: agentIds }, { enabled: agentIds.length > 0 });
  const { describe, reasonOf, actorName } = useDescribeEvent(ticket, agents, files);

  const headline = (entry: TimelineEntry): string => {
    if (entry.kind === 'message') {
      const { message } = entry;
      const actor = actorName(message.kind === 'customer_message' ? 'customer' : 'agent', message.agentId);
      return translate(`app.timeline.messageKind.${message.kind}`, { actor, _: actor });
    }
    if (entry.kind === 'notification') {
      const { notification } = entry;
      return translate('app.timeline.notified', {
        channel: translate(`app.notification.channel.${notification.channel}`, { _: notification.channel }),
        recipient: notification.recipient,
      });
    }
    return describe(entry.event);
  };

  if (entries.length === 0) {
    return <Typography variant="body2">{translate('app.ticket.noTimeline')}</Typography>;
  }
  return (
    <List dense aria-label={translate('app.ticket.timeline')}>
      {collapseRepeats(entries).map(({ entry, count }) => {
        const reason = entry.kind === 'event' ? reasonOf(entry.event) : null;
        return (
          <ListItem key={entry.key} alignItems="flex-start" divider data-entry={entry.kind === 'event' ? entry.event.type : entry.kind}>
            <ListItemText
              sx={{ flex: 3 }}
              primary={count > 1 ? translate('app.timeline.repeated', { text: headline(entry), smart_count: count }) : headline(entry)}
              secondary={
                <>
                  <Box component="span" sx={{ display: 'block' }}>
                    {formatDateTime(entry.at, text.locale)}
                  </Box>
                  {reason && (
                    <Box component="span" sx={{ display: 'block' }}>
                      {translate('app.timeline.reason', { reason })}
                    </Box>
                  )}
                </>
              }
            />
            {entry.kind === 'event' && entry.event.type === 'account.changed' && (
              <Box sx={{ ml: 2, flex: 2 }}>
                <AccountChangeDetails event={entry.event} />
              </Box>
            )}
            {entry.kind === 'notification' && <NotificationDetails notification={entry.notification} />}
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
        );
      })}
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
