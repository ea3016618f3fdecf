import { useRecordContext, useTranslate } from 'react-admin';
import { NotificationStatusChip } from '../tickets/TimelineDetails';
import type { Notification } from '../types';

export const NotificationStatusField = (_props: { label?: string; source?: string }) => {
  const record = useRecordContext<Notification>();
  return record ? <NotificationStatusChip status={record.status} /> : null;
};

export const ChannelField = (_props: { label?: string; source?: string }) => {
  const record = useRecordContext<Notification>();
  const translate = useTranslate();
  return record ? <>{translate(`app.notification.channel.${record.channel}`, { _: record.channel })}</> : null;
};
