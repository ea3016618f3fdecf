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

const creditAlphabet = '0123456789ABCDEFGHJKLMNPQRTUWXY';
/** A unified social credit code with its GB 32100 check character, computed here independently of the server. */
export function creditCodeFor(body17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += creditAlphabet.indexOf(body17.charAt(i)) * (3 ** i % 31);
  return body17 + creditAlphabet.charAt((31 - (sum % 31)) % 31);
}
