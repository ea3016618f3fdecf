import type { Db } from '../db/client';
import { slotsFor, type SlotDef } from '../catalog';
import type { Prisma } from '../generated/prisma/client';
import type { EvidenceStore } from '../storage/evidenceStore';
import { buildChecklist, fileState, isComplete, type CurrentEvidence } from './checklist';
import { flagSeenElsewhere, markDuplicatesOnOwnAppealsIn, type CurrentFile, type IntakeFile } from './evidenceIntake';
import type { Finding } from '../evidence/inspection';
import { conflict } from '../http/errors';
import { acceptingFilesStatuses } from '../contract/statuses';
import { lockTicketIn } from '../tickets/workflow';

/** Moves inspected files into the store; returns the keys that were not there before (to release on failure). */
export async function storeFiles(store: EvidenceStore, files: readonly IntakeFile[]): Promise<string[]> {
  const added: string[] = [];
  for (const f of files) {
    const existed = await store.exists(f.inspection.sha256);
    await store.put(f.path, f.inspection.sha256);
    if (!existed) added.push(f.inspection.sha256);
  }
  return added;
}

/** The files a ticket holds now, each in the slot it fills: what a new upload may not repeat in another slot. */
export async function currentFilesOf(db: Db, ticketId: number, slots: readonly SlotDef[]): Promise<CurrentFile[]> {
  const held = await db.evidence.findMany({
    where: { ticketId, current: true },
    select: { sha256: true, phash: true, slot: { select: { slotKey: true } } },
  });
  return held.flatMap((e) => {
    const slot = slots.find((d) => d.key === e.slot.slotKey);
    return slot ? [{ slot, sha256: e.sha256, phash: e.phash }] : [];
  });
}

/** After a failed transaction: removes the files it had stored, unless another evidence row uses them. */
export async function releaseUnreferenced(db: Db, store: EvidenceStore, keys: readonly string[]): Promise<void> {
  for (const key of keys) {
    if ((await db.evidence.count({ where: { storageKey: key } })) === 0) await store.remove(key);
  }
}

/**
 * Records files on a ticket inside the caller's transaction: each replaces the slot's current file, the slot
 * takes the file's state, a file already on the customer's other open appeals is marked, fraud signals are raised,
 * and the ticket's completeness is worked out again.
 */
export async function attachEvidenceIn(
  tx: Prisma.TransactionClient,
  ticketId: number,
  files: readonly IntakeFile[],
  actor: 'customer' | 'system',
  options: { decidedHistory?: boolean } = {},
) {
  // Checked here, holding the row, not before the upload: a file that arrives after the decision is refused.
  // Only the demo seed writes the files its decided tickets were decided on (decidedHistory).
  if (!options.decidedHistory && !(await lockTicketIn(tx, ticketId, acceptingFilesStatuses))) {
    throw conflict('This appeal is decided or being decided: its files can no longer change', 'APPEAL_CLOSED');
  }
  const ticket = await tx.ticket.findUniqueOrThrow({ where: { id: ticketId }, include: { slots: true } });
  await markDuplicatesOnOwnAppealsIn(tx, ticket, files);
  const slotIds = new Map(ticket.slots.map((s) => [s.slotKey, s.id]));
  const ids = new Map<IntakeFile, number>();
  for (const f of files) {
    const slotId = slotIds.get(f.slotKey)!;
    await tx.evidence.updateMany({ where: { slotId, current: true }, data: { current: false } });
    const i = f.inspection;
    const row = await tx.evidence.create({
      data: {
        ticketId,
        slotId,
        storageKey: i.sha256,
        sha256: i.sha256,
        phash: i.phash,
        mime: i.mime,
        size: i.size,
        width: i.width,
        height: i.height,
        pages: i.pages,
        originalName: f.originalName,
        findings: i.findings,
        state: fileState(i.state),
      },
    });
    ids.set(f, row.id);
  }
  await flagSeenElsewhere(
    tx,
    files,
    {
      ticketId,
      reference: ticket.reference,
      accountUin: ticket.accountUin,
      contactEmail: ticket.contactEmail,
      contactPhone: ticket.contactPhone,
    },
    ids,
  );

  const before = await checklistIn(tx, ticketId, 'agent');
  for (const slot of before.slots) {
    if (!files.some((f) => f.slotKey === slot.key)) continue;
    await tx.materialSlot.update({
      where: { id: slotIds.get(slot.key)! },
      data: { state: slot.state, verdict: null, reasonCode: null, requestedAt: null },
    });
  }
  // Worked out again now that the answered requests are cleared.
  const checklist = await checklistIn(tx, ticketId, 'agent');
  await tx.ticket.update({ where: { id: ticketId }, data: { complete: checklist.complete } });
  await tx.event.create({
    data: {
      ticketId,
      actorType: actor,
      type: 'evidence.added',
      data: {
        files: files.map((f) => ({
          slot: f.slotKey,
          evidenceId: ids.get(f)!,
          state: fileState(f.inspection.state),
          sha256: f.inspection.sha256,
        })),
      },
    },
  });
  return checklist;
}

/** The ticket's checklist from its current files; the customer's view leaves out agent-only findings. */
export async function checklistIn(tx: Prisma.TransactionClient | Db, ticketId: number, audience: 'customer' | 'agent') {
  const ticket = await tx.ticket.findUniqueOrThrow({
    where: { id: ticketId },
    include: { slots: true, evidence: { where: { current: true }, select: { id: true, slotId: true, findings: true } } },
  });
  const keyOf = new Map(ticket.slots.map((s) => [s.id, s.slotKey]));
  const current = new Map<string, CurrentEvidence>(
    ticket.evidence.map((e) => [keyOf.get(e.slotId)!, { id: e.id, findings: e.findings as Finding[] }]),
  );
  const requested = new Set(ticket.slots.filter((s) => s.requestedAt !== null).map((s) => s.slotKey));
  const defs = slotsFor(ticket.kind, ticket.subjectType, ticket.variant ?? undefined);
  const checklist = buildChecklist(defs, current, requested, audience);
  return { ...checklist, complete: isComplete(checklist.slots) };
}
