import { describe, expect, it } from 'vitest';
import {
  creditCodeProblem,
  contactPhoneSchema,
  creditCodeSchema,
  isValidAccountId,
  isValidCreditCode,
  isValidEmail,
  isValidMobile,
  isValidResidentId,
  maskIdentifier,
  mobileSchema,
  normaliseMobile,
  normaliseOrgCode,
  organisationCodeSchema,
  orgCodeProblem,
  personIdSchema,
  residentIdProblem,
  residentIdSchema,
} from '../../server/src/catalog/validators';

// Independent check-character implementations, written from the standards rather than copied from the module.
function residentIdCheck(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * (2 ** (17 - i) % 11);
  const check = (12 - (sum % 11)) % 11;
  return check === 10 ? 'X' : String(check);
}
const residentId = (birth: string, region = '110105', sequence = '123') => {
  const body = region + birth + sequence;
  return body + residentIdCheck(body);
};

const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
function creditCodeCheck(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += ALPHABET.indexOf(first17.charAt(i)) * (3 ** i % 31);
  return ALPHABET.charAt((31 - (sum % 31)) % 31);
}
const creditCode = (body: string) => body + creditCodeCheck(body);
const wrongCheck = (value: string, alphabet: string) => {
  const last = value.slice(-1);
  const other = [...alphabet].find((c) => c !== last) ?? '0';
  return value.slice(0, -1) + other;
};

const now = new Date('2025-06-01T04:00:00Z');

describe('resident ID number', () => {
  it('accepts a known real-format number', () => {
    expect(isValidResidentId('11010519491231002X', { now })).toBe(true);
  });

  it('accepts numbers generated with an independent check character', () => {
    for (const birth of ['19491231', '19800229', '20000101', '19991231', '19701010']) {
      const id = residentId(birth);
      expect(residentIdProblem(id, { now }), id).toBeNull();
    }
  });

  it('accepts a lower-case x and normalises it to upper case', () => {
    expect(isValidResidentId('11010519491231002x', { now })).toBe(true);
    expect(residentIdSchema({ now }).parse(' 11010519491231002x ')).toBe('11010519491231002X');
  });

  it('rule: the resident ID number ends in an ISO 7064 MOD 11-2 check character — rejects a wrong check character', () => {
    const id = residentId('19900101');
    expect(residentIdProblem(wrongCheck(id, '0123456789X'), { now })).toBe('checksum');
    expect(residentIdProblem('110105194912310021', { now })).toBe('checksum');
  });

  it('rule: the resident ID number is 18 characters — rejects a bad length', () => {
    expect(residentIdProblem('11010519491231002', { now })).toBe('length');
    expect(residentIdProblem('11010519491231002X1', { now })).toBe('length');
    expect(residentIdProblem('', { now })).toBe('length');
  });

  it('rejects letters in the body', () => {
    expect(residentIdProblem('1101051949123A002X', { now })).toBe('format');
    expect(residentIdProblem('X1010519491231002X', { now })).toBe('format');
  });

  it('rule: the resident ID number holds a real birth date — rejects a birth date that does not exist (Feb 30, Feb 29 of a common year, month 13)', () => {
    expect(residentIdProblem(residentId('19900230'), { now })).toBe('birth_date');
    expect(residentIdProblem(residentId('19900229'), { now })).toBe('birth_date');
    expect(residentIdProblem(residentId('19901301'), { now })).toBe('birth_date');
  });

  it('rejects a birth date in the future', () => {
    expect(residentIdProblem(residentId('20260101'), { now })).toBe('birth_date');
    expect(residentIdProblem(residentId('20250602'), { now })).toBe('birth_date');
  });

  it('rejects an applicant under the minimum age, judged on the China calendar day', () => {
    const almost18 = residentId('20070602');
    expect(residentIdProblem(almost18, { now, minAge: 18 })).toBe('under_age');
    expect(isValidResidentId(almost18, { now })).toBe(true);
    // 2025-05-31T16:30Z is already 1 June in China: born 2007-06-01 turns 18 that day.
    const eighteenToday = residentId('20070601');
    expect(residentIdProblem(eighteenToday, { now: new Date('2025-05-31T16:30:00Z'), minAge: 18 })).toBeNull();
    expect(residentIdProblem(eighteenToday, { now: new Date('2025-05-31T15:30:00Z'), minAge: 18 })).toBe('under_age');
  });

  it('fails the zod schema with a stable code', () => {
    const result = residentIdSchema({ now }).safeParse('12345');
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe('resident_id.length');
  });
});

describe('unified social credit code', () => {
  it('accepts a known real-format code', () => {
    expect(isValidCreditCode('91350100M000100Y43')).toBe(true);
  });

  it('accepts codes generated with an independent check character, including check 0', () => {
    const bodies = ['91110108MA01ABCDE', '12100000400000123', '31110000MD0123456', '92440300L12345678'];
    for (const body of bodies) expect(creditCodeProblem(creditCode(body)), body).toBeNull();
    const zeroCheck = Array.from({ length: 200 }, (_, i) => `9111010800000${String(i).padStart(4, '0')}`).find(
      (body) => creditCodeCheck(body) === '0',
    );
    expect(zeroCheck).toBeDefined();
    expect(isValidCreditCode(`${zeroCheck}0`)).toBe(true);
  });

  it('accepts lower case and normalises it', () => {
    expect(creditCodeSchema().parse('91350100m000100y43')).toBe('91350100M000100Y43');
  });

  it('rule: the unified social credit code ends in a GB 32100-2015 check character — rejects a wrong check character', () => {
    expect(creditCodeProblem(wrongCheck('91350100M000100Y43', ALPHABET))).toBe('checksum');
  });

  it('rule: the unified social credit code is 18 characters — rejects a bad length', () => {
    expect(creditCodeProblem('91350100M000100Y4')).toBe('length');
    expect(creditCodeProblem('91350100M000100Y431')).toBe('length');
  });

  it.each(['I', 'O', 'Z', 'S', 'V'])('rule: the credit code alphabet has no I, O, Z, S or V — rejects a code containing %s', (letter) => {
    const code = `91350100${letter}000100Y43`;
    expect(creditCodeProblem(code)).toBe('format');
    expect(creditCodeSchema().safeParse(code).error?.issues[0]?.message).toBe('credit_code.format');
  });
});

describe('mainland mobile number', () => {
  it.each([
    ['13800138000', '13800138000'],
    ['+8613800138000', '13800138000'],
    ['8613800138000', '13800138000'],
    ['+86 138 0013 8000', '13800138000'],
    ['138-0013-8000', '13800138000'],
    ['19912345678', '19912345678'],
  ])('rule: a mainland mobile number is 11 digits starting 1[3-9], optionally +86 — normalises %s', (input, expected) => {
    expect(normaliseMobile(input)).toBe(expected);
  });

  it.each(['12800138000', '1380013800', '138001380001', '+1 13800138000', '0086 13800138000', 'abcdefghijk', ''])(
    'rule: a mainland mobile number is 11 digits starting 1[3-9], optionally +86 — rejects %s',
    (input) => {
      expect(normaliseMobile(input)).toBeNull();
      expect(isValidMobile(input)).toBe(false);
    },
  );

  it('fails the zod schema with a stable code', () => {
    expect(mobileSchema().safeParse('12345').error?.issues[0]?.message).toBe('mobile.format');
  });
});

describe('email and account ID', () => {
  it('accepts well-formed emails and rejects the rest', () => {
    expect(isValidEmail('ops@example.com')).toBe(true);
    expect(isValidEmail(' zhang.san+cloud@example.com.cn ')).toBe(true);
    for (const bad of ['ops', 'ops@', '@example.com', 'a b@example.com', 'ops@example']) {
      expect(isValidEmail(bad), bad).toBe(false);
    }
  });

  it('rule: an account ID (UIN) is digits — accepts an account ID of 5 to 20 digits only', () => {
    expect(isValidAccountId('12345')).toBe(true);
    expect(isValidAccountId('100012345678')).toBe(true);
    expect(isValidAccountId('1'.repeat(20))).toBe(true);
    for (const bad of ['1234', '1'.repeat(21), '12a45', '', '-12345']) expect(isValidAccountId(bad), bad).toBe(false);
  });
});

describe('maskIdentifier', () => {
  it('keeps the first 6 and last 4 characters of an 18-character ID', () => {
    expect(maskIdentifier('11010519491231002X')).toBe('110105********002X');
  });

  it('keeps only the last characters of other strings', () => {
    expect(maskIdentifier('13800138000')).toBe('*******8000');
    expect(maskIdentifier('13800138000', 2)).toBe('*********00');
    expect(maskIdentifier('abc')).toBe('***');
    expect(maskIdentifier('secret', 0)).toBe('******');
  });
});

// GB 11714 check character, written from the standard: A = 10 … Z = 35, weights 3 7 9 10 5 8 4 2, 11 − (sum mod 11).
function orgCodeCheck(body8: string): string {
  const weights = [3, 7, 9, 10, 5, 8, 4, 2];
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ'.indexOf(body8.charAt(i)) * weights[i]!;
  const check = 11 - (sum % 11);
  return check === 10 ? 'X' : check === 11 ? '0' : String(check);
}
const codeOf = (schema: { safeParse: (v: unknown) => { error?: { issues: { message: string }[] } } }, value: string) =>
  schema.safeParse(value).error?.issues[0]?.message ?? null;

describe('identity documents other than the resident ID', () => {
  it('rule: Hong Kong, Macau and Taiwan individuals verify with their travel permits — each permit by its own format, normalised to the lifelong number', () => {
    const hkMacau = personIdSchema('hk_macau_permit');
    expect(hkMacau.parse(' h1234 5678 ')).toBe('H12345678');
    expect(hkMacau.parse('M0123456701')).toBe('M01234567'); // the 1999 card: lifelong number + renewal count
    for (const bad of ['H1234567', 'H123456789', 'X12345678', '12345678', 'HH2345678'])
      expect(codeOf(hkMacau, bad), bad).toBe('hk_macau_permit.format');

    const taiwan = personIdSchema('taiwan_permit');
    expect(taiwan.parse('01234567')).toBe('01234567');
    expect(taiwan.parse('0123456702')).toBe('01234567'); // the older form: + 2-digit issue count
    for (const bad of ['1234567', '123456789', 'T1234567', '12345678901']) expect(codeOf(taiwan, bad), bad).toBe('taiwan_permit.format');

    // Without a chosen document a number is a resident ID, as before.
    expect(codeOf(personIdSchema('resident_id', { now }), 'H12345678')).toBe('resident_id.length');
    expect(personIdSchema('resident_id', { now }).parse('11010519491231002x')).toBe('11010519491231002X');
  });

  it('rule: a legal representative may be a foreign national — a passport number is 5 to 20 letters or digits, upper-cased', () => {
    const passport = personIdSchema('passport');
    expect(passport.parse(' e1234567 8')).toBe('E12345678');
    expect(passport.parse('X1234')).toBe('X1234');
    expect(passport.parse('A'.repeat(20))).toBe('A'.repeat(20));
    for (const bad of ['AB12', 'A'.repeat(21), 'AB-123456', 'Ä1234567']) expect(codeOf(passport, bad), bad).toBe('passport.format');
  });

  it('rule: masking shows no more of a permit or passport number than its last four characters', () => {
    expect(maskIdentifier('H12345678')).toBe('*****5678');
    expect(maskIdentifier('AB1234567890123456')).toBe('**************3456');
    expect(maskIdentifier('11010519491231002X')).toBe('110105********002X');
  });
});

describe('other organisation codes (GB 11714)', () => {
  it('rule: other organisation codes (GB 11714) — the 9-character code with its check character, hyphen or not', () => {
    expect(orgCodeCheck('D2143569')).toBe('X');
    expect(orgCodeProblem('D2143569-X')).toBeNull();
    expect(orgCodeProblem('d2143569x')).toBeNull();
    expect(normaliseOrgCode(' d2143569-x ')).toBe('D2143569X');
    for (const body of ['12345678', 'ABCDEFGH', 'MA5FUTQ5', '00000000', '7A3B9C1D', 'ZZZZZZZZ']) {
      expect(orgCodeProblem(body + orgCodeCheck(body)), body).toBeNull();
      expect(orgCodeProblem(wrongCheck(body + orgCodeCheck(body), '0123456789X')), body).toBe('checksum');
    }
    expect(orgCodeProblem('D2143569-1')).toBe('checksum');
    expect(orgCodeProblem('D214356*X')).toBe('format');
    expect(orgCodeProblem('D2143569')).toBe('length');
  });

  it('rule: other organisation codes (GB 11714) — accepted where a credit code is, with their own error codes; the 18-character check is unchanged', () => {
    const either = organisationCodeSchema(['credit_code', 'org_code']);
    const credit = creditCode('91350100M000100Y4');
    expect(either.parse('D2143569-X')).toBe('D2143569X');
    expect(either.parse(credit.toLowerCase())).toBe(credit);
    expect(codeOf(either, 'D2143569-1')).toBe('org_code.checksum');
    expect(codeOf(either, 'D214356*X')).toBe('org_code.format');
    expect(codeOf(either, wrongCheck(credit, ALPHABET))).toBe('credit_code.checksum');
    expect(codeOf(either, '12345')).toBe('org_code.length');
    // A field that takes credit codes only keeps today's rule.
    expect(codeOf(organisationCodeSchema(), 'D2143569-X')).toBe('credit_code.length');
    expect(codeOf(creditCodeSchema(), 'D2143569X')).toBe('credit_code.length');
  });
});

describe('contact phones', () => {
  it.each([
    ['+852 9123 4567', '+85291234567'],
    ['+853 6612 3456', '+85366123456'],
    ['+886 912 345 678', '+886912345678'],
    ['+1 (415) 555-0100', '+14155550100'],
    ['+86 138 0013 8000', '13800138000'],
    ['13800138000', '13800138000'],
  ])('rule: contact phones may be non-mainland — %s is accepted as %s', (input, expected) => {
    expect(contactPhoneSchema().parse(input)).toBe(expected);
  });

  it('rule: contact phones may be non-mainland — "+852 12" is refused with the international rule, a bad mainland number as before', () => {
    expect(codeOf(contactPhoneSchema(), '+852 12')).toBe('contact_phone.international');
    expect(codeOf(contactPhoneSchema(), '+1234567890123456')).toBe('contact_phone.international');
    expect(codeOf(contactPhoneSchema(), '+0 123456789')).toBe('contact_phone.international');
    expect(codeOf(contactPhoneSchema(), '+86 1234 5678')).toBe('mobile.format');
    expect(codeOf(contactPhoneSchema(), '12345')).toBe('mobile.format');
    // Security phones stay mainland numbers: the mobile rule still refuses what a contact phone accepts.
    expect(codeOf(mobileSchema(), '+852 9123 4567')).toBe('mobile.format');
  });
});

describe('one email rule for the form and the server', () => {
  it("rule: an email address is checked by zod's own pattern — the zod-free copy the form uses is that pattern", async () => {
    const { z } = await import('zod');
    const { EMAIL_PATTERN } = await import('../../server/src/contract/validators');
    expect(EMAIL_PATTERN.source).toBe(z.regexes.email.source);
    expect(EMAIL_PATTERN.flags).toBe(z.regexes.email.flags);
  });
});
