import type { AppContext } from '../context';
import type { Prisma } from '../generated/prisma/client';
import { lists } from '../contract/lists';
import { likeLiteral, listSpec } from '../http/listQuery';
import { page } from '../http/page';
import { restRouter } from '../http/restRouter';
import { presentAccount } from './presenter';

/** A full security phone (spaces and dashes as typed are dropped) or a whole name, compared exactly, never in part. */
const exactMatches = (q: string): Prisma.AccountWhereInput[] => {
  const phone = q.replace(/[\s-]/g, '');
  return [...(/^\+?\d{7,15}$/.test(phone) ? [{ securityPhone: phone }] : []), { realName: q }, { companyName: q }];
};

export const spec = listSpec(lists.accounts, {
  search: (q): Prisma.AccountWhereInput => ({
    OR: [{ uin: { startsWith: likeLiteral(q) } }, { companyName: { contains: likeLiteral(q) } }, ...exactMatches(q)],
  }),
});

// The directory changes only through approved appeals, never by hand.
export function accountRoutes({ db }: AppContext) {
  return restRouter({
    name: 'accounts',
    label: 'Account',
    spec,
    read: 'accounts.read',
    list: (q) =>
      page(
        q,
        (a: Prisma.AccountFindManyArgs) => db.account.findMany(a),
        (a: { where?: Prisma.AccountWhereInput }) => db.account.count(a),
        presentAccount,
      ),
    getOne: async (id) => {
      const a = await db.account.findUnique({ where: { id } });
      return a ? presentAccount(a) : null;
    },
  });
}
