import { subjectTypeKeys } from '../catalog/codes';
import { oneOf } from '../contract/oneOf';
import type { MaterialSlot, Ticket } from '../contract/records';
import { isOpen, priorities, slotStates, ticketStatuses, verdicts } from '../contract/statuses';
import type { MaterialSlot as SlotRow, Ticket as TicketRow } from '../generated/prisma/client';
import { isoTime, isoTimeOrNull } from '../http/isoTime';
import { knownOf, maskField, presentPersonal } from '../privacy/presenter';
import { declaredValuesOf } from './declaredFields';
import { isOverdue } from './slaClock';

type SlotWithCount = SlotRow & { _count: { evidence: number } };

const presentSlot = (s: SlotWithCount): MaterialSlot => ({
  id: s.id,
  key: s.slotKey,
  required: s.required,
  state: oneOf(slotStates, s.state, 'slot state'),
  verdict: s.verdict === null ? null : oneOf(verdicts, s.verdict, 'verdict'),
  reasonCode: s.reasonCode,
  requestedAt: isoTimeOrNull(s.requestedAt),
  evidenceCount: s._count.evidence,
});

/** The columns presentTicket reads, so that a list reads no others. */
export const presentedColumns = [
  'id',
  'reference',
  'kind',
  'variant',
  'subjectType',
  'status',
  'priority',
  'assigneeId',
  'accountId',
  'accountUin',
  'fields',
  'contactName',
  'contactEmail',
  'contactPhone',
  'locale',
  'complete',
  'slaDueAt',
  'slaPausedAt',
  'submittedAt',
  'decidedAt',
  'closedAt',
  'createdAt',
  'updatedAt',
  'ownerVerifiedAt',
  'ownerObjectedAt',
  'version',
  'customerActivityAt',
] as const satisfies readonly (keyof TicketRow)[];

export type PresentedTicket = Pick<TicketRow, (typeof presentedColumns)[number]>;

/**
 * What leaves the server of a ticket: never the access-token hash, the identity digests or the search text, and its
 * contact and declared values masked (server/src/privacy/presenter.ts). The masked contact leaves under `contact`,
 * so a whole record sent back by react-admin's edit (PUT) can never write a masked value over a real one.
 * Dates leave as the ISO strings JSON would make of them, made here at a fraction of the cost.
 */
export function presentTicket(t: PresentedTicket & { slots?: SlotWithCount[] }, now = new Date()): Ticket {
  return {
    id: t.id,
    reference: t.reference,
    kind: t.kind,
    variant: t.variant,
    subjectType: oneOf(subjectTypeKeys, t.subjectType, 'subject type'),
    status: oneOf(ticketStatuses, t.status, 'ticket status'),
    priority: oneOf(priorities, t.priority, 'priority'),
    assigneeId: t.assigneeId,
    accountId: t.accountId,
    accountUin: t.accountUin,
    // The description may quote the customer's own name or number.
    fields: presentPersonal(declaredValuesOf(t.fields), knownOf(t)),
    contact: {
      name: maskField('contactName', t.contactName) ?? '',
      email: maskField('contactEmail', t.contactEmail),
      phone: maskField('contactPhone', t.contactPhone),
    },
    locale: t.locale,
    complete: t.complete,
    overdue: isOverdue(t.slaDueAt, isOpen(t.status), t.slaPausedAt, now),
    slaDueAt: isoTime(t.slaDueAt),
    slaPausedAt: isoTimeOrNull(t.slaPausedAt),
    submittedAt: isoTime(t.submittedAt),
    decidedAt: isoTimeOrNull(t.decidedAt),
    closedAt: isoTimeOrNull(t.closedAt),
    createdAt: isoTime(t.createdAt),
    updatedAt: isoTime(t.updatedAt),
    ownerVerifiedAt: isoTimeOrNull(t.ownerVerifiedAt),
    ownerObjectedAt: isoTimeOrNull(t.ownerObjectedAt),
    // Sent back with every write from the console: a ticket changed since its page read it is refused (409 STALE).
    version: t.version,
    // When the customer last replied or uploaded: the console's unread marker compares it with the agent's last look.
    customerActivityAt: isoTimeOrNull(t.customerActivityAt),
    ...(t.slots ? { slots: t.slots.map(presentSlot) } : {}),
  };
}
