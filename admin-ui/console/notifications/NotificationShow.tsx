import { NumberField, ReferenceField, Show, SimpleShowLayout, TextField } from 'react-admin';
import { LocalDateField } from '../common/LocalDateField';
import { ChannelField, NotificationStatusField } from './NotificationFields';

export const NotificationShow = () => (
  <Show actions={false}>
    <SimpleShowLayout>
      <ReferenceField source="ticketId" reference="tickets" link="show" emptyText="—">
        <TextField source="reference" />
      </ReferenceField>
      <ChannelField source="channel" />
      <TextField source="recipient" />
      <NotificationStatusField source="status" />
      <NumberField source="attempts" />
      <TextField source="subject" />
      <TextField source="body" sx={{ whiteSpace: 'pre-wrap' }} />
      <TextField source="lastError" emptyText="—" />
      <LocalDateField source="createdAt" />
      <LocalDateField source="nextAttemptAt" emptyText="—" />
      <LocalDateField source="sentAt" emptyText="—" />
    </SimpleShowLayout>
  </Show>
);
