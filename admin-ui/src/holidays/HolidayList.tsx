import { DataTable, DateField, List, SearchInput, useLocaleState } from 'react-admin';
import type { Holiday } from '../types';

const Column = DataTable.Col<Holiday>;

const holidayFilters = [<SearchInput key="q" source="q" alwaysOn />];

const DayField = () => {
  const [locale] = useLocaleState();
  return <DateField source="day" locales={locale} options={{ dateStyle: 'full', timeZone: 'UTC' }} />;
};

// Sortable: day (the API's list).
export const HolidayList = () => (
  <List filters={holidayFilters} sort={{ field: 'day', order: 'ASC' }} perPage={50}>
    <DataTable rowClick="edit" bulkActionButtons={false}>
      <Column source="day">
        <DayField />
      </Column>
      <Column source="name" disableSort />
    </DataTable>
  </List>
);
