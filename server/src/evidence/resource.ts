import type { AppContext } from '../context';
import type { Evidence, Prisma } from '../generated/prisma/client';
import type { ListSpec } from '../http/listQuery';
import { page } from '../http/page';
import { restRouter } from '../http/restRouter';

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
  originalName: e.originalName,
  findings: e.findings,
  state: e.state,
  verdict: e.verdict,
  reasonCode: e.reasonCode,
  current: e.current,
  purgedAt: e.purgedAt,
  createdAt: e.createdAt,
});

const spec: ListSpec = {
  filters: { id: 'int', ticketId: 'int', slotId: 'int', state: 'string', current: 'boolean', sha256: 'string' },
  sortable: ['id', 'createdAt'],
  defaultSort: ['createdAt', 'ASC'],
};

export function evidenceRoutes({ db }: AppContext) {
  return restRouter({
    name: 'evidence',
    label: 'Evidence',
    spec,
    read: 'evidence.read',
    list: (q) => page(q, (a: Prisma.EvidenceFindManyArgs) => db.evidence.findMany(a), (a: { where?: Prisma.EvidenceWhereInput }) => db.evidence.count(a), present),
    getOne: async (id) => {
      const e = await db.evidence.findUnique({ where: { id } });
      return e ? present(e) : null;
    },
  });
}
