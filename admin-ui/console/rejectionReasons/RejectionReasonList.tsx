import { Chip } from '@mui/material';
import { BooleanField, DataTable, List, SelectInput, useRecordContext, useTranslate } from 'react-admin';
import { enumChoices } from '../common/choices';
import type { RejectionReason } from '../types';
import { REJECTION_SCOPES } from './rejectionReasonModel';

const Column = DataTable.Col<RejectionReason>;

const ScopeField = (_props: { label?: string }) => {
  const record = useRecordContext<RejectionReason>();
  const translate = useTranslate();
  return record ? <Chip size="small" variant="outlined" label={translate(`app.rejectionReason.scope.${record.scope}`)} /> : null;
};

const reasonFilters = [
  <SelectInput key="scope" source="scope" choices={enumChoices(REJECTION_SCOPES, 'app.rejectionReason.scope')} alwaysOn />,
];

// Sortable: id, code (the API's list).
export const RejectionReasonList = () => (
  <List filters={reasonFilters} sort={{ field: 'id', order: 'ASC' }} perPage={50}>
    <DataTable rowClick="edit" bulkActionButtons={false}>
      <Column source="code" />
      <Column source="labelZh" disableSort />
      <Column source="labelEn" disableSort />
      <Column source="scope" disableSort>
        <ScopeField />
      </Column>
      <Column source="active" disableSort>
        <BooleanField source="active" />
      </Column>
    </DataTable>
  </List>
);
