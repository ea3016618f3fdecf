// The console's declared-fields view names the document a number is on, beside the masked number.
import { describe, expect, it } from 'vitest';
import { declaredValue, documentChoiceKeys } from '../../admin-ui/console/catalog/catalogText';
import type { PublicCatalog } from '../../admin-ui/console/types';
import { publicCatalog } from '../../server/src/catalog/publicCatalog';

const catalog = JSON.parse(JSON.stringify(publicCatalog())) as PublicCatalog;

describe('declared identity numbers in the console', () => {
  it('rule: Hong Kong, Macau and Taiwan individuals verify with their travel permits — the agent sees the permit named beside the masked number', () => {
    const declared = { idNumber: '**************5678', idNumberType: 'hk_macau_permit', realName: '陈大文' };
    expect(declaredValue(catalog, 'mfa_unbind', 'idNumber', declared, 'zh-CN')).toBe('港澳居民来往内地通行证 **************5678');
    expect(declaredValue(catalog, 'mfa_unbind', 'idNumber', declared, 'en')).toBe(
      'Mainland Travel Permit for Hong Kong and Macao Residents **************5678',
    );
    // A ticket filed without a choice (or before there was one) is on a resident ID.
    expect(declaredValue(catalog, 'mfa_unbind', 'idNumber', { idNumber: '**************002X' }, 'zh-CN')).toBe(
      '居民身份证 **************002X',
    );
    expect(declaredValue(catalog, 'mfa_unbind', 'realName', declared, 'zh-CN')).toBe('陈大文');
    // The choice is shown with its number, not on a row of its own.
    expect([...documentChoiceKeys(catalog, 'mfa_unbind')]).toEqual(expect.arrayContaining(['idNumberType', 'applicantIdNumberType']));
  });

  it('rule: a legal representative may be a foreign national — a passport is named as such', () => {
    const declared = { newLegalRepIdNumber: '**************5678', newLegalRepIdNumberType: 'passport' };
    expect(declaredValue(catalog, 'enterprise_review', 'newLegalRepIdNumber', declared, 'zh-CN')).toBe('护照 **************5678');
  });

  // An option field stores the option's value; the agent reads its label.
  it("shows a chosen option under the catalog's label, not its stored value", () => {
    const field = catalog.kinds.find((kind) => kind.key === 'registration_method_unbind')?.fields.find((f) => f.type === 'select');
    const option = field?.options?.[0];
    if (!field || !option) throw new Error('registration_method_unbind has no option field in the catalog');
    const declared = { [field.key]: option.value };
    expect(declaredValue(catalog, 'registration_method_unbind', field.key, declared, 'zh-CN')).toBe(option.label['zh-CN']);
    expect(declaredValue(catalog, 'registration_method_unbind', field.key, declared, 'en')).toBe(option.label.en);
  });
});
