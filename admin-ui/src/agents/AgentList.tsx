import { BooleanField, DataTable, List, useRecordContext, useTranslate } from 'react-admin';
import { Chip } from '@mui/material';
import { LocalDateField } from '../common/LocalDateField';
import type { Agent } from '../types';

const Column = DataTable.Col<Agent>;

// Sortable columns are those the API sorts on; the others would be refused with a 400.

const RoleField = () => {
  const record = useRecordContext<Agent>();
  const translate = useTranslate();
  return record ? (
    <Chip size="small" color={record.role === 'admin' ? 'secondary' : 'default'} label={translate(`app.role.${record.role}`)} />
  ) : null;
};

export const AgentList = () => (
  <List sort={{ field: 'name', order: 'ASC' }} perPage={25}>
    <DataTable rowClick="edit" bulkActionButtons={false}>
      <Column source="name" />
      <Column source="email" />
      <Column source="role">
        <RoleField />
      </Column>
      <Column source="active" disableSort>
        <BooleanField source="active" />
      </Column>
      <Column source="locale" disableSort />
      <Column source="lastLoginAt">
        <LocalDateField source="lastLoginAt" emptyText="—" />
      </Column>
    </DataTable>
  </List>
);
