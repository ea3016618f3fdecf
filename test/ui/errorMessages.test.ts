import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { englishHelpdeskMessages } from '../../admin-ui/console/i18n/en';
import { chineseHelpdeskMessages } from '../../admin-ui/console/i18n/zhCN';

const serverSource = path.resolve(import.meta.dirname, '../../server/src');

const sourceFiles = (dir: string): string[] =>
  fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'generated' ? [] : sourceFiles(full);
    return entry.name.endsWith('.ts') ? [full] : [];
  });

const CODE = String.raw`'([A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+|[A-Z]{4,})'`;
/** Where a code is given to an error: an error factory's call, a [status, code, message] row, a `code` default or property. */
const codePatterns = [
  new RegExp(
    String.raw`\b(?:conflict|badRequest|forbidden|unauthorized|tooManyRequests|methodNotAllowed|HttpError|StaleTicket|super|unique|refusal)\((?:[^()]|\((?:[^()]|\([^()]*\))*\))*?${CODE}`,
    'g',
  ),
  new RegExp(String.raw`\[\d{3}, ${CODE}`, 'g'),
  new RegExp(String.raw`\bcode\s*(?::|=(?!=))\s*${CODE}`, 'g'),
  new RegExp(String.raw`\bcode = [^;\n]*\? ${CODE} : ${CODE}`, 'g'),
];

const serverErrorCodes = () => {
  const codes = new Set<string>();
  for (const file of sourceFiles(serverSource)) {
    const text = fs.readFileSync(file, 'utf8');
    for (const pattern of codePatterns)
      for (const match of text.matchAll(pattern)) match.slice(1).forEach((code) => code && codes.add(code));
  }
  return [...codes].sort();
};

const errorsOf = (messages: object) => (messages as { app: { errors: Record<string, string> } }).app.errors;

describe("the server's error codes", () => {
  it('every code the server answers has a Chinese and an English text for the console', () => {
    const codes = serverErrorCodes();
    // The extraction finds the codes agents meet daily; if it found none, the test would prove nothing.
    expect(codes).toEqual(
      expect.arrayContaining([
        'STALE',
        'DECISION_REQUIRED',
        'NOT_ASSIGNEE',
        'SAME_PERSON',
        'STALE_PROPOSAL',
        'APPROVAL_BLOCKED',
        'EVIDENCE_FROZEN',
        'ILLEGAL_TRANSITION',
        'NOT_FOUND',
        'INVALID_INPUT',
      ]),
    );
    const zh = errorsOf(chineseHelpdeskMessages);
    const en = errorsOf(englishHelpdeskMessages);
    expect(codes.filter((code) => !zh[code]?.trim())).toEqual([]);
    expect(codes.filter((code) => !en[code]?.trim())).toEqual([]);
    expect(codes.filter((code) => zh[code] === en[code])).toEqual([]);
  });
});
