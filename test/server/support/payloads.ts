// Valid resident ID numbers and credit codes are computed here, independently of the server's validators.
const idWeights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
export function residentIdFor(body17: string): string {
  const sum = [...body17].reduce((s, ch, i) => s + Number(ch) * idWeights[i]!, 0);
  return body17 + '10X98765432'[sum % 11];
}

export const adultId = residentIdFor('11010519850312003'); // born 1985-03-12

export function mfaUnbindPayload(overrides: { fields?: Record<string, string>; contact?: Record<string, string> } = {}) {
  return {
    kind: 'mfa_unbind',
    subjectType: 'personal',
    fields: {
      loginAccount: '12345678',
      accountId: '100012345',
      realName: '张伟',
      idNumber: adultId,
      currentPhone: '13912345678',
      ...overrides.fields,
    },
    contact: { name: '张伟', email: 'zhang.wei@example.cn', phone: '13912345678', ...overrides.contact },
  };
}
