import { BooleanField, DataTable, List, SearchInput, useLocaleState, useRecordContext } from 'react-admin';
import { formatDeskDay } from '../../../server/src/calendar/deskCalendar';
import type { Holiday } from '../types';

const Column = DataTable.Col<Holiday>;

const holidayFilters = [<SearchInput key="q" source="q" alwaysOn />];

/** A holiday is a day of the desk's calendar, shown as that day wherever the agent's browser is. */
const DayField = () => {
  const [locale] = useLocaleState();
  const record = useRecordContext<Holiday>();
  return record ? <>{formatDeskDay(record.day, locale, { dateStyle: 'full' })}</> : null;
};

// Sortable: day (the API's list).
export const HolidayList = () => (
  <List filters={holidayFilters} sort={{ field: 'day', order: 'ASC' }} perPage={50}>
    <DataTable rowClick="edit" bulkActionButtons={false}>
      <Column source="day">
        <DayField />
      </Column>
      <Column source="name" disableSort />
      <Column source="workday" disableSort>
        <BooleanField source="workday" looseValue />
      </Column>
    </DataTable>
  </List>
);
