import type { Db } from '../db/client';
import type { Prisma } from '../generated/prisma/client';
import { maskName } from '../privacy/mask';

export type PhoneHolderRole = 'account' | 'sub_user' | 'collaborator' | 'message_recipient';

/** Who holds a phone number: accounts with it as security phone, and members (sub-users, collaborators) with it as theirs. */
export type PhoneHolder = { role: PhoneHolderRole; uin: string; subjectType: string; name: string | null; status: string };

// A number is the security phone of at most 5 accounts (seed 002); members are bounded too, so the page stays small.
const MAX_LISTED = 50;

/** Every holder of the number, masked, so the agent sees whom a release touches before approving (seed 002). */
export async function phoneHoldersOf(db: Db | Prisma.TransactionClient, phone: string): Promise<PhoneHolder[]> {
  const [accounts, members] = await Promise.all([
    db.account.findMany({
      where: { securityPhone: phone },
      select: { uin: true, subjectType: true, realName: true, companyName: true, status: true },
      orderBy: { uin: 'asc' },
      take: MAX_LISTED,
    }),
    db.accountMember.findMany({
      where: { phone },
      select: { role: true, name: true, account: { select: { uin: true, subjectType: true, status: true } } },
      orderBy: { id: 'asc' },
      take: MAX_LISTED,
    }),
  ]);
  return [
    ...accounts.map((a): PhoneHolder => ({
      role: 'account',
      uin: a.uin,
      subjectType: a.subjectType,
      name: maskName(a.companyName ?? a.realName),
      status: a.status,
    })),
    ...members.map((m): PhoneHolder => ({
      role: m.role as PhoneHolderRole,
      uin: m.account.uin,
      subjectType: m.account.subjectType,
      name: maskName(m.name),
      status: m.account.status,
    })),
  ];
}
