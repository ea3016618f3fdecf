import type { Localized, SlotDef } from '../catalog';
import type { Prisma } from '../generated/prisma/client';
import { hammingDistance, inspectFile, RefusedFile, type Finding, type Inspection } from '../evidence/inspection';
import { HttpError, badRequest } from '../http/errors';
import { fileState, stateOf, worseOf } from './checklist';
import type { UploadedPart } from './upload';

export type IntakeFile = UploadedPart & { slot: SlotDef; inspection: Inspection };

// A re-encoded or resized copy of one photo stays within a few bits of its perceptual hash.
const sameImageDistance = 4;

const duplicateWithin = (otherSlot: Localized): Finding => ({
  code: 'duplicate.same_appeal',
  severity: 'fail',
  message: {
    'zh-CN': `与“${otherSlot['zh-CN']}”是同一份文件，请分别上传对应的材料`,
    en: `This is the same file as "${otherSlot.en}": upload the right document for each item`,
  },
});

const duplicateElsewhere = (reference: string): Finding => ({
  code: 'duplicate.other_appeal',
  severity: 'warn',
  message: { 'zh-CN': `同一文件出现在另一客户的工单 ${reference} 中，请核实是否冒用`, en: `The same file appears on another customer's appeal ${reference}: check for fraud` },
  facts: { reference },
});

/** Checks each part against its slot and inspects it; a refused file stops the whole submission. */
export async function inspectParts(parts: readonly UploadedPart[], slots: readonly SlotDef[]): Promise<IntakeFile[]> {
  const byKey = new Map(slots.map((s) => [s.key, s]));
  const unknown = parts.filter((p) => !byKey.has(p.slotKey)).map((p) => p.slotKey);
  if (unknown.length > 0) {
    throw badRequest(`Not a material of this appeal: ${unknown.join(', ')}`, Object.fromEntries(unknown.map((k) => [k, 'Not a material of this appeal / 不是本申诉需要的材料'])), 'UNKNOWN_SLOT');
  }
  const seen = new Set<string>();
  for (const p of parts) {
    if (seen.has(p.slotKey)) throw badRequest(`One file per material: ${p.slotKey} has several`, { [p.slotKey]: 'Only one file per material / 每项材料只能上传一个文件' }, 'ONE_FILE_PER_SLOT');
    seen.add(p.slotKey);
  }
  const out: IntakeFile[] = [];
  // One at a time: each inspection holds a decoded thumbnail, and memory should not grow with the part count.
  for (const part of parts) {
    const slot = byKey.get(part.slotKey)!;
    try {
      out.push({ ...part, slot, inspection: await inspectFile(part.path, slot) });
    } catch (e) {
      if (!(e instanceof RefusedFile)) throw e;
      throw new HttpError(e.status, e.code, `${slot.label.en}: ${e.message}`, { [slot.key]: `${e.message} / ${e.messageZh}` });
    }
  }
  return out;
}

const similarWithin = (otherSlot: Localized): Finding => ({
  code: 'duplicate.similar',
  severity: 'warn',
  message: {
    'zh-CN': `与“${otherSlot['zh-CN']}”的图片几乎相同，请确认上传的是对应的材料`,
    en: `This image looks almost the same as "${otherSlot.en}": check that each item has its own document`,
  },
});

/**
 * The same file in two slots of one appeal fails both (front = back is the classic). A near-identical image
 * (a re-encoded copy) only warns: documents printed on one template can look alike at hash resolution.
 */
export function markDuplicatesWithin(files: readonly IntakeFile[]): void {
  for (const [i, a] of files.entries()) {
    for (const b of files.slice(i + 1)) {
      const identical = a.inspection.sha256 === b.inspection.sha256;
      const similar = !identical && a.inspection.phash !== null && b.inspection.phash !== null &&
        hammingDistance(a.inspection.phash, b.inspection.phash) <= sameImageDistance;
      if (!identical && !similar) continue;
      const finding = identical ? duplicateWithin : similarWithin;
      if (a.slot.checks.includes('no_duplicate')) a.inspection.findings.push(finding(b.slot.label));
      if (b.slot.checks.includes('no_duplicate')) b.inspection.findings.push(finding(a.slot.label));
    }
  }
  for (const f of files) f.inspection.state = stateOf(f.inspection.findings);
}

type Owner = { ticketId?: number; reference: string; accountUin: string | null; contactEmail: string | null; contactPhone: string | null };

/**
 * Files already seen on another customer's appeal: a fraud signal on both tickets. "Another customer" is a
 * ticket with neither the account nor a contact in common (someone re-filing after a rejection is not fraud).
 */
export async function flagSeenElsewhere(tx: Prisma.TransactionClient, files: readonly IntakeFile[], owner: Owner, evidenceIds: ReadonlyMap<IntakeFile, number>) {
  // By exact content only: perceptual hashes of two people's ID cards, printed on one template, can collide.
  const earlier = await tx.evidence.findMany({
    where: { sha256: { in: files.map((f) => f.inspection.sha256) }, ...(owner.ticketId ? { ticketId: { not: owner.ticketId } } : {}) },
    include: { slot: { select: { slotKey: true } }, ticket: { select: { id: true, reference: true, accountUin: true, contactEmail: true, contactPhone: true } } },
  });
  const sameCustomer = (t: Omit<Owner, 'ticketId'>) =>
    (owner.accountUin !== null && t.accountUin === owner.accountUin) ||
    (owner.contactEmail !== null && t.contactEmail === owner.contactEmail) ||
    (owner.contactPhone !== null && t.contactPhone === owner.contactPhone);
  for (const old of earlier) {
    if (old.ticket.reference === owner.reference || sameCustomer(old.ticket)) continue;
    const file = files.find((f) => f.inspection.sha256 === old.sha256);
    if (!file) continue;
    const newId = evidenceIds.get(file)!;
    file.inspection.findings.push(duplicateElsewhere(old.ticket.reference));
    const oldFindings = (old.findings as Finding[]).concat(duplicateElsewhere(owner.reference));
    await tx.evidence.update({ where: { id: old.id }, data: { findings: oldFindings, state: worseOf(old.state, 'warn') } });
    await tx.evidence.update({ where: { id: newId }, data: { findings: file.inspection.findings, state: worseOf(fileState(file.inspection.state), 'warn') } });
    await tx.event.create({ data: { ticketId: old.ticketId, actorType: 'system', type: 'evidence.fraud_signal', data: { evidenceId: old.id, slotKey: old.slot.slotKey, otherReference: owner.reference } } });
    if (owner.ticketId) await tx.event.create({ data: { ticketId: owner.ticketId, actorType: 'system', type: 'evidence.fraud_signal', data: { evidenceId: newId, slotKey: file.slotKey, otherReference: old.ticket.reference } } });
  }
}
