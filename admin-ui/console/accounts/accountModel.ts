import type { ChipColor } from '../common/choices';
import type { Account } from '../types';

export const ACCOUNT_STATUSES: readonly Account['status'][] = ['active', 'frozen', 'cancelled'];

export const accountStatusColor: Record<Account['status'], ChipColor> = {
  active: 'success',
  frozen: 'warning',
  cancelled: 'default',
};

/** Amounts are kept in cents (fen) and shown in yuan. */
export const formatYuan = (cents: number, locale: string): string =>
  new Intl.NumberFormat(locale, { style: 'currency', currency: 'CNY' }).format(cents / 100);
