import LockIcon from '@mui/icons-material/Lock';
import { BooleanField, DataTable, List, useRecordContext, useTranslate } from 'react-admin';
import { Chip } from '@mui/material';
import { LocalDateField } from '../common/LocalDateField';
import type { AgentWithSignIn } from './agentModel';

const Column = DataTable.Col<AgentWithSignIn>;

// Sortable columns are those the API sorts on; the others would be refused with a 400.

const RoleField = () => {
  const record = useRecordContext<AgentWithSignIn>();
  const translate = useTranslate();
  return record ? (
    <Chip size="small" color={record.role === 'admin' ? 'secondary' : 'default'} label={translate(`app.role.${record.role}`)} />
  ) : null;
};

/** Two-factor sign-in on or off, and a running lock, which an admin lifts from the agent's page. */
const SignInField = () => {
  const record = useRecordContext<AgentWithSignIn>();
  const translate = useTranslate();
  if (!record) return null;
  return (
    <>
      <Chip
        size="small"
        variant="outlined"
        color={record.totpEnabled ? 'success' : 'default'}
        label={translate(record.totpEnabled ? 'app.agentSignIn.totpOn' : 'app.agentSignIn.totpOff')}
      />
      {record.lockedUntil && (
        <Chip size="small" color="warning" icon={<LockIcon />} label={translate('app.agentSignIn.locked')} sx={{ ml: 0.5 }} />
      )}
    </>
  );
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
      <Column source="totpEnabled" disableSort>
        <SignInField />
      </Column>
      <Column source="locale" disableSort />
      <Column source="lastLoginAt">
        <LocalDateField source="lastLoginAt" emptyText="—" />
      </Column>
    </DataTable>
  </List>
);
