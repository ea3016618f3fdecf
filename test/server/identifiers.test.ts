// Issue 13, item 2: the identifiers the seeds accept besides resident IDs, credit codes and mainland mobiles, filed
// through the public appeal route as a customer would, and matched against the account as an agent would see it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fieldsFor, type FieldDef } from '../../server/src/catalog';
import { identityDigest } from '../../server/src/privacy/identityDigest';
import { fileAppeal, makeAccount, type Client } from './support/desk';
import { adultId, creditCodeFor, mfaUnbindPayload } from './support/payloads';
import { createTestApp, signedInAs, type TestApp } from './support/testApp';

let t: TestApp;
let agent: Client;

beforeAll(async () => {
  t = await createTestApp();
  agent = await signedInAs(t);
});
afterAll(() => t.close());

const company = creditCodeFor('91440300MA5FUTQ58');
const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);

/** A valid value for every required field of the choice, whatever the catalog asks today; `fields` overrides. */
function validFields(kind: string, subjectType: string, variant: string | undefined, fields: Record<string, string>) {
  const byType: Partial<Record<FieldDef['type'], (f: FieldDef) => string>> = {
    resident_id: () => adultId,
    credit_code: () => company,
    account_id: () => '100012345',
    mobile: () => '13912345678',
    contact_phone: () => '13912345678',
    email: () => 'zhang.wei@example.cn',
    text: () => '张伟',
    textarea: () => '说明',
    select: (f) => f.options?.[0]?.value ?? '',
    checklist: (f) => f.options?.[0]?.value ?? '',
    date: () => daysAgo(30),
    amount: (f) => String(f.min ?? 0.5),
  };
  const out: Record<string, string> = {};
  for (const f of fieldsFor(kind, subjectType, variant)) if (f.required) out[f.key] = byType[f.type]?.(f) ?? 'x';
  return { ...out, ...fields };
}

const appeal = (kind: string, subjectType: string, variant: string | undefined, fields: Record<string, string>) => ({
  kind,
  subjectType,
  ...(variant && { variant }),
  fields: validFields(kind, subjectType, variant, fields),
  contact: { name: '陈大文', email: 'chan.taiman@example.hk' },
});

const ticketOf = (reference: string) => t.db.ticket.findUniqueOrThrow({ where: { reference } });

describe('identifiers the seeds accept (issue 13)', () => {
  it('rule: Hong Kong, Macau and Taiwan individuals verify with their travel permits — a personal MFA appeal with a 港澳通行证 number is accepted', async () => {
    // The account was verified with the permit; the customer types the older 11-character form of the same number.
    const account = await makeAccount(t, {
      realName: '陈大文',
      idNumberHash: identityDigest(t.config.identityHashKey, 'H12345678'),
      idNumberLast4: '5678',
    });
    const payload = mfaUnbindPayload({
      fields: {
        accountId: account.uin,
        loginAccount: account.uin,
        realName: '陈大文',
        idNumber: 'h1234567801',
        idNumberType: 'hk_macau_permit',
      },
    });
    const filed = await fileAppeal(t, payload);
    expect(filed.status, JSON.stringify(filed.body)).toBe(201);

    const ticket = await ticketOf(filed.body.reference);
    const fields = ticket.fields as Record<string, string>;
    expect(fields.idNumberType).toBe('hk_macau_permit');
    expect(fields.idNumber).toMatch(/^\*+5678$/);
    expect((ticket.fieldDigests as Record<string, string>).idNumber).toBe(identityDigest(t.config.identityHashKey, 'H12345678'));

    const review = await agent.client.get(`/api/tickets/${ticket.id}/review`).expect(200);
    const idNumber = review.body.comparison.find((c: { field: string }) => c.field === 'idNumber');
    expect(idNumber.result).toBe('match');
    expect(JSON.stringify(review.body)).not.toContain('12345678');

    // A Taiwan permit has its own rule; a permit number typed without the choice is judged as a resident ID.
    const taiwan = await fileAppeal(t, mfaUnbindPayload({ fields: { idNumber: '0123456702', idNumberType: 'taiwan_permit' } }));
    expect(taiwan.status, JSON.stringify(taiwan.body)).toBe(201);
    const bad = await fileAppeal(t, mfaUnbindPayload({ fields: { idNumber: 'H123', idNumberType: 'hk_macau_permit' } }));
    expect(bad.status).toBe(400);
    expect(bad.body.errors).toEqual({ 'fields.idNumber': 'hk_macau_permit.format' });
    const unchosen = await fileAppeal(t, mfaUnbindPayload({ fields: { idNumber: 'H12345678' } }));
    expect(unchosen.body.errors).toEqual({ 'fields.idNumber': 'resident_id.length' });
  });

  it('rule: a legal representative may be a foreign national — passport accepted for newLegalRep, refused for a personal applicant', async () => {
    const change = await fileAppeal(
      t,
      appeal('enterprise_review', 'enterprise', 'change_legal_rep', {
        newLegalRepName: 'John Smith',
        newLegalRepIdNumber: 'e1234567 8',
        newLegalRepIdNumberType: 'passport',
      }),
    );
    expect(change.status, JSON.stringify(change.body)).toBe(201);
    const ticket = await ticketOf(change.body.reference);
    expect((ticket.fields as Record<string, string>).newLegalRepIdNumberType).toBe('passport');
    expect((ticket.fieldDigests as Record<string, string>).newLegalRepIdNumber).toBe(identityDigest(t.config.identityHashKey, 'E12345678'));

    const personal = await fileAppeal(
      t,
      appeal('reused_phone_unbind', 'personal', undefined, { applicantIdNumber: 'E12345678', applicantIdNumberType: 'passport' }),
    );
    expect(personal.status).toBe(400);
    expect(personal.body.errors).toEqual({ 'fields.applicantIdNumberType': 'id_document.not_accepted' });
    const account = await fileAppeal(t, mfaUnbindPayload({ fields: { idNumber: 'E12345678', idNumberType: 'passport' } }));
    expect(account.body.errors).toEqual({ 'fields.idNumberType': 'id_document.not_accepted' });
    // A handler is a person, so a permit is fine there; a passport is not.
    const handler = await fileAppeal(
      t,
      appeal('login_request', 'enterprise', undefined, { handlerIdNumber: 'M12345678', handlerIdNumberType: 'hk_macau_permit' }),
    );
    expect(handler.status, JSON.stringify(handler.body)).toBe(201);
    const handlerPassport = await fileAppeal(
      t,
      appeal('login_request', 'enterprise', undefined, { handlerIdNumber: 'E12345678', handlerIdNumberType: 'passport' }),
    );
    expect(handlerPassport.body.errors).toEqual({ 'fields.handlerIdNumberType': 'id_document.not_accepted' });
  });

  it('rule: other organisation codes (GB 11714) — valid 9-character code accepted, wrong check character refused with org_code.checksum', async () => {
    const filed = await fileAppeal(t, appeal('login_request', 'enterprise', undefined, { creditCode: 'd2143569-x' }));
    expect(filed.status, JSON.stringify(filed.body)).toBe(201);
    expect((await ticketOf(filed.body.reference)).fields).toMatchObject({ creditCode: 'D2143569X' });

    const wrong = await fileAppeal(t, appeal('login_request', 'enterprise', undefined, { creditCode: 'D2143569-1' }));
    expect(wrong.status).toBe(400);
    expect(wrong.body.errors).toEqual({ 'fields.creditCode': 'org_code.checksum' });
    const neither = await fileAppeal(t, appeal('login_request', 'enterprise', undefined, { creditCode: 'D21435' }));
    expect(neither.body.errors).toEqual({ 'fields.creditCode': 'org_code.length' });
  });

  it('rule: contact phones may be non-mainland — +852 accepted, "+852 12" refused', async () => {
    const filed = await fileAppeal(
      t,
      mfaUnbindPayload({ fields: { currentPhone: '+853 6612 3456' }, contact: { phone: '+852 9123 4567' } }),
    );
    expect(filed.status, JSON.stringify(filed.body)).toBe(201);
    const ticket = await ticketOf(filed.body.reference);
    expect(ticket.contactPhone).toBe('+85291234567');
    expect((ticket.fields as Record<string, string>).currentPhone).toBe('+85366123456');

    const short = await fileAppeal(t, mfaUnbindPayload({ fields: { currentPhone: '+852 12' }, contact: { phone: '+852 12' } }));
    expect(short.status).toBe(400);
    expect(short.body.errors).toEqual({
      'fields.currentPhone': 'contact_phone.international',
      'contact.phone': 'contact_phone.international',
    });

    // The new security phone becomes the account's: it stays a mainland number (seed 002 shows them as +86 only).
    const security = await fileAppeal(t, appeal('security_phone_change', 'personal', undefined, { newSecurityPhone: '+852 9123 4567' }));
    expect(security.body.errors).toEqual({ 'fields.newSecurityPhone': 'mobile.format' });
  });
});
