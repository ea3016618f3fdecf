import { Alert, Stack } from '@mui/material';
import { useLocaleState, useTranslate } from 'react-admin';
import { formatDateTime } from '../../common/LocalDateField';
import type { Ticket, TicketReview } from '../../types';

interface OwnerSignalsProps {
  ticket: Ticket;
  review: TicketReview | undefined;
}

/**
 * What the account's owner said: a code verified on the account's security phone or email (control proven), or an
 * answer of "this wasn't me" to the notice about this appeal, which blocks any approval.
 */
export const OwnerSignals = ({ ticket, review }: OwnerSignalsProps) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const verifiedAt = ticket.ownerVerifiedAt ?? review?.decision?.ownerVerifiedAt ?? null;
  const objectedAt = ticket.ownerObjectedAt ?? review?.decision?.ownerObjectedAt ?? null;
  if (!verifiedAt && !objectedAt) return null;

  return (
    <Stack spacing={1} sx={{ mb: 1.5 }}>
      {objectedAt && (
        <Alert severity="error" role="alert" data-signal="owner-objected">
          {translate('app.owner.objected', { at: formatDateTime(objectedAt, locale) })}
        </Alert>
      )}
      {verifiedAt && (
        <Alert severity="success" role="status" data-signal="owner-verified">
          {translate('app.owner.verified', { at: formatDateTime(verifiedAt, locale) })}
        </Alert>
      )}
    </Stack>
  );
};
