import type { NotificationStatus } from '../types';

export const NOTIFICATION_STATUSES: readonly NotificationStatus[] = ['pending', 'sending', 'sent', 'failed'];
export const NOTIFICATION_CHANNELS = ['email', 'sms'] as const;
