import type { Db } from '../db/client';
import { slotsFor, type SlotDef } from '../catalog';
import type { Prisma } from '../generated/prisma/client';
import type { EvidenceStore } from '../storage/evidenceStore';
import { buildChecklist, fileState, type Checklist, type CurrentEvidence } from './checklist';
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
  const filled = files.map((f) => slotIds.get(f.slotKey)!);
  await tx.evidence.updateMany({ where: { slotId: { in: filled }, current: true }, data: { current: false } });
  // One file per slot (inspectParts refuses more), so the rows come back told apart by their slot.
  const rows = await tx.evidence.createManyAndReturn({
    data: files.map((f, i) => {
      const { inspection: n } = f;
      return {
        ticketId,
        slotId: filled[i]!,
        storageKey: n.sha256,
        sha256: n.sha256,
        phash: n.phash,
        mime: n.mime,
        size: n.size,
        width: n.width,
        height: n.height,
        pages: n.pages,
        originalName: f.originalName,
        findings: n.findings,
        state: fileState(n.state),
      };
    }),
    select: { id: true, slotId: true },
  });
  const idOfSlot = new Map(rows.map((r) => [r.slotId, r.id]));
  const ids = new Map(files.map((f, i) => [f, idOfSlot.get(filled[i]!)!]));
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

  // A new file answers the slot's request for one: the request is cleared, and the slot takes the file's state.
  const answered = new Set(files.map((f) => f.slotKey));
  const facts = await checklistFactsIn(tx, ticket);
  const after: ChecklistFacts = { ...facts, requested: new Set([...facts.requested].filter((k) => !answered.has(k))) };
  const checklist = checklistOf(after, 'agent');
  const slotsByState = new Map<string, number[]>();
  for (const slot of checklist.slots.filter((c) => answered.has(c.key)))
    slotsByState.set(slot.state, [...(slotsByState.get(slot.state) ?? []), slotIds.get(slot.key)!]);
  for (const [state, inState] of slotsByState)
    await tx.materialSlot.updateMany({
      where: { id: { in: inState } },
      data: { state, verdict: null, reasonCode: null, requestedAt: null },
    });
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
  return after;
}

/** What a ticket's checklist is worked out from: the slots its kind asks for, the current files, the open requests. */
export type ChecklistFacts = { defs: readonly SlotDef[]; current: ReadonlyMap<string, CurrentEvidence>; requested: ReadonlySet<string> };

/** A ticket as its checklist needs it: what it is, and its slots. */
type TicketWithSlots = {
  id: number;
  kind: string;
  subjectType: string;
  variant: string | null;
  slots: readonly { id: number; slotKey: string; requestedAt: Date | null }[];
};

async function checklistFactsIn(tx: Prisma.TransactionClient | Db, ticket: TicketWithSlots): Promise<ChecklistFacts> {
  const evidence = await tx.evidence.findMany({
    where: { ticketId: ticket.id, current: true },
    select: { id: true, slotId: true, findings: true },
  });
  const keyOf = new Map(ticket.slots.map((s) => [s.id, s.slotKey]));
  return {
    defs: slotsFor(ticket.kind, ticket.subjectType, ticket.variant ?? undefined),
    current: new Map(evidence.map((e) => [keyOf.get(e.slotId)!, { id: e.id, findings: e.findings as Finding[] }])),
    requested: new Set(ticket.slots.filter((s) => s.requestedAt !== null).map((s) => s.slotKey)),
  };
}

/** The checklist as `audience` reads it: the customer's leaves out agent-only findings. */
export const checklistOf = (facts: ChecklistFacts, audience: 'customer' | 'agent'): Checklist =>
  buildChecklist(facts.defs, facts.current, facts.requested, audience);

/** The ticket's checklist from its current files; the customer's view leaves out agent-only findings. */
export async function checklistIn(tx: Prisma.TransactionClient | Db, ticketId: number, audience: 'customer' | 'agent'): Promise<Checklist> {
  const ticket = await tx.ticket.findUniqueOrThrow({
    where: { id: ticketId },
    select: { id: true, kind: true, subjectType: true, variant: true, slots: { select: { id: true, slotKey: true, requestedAt: true } } },
  });
  return checklistOf(await checklistFactsIn(tx, ticket), audience);
}
