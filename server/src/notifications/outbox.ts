import type { Prisma } from '../generated/prisma/client';

export type Channel = 'email' | 'sms';

export type NotificationInput = {
  ticketId?: number | null;
  channel: Channel;
  recipient: string;
  subject: string;
  body: string;
  /** The body carries a one-time code: it is sent, but agents see it redacted. */
  secret?: boolean;
};

/**
 * Queues notices inside the caller's transaction, so a notice exists if and only if the change it reports
 * committed. The worker sends them afterwards.
 */
export async function enqueueIn(tx: Prisma.TransactionClient, input: NotificationInput | NotificationInput[]): Promise<number> {
  const rows = Array.isArray(input) ? input : [input];
  if (!rows.length) return 0;
  const { count } = await tx.notification.createMany({
    data: rows.map((n) => ({
      ticketId: n.ticketId ?? null,
      channel: n.channel,
      recipient: n.recipient,
      subject: n.subject,
      body: n.body,
      status: 'pending',
      secret: n.secret ?? false,
    })),
  });
  return count;
}
