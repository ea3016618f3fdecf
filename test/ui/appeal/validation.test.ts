// The form's validators must say what the server's say: the same verdict and the same code for every field of
// every kind, including the rules the public catalog leaves out (minimum age, maximum length).
import { describe, expect, it } from 'vitest';
import type { CatalogField } from '../../../admin-ui/form/catalog';
import { contactProblems, fieldProblem } from '../../../admin-ui/form/validation';
import { catalog as serverCatalog } from '../../../server/src/catalog/catalog';
import { fieldValueSchema } from '../../../server/src/catalog/declaredFields';
import { offersDocumentChoice, personDocumentsOf } from '../../../server/src/catalog/identifiers';
import { residentIdFor } from '../../server/support/payloads';
import { catalog as publicCatalog } from './handlers';

const now = new Date();
const yearsAgo = (years: number, dayShift = 0) => {
  const d = new Date(Date.UTC(now.getUTCFullYear() - years, now.getUTCMonth(), now.getUTCDate() + dayShift));
  return `${d.getUTCFullYear()}${String(d.getUTCMonth() + 1).padStart(2, '0')}${String(d.getUTCDate()).padStart(2, '0')}`;
};

const alphabet = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const creditWeights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
const creditCodeFor = (body17: string) =>
  body17 + alphabet[(31 - ([...body17].reduce((s, ch, i) => s + alphabet.indexOf(ch) * creditWeights[i]!, 0) % 31)) % 31];

const samples: Record<CatalogField['type'], string[]> = {
  resident_id: [
    '',
    '   ',
    residentIdFor('11010519850312003'),
    residentIdFor('11010519850312003').toLowerCase(),
    '11010519491231002x',
    '110105198503120035',
    '11010519850312003',
    '1101051985031200361',
    '01010519850312003X',
    '11010519850312A036',
    residentIdFor('11010519850230003'),
    residentIdFor('11010518990101003'),
    residentIdFor(`110105${yearsAgo(10)}003`),
    residentIdFor(`110105${yearsAgo(18, 1)}003`),
    residentIdFor(`110105${yearsAgo(18)}003`),
    residentIdFor(`110105${yearsAgo(-1)}003`),
    // Numbers of the other documents a person may give: wrong as resident IDs, right or wrong on their own.
    'H12345678',
    'm 1234 5678 01',
    'H1234567',
    'X12345678',
    '12345678',
    '1234567801',
    '123456789',
    'E12345678',
    'p1234',
    'AB-123456',
    'A'.repeat(21),
  ],
  credit_code: ['', creditCodeFor('91350100M000100Y4'), creditCodeFor('91350100M000100Y4').toLowerCase(), '91350100M000100Y40', '91350100M000100Y4', '9135010OM000100Y43', ' ' + creditCodeFor('12100000400000624') + ' ', 'D2143569-X', 'd2143569x', 'D2143569-1', 'D214356*X', 'D2143569--X', '12345'],
  contact_phone: ['', '13912345678', '+86 139-1234-5678', '12912345678', '+852 9123 4567', '+853 6612 3456', '+886 912 345 678', '+1 (415) 555-0100', '+852 12', '+86 1234', '+0 123456789', '+1234567890123456', '852 9123 4567'],
  mobile: ['', '13912345678', '+86 139-1234-5678', '8613912345678', '12912345678', '1391234567', '139123456789', '+8513912345678'],
  email: ['', 'zhang.wei@example.cn', 'a@b', 'a@b.c', 'x..y@example.com', '.x@example.com', 'first.last+tag@sub.example.org', 'name@例子.中国'],
  account_id: ['', '1234', '12345', '100012345', '123456789012345678901', '12 345', '１２３４５'],
  text: ['', 'abc', '张伟', 'x'.repeat(50), 'x'.repeat(51), 'x'.repeat(100), 'x'.repeat(101)],
  textarea: ['', 'x'.repeat(2000), 'x'.repeat(2001)],
  select: ['', 'yes', 'no', 'wechat', 'maybe'],
  date: ['', '2026-11-20', '2026-02-30', '20261120', '2099-01-01', '1899-12-31'],
  amount: ['', '0.01', '0.5', '0.99', '1.00', '0.001', 'abc', '0'],
  checklist: ['', 'voucher', 'voucher,ssl_certificate', 'ssl_certificate,voucher', 'voucher,bogus'],
};

function serverCode(kindKey: string, fieldKey: string, value: string, document?: string): string | null {
  const kind = serverCatalog.kinds[kindKey as keyof typeof serverCatalog.kinds];
  const field = kind.fields.find((f) => f.key === fieldKey)!;
  const result = fieldValueSchema(field, now, document as Parameters<typeof fieldValueSchema>[2]).safeParse(value);
  return result.success ? null : (result.error.issues[0]?.message ?? 'invalid');
}

describe("the form's validators mirror the server's", () => {
  for (const kind of publicCatalog.kinds) {
    it(`agrees on every field of ${kind.key}`, () => {
      for (const field of kind.fields) {
        for (const value of samples[field.type]) {
          expect({ field: field.key, value, code: fieldProblem(field, value, now) }).toEqual({ field: field.key, value, code: serverCode(kind.key, field.key, value) });
        }
        // A person's number is judged by the document chosen beside it, each by its own rule.
        for (const document of offersDocumentChoice(field) ? personDocumentsOf(field) : []) {
          for (const value of samples.resident_id) {
            expect({ field: field.key, document, value, code: fieldProblem(field, value, now, document) }).toEqual({
              field: field.key,
              document,
              value,
              code: serverCode(kind.key, field.key, value, document),
            });
          }
        }
      }
    });
  }

  it('asks for a contact name and an email or a phone, each valid', () => {
    expect(contactProblems({ name: ' ', email: '', phone: '' })).toEqual({ name: 'required', contact: 'contact_required' });
    expect(contactProblems({ name: '张伟', email: 'bad', phone: '' })).toEqual({ email: 'email.format' });
    expect(contactProblems({ name: '张伟', email: '', phone: '+86 13912345678' })).toEqual({});
    expect(contactProblems({ name: '张伟', email: '', phone: '1234' })).toEqual({ phone: 'mobile.format' });
    expect(contactProblems({ name: '张伟', email: '', phone: '+852 9123 4567' })).toEqual({});
    expect(contactProblems({ name: '张伟', email: '', phone: '+852 12' })).toEqual({ phone: 'contact_phone.international' });
  });
});
