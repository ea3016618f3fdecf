import { DataTable, List, ReferenceField, TextField } from 'react-admin';
import { LocalDateField } from '../common/LocalDateField';
import type { Notification } from '../types';
import { ChannelField, NotificationStatusField } from './NotificationFields';
import { notificationFilters } from './notificationFilters';

const Column = DataTable.Col<Notification>;

// The outbox, read-only: the workflow writes it and the worker drains it. Sortable: createdAt, status, sentAt.
export const NotificationList = () => (
  <List filters={notificationFilters} sort={{ field: 'createdAt', order: 'DESC' }} perPage={25}>
    <DataTable rowClick="show" bulkActionButtons={false}>
      <Column source="createdAt">
        <LocalDateField source="createdAt" />
      </Column>
      <Column source="ticketId" disableSort>
        <ReferenceField source="ticketId" reference="tickets" link="show" emptyText="—">
          <TextField source="reference" />
        </ReferenceField>
      </Column>
      <Column source="channel" disableSort>
        <ChannelField />
      </Column>
      <Column source="recipient" disableSort />
      <Column source="subject" disableSort />
      <Column source="status">
        <NotificationStatusField />
      </Column>
      <Column source="attempts" disableSort />
      <Column source="sentAt">
        <LocalDateField source="sentAt" emptyText="—" />
      </Column>
    </DataTable>
  </List>
);
