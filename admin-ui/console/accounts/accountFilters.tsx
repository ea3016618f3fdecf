import { SearchInput, SelectInput, useTranslate } from 'react-admin';
import { useCatalogText } from '../catalog/useCatalog';
import { enumChoices } from '../common/choices';
import { ACCOUNT_STATUSES } from './accountModel';

export const useAccountFilters = () => {
  const text = useCatalogText();
  const translate = useTranslate();
  return [
    // The server matches an account ID's start, a whole security phone, or a whole name.
    <SearchInput key="q" source="q" alwaysOn placeholder={translate('app.triage.accountSearch')} sx={{ minWidth: 280 }} />,
    <SelectInput key="subjectType" source="subjectType" choices={text.subjectTypeChoices()} translateChoice={false} alwaysOn />,
    <SelectInput key="status" source="status" choices={enumChoices(ACCOUNT_STATUSES, 'app.accountStatus')} alwaysOn />,
  ];
};
