import { Alert } from '@mui/material';
import { Pagination, useListContext, useTranslate } from 'react-admin';

/**
 * In place of the rows when the list was refused (a search too short): the server's reason, already in the agent's
 * language, or the console's words for a code it knows (the data provider puts their key in `message`). No stale rows.
 */
export const ListProblem = () => {
  const { error } = useListContext();
  const translate = useTranslate();
  return (
    <Alert severity="warning" role="alert" sx={{ mx: 2, my: 1 }}>
      {error?.message ? translate(error.message, { _: error.message }) : translate('ra.notification.http_error')}
    </Alert>
  );
};

/** The pager, hidden while the list shows a refusal: it would count the rows of the previous answer. */
export const ListPagination = () => {
  const { error } = useListContext();
  return error ? null : <Pagination />;
};
