import type { Account } from '../generated/prisma/client';
import { presentPersonal } from '../privacy/presenter';

type LoginMethod = { type: string; identifier: string; registration: boolean };

/** The directory as agents see it: every identifier masked by the personal-data rule (server/src/privacy/presenter.ts). */
export function presentAccount(a: Account) {
  return presentPersonal({
    id: a.id,
    uin: a.uin,
    subjectType: a.subjectType,
    realName: a.realName,
    companyName: a.companyName,
    idNumber: a.idNumberLast4,
    creditCode: a.creditCode,
    securityPhone: a.securityPhone,
    securityEmail: a.securityEmail,
    loginMethods: a.loginMethods as LoginMethod[],
    mfaBound: a.mfaBound,
    protection: a.protection,
    balanceCents: a.balanceCents,
    arrearsCents: a.arrearsCents,
    vouchers: a.vouchers,
    resourcesInUse: a.resourcesInUse,
    subUsers: a.subUsers,
    collaborators: a.collaborators,
    openComplaints: a.openComplaints,
    unfinishedOrders: a.unfinishedOrders,
    messageRecipients: a.messageRecipients,
    advancePaymentCents: a.advancePaymentCents,
    abandonableResources: (a.abandonableResources ?? []) as { category: string; name: string; expiresAt?: string | null }[],
    handlerName: a.handlerName,
    lastRealNameVerifiedAt: a.lastRealNameVerifiedAt,
    lastRealNameChangeAt: a.lastRealNameChangeAt,
    status: a.status,
    createdAt: a.createdAt,
    updatedAt: a.updatedAt,
  });
}
