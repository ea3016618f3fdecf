import type { AppContext } from '../context';
import { databaseKind } from '../db/databaseUrl';
import { Prisma, type Agent, type Ticket } from '../generated/prisma/client';
import { removeEmlFiles } from '../notifications/transports';
import { isOpen } from '../contract/statuses';
import { maskFreeText, personalKeys } from './presenter';
import { forgetInspectionVerdicts } from '../intake/inspectionMemo';

/** What an erased value reads as. The outbox worker knows it too: a message erased while it was being sent is not kept. */
export const erasedMark = '[erased]';

type Tx = Prisma.TransactionClient;

/** The strings of the customer's this ticket holds: contact, declared values, what they wrote, the names of their files. */
async function customerStringsIn(tx: Tx, t: Ticket): Promise<string[]> {
  const declared = Object.entries(t.fields as Record<string, unknown>).flatMap(([k, v]) =>
    personalKeys[k] && typeof v === 'string' ? [v] : [],
  );
  const written = await tx.message.findMany({ where: { ticketId: t.id, kind: 'customer_message' }, select: { body: true } });
  const files = await tx.evidence.findMany({ where: { ticketId: t.id }, select: { originalName: true } });
  return [
    t.contactName,
    t.contactEmail,
    t.contactPhone,
    ...declared,
    ...written.map((m) => m.body),
    ...files.map((f) => f.originalName),
  ].filter((s): s is string => typeof s === 'string' && [...s].length >= 2 && !s.includes('*') && s !== erasedMark);
}

/**
 * JSON with every string that quotes the customer erased and, `byKey`, every string under a personal key (the
 * presenter's table). Keys stay, so the timeline still says what changed, by whom and when.
 */
function scrub(value: unknown, strings: readonly string[], byKey: boolean, personal = false): unknown {
  if (typeof value === 'string') return personal || strings.some((s) => value.includes(s)) ? erasedMark : value;
  if (Array.isArray(value)) return value.map((v) => scrub(v, strings, byKey, personal));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [k, scrub(v, strings, byKey, personal || (byKey && k in personalKeys))]),
    );
  }
  return value;
}

/** An agent's reason is kept unless it quotes the customer or holds anything shaped like a phone, email or ID number. */
const scrubReason = (reason: string | null, strings: readonly string[]) =>
  reason !== null && (strings.some((s) => reason.includes(s)) || maskFreeText(reason, []) !== reason) ? erasedMark : reason;

/** The ticket's search index forgets a row at once, rather than marking it deleted until the next merge (SQLite FTS5). */
async function forgetSearchTermsIn(ctx: AppContext, tx: Tx) {
  if (databaseKind(ctx.config.databaseUrl) === 'sqlite')
    await tx.$executeRawUnsafe(`INSERT INTO "TicketSearch"("TicketSearch", "rank") VALUES ('secure-delete', 1)`);
}

/**
 * Removes stored files no live evidence row points to any more (another ticket may hold the same content), and the
 * inspection verdicts kept for them (intake/inspectionMemo.ts).
 */
async function removeUnusedFiles(ctx: AppContext, keys: readonly string[]) {
  for (const key of new Set(keys)) {
    if ((await ctx.db.evidence.count({ where: { storageKey: key, purgedAt: null } })) > 0) continue;
    await ctx.store.remove(key);
    await forgetInspectionVerdicts(ctx.db, key);
  }
}

/**
 * Erases a closed ticket's customer from everything the desk keeps: the ticket's contact, declared values and search
 * text, every message on it (agents' replies and notes quote the customer), the outbox's rows and `.eml` files, event
 * data and reasons that quote them, file names and files, and the owner-code challenges of the appeal. The ticket,
 * its kind, dates, decision and the trail of who did what stay, as `[erased]` where a value was.
 */
export async function eraseTicket(ctx: AppContext, ticketId: number, by: Agent, reason: string): Promise<boolean> {
  const now = new Date();
  const erased = await ctx.db.$transaction(async (tx) => {
    const t = await tx.ticket.findUniqueOrThrow({ where: { id: ticketId } });
    // Reopened since it was listed: still being worked, so kept.
    if (isOpen(t.status)) return null;
    const strings = await customerStringsIn(tx, t);
    const contacts = [t.contactEmail, t.contactPhone].filter((c): c is string => c !== null);
    await forgetSearchTermsIn(ctx, tx);
    await tx.ticket.update({
      where: { id: t.id },
      data: {
        contactName: erasedMark,
        contactEmail: null,
        contactPhone: null,
        accessTokenHash: null,
        objectionTokenHash: null,
        // The reference stays searchable; an account ID the directory does not hold was only the customer's word.
        searchText: ` ${t.reference.toLowerCase()} `,
        accountUin: t.accountId === null ? null : t.accountUin,
        fields: Object.fromEntries(Object.keys(t.fields as object).map((k) => [k, erasedMark])),
        fieldDigests: {},
        proposal: Prisma.DbNull,
      },
    });
    await tx.message.updateMany({ where: { ticketId: t.id }, data: { body: erasedMark } });
    const noticeWhere: Prisma.NotificationWhereInput = {
      OR: [{ ticketId: t.id }, ...(contacts.length ? [{ ticketId: null, recipient: { in: contacts } }] : [])],
    };
    const notices = await tx.notification.findMany({ where: noticeWhere, select: { id: true } });
    const ids = notices.map((n) => n.id);
    // Not sent yet: never will be. A worker sending one now finds its claim gone and deletes what it wrote.
    await tx.notification.updateMany({
      where: { id: { in: ids }, status: { in: ['pending', 'sending'] } },
      data: { status: 'failed', lastError: erasedMark },
    });
    await tx.notification.updateMany({
      where: { id: { in: ids } },
      data: { recipient: erasedMark, subject: erasedMark, body: erasedMark },
    });
    for (const e of await tx.event.findMany({ where: { ticketId: t.id } })) {
      const data = e.data === null ? null : scrub(e.data, strings, true);
      const why = scrubReason(e.reason, strings);
      if (JSON.stringify(data) !== JSON.stringify(e.data) || why !== e.reason) {
        await tx.event.update({
          where: { id: e.id },
          data: { data: data === null ? Prisma.DbNull : (data as Prisma.InputJsonValue), reason: why },
        });
      }
    }
    const evidence = await tx.evidence.findMany({ where: { ticketId: t.id } });
    for (const e of evidence) {
      await tx.evidence.update({
        where: { id: e.id },
        data: {
          originalName: erasedMark,
          purgedAt: e.purgedAt ?? now,
          findings: scrub(e.findings, strings, false) as Prisma.InputJsonValue,
        },
      });
    }
    await tx.ownerChallenge.deleteMany({
      where: { OR: [{ ticketId: t.id }, ...(t.accountUin ? [{ ticketId: null, accountUin: t.accountUin }] : [])] },
    });
    // The admin's reason is kept, without the customer's strings should it quote them.
    const why = maskFreeText(
      strings.reduce((r, s) => r.split(s).join(erasedMark), reason),
      [],
    );
    await tx.event.create({ data: { ticketId: t.id, actorType: 'agent', agentId: by.id, type: 'privacy.erased', reason: why } });
    return { files: evidence.map((e) => e.storageKey), notices: ids };
  });
  if (!erased) return false;
  await removeUnusedFiles(ctx, erased.files);
  await removeEmlFiles(ctx.config.outboxDir, erased.notices);
  return true;
}

/**
 * Deletes a ticket and what hangs on it: its files (unless another ticket's evidence holds the same content), its
 * notices and their `.eml` copies, its owner-code challenges. What stays is an event saying who deleted which
 * reference, with no personal data.
 */
export async function deleteTicket(ctx: AppContext, ticketId: number, by: Agent): Promise<void> {
  const { files, notices } = await ctx.db.$transaction(async (tx) => {
    const t = await tx.ticket.findUniqueOrThrow({
      where: { id: ticketId },
      include: { evidence: { select: { storageKey: true } }, notifications: { select: { id: true } } },
    });
    await forgetSearchTermsIn(ctx, tx);
    await tx.notification.deleteMany({ where: { ticketId: t.id } });
    await tx.ownerChallenge.deleteMany({ where: { ticketId: t.id } });
    await tx.ticket.delete({ where: { id: t.id } });
    await tx.event.create({
      data: {
        actorType: 'agent',
        agentId: by.id,
        type: 'ticket.deleted',
        data: { ticketId: t.id, reference: t.reference, kind: t.kind, status: t.status, files: t.evidence.length },
      },
    });
    return { files: t.evidence.map((e) => e.storageKey), notices: t.notifications.map((n) => n.id) };
  });
  await removeUnusedFiles(ctx, files);
  await removeEmlFiles(ctx.config.outboxDir, notices);
}
