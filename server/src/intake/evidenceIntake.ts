import type { Localized, SlotDef } from '../catalog';
import { Prisma } from '../generated/prisma/client';
import { hammingDistance, inspectFile, RefusedFile, type Finding, type Inspection } from '../evidence/inspection';
import { HttpError, badRequest } from '../http/errors';
import { openStatuses } from '../contract/statuses';
import { fileState, stateOf, worseOf } from './checklist';
import { serializeIn } from '../db/serialize';
import { mapFewAtOnce } from './fewAtOnce';
import type { InspectionMemo } from './inspectionMemo';
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

/** Other appeals named in one fraud signal; the rest are counted ("and 12 more"). */
export const MAX_LISTED_APPEALS = 20;
/** Other tickets one upload adds its fraud signal to (their finding, one event each); beyond them it is only counted. */
export const MAX_SIGNALLED_TICKETS = 20;

/** One finding per file, however many appeals share it: the first MAX_LISTED_APPEALS by age, and a count. */
const duplicateElsewhere = (references: readonly string[], count: number): Finding => {
  const listed = references.join(', ');
  const more = count - references.length;
  return {
    code: 'duplicate.other_appeal',
    severity: 'warn',
    message:
      count === 1
        ? {
            'zh-CN': `同一文件出现在另一客户的工单 ${listed} 中，请核实是否冒用`,
            en: `The same file appears on another customer's appeal ${listed}: check for fraud`,
          }
        : {
            'zh-CN': `同一文件出现在其他客户的 ${count} 个工单中：${listed}${more > 0 ? ` 等（另有 ${more} 个未列出）` : ''}，请核实是否冒用`,
            en: `The same file appears on ${count} appeals of other customers: ${listed}${more > 0 ? ` and ${more} more` : ''}. Check for fraud`,
          },
    facts: { reference: references[0] ?? null, references: listed, count, more },
  };
};

// Two cores: libvips decodes each image on one thread (sharp.concurrency() is 1 on glibc), so two files use both.
const INSPECTIONS_AT_ONCE = 2;

/**
 * Checks each part against its slot and inspects it, or takes the verdict of the same bytes inspected for the same
 * slot a moment ago (the form's check when the file was chosen); a refused file stops the whole submission.
 */
export async function inspectParts(parts: readonly UploadedPart[], slots: readonly SlotDef[], memo: InspectionMemo): Promise<IntakeFile[]> {
  const byKey = new Map(slots.map((s) => [s.key, s]));
  const unknown = parts.filter((p) => !byKey.has(p.slotKey)).map((p) => p.slotKey);
  if (unknown.length > 0) {
    throw badRequest(
      `Not a material of this appeal: ${unknown.join(', ')}`,
      Object.fromEntries(unknown.map((k) => [k, 'Not a material of this appeal / 不是本申诉需要的材料'])),
      'UNKNOWN_SLOT',
    );
  }
  const seen = new Set<string>();
  for (const p of parts) {
    if (seen.has(p.slotKey))
      throw badRequest(
        `One file per material: ${p.slotKey} has several`,
        { [p.slotKey]: 'Only one file per material / 每项材料只能上传一个文件' },
        'ONE_FILE_PER_SLOT',
      );
    seen.add(p.slotKey);
  }
  // A few at a time: each inspection holds a decoded thumbnail, and memory should not grow with the part count.
  return mapFewAtOnce(parts, INSPECTIONS_AT_ONCE, async (part) => {
    const slot = byKey.get(part.slotKey)!;
    const known = await memo.get(part.sha256, slot);
    if (known) return { ...part, slot, inspection: known };
    let inspection: Inspection;
    try {
      inspection = await inspectFile(part.path, slot, {}, { sha256: part.sha256 });
    } catch (e) {
      if (!(e instanceof RefusedFile)) throw e;
      throw new HttpError(e.status, e.code, `${slot.label.en}: ${e.message}`, { [slot.key]: `${e.message} / ${e.messageZh}` });
    }
    await memo.keep(slot, inspection);
    return { ...part, slot, inspection };
  });
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
/** A file already on the ticket, in the slot it fills. */
export type CurrentFile = { slot: SlotDef; sha256: string; phash: string | null };

const sameDocument = (a: { sha256: string; phash: string | null }, b: { sha256: string; phash: string | null }) => {
  if (a.sha256 === b.sha256) return duplicateWithin;
  const similar = a.phash !== null && b.phash !== null && hammingDistance(a.phash, b.phash) <= sameImageDistance;
  return similar ? similarWithin : null;
};

/**
 * The same document may not fill two slots of one appeal (front = back): judged among the files of this upload, and
 * against the files the ticket already holds in its other slots (a later upload of the front as the back).
 */
export function markDuplicatesWithin(files: readonly IntakeFile[], current: readonly CurrentFile[] = []): void {
  for (const [i, a] of files.entries()) {
    for (const b of files.slice(i + 1)) {
      const finding = sameDocument(a.inspection, b.inspection);
      if (!finding) continue;
      if (a.slot.checks.includes('no_duplicate')) a.inspection.findings.push(finding(b.slot.label));
      if (b.slot.checks.includes('no_duplicate')) b.inspection.findings.push(finding(a.slot.label));
    }
    // A slot this upload replaces no longer counts; a re-upload to the same slot is no duplicate.
    for (const held of current.filter((c) => c.slot.key !== a.slot.key && !files.some((f) => f.slot.key === c.slot.key))) {
      const finding = sameDocument(a.inspection, held);
      if (finding && a.slot.checks.includes('no_duplicate')) a.inspection.findings.push(finding(held.slot.label));
    }
  }
  for (const f of files) f.inspection.state = stateOf(f.inspection.findings);
}

/** Current files of an account's other open appeals an upload is compared with by perceptual hash, at most (the most recent). */
export const MAX_OWN_FILES_COMPARED = 200;

const duplicateOnOwnAppeal = (reference: string): Finding => ({
  code: 'duplicate.own_appeal',
  severity: 'fail',
  message: {
    'zh-CN': `这份文件已用于您的另一个处理中的申诉 ${reference}，同一份文件不能重复使用，请上传本申诉对应的材料`,
    en: `This file is already on your other open appeal ${reference}; one file cannot serve twice. Upload the document this appeal asks for`,
  },
  facts: { reference },
});

const similarOnOwnAppeal = (reference: string): Finding => ({
  code: 'duplicate.own_appeal_similar',
  severity: 'warn',
  message: {
    'zh-CN': `与您的另一个处理中的申诉 ${reference} 中的图片几乎相同，请确认上传的是本申诉对应的材料`,
    en: `This image looks almost the same as one on your other open appeal ${reference}: check that it is the document this appeal asks for`,
  },
  facts: { reference },
});

type Account = { accountId: number | null; accountUin: string | null };

/** The other open appeals of the same account: the linked account, or the declared account when none is linked. */
function ownOpenAppeals(ticketId: number, of: Account): Prisma.TicketWhereInput | null {
  const account = of.accountId !== null ? { accountId: of.accountId } : of.accountUin !== null ? { accountUin: of.accountUin } : null;
  return account && { ...account, id: { not: ticketId }, status: { in: [...openStatuses] } };
}

/**
 * Nor may one document serve two open appeals of one customer: a file already current on another open appeal of the
 * same account fails, naming that appeal (the oldest); a near-identical image only warns, as within one appeal.
 * Another customer's appeal is a fraud signal instead (flagSeenElsewhere). Exact copies are found by an indexed
 * query per file; near ones among the most recent MAX_OWN_FILES_COMPARED files of those appeals.
 */
export async function markDuplicatesOnOwnAppealsIn(
  tx: Prisma.TransactionClient,
  ticket: { id: number } & Account,
  files: readonly IntakeFile[],
): Promise<void> {
  const judged = files.filter((f) => f.slot.checks.includes('no_duplicate'));
  const appeals = ownOpenAppeals(ticket.id, ticket);
  if (judged.length === 0 || !appeals) return;
  // Two appeals of one account filed at the same moment take turns here, so the second sees the first's files.
  await serializeIn(tx, `own-appeals:${ticket.accountUin ?? `#${ticket.accountId}`}`);
  const near = judged.some((f) => f.inspection.phash !== null)
    ? await tx.evidence.findMany({
        where: { current: true, phash: { not: null }, ticket: appeals },
        orderBy: { id: 'desc' },
        take: MAX_OWN_FILES_COMPARED,
        select: { phash: true, ticket: { select: { reference: true } } },
      })
    : [];
  const exact = await tx.evidence.findMany({
    where: { current: true, sha256: { in: [...new Set(judged.map((f) => f.inspection.sha256))] }, ticket: appeals },
    orderBy: { id: 'desc' },
    select: { sha256: true, ticket: { select: { reference: true } } },
  });
  // Newest first, so the last one kept for each digest is its oldest appeal.
  const oldestHolding = new Map(exact.map((e) => [e.sha256, e]));
  for (const f of judged) {
    const { sha256, phash } = f.inspection;
    const same = oldestHolding.get(sha256);
    const similar = same || phash === null ? undefined : near.findLast((e) => hammingDistance(e.phash!, phash) <= sameImageDistance);
    if (same) f.inspection.findings.push(duplicateOnOwnAppeal(same.ticket.reference));
    else if (similar) f.inspection.findings.push(similarOnOwnAppeal(similar.ticket.reference));
    f.inspection.state = stateOf(f.inspection.findings);
  }
}

type Customer = { accountUin: string | null; contactEmail: string | null; contactPhone: string | null };
type Owner = { ticketId?: number; reference: string } & Customer;

/**
 * Tickets of another customer than `of`: neither the account nor a contact in common (someone re-filing after a
 * rejection is not fraud). A ticket without a value (null) shares nothing by it.
 */
const anotherCustomerThan = (of: Customer): Prisma.Sql[] =>
  (['accountUin', 'contactEmail', 'contactPhone'] as const).flatMap((key) => {
    const value = of[key];
    const column = Prisma.raw(`t."${key}"`);
    return value === null ? [] : [Prisma.sql`(${column} IS NULL OR ${column} <> ${value})`];
  });

const othersThan = (of: { id?: number } & Customer): Prisma.Sql[] => [
  ...anotherCustomerThan(of),
  ...(of.id ? [Prisma.sql`t."id" <> ${of.id}`] : []),
];

/** Which of these digests another customer's ticket holds: one query for an upload, most of whose files are new. */
async function seenOnOthers(tx: Prisma.TransactionClient, digests: readonly string[], of: { id?: number } & Customer) {
  if (digests.length === 0) return new Set<string>();
  const where = Prisma.join([Prisma.sql`e."sha256" IN (${Prisma.join(digests)})`, ...othersThan(of)], ' AND ');
  const rows = await tx.$queryRaw<{ sha256: string }[]>(
    Prisma.sql`SELECT DISTINCT e."sha256" FROM "Evidence" e JOIN "Ticket" t ON t."id" = e."ticketId" WHERE ${where}`,
  );
  return new Set(rows.map((r) => r.sha256));
}

/**
 * Other customers' tickets holding a file of this content: how many, and the oldest MAX_LISTED_APPEALS. Found from
 * the file's digest (indexed) outward: asked from the tickets' side, the planner tried each of a million tickets.
 */
async function othersHolding(tx: Prisma.TransactionClient, sha256: string, of: { id?: number } & Customer) {
  const where = Prisma.join(
    [Prisma.sql`t."id" IN (SELECT e."ticketId" FROM "Evidence" e WHERE e."sha256" = ${sha256})`, ...othersThan(of)],
    ' AND ',
  );
  const [counted] = await tx.$queryRaw<{ n: number | bigint }[]>(Prisma.sql`SELECT COUNT(*) AS "n" FROM "Ticket" t WHERE ${where}`);
  const count = Number(counted?.n ?? 0);
  const oldest =
    count === 0
      ? []
      : await tx.$queryRaw<{ id: number; reference: string }[]>(
          Prisma.sql`SELECT t."id", t."reference" FROM "Ticket" t WHERE ${where} ORDER BY t."id" LIMIT ${MAX_LISTED_APPEALS}`,
        );
  return { count, oldest: oldest.map((r) => ({ id: Number(r.id), reference: r.reference })) };
}

const withSignal = (findings: Finding[], signal: Finding) => findings.filter((f) => f.code !== 'duplicate.other_appeal').concat(signal);

/**
 * Files already seen on another customer's appeal: a fraud signal on both tickets, bounded however often one photo
 * is re-used. Each file gets one finding naming at most MAX_LISTED_APPEALS other appeals and counting the rest;
 * each pair of tickets gets one event on either side, written when the file first reaches this ticket; and one
 * upload updates at most MAX_SIGNALLED_TICKETS other tickets (the oldest, so the photo's first appeal among them),
 * whose finding is worked out again rather than appended to.
 */
export async function flagSeenElsewhere(
  tx: Prisma.TransactionClient,
  files: readonly IntakeFile[],
  owner: Owner,
  evidenceIds: ReadonlyMap<IntakeFile, number>,
) {
  // By exact content only: perceptual hashes of two people's ID cards, printed on one template, can collide.
  const byContent = new Map<string, IntakeFile[]>();
  for (const f of files) byContent.set(f.inspection.sha256, [...(byContent.get(f.inspection.sha256) ?? []), f]);
  const toSignal = new Map<number, Set<string>>();
  const seen = await seenOnOthers(tx, [...byContent.keys()], { id: owner.ticketId, ...owner });
  for (const [sha256, group] of byContent) {
    if (!seen.has(sha256)) continue;
    const { count, oldest } = await othersHolding(tx, sha256, { id: owner.ticketId, ...owner });
    if (count === 0) continue;
    const signal = duplicateElsewhere(
      oldest.map((t) => t.reference),
      count,
    );
    const ids = group.map((f) => evidenceIds.get(f)!);
    for (const [i, file] of group.entries()) {
      file.inspection.findings = withSignal(file.inspection.findings, signal);
      await tx.evidence.update({
        where: { id: ids[i]! },
        data: { findings: file.inspection.findings, state: worseOf(fileState(file.inspection.state), 'warn') },
      });
    }
    if (!owner.ticketId) continue;
    // Sent again to a ticket that had it: the pairs were signalled the first time, on both sides.
    if ((await tx.evidence.count({ where: { ticketId: owner.ticketId, sha256, id: { notIn: ids } } })) > 0) continue;
    await tx.event.create({
      data: {
        ticketId: owner.ticketId,
        actorType: 'system',
        type: 'evidence.fraud_signal',
        data: {
          evidenceId: ids[0]!,
          slotKey: group[0]!.slotKey,
          slotKeys: group.map((f) => f.slotKey),
          otherReference: oldest[0]!.reference,
          otherReferences: oldest.map((t) => t.reference),
          others: count,
        },
      },
    });
    for (const t of oldest) toSignal.set(t.id, (toSignal.get(t.id) ?? new Set()).add(sha256));
  }

  const signalled = [...toSignal.keys()].sort((a, b) => a - b).slice(0, MAX_SIGNALLED_TICKETS);
  for (const ticketId of signalled) {
    const other = await tx.ticket.findUniqueOrThrow({
      where: { id: ticketId },
      select: {
        accountUin: true,
        contactEmail: true,
        contactPhone: true,
        evidence: {
          where: { sha256: { in: [...toSignal.get(ticketId)!] } },
          orderBy: { id: 'asc' },
          select: { id: true, sha256: true, findings: true, state: true, slot: { select: { slotKey: true } } },
        },
      },
    });
    const signals = new Map<string, Finding>();
    for (const row of other.evidence) {
      if (!signals.has(row.sha256)) {
        const { count, oldest } = await othersHolding(tx, row.sha256, { id: ticketId, ...other });
        signals.set(
          row.sha256,
          duplicateElsewhere(
            oldest.map((t) => t.reference),
            count,
          ),
        );
      }
      await tx.evidence.update({
        where: { id: row.id },
        data: { findings: withSignal(row.findings as Finding[], signals.get(row.sha256)!), state: worseOf(row.state, 'warn') },
      });
    }
    const first = other.evidence[0]!;
    await tx.event.create({
      data: {
        ticketId,
        actorType: 'system',
        type: 'evidence.fraud_signal',
        data: { evidenceId: first.id, slotKey: first.slot.slotKey, otherReference: owner.reference },
      },
    });
  }
}
