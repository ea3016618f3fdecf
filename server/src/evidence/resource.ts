import type { AppContext } from '../context';
import type { Evidence, Prisma } from '../generated/prisma/client';
import { lists } from '../contract/lists';
import { listSpec } from '../http/listQuery';
import { page } from '../http/page';
import { conflict, notFound } from '../http/errors';
import { authorizeOn } from '../auth/policy';
import { acceptingFilesStatuses } from '../contract/statuses';
import { lockTicketIn } from '../tickets/workflow';
import { verdictSchema } from '../contract/evidence';
import { restRouter } from '../http/restRouter';
import { parseInput } from '../http/validate';
import { maskField } from '../privacy/presenter';
import { requireReason } from '../rejectionReasons/requireReason';

// Metadata only: the file itself is reached through the audited /api/files routes, never by path.
const present = (e: Evidence) => ({
  id: e.id,
  ticketId: e.ticketId,
  slotId: e.slotId,
  sha256: e.sha256,
  mime: e.mime,
  size: e.size,
  width: e.width,
  height: e.height,
  pages: e.pages,
  // The customer named the file: a phone, address or ID number in the name is masked like any free text.
  originalName: maskField('originalName', e.originalName) ?? '',
  findings: e.findings,
  state: e.state,
  verdict: e.verdict,
  reasonCode: e.reasonCode,
  current: e.current,
  purgedAt: e.purgedAt,
  createdAt: e.createdAt,
});

export const spec = listSpec(lists.evidence, {});

/** An agent's verdict on one file; it becomes the verdict of its slot while the file is current. */
export function evidenceRoutes({ db }: AppContext) {
  return restRouter({
    name: 'evidence',
    label: 'Evidence',
    spec,
    read: 'evidence.read',
    list: (q) =>
      page(
        q,
        (a: Prisma.EvidenceFindManyArgs) => db.evidence.findMany(a),
        (a: { where?: Prisma.EvidenceWhereInput }) => db.evidence.count(a),
        present,
      ),
    getOne: async (id) => {
      const e = await db.evidence.findUnique({ where: { id } });
      return e ? present(e) : null;
    },
    update: {
      action: 'evidence.review',
      async handle({ id, body, agent }) {
        const input = parseInput(verdictSchema, body);
        const updated = await db.$transaction(async (tx) => {
          const e = await tx.evidence.findUnique({ where: { id }, include: { slot: true, ticket: { select: { assigneeId: true } } } });
          if (!e) throw notFound('Evidence');
          authorizeOn(agent, e.ticket);
          // Verdicts are frozen once an approval is proposed or the ticket decided (docs/decisions.md).
          if (!(await lockTicketIn(tx, e.ticketId, acceptingFilesStatuses, input.version)))
            throw conflict('The ticket is decided or its approval is pending: its files are frozen', 'EVIDENCE_FROZEN');
          const reason = input.verdict === 'rejected' ? (await requireReason(tx, input.reasonCode ?? undefined, 'evidence')).code : null;
          const row = await tx.evidence.update({ where: { id }, data: { verdict: input.verdict, reasonCode: reason } });
          if (e.current) await tx.materialSlot.update({ where: { id: e.slotId }, data: { verdict: input.verdict, reasonCode: reason } });
          await tx.event.create({
            data: {
              ticketId: e.ticketId,
              actorType: 'agent',
              agentId: agent.id,
              type: 'evidence.reviewed',
              reason,
              data: { evidenceId: id, slotKey: e.slot.slotKey, verdict: input.verdict },
            },
          });
          return row;
        });
        return present(updated);
      },
    },
  });
}
