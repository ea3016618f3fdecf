import { useCallback } from 'react';
import { useGetList, useLocaleState } from 'react-admin';
import { retryUnlessRefused } from '../common/retryPolicy';
import type { RejectionReason, RejectionScope } from '../types';
import { fitsUse, reasonLabel } from './rejectionReasonModel';

const ALL = { page: 1, perPage: 200 };

/** The desk's rejection reasons: those that fit a use, as choices in the current language, and a label for any code. */
export const useRejectionReasons = (use?: Exclude<RejectionScope, 'both'>) => {
  const [locale] = useLocaleState();
  const { data: reasons = [], isPending } = useGetList<RejectionReason>(
    'rejection-reasons',
    { pagination: ALL, sort: { field: 'id', order: 'ASC' }, filter: {} },
    { retry: retryUnlessRefused, staleTime: 5 * 60_000 },
  );
  const choices = (use ? reasons.filter((reason) => fitsUse(reason, use)) : reasons).map((reason) => ({
    id: reason.code,
    name: reasonLabel(reason, locale),
  }));
  const labelOf = useCallback(
    (code: string): string | undefined => {
      const reason = reasons.find((candidate) => candidate.code === code);
      return reason ? reasonLabel(reason, locale) : undefined;
    },
    [reasons, locale],
  );
  return { choices, labelOf, isPending };
};
