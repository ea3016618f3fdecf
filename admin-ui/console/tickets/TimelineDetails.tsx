import { Box, Chip, Paper, Stack, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import type { ChipColor } from '../common/choices';
import type { Notification, NotificationStatus, TicketEvent } from '../types';
import { accountChangesOf, formatChangedValue } from './timelineModel';

/** The account fields an approval changed, each before → after. */
export const AccountChangeDetails = ({ event }: { event: TicketEvent }) => {
  const translate = useTranslate();
  const { changes } = accountChangesOf(event);
  const yesNo = (value: boolean) => translate(`ra.boolean.${value}`);
  // Account columns are named like the account page; nested settings (protection.*) by their own labels.
  const label = (field: string) => translate(`resources.accounts.fields.${field}`, { _: translate(`app.${field}`, { _: field }) });
  return (
    <Box component="ul" sx={{ m: 0, pl: 2 }} aria-label={translate('app.timeline.changedFields')}>
      {changes.map((change) => (
        <li key={change.field}>
          <Typography variant="body2" component="span">
            {label(change.field)}:{' '}
            <Box component="span" sx={{ textDecoration: 'line-through', color: 'text.secondary' }}>
              {formatChangedValue(change.before, yesNo)}
            </Box>
            {' → '}
            <strong>{formatChangedValue(change.after, yesNo)}</strong>
          </Typography>
        </li>
      ))}
    </Box>
  );
};

export const notificationStatusColor: Record<NotificationStatus, ChipColor> = {
  pending: 'default',
  sending: 'info',
  sent: 'success',
  failed: 'error',
};

export const NotificationStatusChip = ({ status }: { status: NotificationStatus }) => {
  const translate = useTranslate();
  return (
    <Chip
      size="small"
      color={notificationStatusColor[status] ?? 'default'}
      label={translate(`app.notification.status.${status}`, { _: status })}
    />
  );
};

/** A notice to the customer: channel, masked recipient, subject and where delivery stands. */
export const NotificationDetails = ({ notification }: { notification: Notification }) => {
  const translate = useTranslate();
  return (
    <Paper variant="outlined" sx={{ p: 1, ml: 2, flex: 2 }}>
      <Stack direction="row" spacing={1} alignItems="center" flexWrap="wrap" useFlexGap>
        <NotificationStatusChip status={notification.status} />
        <Typography variant="body2">{notification.subject}</Typography>
      </Stack>
      {notification.status === 'failed' && notification.lastError && (
        <Typography variant="caption" color="error">
          {translate('app.notification.lastError', { error: notification.lastError })}
        </Typography>
      )}
    </Paper>
  );
};
