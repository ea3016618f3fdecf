// The form's draft logic around the proof of control: pure functions of the draft, the catalog and the time.
import { describe, expect, it } from 'vitest';
import {
  contactSourcesOf,
  emptyDraft,
  keptOf,
  ownerErrors,
  ownerProofErrorOf,
  ownerProofOf,
  payloadOf,
  selectionOf,
  stepOfError,
  withContactPrefill,
  withFieldValue,
  withKind,
  withOwnerRefused,
  withOwnerVerified,
  type Draft,
} from '../../../admin-ui/form/draft';
import { OWNER_PROOF_TTL_SECONDS } from '../../../server/src/contract/ownerCodes';
import { catalog } from './handlers';

const NOW = Date.UTC(2026, 10, 29, 6, 0, 0);
const ACCOUNT_ID = '100012345';

function draftFor(kind: string, subjectType: Draft['subjectType'], accountId = ACCOUNT_ID): Draft {
  const draft: Draft = { ...withKind(catalog, emptyDraft, kind), subjectType };
  return { ...draft, fields: { accountId }, contact: { name: '张伟', email: 'zhang.wei@example.cn', phone: '' } };
}

const accountField = (draft: Draft) => selectionOf(catalog, draft).accountField!;

describe('the proof of control in the draft', () => {
  it('takes the rule of the kind and subject type from the catalog, where an account ID is asked for', () => {
    expect(selectionOf(catalog, draftFor('account_cancellation', 'unverified')).ownerCode).toBe('required');
    expect(selectionOf(catalog, draftFor('account_cancellation', 'personal')).ownerCode).toBe('optional');
    expect(selectionOf(catalog, draftFor('mfa_unbind', 'personal')).accountField?.key).toBe('accountId');
    // A kind without the rule, or no choice yet: nothing to verify.
    expect(selectionOf(catalog, draftFor('reused_phone_unbind', 'personal')).ownerCode).toBeUndefined();
    expect(selectionOf(catalog, emptyDraft).ownerCode).toBeUndefined();
  });

  it('blocks a required code until verified, and only for the account ID it was verified for', () => {
    const draft = draftFor('account_cancellation', 'unverified');
    const selection = selectionOf(catalog, draft);
    expect(ownerErrors(selection, draft, NOW)).toEqual({ ownerProof: 'owner_code_required' });
    expect(ownerProofOf(draft, selection, NOW)).toBeUndefined();

    const verified = withOwnerVerified(draft, ` ${ACCOUNT_ID} `, 'prf_1', OWNER_PROOF_TTL_SECONDS, NOW);
    expect(verified.owner).toEqual({ accountId: ACCOUNT_ID, proof: 'prf_1', expiresAt: NOW + OWNER_PROOF_TTL_SECONDS * 1000 });
    expect(ownerErrors(selection, verified, NOW)).toEqual({});
    expect(ownerProofOf(verified, selection, NOW)).toBe('prf_1');

    // Another account ID drops the verification; going back to the first one does not restore it.
    const other = withFieldValue(verified, accountField(verified), `${ACCOUNT_ID}9`);
    expect(other.owner).toBeUndefined();
    expect(ownerErrors(selection, other, NOW)).toEqual({ ownerProof: 'owner_code_required' });
    expect(withFieldValue(other, accountField(other), ACCOUNT_ID).owner).toBeUndefined();
    // The same account ID with blanks around it, or another field, keeps it.
    expect(withFieldValue(verified, accountField(verified), ` ${ACCOUNT_ID} `).owner).toEqual(verified.owner);
    const description = selection.fields.find((f) => f.key === 'description')!;
    expect(withFieldValue(verified, description, '不再使用').owner).toEqual(verified.owner);
  });

  it('lets a proof lapse when it expires', () => {
    const draft = withOwnerVerified(draftFor('account_cancellation', 'unverified'), ACCOUNT_ID, 'prf_1', 60, NOW);
    const selection = selectionOf(catalog, draft);
    expect(ownerProofOf(draft, selection, NOW + 59_000)).toBe('prf_1');
    expect(ownerProofOf(draft, selection, NOW + 60_000)).toBeUndefined();
    expect(ownerErrors(selection, draft, NOW + 60_000)).toEqual({ ownerProof: 'owner_proof_expired' });
  });

  it('never blocks an optional code, and sends the proof only when there is one', () => {
    const draft = draftFor('mfa_unbind', 'personal');
    const selection = selectionOf(catalog, draft);
    expect(selection.ownerCode).toBe('optional');
    expect(ownerErrors(selection, draft, NOW)).toEqual({});
    expect(payloadOf(draft, selection, 'zh-CN', NOW)).not.toHaveProperty('ownerProof');

    const verified = withOwnerVerified(draft, ACCOUNT_ID, 'prf_2', OWNER_PROOF_TTL_SECONDS, NOW);
    expect(payloadOf(verified, selection, 'zh-CN', NOW)).toEqual({
      kind: 'mfa_unbind',
      subjectType: 'personal',
      fields: { accountId: ACCOUNT_ID },
      contact: { name: '张伟', email: 'zhang.wei@example.cn', locale: 'zh-CN' },
      ownerProof: 'prf_2',
    });
    expect(payloadOf(withOwnerRefused(verified), selection, 'zh-CN', NOW)).not.toHaveProperty('ownerProof');
  });

  it('sends no proof where the choice takes none', () => {
    const draft = withOwnerVerified(draftFor('reused_phone_unbind', 'personal'), ACCOUNT_ID, 'prf_3', OWNER_PROOF_TTL_SECONDS, NOW);
    expect(payloadOf(draft, selectionOf(catalog, draft), 'zh-CN', NOW)).not.toHaveProperty('ownerProof');
  });

  it("puts the server's refusal of the proof at the fields step, in our words", () => {
    expect(stepOfError('ownerProof', [])).toBe(2);
    expect(ownerProofErrorOf('OWNER_CODE_REQUIRED')).toBe('owner_code_required');
    expect(ownerProofErrorOf('OWNER_PROOF_INVALID')).toBe('owner_proof_invalid');
    expect(ownerProofErrorOf('INVALID_INPUT')).toBe('owner_proof_invalid');
  });
});

describe('the contact details asked once', () => {
  const fieldsOf = (kind: string, subjectType: Draft['subjectType'], variant?: string) =>
    selectionOf(catalog, { ...withKind(catalog, emptyDraft, kind), subjectType, variant }).fields;

  it("takes a person's name, never a company's, and never the account's security phone on file", () => {
    const personal = contactSourcesOf(fieldsOf('security_phone_change', 'personal'));
    expect(personal.name?.key).toBe('realName');
    expect(personal.phone?.key).toBe('newSecurityPhone');
    const enterprise = contactSourcesOf(fieldsOf('enterprise_review', 'enterprise', 'payment_dispute'));
    expect(enterprise.name?.key).not.toBe('companyName');
  });

  it('copies a phone only once it is valid, and stops for what the customer typed', () => {
    const fields = fieldsOf('mfa_unbind', 'personal');
    const base: Draft = { ...withKind(catalog, emptyDraft, 'mfa_unbind'), subjectType: 'personal' };
    const half = withContactPrefill({ ...base, fields: { realName: '张伟', currentPhone: '1391234' } }, fields);
    expect(half.contact).toMatchObject({ name: '张伟', phone: '' });
    const whole = withContactPrefill({ ...half, fields: { ...half.fields, currentPhone: '13912345678' } }, fields);
    expect(whole.contact.phone).toBe('13912345678');
    const typed = withContactPrefill(
      { ...whole, typed: { name: true }, contact: { ...whole.contact, name: '李娜' }, fields: { ...whole.fields, realName: '王芳' } },
      fields,
    );
    expect(typed.contact.name).toBe('李娜');
  });

  it('keeps only the answers of the current choice, and never the owner proof', () => {
    const selection = selectionOf(catalog, { ...withKind(catalog, emptyDraft, 'mfa_unbind'), subjectType: 'personal' });
    const draft: Draft = {
      ...withKind(catalog, emptyDraft, 'mfa_unbind'),
      subjectType: 'personal',
      fields: { realName: '张伟', companyName: '旧选择的企业' },
      owner: { accountId: ACCOUNT_ID, proof: 'secret-proof', expiresAt: NOW },
    };
    const kept = keptOf(draft, selection);
    expect(kept.fields).toEqual({ realName: '张伟' });
    expect(JSON.stringify(kept)).not.toContain('secret-proof');
  });
});
