import { addBusinessDays, type Holidays } from '../calendar/deskCalendar';
import type { Db } from '../db/client';
import { loadHolidays } from '../holidays/loadHolidays';
import { fieldsFor, getKind, slotsFor } from '../catalog';
import type { Prisma } from '../generated/prisma/client';
import { declaredAccountUin, protectDeclaredFields, ticketSearchText, type DeclaredValues } from './declaredFields';
import { nextReference } from './reference';
import type { Priority } from '../contract/statuses';

export type NewTicket = {
  kind: string;
  subjectType: string;
  variant?: string | undefined;
  fields: DeclaredValues;
  contact: { name: string; email?: string | undefined; phone?: string | undefined; locale?: 'zh-CN' | 'en' | undefined };
  priority?: Priority;
  accessTokenHash?: string;
  submittedAt?: Date;
  holidays?: Holidays;
  by: { actorType: 'agent'; agentId: number } | { actorType: 'customer' } | { actorType: 'system' };
};

/** Writes a ticket, its empty material slots and its first event, inside the caller's transaction. */
export async function createTicketIn(tx: Prisma.TransactionClient, input: NewTicket, hashKey: string) {
  const kind = getKind(input.kind);
  if (!kind) throw new Error(`Unknown ticket kind ${input.kind}`);
  const at = input.submittedAt ?? new Date();
  const defs = fieldsFor(input.kind, input.subjectType, input.variant);
  const { shown, digests } = protectDeclaredFields(defs, input.fields, hashKey);
  const accountUin = declaredAccountUin(defs, input.fields);
  const account = accountUin ? await tx.account.findUnique({ where: { uin: accountUin }, select: { id: true } }) : null;
  const reference = await nextReference(tx, at);
  const slots = slotsFor(input.kind, input.subjectType, input.variant);
  const holidays = input.holidays ?? (await loadHolidays(tx));

  const ticket = await tx.ticket.create({
    data: {
      reference,
      kind: input.kind,
      variant: input.variant ?? null,
      subjectType: input.subjectType,
      priority: input.priority ?? 'normal',
      accountUin,
      accountId: account?.id ?? null,
      fields: shown,
      fieldDigests: digests,
      contactName: input.contact.name,
      contactEmail: input.contact.email ?? null,
      contactPhone: input.contact.phone ?? null,
      locale: input.contact.locale ?? 'zh-CN',
      accessTokenHash: input.accessTokenHash ?? null,
      complete: slots.every((s) => !s.required),
      searchText: ticketSearchText({
        reference,
        contactName: input.contact.name,
        contactEmail: input.contact.email,
        contactPhone: input.contact.phone,
        accountUin,
        shown,
      }),
      slaDueAt: addBusinessDays(at, kind.slaBusinessDays, holidays),
      submittedAt: at,
      createdAt: at,
      slots: { create: slots.map((s) => ({ slotKey: s.key, required: s.required })) },
      events: {
        create: {
          actorType: input.by.actorType,
          agentId: input.by.actorType === 'agent' ? input.by.agentId : null,
          type: 'ticket.created',
          toStatus: 'new',
          createdAt: at,
        },
      },
    },
  });
  return ticket;
}

export const createTicket = (db: Db, input: NewTicket, hashKey: string) => db.$transaction((tx) => createTicketIn(tx, input, hashKey));
