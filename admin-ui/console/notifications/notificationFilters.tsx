import { SelectInput } from 'react-admin';
import { enumChoices } from '../common/choices';
import { NOTIFICATION_CHANNELS, NOTIFICATION_STATUSES } from './notificationModel';

export const notificationFilters = [
  <SelectInput key="status" source="status" choices={enumChoices(NOTIFICATION_STATUSES, 'app.notification.status')} alwaysOn />,
  <SelectInput key="channel" source="channel" choices={enumChoices(NOTIFICATION_CHANNELS, 'app.notification.channel')} alwaysOn />,
];
