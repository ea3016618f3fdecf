import type { Account } from '../generated/prisma/client';
import { maskCode, maskEmail, maskIdNumber, maskName, maskPhone } from '../privacy/mask';

type LoginMethod = { type: string; identifier: string; registration: boolean };

const maskLogin = (m: LoginMethod): LoginMethod => ({
  ...m,
  identifier: m.type === 'email' ? (maskEmail(m.identifier) ?? '') : maskCode(m.identifier) ?? '',
});

/** The directory as agents see it: every identifier masked. */
export function presentAccount(a: Account) {
  return {
    id: a.id,
    uin: a.uin,
    subjectType: a.subjectType,
    realName: maskName(a.realName),
    companyName: a.companyName,
    idNumber: maskIdNumber(a.idNumberLast4),
    creditCode: maskCode(a.creditCode),
    securityPhone: maskPhone(a.securityPhone),
    securityEmail: maskEmail(a.securityEmail),
    loginMethods: (a.loginMethods as LoginMethod[]).map(maskLogin),
    mfaBound: a.mfaBound,
    protection: a.protection,
    balanceCents: a.balanceCents,
    arrearsCents: a.arrearsCents,
    vouchers: a.vouchers,
    resourcesInUse: a.resourcesInUse,
    subUsers: a.subUsers,
    collaborators: a.collaborators,
    openComplaints: a.openComplaints,
    lastRealNameChangeAt: a.lastRealNameChangeAt,
    status: a.status,
    createdAt: a.createdAt,
    updatedAt: a.updatedAt,
  };
}
