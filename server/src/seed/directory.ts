import type { Prisma } from '../generated/prisma/client';
import { identityDigest } from '../privacy/identityDigest';
import { creditCode, residentId } from './identities';
import { companies, emailDomains, givenNames, pinyin, regions, surnames } from './people';
import type { Random } from './random';

/** A demo account with the clear identity numbers kept aside, so tickets can declare them. */
export type DemoAccount = { data: Prisma.AccountCreateInput; idNumber: string | null; phone: string | null };

export const sharedSecurityPhone = '13800138000';

const personName = (r: Random) => r.pick(surnames) + r.pick(givenNames);
const phone = (r: Random) => `1${r.pick(['3', '5', '7', '8', '9'])}${String(r.int(0, 999_999_999)).padStart(9, '0')}`;
const adultBirth = (r: Random) => new Date(Date.UTC(r.int(1965, 2003), r.int(0, 11), r.int(1, 28)));

function loginMethods(r: Random, uin: string, email: string) {
  const methods = [{ type: 'qq', identifier: uin, registration: true }];
  if (r.chance(0.6)) methods.push({ type: 'email', identifier: email, registration: false });
  if (r.chance(0.5)) methods.push({ type: 'wechat', identifier: `wxid_${r.int(100000, 999999)}`, registration: false });
  return methods;
}

/** A directory as a desk would meet it: people, companies, unverified accounts; some sharing one phone. */
export function demoDirectory(r: Random, hashKey: string, count = { personal: 12, enterprise: 8, unverified: 4 }): DemoAccount[] {
  const out: DemoAccount[] = [];
  let serial = 0;
  const base = (
    subjectType: string,
    sharePhone: boolean,
  ): { uin: string; email: string; phone: string; common: Omit<Prisma.AccountCreateInput, 'subjectType'> } => {
    serial += 1;
    const uin = String(100_000_000 + serial * 7919);
    const email = `${r.pick(pinyin)}${r.int(10, 9999)}@${r.pick(emailDomains)}`;
    const p = sharePhone ? sharedSecurityPhone : phone(r);
    const blocked = r.chance(0.3);
    return {
      uin,
      email,
      phone: p,
      common: {
        uin,
        securityPhone: subjectType === 'unverified' && r.chance(0.5) ? null : p,
        securityEmail: r.chance(0.8) ? email : null,
        loginMethods: loginMethods(r, uin, email),
        mfaBound: r.chance(0.45),
        protection: {
          login: r.chance(0.3),
          operation: r.chance(0.3),
          remoteLogin: r.chance(0.4),
          mfaType: r.pick(['none', 'virtual', 'virtual', 'hardware']),
        },
        balanceCents: blocked ? r.int(100, 500_000) : 0,
        arrearsCents: blocked && r.chance(0.3) ? r.int(100, 20_000) : 0,
        vouchers: blocked && r.chance(0.3) ? r.int(1, 3) : 0,
        resourcesInUse: blocked ? r.int(1, 40) : 0,
        subUsers: r.chance(0.3) ? r.int(1, 25) : 0,
        collaborators: r.chance(0.2) ? r.int(1, 5) : 0,
        openComplaints: r.chance(0.1) ? 1 : 0,
        lastRealNameChangeAt: r.chance(0.3) ? new Date(Date.now() - r.int(1, 400) * 86_400_000) : null,
        lastRealNameVerifiedAt: subjectType === 'unverified' ? null : new Date(Date.now() - r.int(5, 900) * 86_400_000),
        unfinishedOrders: blocked && r.chance(0.3) ? r.int(1, 3) : 0,
        messageRecipients: r.chance(0.2) ? r.int(1, 4) : 0,
        advancePaymentCents: blocked && r.chance(0.2) ? r.int(1_000, 50_000) : 0,
        abandonableResources: r.chance(0.3)
          ? [
              { category: 'cdn_traffic_package', name: `CDN 流量包 ${r.int(10, 500)} GB` },
              {
                category: 'ssl_certificate',
                name: `SSL 证书 ${uin}.example.cn`,
                expiresAt: new Date(Date.now() + r.int(10, 200) * 86_400_000).toISOString(),
              },
            ]
          : [],
        status: serial % 17 === 0 ? 'frozen' : 'active',
      },
    };
  };

  for (let i = 0; i < count.personal; i += 1) {
    const b = base('personal', i < 3);
    const idNumber = residentId(r.pick(regions), adultBirth(r), r.int(1, 999));
    out.push({
      idNumber,
      phone: b.phone,
      data: {
        ...b.common,
        subjectType: 'personal',
        realName: personName(r),
        idNumberHash: identityDigest(hashKey, idNumber),
        idNumberLast4: idNumber.slice(-4),
      },
    });
  }
  for (let i = 0; i < count.enterprise; i += 1) {
    const b = base('enterprise', i < 2);
    const region = regions[i % regions.length]!;
    const idNumber = residentId(region, adultBirth(r), r.int(1, 999));
    out.push({
      idNumber,
      phone: b.phone,
      data: {
        ...b.common,
        subjectType: 'enterprise',
        realName: personName(r),
        companyName: companies[i % companies.length]!,
        creditCode: creditCode(region, 1_000_000 + i * 7_777 + r.int(0, 999)),
        idNumberHash: identityDigest(hashKey, idNumber),
        idNumberLast4: idNumber.slice(-4),
        handlerName: personName(r),
        // A sub-user whose phone is the shared number: the reused-phone review lists it beside the accounts.
        ...(i === 0 && { members: { create: [{ role: 'sub_user', name: personName(r), phone: sharedSecurityPhone }] } }),
        ...(i === 1 && {
          protection: {
            login: true,
            operation: false,
            remoteLogin: false,
            mfaType: 'none',
            verifier: { type: 'wechat', identifier: `wxid_left${r.int(1000, 9999)}` },
          },
        }),
      },
    });
  }
  for (let i = 0; i < count.unverified; i += 1) {
    const b = base('unverified', false);
    out.push({ idNumber: null, phone: b.phone, data: { ...b.common, subjectType: 'unverified' } });
  }
  return out;
}
