import { DataTable, List, ReferenceField, TextField } from 'react-admin';
import { LocalDateField } from '../common/LocalDateField';
import { retryUnlessRefused } from '../common/retryPolicy';
import { TicketListKeyboard } from '../keyboard/TicketListKeyboard';
import { LiveListRefresh } from '../live/LiveListRefresh';
import { LiveRowMarks } from '../live/LiveRowMarks';
import type { Ticket } from '../types';
import { TicketBulkActions } from './bulk/TicketBulkActions';
import { CappedSearchNotice } from './CappedSearchNotice';
import { ListPagination, ListProblem } from './list/ListProblem';
import { SlaTimeLeftField } from './list/SlaTimeLeftField';
import { RowCheckboxLabels } from './list/RowCheckboxLabels';
import { StatusScope } from './list/StatusScope';
import { TicketListActions } from './list/TicketListActions';
import { TicketLinkField } from './list/TicketLinkField';
import { KindField } from './TicketCatalogFields';
import { PriorityField, StatusField } from './TicketChips';
import { useTicketFilters } from './ticketFilters';
import { DEFAULT_TICKET_SORT, OPEN_STATUSES, TICKETS_PER_PAGE } from './ticketModel';

const Column = DataTable.Col<Ticket>;
const oneLine = () => ({ whiteSpace: 'nowrap' }) as const;
// Eleven columns fit 1280 px beside the menu, in both languages, with half MUI's cell padding.
const compactCells = {
  '& .MuiTableCell-sizeSmall': { px: 1 },
  // Long status names ("Awaiting second approval") wrap inside their chip rather than widen the page.
  '& .MuiChip-root': { height: 'auto', maxWidth: 120 },
  '& .MuiChip-label': { whiteSpace: 'normal', textAlign: 'center' },
  // The row whose link has the keyboard's focus shows it across its whole width.
  '& tbody tr:focus-within': { bgcolor: 'action.selected', outline: '2px solid', outlineColor: 'primary.main', outlineOffset: -2 },
} as const;
const shortDateTime: Intl.DateTimeFormatOptions = { month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' };

/** The desk's default view: tickets still waiting on someone. "Closed" and "all" are one click away. */
const DEFAULT_FILTER = { status: [...OPEN_STATUSES] };

// Sortable columns are those the API sorts on; the others would be refused with a 400.
// The filter button (shown because some filters are not always on) also saves and recalls queries.

export const TicketList = () => {
  const filters = useTicketFilters();
  return (
    <List
      filters={filters}
      actions={<TicketListActions />}
      filterDefaultValues={DEFAULT_FILTER}
      sort={DEFAULT_TICKET_SORT}
      perPage={TICKETS_PER_PAGE}
      queryOptions={{ retry: retryUnlessRefused }}
      error={<ListProblem />}
      pagination={<ListPagination />}
    >
      <StatusScope />
      <CappedSearchNotice />
      <TicketListKeyboard />
      <LiveListRefresh />
      <RowCheckboxLabels />
      <DataTable rowClick="show" bulkActionButtons={<TicketBulkActions />} size="small" sx={compactCells}>
        <Column source="reference" cellSx={oneLine}>
          <TicketLinkField />
          <LiveRowMarks />
        </Column>
        <Column source="kind">
          <KindField />
        </Column>
        <Column source="status">
          <StatusField />
        </Column>
        <Column source="priority" disableSort>
          <PriorityField />
        </Column>
        <Column source="assigneeId" disableSort>
          <ReferenceField source="assigneeId" reference="agents" link={false} emptyText="—">
            <TextField source="name" />
          </ReferenceField>
        </Column>
        <Column source="contact.name" label="resources.tickets.fields.contactName" disableSort cellSx={oneLine} />
        <Column source="contact.phone" label="app.triage.phone" disableSort cellSx={oneLine} />
        <Column source="accountUin" label="app.triage.accountUin" disableSort cellSx={oneLine} />
        <Column source="slaDueAt">
          <SlaTimeLeftField />
        </Column>
        <Column source="updatedAt" cellSx={oneLine}>
          <LocalDateField source="updatedAt" options={shortDateTime} />
        </Column>
      </DataTable>
    </List>
  );
};
