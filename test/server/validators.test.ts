import { describe, expect, it } from 'vitest';
import {
  creditCodeProblem,
  creditCodeSchema,
  isValidAccountId,
  isValidCreditCode,
  isValidEmail,
  isValidMobile,
  isValidResidentId,
  maskIdentifier,
  mobileSchema,
  normaliseMobile,
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

  it('rejects a wrong check character', () => {
    const id = residentId('19900101');
    expect(residentIdProblem(wrongCheck(id, '0123456789X'), { now })).toBe('checksum');
    expect(residentIdProblem('110105194912310021', { now })).toBe('checksum');
  });

  it('rejects a bad length', () => {
    expect(residentIdProblem('11010519491231002', { now })).toBe('length');
    expect(residentIdProblem('11010519491231002X1', { now })).toBe('length');
    expect(residentIdProblem('', { now })).toBe('length');
  });

  it('rejects letters in the body', () => {
    expect(residentIdProblem('1101051949123A002X', { now })).toBe('format');
    expect(residentIdProblem('X1010519491231002X', { now })).toBe('format');
  });

  it('rejects a birth date that does not exist (Feb 30, Feb 29 of a common year, month 13)', () => {
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

  it('rejects a wrong check character', () => {
    expect(creditCodeProblem(wrongCheck('91350100M000100Y43', ALPHABET))).toBe('checksum');
  });

  it('rejects a bad length', () => {
    expect(creditCodeProblem('91350100M000100Y4')).toBe('length');
    expect(creditCodeProblem('91350100M000100Y431')).toBe('length');
  });

  it.each(['I', 'O', 'Z', 'S', 'V'])('rejects a code containing %s', (letter) => {
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
  ])('normalises %s', (input, expected) => {
    expect(normaliseMobile(input)).toBe(expected);
  });

  it.each(['12800138000', '1380013800', '138001380001', '+1 13800138000', '0086 13800138000', 'abcdefghijk', ''])(
    'rejects %s',
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

  it('accepts an account ID of 5 to 20 digits only', () => {
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
