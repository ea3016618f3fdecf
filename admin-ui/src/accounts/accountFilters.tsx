import { SearchInput, SelectInput } from 'react-admin';
import { useCatalogText } from '../catalog/useCatalog';
import { enumChoices } from '../common/choices';
import { ACCOUNT_STATUSES } from './accountModel';

export const useAccountFilters = () => {
  const text = useCatalogText();
  return [
    <SearchInput key="q" source="q" alwaysOn />,
    <SelectInput key="subjectType" source="subjectType" choices={text.subjectTypeChoices()} translateChoice={false} alwaysOn />,
    <SelectInput key="status" source="status" choices={enumChoices(ACCOUNT_STATUSES, 'app.accountStatus')} alwaysOn />,
  ];
};
