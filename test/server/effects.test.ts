import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { catalog, effectOf, kindKeys } from '../../server/src/catalog';
import { effects } from '../../server/src/effects/registry';
import type { Account } from '../../server/src/generated/prisma/client';
import { colourIdCard } from '../fixtures/evidence';
import { makeAccount, readyToDecide, type Client } from './support/desk';
import { adultId, creditCodeFor } from './support/payloads';
import { createTestApp, signedInAs, type TestApp } from './support/testApp';

describe('approval effects and the catalog', () => {
  it.each(kindKeys)("%s declares every field its effects read (each variant's own effect included)", (key) => {
    const kind = catalog.kinds[key];
    // A field an effect reads may belong to one variant only; it must exist somewhere on the kind.
    const declared = new Set(kind.fields.map((f) => f.key));
    for (const variant of [undefined, ...kind.variants.map((v) => v.key)]) {
      const effect = effects[effectOf(kind, variant)];
      for (const field of effect.reads) expect(declared.has(field), `${key}/${variant ?? '-'} lacks ${field}`).toBe(true);
      if (effect.phoneField) expect(declared.has(effect.phoneField)).toBe(true);
      if (effect.creditCodeField)
        expect(declared.has(effect.creditCodeField), `${key}/${variant} lacks ${effect.creditCodeField}`).toBe(true);
    }
  });

  it('every effect code of the catalog has an implementation', () => {
    for (const key of kindKeys)
      for (const v of [null, ...catalog.kinds[key].variants.map((x) => x.key)])
        expect(effects[effectOf(catalog.kinds[key], v)]).toBeDefined();
  });
});

// Each effect through the API: approved (proposed, then confirmed by a second person), the account row and the
// account.changed event say exactly what changed; refused, nothing changed.
describe('the change-making effects through POST /decision and /decision/confirm', () => {
  let t: TestApp;
  let agent: Client;
  let supervisor: Client;
  let photo: (n: number) => string;
  const company = creditCodeFor('91440300MA5DXXXX0');
  const newCompany = creditCodeFor('91110108MA01YYYY1');

  beforeAll(async () => {
    t = await createTestApp();
    const dir = fs.mkdtempSync(path.join(t.dir, 'fixtures-'));
    const made = await Promise.all(
      [0, 1, 2, 3, 4].map((i) => colourIdCard(dir, { variant: i, width: 1400 + 16 * i, fileName: `p${i}.jpg` })),
    );
    photo = (n) => made[n % made.length]!;
    agent = await signedInAs(t, 'agent');
    supervisor = await signedInAs(t, 'supervisor');
  });
  afterAll(() => t.close());

  const personal = (uin: string) => ({ accountId: uin, realName: '张伟', idNumber: adultId });
  const contact = { name: '张伟', email: 'customer@example.cn' };
  const idPhotos = () => ({ applicant_id_front: photo(0), applicant_id_back: photo(1) });
  type Case = {
    effect: string;
    account?: Parameters<typeof makeAccount>[1];
    appeal: (a: Account) => { payload: Parameters<typeof readyToDecide>[2]; files: Record<string, string> };
    changed: (before: Account, after: Account) => void;
  };
  const cases: Case[] = [
    {
      effect: 'unbind_mfa',
      appeal: (a) => ({
        payload: {
          kind: 'mfa_unbind',
          subjectType: 'personal',
          fields: { ...personal(a.uin), loginAccount: a.uin, currentPhone: '13800001111' },
          contact,
        },
        files: idPhotos(),
      }),
      changed: (b, a) => expect([b.mfaBound, a.mfaBound, (a.protection as { mfaType: string }).mfaType]).toEqual([true, false, 'none']),
    },
    {
      effect: 'release_phone',
      account: { securityPhone: '13566667777' },
      appeal: () => ({
        payload: {
          kind: 'reused_phone_unbind',
          subjectType: 'personal',
          fields: { phone: '13566667777', applicantName: '李娜', applicantIdNumber: adultId },
          contact,
        },
        files: { ...idPhotos(), phone_ownership_proof: photo(2) },
      }),
      changed: (b, a) => expect([b.securityPhone, a.securityPhone]).toEqual(['13566667777', null]),
    },
    {
      effect: 'bind_login_email',
      appeal: (a) => ({
        payload: {
          kind: 'login_request',
          subjectType: 'personal',
          fields: { ...personal(a.uin), newEmail: `new${a.uin}@example.cn`, resetMfa: 'yes' },
          contact,
        },
        files: idPhotos(),
      }),
      changed: (b, a) => {
        const emails = (a.loginMethods as { type: string; identifier: string }[])
          .filter((m) => m.type === 'email')
          .map((m) => m.identifier);
        expect(emails).toEqual([`new${a.uin}@example.cn`]);
        expect((a.loginMethods as unknown[]).length).toBe((b.loginMethods as unknown[]).length);
        expect(a.mfaBound).toBe(false);
      },
    },
    {
      effect: 'update_enterprise',
      account: {
        subjectType: 'enterprise',
        companyName: '深圳示例科技有限公司',
        creditCode: company,
        realName: '王强',
        idNumberHash: null,
        idNumberLast4: null,
      },
      appeal: (a) => ({
        payload: {
          kind: 'enterprise_review',
          subjectType: 'enterprise',
          variant: 'change_entity',
          fields: {
            accountId: a.uin,
            companyName: '深圳示例科技有限公司',
            creditCode: company,
            newCompanyName: '北京新主体有限公司',
            newCreditCode: newCompany,
            legalRepName: '王强',
            legalRepIdNumber: adultId,
            newLegalRepName: '赵敏',
            newLegalRepIdNumber: adultId,
            newLicenceDate: '2026-01-05',
            handlerName: '孙丽',
            handlerIdNumber: adultId,
          },
          contact,
        },
        files: {
          business_licence: photo(0),
          legal_rep_id_front: photo(1),
          legal_rep_id_back: photo(2),
          change_application_form: photo(3),
          original_entity_documents: photo(4),
        },
      }),
      changed: (b, a) =>
        expect([a.companyName, a.creditCode, a.realName, a.idNumberLast4]).toEqual([
          '北京新主体有限公司',
          newCompany,
          '赵敏',
          adultId.slice(-4),
        ]),
    },
    {
      effect: 'change_security_phone',
      appeal: (a) => ({
        payload: {
          kind: 'security_phone_change',
          subjectType: 'personal',
          fields: { ...personal(a.uin), newSecurityPhone: '13922223333' },
          contact,
        },
        files: idPhotos(),
      }),
      changed: (b, a) => expect(a.securityPhone).toBe('13922223333'),
    },
    {
      effect: 'cancel_account',
      account: { balanceCents: 0 },
      appeal: (a) => ({
        payload: { kind: 'account_cancellation', subjectType: 'personal', fields: personal(a.uin), contact },
        files: idPhotos(),
      }),
      changed: (b, a) => expect([b.status, a.status]).toEqual(['active', 'cancelled']),
    },
    {
      effect: 'remove_registration_method',
      account: { protection: { login: false, operation: false, remoteLogin: false, mfaType: 'none' }, mfaBound: false },
      appeal: (a) => ({
        payload: {
          kind: 'registration_method_unbind',
          subjectType: 'personal',
          fields: { ...personal(a.uin), registrationMethod: 'qq' },
          contact,
        },
        files: idPhotos(),
      }),
      changed: (b, a) => expect((a.loginMethods as { type: string }[]).map((m) => m.type)).toEqual(['email']),
    },
  ];

  it.each(cases)(
    "rule: a change needs a second person's confirmation and is told to the channels on file at filing and approval — $effect: approval changes the account and records it; the owner is told on the channels on file",
    async (c) => {
      const a = await makeAccount(t, c.account);
      const { payload, files } = c.appeal(a);
      const { ticket } = await readyToDecide(t, agent, payload, files);
      const proposed = await agent.client.post(`/api/tickets/${ticket.id}/decision`).send({ decision: 'approve', message: '审核通过' });
      expect(proposed.status, JSON.stringify(proposed.body)).toBe(202);
      expect(await t.db.account.findUniqueOrThrow({ where: { id: a.id } })).toEqual(a);
      expect((await supervisor.client.post(`/api/tickets/${ticket.id}/decision/confirm`).send({ approve: true })).status).toBe(200);
      const after = await t.db.account.findUniqueOrThrow({ where: { id: a.id } });
      c.changed(a, after);
      const changed = await t.db.event.findMany({ where: { ticketId: ticket.id, type: 'account.changed' } });
      expect(changed.map((e) => (e.data as { accountId: number }).accountId)).toContain(a.id);
      const mine = changed.find((e) => (e.data as { accountId: number }).accountId === a.id)!.data as {
        before: Record<string, unknown>;
        after: Record<string, unknown>;
      };
      for (const key of Object.keys(mine.after))
        expect(mine.after[key], key).toEqual(JSON.parse(JSON.stringify(after[key as keyof Account])));
      if (ticket.accountId) {
        const told = await t.db.notification.findMany({
          where: { ticketId: ticket.id, recipient: { in: [a.securityEmail!, a.securityPhone!] } },
        });
        // At filing and at approval, on the phone and the email on file before the change.
        expect(told).toHaveLength(4);
      }
    },
  );

  it.each(cases)('$effect: a rejection changes nothing', async (c) => {
    const a = await makeAccount(t, c.account);
    const { payload, files } = c.appeal(a);
    const { ticket } = await readyToDecide(t, agent, payload, files);
    const res = await agent.client
      .post(`/api/tickets/${ticket.id}/decision`)
      .send({ decision: 'reject', reasonCode: 'subject_mismatch', message: '不通过' });
    expect(res.status).toBe(200);
    expect(await t.db.account.findUniqueOrThrow({ where: { id: a.id } })).toEqual(a);
    expect(await t.db.event.count({ where: { ticketId: ticket.id, type: 'account.changed' } })).toBe(0);
  });
});
