import { declaredFieldsSchema, fieldsFor, fourEyesReason, getKind, kindKeys } from '../catalog';
import { basisOf } from '../decisions/basis';
import { loadForDecision } from '../decisions/blockers';
import { hashPassword } from '../auth/passwords';
import type { Db } from '../db/client';
import type { Prisma } from '../generated/prisma/client';
import { createTicketIn } from '../tickets/createTicket';
import { pathTo, ticketStatuses } from '../contract/statuses';
import { declareFields } from './declared';
import { demoDirectory, type DemoAccount } from './directory';
import type { EvidenceStore } from '../storage/evidenceStore';
import { attachDemoEvidence } from './demoEvidence';
import { demoMacros } from './macros';
import { seededRandom } from './random';

export const demoPassword = 'helpdesk-demo';

export const demoAgents = [
  { email: 'agent@example.com', name: '王小明', role: 'agent', locale: 'zh-CN' },
  { email: 'admin@example.com', name: '陈静', role: 'admin', locale: 'zh-CN' },
  { email: 'supervisor@example.com', name: '刘洋', role: 'supervisor', locale: 'zh-CN' },
  { email: 'li.na@example.com', name: '李娜', role: 'agent', locale: 'zh-CN' },
  { email: 'zhao.lei@example.com', name: 'Zhao Lei', role: 'agent', locale: 'en' },
] as const;

const hour = 3_600_000;

/** Seeds agents, a directory, tickets of every kind in every status, and macros. Only into an empty database. */
export async function seedDemoIfEmpty(db: Db, hashKey: string, options: { store?: EvidenceStore; now?: Date } = {}) {
  const now = options.now ?? new Date();
  if ((await db.agent.count()) > 0) return null;
  const r = seededRandom(20261124);

  const agents = [];
  for (const a of demoAgents) agents.push(await db.agent.create({ data: { ...a, passwordHash: await hashPassword(demoPassword) } }));
  const workers = agents.filter((a) => a.role !== 'admin');

  const directory = demoDirectory(r, hashKey);
  for (const account of directory) await db.account.create({ data: account.data });
  const bySubject = (type: string) => directory.filter((d) => d.data.subjectType === type);

  let tickets = 0;
  for (const kindKey of kindKeys) {
    const kind = getKind(kindKey)!;
    for (const [i, status] of ticketStatuses.entries()) {
      const subjectType = kind.subjectTypes[i % kind.subjectTypes.length]!;
      // A pending approval only of a variant that asks for a second person.
      const choices = status === 'approval_pending' ? kind.variants.filter((v) => fourEyesReason(kind, v.key)) : kind.variants;
      const variant = choices.length ? choices[i % choices.length]!.key : undefined;
      const pool = bySubject(subjectType);
      const account: DemoAccount = pool[(i + tickets) % pool.length]!;
      const fields = declareFields(kindKey, fieldsFor(kindKey, subjectType, variant), account, r);
      declaredFieldsSchema(kindKey, subjectType, variant, now).parse(fields);
      const submittedAt = new Date(now.getTime() - r.int(2, 14 * 24) * hour);
      const worker = workers[(i + tickets) % workers.length]!;
      await db.$transaction(async (tx) => {
        const ticket = await createTicketIn(
          tx,
          {
            kind: kindKey,
            subjectType,
            variant,
            fields,
            contact: {
              name: String(account.data.realName ?? fields.applicantName ?? '张伟'),
              email: account.data.securityEmail ?? undefined,
              phone: account.phone ?? undefined,
            },
            priority: r.pick(['low', 'normal', 'normal', 'normal', 'high', 'urgent']),
            submittedAt,
            by: { actorType: 'customer' },
          },
          hashKey,
        );
        await walkTo(tx, ticket.id, status, submittedAt, now, worker.id, r);
      });
      tickets += 1;
    }
  }
  for (const m of demoMacros) await db.macro.create({ data: m });
  const files = options.store ? await attachDemoEvidence(db, options.store) : 0;
  await completeDemoProposals(db, workers[0]!.id);
  return { agents: agents.length, accounts: directory.length, tickets, macros: demoMacros.length, files };
}

const reasons: Record<string, string> = {
  awaiting_customer: '手持身份证照片为前置摄像头自拍，请重新拍摄',
  approved: '材料齐全，与账号实名信息一致',
  rejected: '申请人与账号实名主体不一致',
  withdrawn: '客户来电撤回申请',
};

/**
 * The demo's pending approvals: their files were reviewed and accepted, and the proposal is bound to the ticket as
 * it now stands, so a second supervisor can confirm one (docs/decisions.md).
 */
async function completeDemoProposals(db: Db, proposerId: number) {
  for (const { id } of await db.ticket.findMany({ where: { status: 'approval_pending' }, select: { id: true } })) {
    await db.$transaction(async (tx) => {
      await tx.evidence.updateMany({ where: { ticketId: id, current: true }, data: { verdict: 'accepted' } });
      await tx.materialSlot.updateMany({ where: { ticketId: id }, data: { verdict: 'accepted' } });
      const ticket = (await loadForDecision(tx, id))!;
      const proposal = {
        message: '材料齐全，与账号实名信息一致，审核通过。',
        overridden: [],
        overrideReason: null,
        digest: basisOf(ticket).digest,
      };
      await tx.ticket.update({ where: { id }, data: { proposedById: proposerId, proposedAt: ticket.updatedAt, proposal } });
    });
  }
}

/** Moves a fresh ticket along the transition table to `status`, with events spread in time. */
async function walkTo(
  tx: Prisma.TransactionClient,
  ticketId: number,
  status: string,
  from: Date,
  now: Date,
  agentId: number,
  r: ReturnType<typeof seededRandom>,
) {
  const steps = pathTo(status);
  if (steps.length === 0) return;
  let at = from.getTime();
  const stepMs = Math.max(60_000, (now.getTime() - at) / (steps.length + 1));
  let previous = 'new';
  const data: Prisma.TicketUpdateInput = { assignee: { connect: { id: agentId } } };
  await tx.event.create({
    data: {
      ticketId,
      actorType: 'agent',
      agentId,
      type: 'ticket.assigned',
      data: { from: null, to: agentId },
      createdAt: new Date(at + stepMs / 2),
    },
  });
  for (const to of steps) {
    at += stepMs * (0.5 + r.next());
    const when = new Date(Math.min(at, now.getTime() - 60_000));
    await tx.event.create({
      data: {
        ticketId,
        actorType: 'agent',
        agentId,
        type: 'ticket.transitioned',
        fromStatus: previous,
        toStatus: to,
        reason: reasons[to] ?? null,
        createdAt: when,
      },
    });
    if (to === 'awaiting_customer') {
      data.slaPausedAt = when;
      await tx.message.create({
        data: {
          ticketId,
          kind: 'public_reply',
          agentId,
          body: `您好，${reasons.awaiting_customer}。请通过工单状态页上传。`,
          createdAt: when,
        },
      });
    }
    if (to === 'approved' || to === 'rejected') {
      data.decidedAt = when;
      data.decision = to === 'approved' ? 'approve' : 'reject';
      if (to === 'rejected') data.decisionReason = 'subject_mismatch';
    }
    if (to === 'closed') data.closedAt = when;
    previous = to;
    data.updatedAt = when;
  }
  if (status === 'in_review')
    await tx.message.create({
      data: { ticketId, kind: 'internal_note', agentId, body: '已核对账号实名信息，待复核手持证件照片。', createdAt: new Date(at) },
    });
  await tx.ticket.update({ where: { id: ticketId }, data: { ...data, status } });
}
