import type { ListQuery } from './listQuery';

type FindArgs = { where?: unknown; orderBy?: unknown; skip?: number; take?: number };

/**
 * One page and the true total, read side by side. The query was checked against the resource's ListSpec,
 * so this is the one place where it is handed to Prisma's model types.
 */
export async function page<A extends FindArgs, R, P>(
  q: ListQuery,
  findMany: (args: A) => Promise<R[]>,
  count: (args: { where?: A['where'] }) => Promise<number>,
  present: (row: R) => P,
): Promise<{ rows: P[]; total: number }> {
  const args = { where: q.where, orderBy: q.orderBy, skip: q.skip, take: q.take } as unknown as A;
  const [rows, total] = await Promise.all([findMany(args), count({ where: args.where })]);
  return { rows: rows.map(present), total };
}
