import { z } from 'zod';
import { defaultRejectionReasons } from '../catalog';
import type { AppContext } from '../context';
import type { Db } from '../db/client';
import type { Prisma, RejectionReason } from '../generated/prisma/client';
import { badRequest, notFound } from '../http/errors';
import { lists } from '../contract/lists';
import { listSpec } from '../http/listQuery';
import { page } from '../http/page';
import { restRouter } from '../http/restRouter';
import { isUniqueViolation, unique } from '../http/uniqueViolation';
import { parseInput } from '../http/validate';

const present = (r: RejectionReason) => ({
  id: r.id,
  code: r.code,
  labelZh: r.labelZh,
  labelEn: r.labelEn,
  scope: r.scope,
  active: r.active,
  updatedAt: r.updatedAt,
});

export const spec = listSpec(lists['rejection-reasons'], {});

export const schema = z.object({
  code: z
    .string()
    .trim()
    .regex(/^[a-z][a-z0-9_]{1,49}$/, 'Lower-case letters, digits and _'),
  labelZh: z.string().trim().min(1).max(200),
  labelEn: z.string().trim().min(1).max(200),
  scope: z.enum(['evidence', 'decision', 'both']).default('both'),
  active: z.boolean().default(true),
});

/**
 * Writes the catalog's reasons into an empty table (production included: decisions need them). Row by row, a code
 * already written by another process starting at the same time is left as it is.
 */
export async function ensureRejectionReasons(db: Db): Promise<void> {
  if ((await db.rejectionReason.count()) > 0) return;
  for (const r of defaultRejectionReasons) {
    await db.rejectionReason
      .create({ data: { code: r.code, labelZh: r.label['zh-CN'], labelEn: r.label.en, scope: r.scope } })
      .catch((e: unknown) => {
        if (!isUniqueViolation(e)) throw e;
      });
  }
}

// Reasons are switched off rather than deleted: past decisions keep pointing at them.
export function rejectionReasonRoutes({ db }: AppContext) {
  const getOne = async (id: number) => {
    const r = await db.rejectionReason.findUnique({ where: { id } });
    return r ? present(r) : null;
  };
  return restRouter({
    name: 'rejection-reasons',
    label: 'Rejection reason',
    spec,
    read: 'rejectionReasons.read',
    list: (q) =>
      page(
        q,
        (a: Prisma.RejectionReasonFindManyArgs) => db.rejectionReason.findMany(a),
        (a: { where?: Prisma.RejectionReasonWhereInput }) => db.rejectionReason.count(a),
        present,
      ),
    getOne,
    create: {
      action: 'rejectionReasons.manage',
      handle: async ({ body }) =>
        present(await unique(db.rejectionReason.create({ data: parseInput(schema, body) }), 'That code exists already', 'CODE_TAKEN')),
    },
    update: {
      action: 'rejectionReasons.manage',
      async handle({ id, body }) {
        const current = await getOne(id);
        if (!current) throw notFound('Rejection reason');
        const data = parseInput(schema, body);
        if (data.code !== current.code)
          throw badRequest('A reason keeps its code; add a new one instead', { code: 'Cannot change' }, 'CODE_FIXED');
        return present(await db.rejectionReason.update({ where: { id }, data }));
      },
    },
  });
}
