import { BooleanField, DataTable, List } from 'react-admin';
import { SubjectTypeField } from '../catalog/SubjectTypeField';
import { LocalDateField } from '../common/LocalDateField';
import type { Account } from '../types';
import { AccountStatusField, YuanField } from './AccountFields';
import { useAccountFilters } from './accountFilters';

const Column = DataTable.Col<Account>;

// Sortable columns are those the API sorts on; the others would be refused with a 400.

export const AccountList = () => {
  const filters = useAccountFilters();
  return (
    <List filters={filters} sort={{ field: 'updatedAt', order: 'DESC' }} perPage={25}>
      <DataTable rowClick="show" bulkActionButtons={false}>
        <Column source="uin" />
        <Column source="subjectType">
          <SubjectTypeField />
        </Column>
        <Column source="realName" disableSort />
        <Column source="companyName" disableSort />
        <Column source="securityPhone" disableSort />
        <Column source="mfaBound" disableSort>
          <BooleanField source="mfaBound" />
        </Column>
        <Column source="balanceCents" disableSort>
          <YuanField source="balanceCents" />
        </Column>
        <Column source="status">
          <AccountStatusField />
        </Column>
        <Column source="updatedAt">
          <LocalDateField source="updatedAt" />
        </Column>
      </DataTable>
    </List>
  );
};
