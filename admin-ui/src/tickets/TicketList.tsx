import { DataTable, List, ReferenceField, TextField } from 'react-admin';
import { SubjectTypeField } from '../catalog/SubjectTypeField';
import { LocalDateField } from '../common/LocalDateField';
import type { Ticket } from '../types';
import { TicketBulkActions } from './bulk/TicketBulkActions';
import { CappedSearchNotice } from './CappedSearchNotice';
import { KindField, SlaDueField } from './TicketCatalogFields';
import { PriorityField, StatusField } from './TicketChips';
import { useTicketFilters } from './ticketFilters';
import { DEFAULT_TICKET_SORT, TICKETS_PER_PAGE } from './ticketModel';

const Column = DataTable.Col<Ticket>;
const oneLine = () => ({ whiteSpace: 'nowrap' }) as const;

// Sortable columns are those the API sorts on; the others would be refused with a 400.
// The filter button (shown because some filters are not always on) also saves and recalls queries.

export const TicketList = () => {
  const filters = useTicketFilters();
  return (
    <List filters={filters} sort={DEFAULT_TICKET_SORT} perPage={TICKETS_PER_PAGE}>
      <CappedSearchNotice />
      <DataTable rowClick="show" bulkActionButtons={<TicketBulkActions />}>
        <Column source="reference" cellSx={oneLine} />
        <Column source="kind">
          <KindField />
        </Column>
        <Column source="subjectType" disableSort>
          <SubjectTypeField />
        </Column>
        <Column source="status">
          <StatusField />
        </Column>
        <Column source="priority" disableSort>
          <PriorityField />
        </Column>
        <Column source="assigneeId" disableSort cellSx={oneLine}>
          <ReferenceField source="assigneeId" reference="agents" link={false} emptyText="—">
            <TextField source="name" />
          </ReferenceField>
        </Column>
        <Column source="contact.name" label="resources.tickets.fields.contactName" disableSort cellSx={oneLine} />
        <Column source="slaDueAt" cellSx={oneLine}>
          <SlaDueField />
        </Column>
        <Column source="updatedAt" cellSx={oneLine}>
          <LocalDateField source="updatedAt" />
        </Column>
      </DataTable>
    </List>
  );
};
