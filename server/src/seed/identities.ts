// Synthetic identifiers with correct check characters, for demo and bulk data.

const idWeights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const idChecks = '10X98765432';

export function residentId(region: string, birth: Date, sequence: number): string {
  const ymd = birth.toISOString().slice(0, 10).replaceAll('-', '');
  const body = `${region}${ymd}${String(sequence % 1000).padStart(3, '0')}`;
  const sum = [...body].reduce((s, ch, i) => s + Number(ch) * idWeights[i]!, 0);
  return body + idChecks[sum % 11];
}

const codeAlphabet = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const codeWeights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** A unified social credit code: "91" (enterprise, company) + region + a 9-character organisation code + check. */
export function creditCode(region: string, serial: number): string {
  let org = '';
  let n = serial;
  for (let i = 0; i < 9; i += 1) {
    org = codeAlphabet[n % 31]! + org;
    n = Math.floor(n / 31);
  }
  const body = `91${region}${org}`;
  const sum = [...body].reduce((s, ch, i) => s + codeAlphabet.indexOf(ch) * codeWeights[i]!, 0);
  return body + codeAlphabet[(31 - (sum % 31)) % 31];
}
