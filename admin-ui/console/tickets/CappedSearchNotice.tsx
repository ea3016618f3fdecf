import { Alert } from '@mui/material';
import { useListContext, useTranslate } from 'react-admin';
import { isCappedList } from '../dataProvider';

/** Search answers its newest matches only (server/src/tickets/listing.ts); the agent is told to narrow it. */
export const CappedSearchNotice = () => {
  const { meta, total } = useListContext();
  const translate = useTranslate();
  if (!isCappedList(meta)) return null;
  return (
    <Alert severity="info" role="status" sx={{ mx: 2, my: 1 }}>
      {translate('app.filters.searchCapped', { count: total ?? 0 })}
    </Alert>
  );
};
