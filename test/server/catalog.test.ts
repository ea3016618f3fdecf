import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  acceptedMimeTypes,
  appealPayloadSchema,
  buildAppealPayloadSchema,
  catalog,
  declaredFieldsSchema,
  fieldErrorMessages,
  fieldsFor,
  getKind,
  kindKeys,
  loadCatalog,
  MAX_MATERIAL_BYTES,
  publicCatalog,
  slotsFor,
  subjectTypeKeys,
  type FieldErrorCode,
  type KindKey,
  type SubjectType,
} from '../../server/src/catalog';
import { kindDefinitions } from '../../server/src/catalog/kinds';
import { checkLabels, effectLabels, preconditionLabels, subjectTypeLabels } from '../../server/src/catalog/labels';

const slotKeys = (kind: KindKey, subjectType: SubjectType, variant?: string) =>
  slotsFor(kind, subjectType, variant).map((slot) => slot.key);
const requiredSlotKeys = (kind: KindKey, subjectType: SubjectType, variant?: string) =>
  slotsFor(kind, subjectType, variant)
    .filter((slot) => slot.required)
    .map((slot) => slot.key);

const validPersonalMfaUnbind = () => ({
  kind: 'mfa_unbind',
  subjectType: 'personal',
  fields: {
    loginAccount: 'zhang.san@example.com',
    accountId: '100012345678',
    realName: '张三',
    idNumber: '11010519491231002x',
    currentPhone: '+86 138 0013 8000',
  },
  contact: { name: '张三', email: 'zhang.san@example.com', locale: 'zh-CN' },
});

const issuesOf = (input: unknown) => {
  const result = appealPayloadSchema.safeParse(input);
  expect(result.success).toBe(false);
  return (result.error?.issues ?? []).map((issue) => ({ path: issue.path.join('.'), message: issue.message }));
};

describe('the catalog holds every ticket kind', () => {
  it("rule: the catalog has every kind the seeds need — declares the kinds of docs/rules.md, employee departure's login-protection verifier included", () => {
    expect(kindKeys).toEqual([
      'mfa_unbind',
      'reused_phone_unbind',
      'login_request',
      'enterprise_review',
      'security_phone_change',
      'account_cancellation',
      'registration_method_unbind',
      'protection_verifier_unbind',
    ]);
    expect(Object.keys(catalog.kinds).sort()).toEqual([...kindKeys].sort());
    for (const key of kindKeys) expect(getKind(key)?.key).toBe(key);
  });

  it('rule: manual review takes about 3 business days — quotes a seed file, a label, a summary and an SLA of 3 business days on every kind', () => {
    for (const kind of Object.values(catalog.kinds)) {
      expect(kind.source).toMatch(/^\d{3}/);
      expect(kind.label['zh-CN']).not.toBe('');
      expect(kind.summary.en).not.toBe('');
      expect(kind.slaBusinessDays).toBe(3);
    }
  });

  it('rule: the required materials depend on the subject type — has a materials list for each subject type a kind allows, and none for the others', () => {
    for (const kind of Object.values(catalog.kinds)) {
      expect(Object.keys(kind.materials).sort()).toEqual([...kind.subjectTypes].sort());
      for (const subjectType of kind.subjectTypes) expect(Array.isArray(kind.materials[subjectType])).toBe(true);
    }
  });

  it('keeps slot keys unique within each materials list', () => {
    for (const kind of Object.values(catalog.kinds)) {
      for (const slots of Object.values(kind.materials)) {
        const keys = slots.map((slot) => slot.key);
        expect(new Set(keys).size, kind.key).toBe(keys.length);
      }
    }
  });

  it('rule: accepted files are JPEG, PNG, WebP and PDF, within a size limit — accepts JPEG, PNG, WebP and PDF up to 10 MB in every slot', () => {
    expect(MAX_MATERIAL_BYTES).toBe(10 * 1024 * 1024);
    for (const kind of Object.values(catalog.kinds)) {
      for (const slot of Object.values(kind.materials).flat()) {
        expect(slot.accept).toEqual([...acceptedMimeTypes]);
        expect(slot.maxBytes).toBe(MAX_MATERIAL_BYTES);
        expect(slot.checks).toContain('file_type');
      }
    }
  });

  it('rule: scans must be colour, and hand-held ID photos not taken with the front camera — checks hand-held ID photos for colour and the front camera, and licences for colour', () => {
    for (const kind of Object.values(catalog.kinds)) {
      for (const slot of Object.values(kind.materials).flat()) {
        if (/_id_(front|back)$/.test(slot.key)) expect(slot.checks).toEqual(expect.arrayContaining(['colour', 'not_front_camera']));
        if (slot.key === 'business_licence') expect(slot.checks).toContain('colour');
      }
    }
  });

  it('labels every subject type, check, precondition and effect in both languages', () => {
    for (const labels of [subjectTypeLabels, checkLabels, preconditionLabels, effectLabels]) {
      for (const label of Object.values(labels)) {
        expect(label['zh-CN']).toMatch(/\S/);
        expect(label.en).toMatch(/\S/);
      }
    }
  });

  it('has no switch on kind names in the catalog code', () => {
    const dir = path.resolve(__dirname, '../../server/src/catalog');
    const files = fs.readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.ts'));
    for (const file of files) expect(fs.readFileSync(path.join(dir, file), 'utf8'), file).not.toMatch(/\bswitch\s*\(/);
  });
});

describe('materials follow docs/rules.md', () => {
  it('rule: materials per kind and subject type — mfa_unbind: personal holding ID front and back', () => {
    expect(requiredSlotKeys('mfa_unbind', 'personal')).toEqual(['applicant_id_front', 'applicant_id_back']);
  });

  it('rule: materials per kind and subject type — mfa_unbind: enterprise applicant ID, business licence and legal representative holding ID front and back', () => {
    expect(requiredSlotKeys('mfa_unbind', 'enterprise')).toEqual([
      'applicant_id_front',
      'applicant_id_back',
      'business_licence',
      'legal_rep_id_front',
      'legal_rep_id_back',
    ]);
  });

  it('rule: materials per kind and subject type — reused_phone_unbind: holding ID and proof of holding the number', () => {
    expect(requiredSlotKeys('reused_phone_unbind', 'personal')).toEqual([
      'applicant_id_front',
      'applicant_id_back',
      'phone_ownership_proof',
    ]);
  });

  it('rule: materials per kind and subject type — login_request: enterprise licence, sealed authorisation letter and handler holding ID', () => {
    expect(requiredSlotKeys('login_request', 'personal')).toEqual(['applicant_id_front', 'applicant_id_back']);
    expect(requiredSlotKeys('login_request', 'enterprise')).toEqual([
      'business_licence',
      'authorisation_letter',
      'handler_id_front',
      'handler_id_back',
    ]);
  });

  it('rule: materials per kind and subject type — security_phone_change: enterprise licence, legal rep and submitter holding ID, account information change form', () => {
    expect(requiredSlotKeys('security_phone_change', 'enterprise')).toEqual([
      'business_licence',
      'legal_rep_id_front',
      'legal_rep_id_back',
      'applicant_id_front',
      'applicant_id_back',
      'account_info_change_form',
    ]);
  });

  it('rule: materials per kind and subject type — account_cancellation: personal holding ID, enterprise handler + licence + letter, unverified nothing', () => {
    expect(requiredSlotKeys('account_cancellation', 'personal')).toEqual(['applicant_id_front', 'applicant_id_back']);
    expect(requiredSlotKeys('account_cancellation', 'enterprise')).toEqual([
      'handler_id_front',
      'handler_id_back',
      'business_licence',
      'authorisation_letter',
    ]);
    expect(slotsFor('account_cancellation', 'unverified')).toEqual([]);
  });

  it('rule: materials per kind and subject type — registration_method_unbind: enterprise documents path (licence + legal rep holding ID)', () => {
    expect(requiredSlotKeys('registration_method_unbind', 'enterprise')).toEqual([
      'business_licence',
      'legal_rep_id_front',
      'legal_rep_id_back',
    ]);
  });

  it('rule: materials per kind and subject type — security_phone_change: personal holding ID front and back, colour scans', () => {
    expect(requiredSlotKeys('security_phone_change', 'personal')).toEqual(['applicant_id_front', 'applicant_id_back']);
    for (const slot of slotsFor('security_phone_change', 'personal')) expect(slot.checks).toContain('colour');
  });

  it('rule: materials per kind and subject type — registration_method_unbind: personal holding ID front and back, in place of the WeChat scan and face check', () => {
    expect(requiredSlotKeys('registration_method_unbind', 'personal')).toEqual(['applicant_id_front', 'applicant_id_back']);
    expect(getKind('registration_method_unbind')?.materialNotes?.personal?.en).toMatch(/face check/);
  });

  it('rule: a dissolved enterprise gives the bureau-sealed deregistration statement — the enterprise cancellation asks for it in the licence slot', () => {
    const licence = slotsFor('account_cancellation', 'enterprise').find((slot) => slot.key === 'business_licence');
    expect(licence?.hint?.['zh-CN']).toContain('工商局盖章的注销声明函');
    expect(licence?.hint?.en).toMatch(/deregistration statement sealed by the bureau/);
  });

  // Rewritten: seed 002 makes the documents before and after a change compulsory; the deregistration certificate
  // takes the place of the original entity's documents, it is not an optional extra.
  it("rule: enterprise_review change variants need the change form, and a change of entity the original entity's documents or the deregistration certificate", () => {
    expect(requiredSlotKeys('enterprise_review', 'enterprise', 'change_name')).toEqual([
      'business_licence',
      'legal_rep_id_front',
      'legal_rep_id_back',
      'change_application_form',
    ]);
    const entity = slotsFor('enterprise_review', 'enterprise', 'change_entity');
    expect(entity.find((slot) => slot.key === 'original_entity_documents')).toMatchObject({
      required: true,
      alternative: 'deregistration_certificate',
    });
    expect(entity.find((slot) => slot.key === 'deregistration_certificate')?.required).toBe(false);
  });

  it("rule: a payment dispute gives the account ID and the bank's receipt — enterprise_review payment_dispute: an account ID field and a bank receipt slot, only there", () => {
    expect(requiredSlotKeys('enterprise_review', 'enterprise', 'payment_dispute')).toEqual(['business_licence', 'bank_receipt']);
    expect(slotKeys('enterprise_review', 'enterprise', 'change_name')).not.toContain('bank_receipt');
    const accountId = fieldsFor('enterprise_review', 'enterprise', 'payment_dispute').find((f) => f.key === 'accountId');
    expect(accountId).toMatchObject({ type: 'account_id', required: true, matches: 'uin' });
    expect(fieldsFor('enterprise_review', 'enterprise', 'account_retrieval').map((f) => f.key)).not.toContain('accountId');
  });
});

describe('fieldsFor and slotsFor', () => {
  it('rule: the personal MFA-unbind template asks the login account, real name, ID number and the phone in use now — gives personal mfa_unbind the identity fields, marked sensitive and matched against the account', () => {
    const fields = fieldsFor('mfa_unbind', 'personal');
    expect(fields.map((f) => f.key)).toEqual(['loginAccount', 'accountId', 'realName', 'idNumber', 'currentPhone', 'description']);
    expect(fields.find((f) => f.key === 'idNumber')).toMatchObject({
      type: 'resident_id',
      sensitive: true,
      matches: 'idNumber',
      minAge: 18,
    });
  });

  it('rule: the enterprise MFA-unbind template asks the company name, credit code and the applicant — gives enterprise mfa_unbind the company fields instead', () => {
    const keys = fieldsFor('mfa_unbind', 'enterprise').map((f) => f.key);
    expect(keys).toEqual(expect.arrayContaining(['companyName', 'creditCode', 'applicantName', 'applicantIdNumber']));
    expect(keys).not.toContain('idNumber');
  });

  it('answers empty lists for an unknown kind or a subject type the kind does not allow', () => {
    expect(getKind('password_reset')).toBeUndefined();
    expect(fieldsFor('password_reset', 'personal')).toEqual([]);
    expect(slotsFor('enterprise_review', 'personal')).toEqual([]);
    expect(fieldsFor('mfa_unbind', 'unverified')).toEqual([]);
  });
});

describe('loading the catalog', () => {
  const input = () => {
    const kinds: Record<string, unknown> = { ...kindDefinitions };
    return { subjectTypes: subjectTypeLabels, checks: checkLabels, preconditions: preconditionLabels, effects: effectLabels, kinds };
  };

  it('loads the shipped definitions', () => {
    expect(() => loadCatalog(input())).not.toThrow();
  });

  it('throws on a materials list for a subject type the kind does not allow', () => {
    const broken = input();
    broken.kinds.mfa_unbind = { ...kindDefinitions.mfa_unbind, materials: { ...kindDefinitions.mfa_unbind.materials, unverified: [] } };
    expect(() => loadCatalog(broken)).toThrow(/unverified/);
  });

  it('throws on a duplicate slot key, an undeclared variant and an unknown check code', () => {
    const base = kindDefinitions.account_cancellation;
    const personal = base.materials.personal ?? [];
    const duplicate = input();
    duplicate.kinds.account_cancellation = { ...base, materials: { ...base.materials, personal: [...personal, ...personal] } };
    expect(() => loadCatalog(duplicate)).toThrow(/duplicate slot/);

    const undeclared = input();
    undeclared.kinds.account_cancellation = { ...base, fields: [...base.fields, { ...base.fields[0]!, key: 'x', variants: ['nope'] }] };
    expect(() => loadCatalog(undeclared)).toThrow(/unknown variant nope/);

    const unknownCheck = input();
    unknownCheck.kinds.account_cancellation = {
      ...base,
      materials: { ...base.materials, personal: personal.map((slot) => ({ ...slot, checks: ['sepia'] })) },
    };
    expect(() => loadCatalog(unknownCheck)).toThrow(/Invalid requirements catalog/);
  });

  it('throws when a kind is missing', () => {
    const { mfa_unbind: _dropped, ...rest } = kindDefinitions;
    expect(() => loadCatalog({ ...input(), kinds: rest })).toThrow();
  });
});

describe('declaredFieldsSchema', () => {
  it('normalises values by their type and leaves blank optional fields out', () => {
    const parsed = declaredFieldsSchema('mfa_unbind', 'personal').parse({
      ...validPersonalMfaUnbind().fields,
      description: '  ',
    });
    expect(parsed.idNumber).toBe('11010519491231002X');
    expect(parsed.currentPhone).toBe('13800138000');
    expect(parsed.description).toBeUndefined();
  });

  it('words errors as stable codes, each with a bilingual message', () => {
    const result = declaredFieldsSchema('mfa_unbind', 'personal').safeParse({ idNumber: '110105194912310021', extra: 'x' });
    const messages = result.error?.issues.map((issue) => issue.message) ?? [];
    expect(messages).toEqual(expect.arrayContaining(['required', 'resident_id.checksum', 'unknown_field']));
    for (const message of messages) expect(fieldErrorMessages[message as FieldErrorCode]).toBeDefined();
  });

  it('rule: minimum age 18 for personal verification — applies the minimum age against the given time', () => {
    const fields = { ...validPersonalMfaUnbind().fields, idNumber: '110105200706010016' };
    const schema = (now: Date) => declaredFieldsSchema('mfa_unbind', 'personal', undefined, now);
    expect(schema(new Date('2025-01-01T00:00:00Z')).safeParse(fields).error?.issues[0]?.message).toBe('resident_id.under_age');
    expect(schema(new Date('2026-01-01T00:00:00Z')).safeParse(fields).success).toBe(true);
  });
});

describe('appealPayloadSchema', () => {
  it('accepts a valid personal mfa_unbind payload and normalises it', () => {
    const result = appealPayloadSchema.safeParse(validPersonalMfaUnbind());
    expect(result.success).toBe(true);
    expect(result.data?.fields).toEqual({
      loginAccount: 'zhang.san@example.com',
      accountId: '100012345678',
      realName: '张三',
      idNumber: '11010519491231002X',
      currentPhone: '13800138000',
    });
    expect(result.data?.contact).toEqual({ name: '张三', email: 'zhang.san@example.com', locale: 'zh-CN' });
  });

  it('rejects an unknown kind', () => {
    expect(issuesOf({ ...validPersonalMfaUnbind(), kind: 'password_reset' })).toContainEqual({ path: 'kind', message: 'unknown_kind' });
  });

  it('rejects a subject type the kind does not allow', () => {
    expect(issuesOf({ ...validPersonalMfaUnbind(), subjectType: 'unverified' })).toContainEqual({
      path: 'subjectType',
      message: 'subject_type_not_allowed',
    });
    expect(issuesOf({ ...validPersonalMfaUnbind(), subjectType: 'alien' })).toContainEqual({
      path: 'subjectType',
      message: 'unknown_subject_type',
    });
  });

  it('rejects a bad ID number at fields.idNumber', () => {
    const payload = validPersonalMfaUnbind();
    payload.fields.idNumber = '110105194912310021';
    expect(issuesOf(payload)).toEqual([{ path: 'fields.idNumber', message: 'resident_id.checksum' }]);
  });

  it('rejects a missing required field', () => {
    const { realName: _omitted, ...fields } = validPersonalMfaUnbind().fields;
    expect(issuesOf({ ...validPersonalMfaUnbind(), fields })).toEqual([{ path: 'fields.realName', message: 'required' }]);
  });

  it('rejects an unknown extra field, one issue per key', () => {
    const payload = validPersonalMfaUnbind();
    expect(issuesOf({ ...payload, fields: { ...payload.fields, companyName: 'ACME', nickname: 'x' } })).toEqual([
      { path: 'fields.companyName', message: 'unknown_field' },
      { path: 'fields.nickname', message: 'unknown_field' },
    ]);
  });

  it('rejects a payload without contact, or with neither email nor phone', () => {
    const { contact: _omitted, ...noContact } = validPersonalMfaUnbind();
    expect(issuesOf(noContact)).toContainEqual({ path: 'contact', message: 'required' });
    expect(issuesOf({ ...validPersonalMfaUnbind(), contact: { name: '张三', email: '' } })).toEqual([
      { path: 'contact', message: 'contact_required' },
    ]);
  });

  it('accepts a contact phone alone and normalises it', () => {
    const result = appealPayloadSchema.parse({ ...validPersonalMfaUnbind(), contact: { name: '张三', phone: '138 0013 8000' } });
    expect(result.contact).toEqual({ name: '张三', phone: '13800138000' });
  });

  it('requires an existing variant where the kind has variants, and none elsewhere', () => {
    const review = {
      kind: 'enterprise_review',
      subjectType: 'enterprise',
      fields: { accountId: '100012345678', companyName: '某某科技有限公司', creditCode: '91350100M000100Y43' },
      contact: { name: '李四', email: 'li.si@example.com' },
    };
    expect(issuesOf(review)).toEqual([{ path: 'variant', message: 'variant_required' }]);
    expect(issuesOf({ ...review, variant: 'merger' })).toEqual([{ path: 'variant', message: 'unknown_variant' }]);
    expect(
      appealPayloadSchema.parse({
        ...review,
        variant: 'payment_dispute',
        fields: { ...review.fields, transferAmount: '0.37', transferDate: '2026-11-20' },
      }).variant,
    ).toBe('payment_dispute');
    expect(issuesOf({ ...validPersonalMfaUnbind(), variant: 'payment_dispute' })).toEqual([
      { path: 'variant', message: 'unknown_variant' },
    ]);
  });

  it('accepts an unverified cancellation with only the account ID', () => {
    const payload = {
      kind: 'account_cancellation',
      subjectType: 'unverified',
      fields: { accountId: '100012345678' },
      contact: { name: 'Wang', phone: '13900139000', locale: 'en' },
    };
    expect(appealPayloadSchema.safeParse(payload).success).toBe(true);
  });

  it('judges age against the time it was built for', () => {
    const payload = validPersonalMfaUnbind();
    payload.fields.idNumber = '110105200706010016';
    const early = buildAppealPayloadSchema(new Date('2025-01-01T00:00:00Z')).safeParse(payload);
    expect(early.error?.issues.map((i) => i.message)).toEqual(['resident_id.under_age']);
  });
});

describe('publicCatalog', () => {
  const isPlainData = (value: unknown): boolean => {
    if (typeof value === 'function' || value === undefined) return false;
    if (Array.isArray(value)) return value.every(isPlainData);
    if (value && typeof value === 'object') return Object.values(value).every(isPlainData);
    return true;
  };

  it('is plain JSON with no functions or undefined values', () => {
    const json = publicCatalog();
    expect(isPlainData(json)).toBe(true);
    expect(JSON.parse(JSON.stringify(json))).toEqual(json);
  });

  it('lists subject types, checks and the kinds in catalog order with the documented keys', () => {
    const json = publicCatalog();
    expect(json.subjectTypes.map((s) => s.key)).toEqual([...subjectTypeKeys]);
    expect(json.checks.map((c) => c.code)).toEqual(['file_type', 'colour', 'not_front_camera', 'legible', 'no_duplicate', 'pdf_readable']);
    expect(json.kinds.map((k) => k.key)).toEqual([...kindKeys]);
    for (const kind of json.kinds) {
      // materialNotes appears only on kinds whose seed asks for a face check.
      expect(
        Object.keys(kind)
          .filter((k) => k !== 'materialNotes')
          .sort(),
      ).toEqual(
        [
          'effect',
          'fields',
          'key',
          'label',
          'materials',
          'ownerCode',
          'preconditions',
          'slaBusinessDays',
          'source',
          'subjectTypeNotes',
          'subjectTypes',
          'summary',
          'variants',
        ].sort(),
      );
      expect(Object.keys(kind.materials).sort()).toEqual([...kind.subjectTypes].sort());
    }
  });

  it('carries labels, hints, effect and precondition labels for the form', () => {
    const mfa = publicCatalog().kinds.find((k) => k.key === 'mfa_unbind');
    expect(mfa?.effect).toEqual({ code: 'unbind_mfa', label: { 'zh-CN': '解绑 MFA 设备', en: 'Unbind the MFA device' } });
    expect(mfa?.preconditions.map((p) => p.code)).toEqual(['not_cancelled', 'mfa_bound']);
    const front = mfa?.materials.personal?.[0];
    expect(front?.hint['zh-CN']).toContain('后置摄像头');
    expect(front?.hint.en).toMatch(/rear camera/);
    expect(mfa?.fields.find((f) => f.key === 'idNumber')).toMatchObject({ minAge: 18 });
    expect(mfa?.fields.find((f) => f.key === 'realName')).toMatchObject({ maxLength: 50 });
  });

  it('gives fresh copies, so a caller cannot change the catalog', () => {
    const first = publicCatalog();
    first.kinds[0]!.label.en = 'changed';
    expect(publicCatalog().kinds[0]!.label.en).not.toBe('changed');
  });
});

describe('identity documents as catalog data', () => {
  it('rule: a legal representative may be a foreign national — only legal-representative numbers take a passport; every person may give a travel permit', () => {
    for (const kind of publicCatalog().kinds) {
      for (const field of kind.fields.filter((f) => f.type === 'resident_id')) {
        const passport = field.key.startsWith('newLegalRep') ? ['passport'] : [];
        expect(field.documents, `${kind.key}.${field.key}`).toEqual(['resident_id', 'hk_macau_permit', 'taiwan_permit', ...passport]);
      }
      for (const field of kind.fields.filter((f) => f.type === 'credit_code'))
        expect(field.documents, `${kind.key}.${field.key}`).toEqual(['credit_code', 'org_code']);
    }
    expect(publicCatalog().documents.map((d) => d.key)).toEqual([
      'resident_id',
      'hk_macau_permit',
      'taiwan_permit',
      'passport',
      'credit_code',
      'org_code',
    ]);
  });

  it('rule: other organisation codes (GB 11714) — the loader refuses a document that does not fit the field', () => {
    const base = kindDefinitions.mfa_unbind;
    const broken = {
      ...base,
      fields: base.fields.map((f) => (f.type === 'credit_code' ? { ...f, documents: ['credit_code', 'passport'] } : f)),
    };
    const input = {
      subjectTypes: subjectTypeLabels,
      checks: checkLabels,
      preconditions: preconditionLabels,
      effects: effectLabels,
      kinds: { ...kindDefinitions, mfa_unbind: broken },
    };
    expect(() => loadCatalog(input)).toThrow(/passport is not a document of a credit_code field/);
  });
});
