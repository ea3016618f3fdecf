import type { Config } from '../config';
import type { Prisma } from '../generated/prisma/client';
import { noticesFor, statusLink, type NoticeTicket } from '../notifications/customerNotices';
import { enqueueIn } from '../notifications/outbox';
import { openStatuses } from '../contract/statuses';

// An appeal of a kind already open for the same account (docs/owner-binding.md, "One open appeal of a kind"): the
// filing is accepted as usual, so the answer tells nobody whether the account has an open appeal; the agents see
// both linked, and the customer is pointed to the open one only at a contact that appeal already has.

const MAX_LINKED = 5;
const sameText = (a: string | null, b: string | null) => Boolean(a && b && a.trim().toLowerCase() === b.trim().toLowerCase());

export async function linkOpenAppealsIn(
  tx: Prisma.TransactionClient,
  ticket: NoticeTicket & { kind: string; accountUin: string | null },
  config: Pick<Config, 'publicBaseUrl' | 'identityHashKey'>,
): Promise<void> {
  if (!ticket.accountUin) return;
  const open = await tx.ticket.findMany({
    where: { accountUin: ticket.accountUin, kind: ticket.kind, status: { in: [...openStatuses] }, id: { not: ticket.id } },
    orderBy: { submittedAt: 'asc' },
    take: MAX_LINKED,
    select: { id: true, reference: true, contactEmail: true, contactPhone: true },
  });
  const related = (ticketId: number, reference: string) => ({
    ticketId,
    actorType: 'system',
    type: 'appeal.related',
    data: { reference, reason: 'same_kind_same_account_open' },
  });
  if (open.length > 0)
    await tx.event.createMany({
      data: open.flatMap((other) => [related(ticket.id, other.reference), related(other.id, ticket.reference)]),
    });
  const pointTo = open.find((o) => sameText(o.contactEmail, ticket.contactEmail) || sameText(o.contactPhone, ticket.contactPhone));
  if (!pointTo) return;
  const to: NoticeTicket = {
    ...ticket,
    contactEmail: sameText(pointTo.contactEmail, ticket.contactEmail) ? ticket.contactEmail : null,
    contactPhone: sameText(pointTo.contactPhone, ticket.contactPhone) ? ticket.contactPhone : null,
  };
  for (const n of noticesFor(to, 'open_appeal_exists', { statusLink: statusLink(config, pointTo.reference), related: pointTo.reference }))
    await enqueueIn(tx, n);
}
