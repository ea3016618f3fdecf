// What the form tells a customer before sending: the server's own codes (its rules are the ones the form runs),
// a blank required field, and the contact block.
import { describe, expect, it } from 'vitest';
import type { CatalogField } from '../../../admin-ui/form/catalog';
import { contactProblems, fieldProblem } from '../../../admin-ui/form/validation';
import { adultId } from '../../server/support/payloads';

const field = (type: CatalogField['type'], extra: Partial<CatalogField> = {}): CatalogField => ({
  key: 'x',
  type,
  label: { 'zh-CN': 'x', en: 'x' },
  required: true,
  ...extra,
});

describe("the form's checks", () => {
  it('asks for a required field and lets an optional one stay blank', () => {
    expect(fieldProblem(field('text'), '  ')).toBe('required');
    expect(fieldProblem(field('text', { required: false }), '')).toBeNull();
  });

  it("tells a mistake by the server's code, and a person's number by the document chosen beside it", () => {
    const idNumber = field('resident_id', { documents: ['resident_id', 'hk_macau_permit'] });
    expect(fieldProblem(idNumber, adultId)).toBeNull();
    expect(fieldProblem(idNumber, adultId.slice(0, 17) + (adultId.endsWith('0') ? '1' : '0'))).toBe('resident_id.checksum');
    expect(fieldProblem(idNumber, 'H12345678', undefined, 'hk_macau_permit')).toBeNull();
    expect(fieldProblem(idNumber, 'H12345678', undefined, 'passport')).toBe('id_document.not_accepted');
    expect(fieldProblem(field('amount', { min: 1 }), '0.5')).toBe('amount.range');
    expect(fieldProblem(field('text', { maxLength: 5 }), 'abcdef')).toBe('too_long');
  });

  it('asks for a contact name and an email or a phone, each valid', () => {
    expect(contactProblems({ name: ' ', email: '', phone: '' })).toEqual({ name: 'required', contact: 'contact_required' });
    expect(contactProblems({ name: '张伟', email: 'bad', phone: '' })).toEqual({ email: 'email.format' });
    expect(contactProblems({ name: '张伟', email: '', phone: '+86 13912345678' })).toEqual({});
    expect(contactProblems({ name: '张伟', email: '', phone: '1234' })).toEqual({ phone: 'mobile.format' });
    expect(contactProblems({ name: '张伟', email: '', phone: '+852 9123 4567' })).toEqual({});
    expect(contactProblems({ name: '张伟', email: '', phone: '+852 12' })).toEqual({ phone: 'contact_phone.international' });
  });

  it('refuses a contact name the server refuses, by the same code', () => {
    const nameProblem = (name: string) => contactProblems({ name, email: 'a@example.cn', phone: '' }).name;
    expect(nameProblem('张伟\r\nBcc: victim@example.cn')).toBe('name.control');
    expect(nameProblem('Li\u202eLei')).toBe('name.control');
    expect(nameProblem('http://evil.example 请点击')).toBe('name.url');
    expect(nameProblem('客服中心 evil-help.com')).toBe('name.url');
    expect(nameProblem('名'.repeat(101))).toBe('too_long');
    expect(nameProblem("Mary-Jane O'Neil")).toBeUndefined();
  });
});
