import type { RejectionReason, RejectionScope } from '../types';

export const REJECTION_SCOPES: readonly RejectionScope[] = ['evidence', 'decision', 'both'];

/** A reason fits where it is used when its scope is that use, or both. */
export const fitsUse = (reason: RejectionReason, use: Exclude<RejectionScope, 'both'>): boolean =>
  reason.active && (reason.scope === use || reason.scope === 'both');

export const reasonLabel = (reason: Pick<RejectionReason, 'labelZh' | 'labelEn'>, locale: string): string =>
  locale === 'en' ? reason.labelEn : reason.labelZh;

/** Codes are fixed once made: past decisions point at them. */
export const toReasonPayload = ({ code, labelZh, labelEn, scope, active }: RejectionReason) => ({
  code,
  labelZh,
  labelEn,
  scope,
  active,
});
