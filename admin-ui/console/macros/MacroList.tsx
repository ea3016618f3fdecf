import { Chip, Stack } from '@mui/material';
import { BooleanField, DataTable, List, SearchInput, useLocaleState, useRecordContext, useTranslate } from 'react-admin';
import { useCatalogText } from '../catalog/useCatalog';
import { LocalDateField } from '../common/LocalDateField';
import type { Macro } from '../types';
import { macroTitle } from './macroModel';

const Column = DataTable.Col<Macro>;

const TitleField = (_props: { label?: string }) => {
  const record = useRecordContext<Macro>();
  const [locale] = useLocaleState();
  return record ? <>{macroTitle(record, locale)}</> : null;
};

const KindsField = (_props: { label?: string }) => {
  const record = useRecordContext<Macro>();
  const translate = useTranslate();
  const text = useCatalogText();
  if (!record) return null;
  return (
    <Stack direction="row" spacing={0.5} flexWrap="wrap" useFlexGap>
      {record.kinds.length === 0 ? (
        <Chip size="small" variant="outlined" label={translate('app.macro.allKinds')} />
      ) : (
        record.kinds.map((kind) => <Chip key={kind} size="small" label={text.kind(kind)} />)
      )}
    </Stack>
  );
};

const macroFilters = [<SearchInput key="q" source="q" alwaysOn />];

// Sortable: name, updatedAt (the API's list).
export const MacroList = () => (
  <List filters={macroFilters} sort={{ field: 'name', order: 'ASC' }} perPage={25}>
    <DataTable rowClick="edit" bulkActionButtons={false}>
      <Column source="name" />
      <Column source="title" label="resources.macros.fields.title" disableSort>
        <TitleField />
      </Column>
      <Column source="kinds" disableSort>
        <KindsField />
      </Column>
      <Column source="active" disableSort>
        <BooleanField source="active" />
      </Column>
      <Column source="updatedAt">
        <LocalDateField source="updatedAt" />
      </Column>
    </DataTable>
  </List>
);
