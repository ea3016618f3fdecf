import { Alert, AlertTitle, Box } from '@mui/material';
import { useCloseNotification, useTranslate } from 'react-admin';
import type { BulkOutcome } from '../../types';

interface BulkOutcomeAlertProps {
  outcome: BulkOutcome;
  /** The ticket's reference when the list has it, so failures read as the agent knows them. */
  referenceOf: (id: number) => string;
}

/** What a bulk action did: how many tickets moved, and each refusal in the server's words. */
export const BulkOutcomeAlert = ({ outcome, referenceOf }: BulkOutcomeAlertProps) => {
  const translate = useTranslate();
  const close = useCloseNotification();
  const { done, failed } = outcome;
  return (
    <Alert
      severity={failed.length === 0 ? 'success' : done.length === 0 ? 'error' : 'warning'}
      onClose={close}
      variant="filled"
      role="status"
    >
      <AlertTitle>
        {translate('app.bulk.done', { smart_count: done.length })}
        {failed.length > 0 && ` · ${translate('app.bulk.failed', { smart_count: failed.length })}`}
      </AlertTitle>
      {failed.length > 0 && (
        <Box component="ul" sx={{ m: 0, pl: 2 }} aria-label={translate('app.bulk.failures')}>
          {failed.map((failure) => (
            <li key={failure.id}>
              {referenceOf(failure.id)}: {failure.message}
            </li>
          ))}
        </Box>
      )}
    </Alert>
  );
};
