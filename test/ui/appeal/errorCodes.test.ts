// @vitest-environment node
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ApiError, problemOf } from '../../../admin-ui/form/api';
import { problemKey, translate } from '../../../admin-ui/form/i18n';

// Issue 15, item 5: every message of the form in both languages. The codes are read from the source of the public
// routes (as test/ui/errorMessages.test.ts does for the console), so a new code without texts fails here.

const serverSource = path.resolve(import.meta.dirname, '../../../server/src');
/** What the public routes (appeals, inspections, owner codes, objections) and the shared HTTP layer can answer. */
const publicSources = [
  'appeals',
  'intake',
  'ownerProof',
  'evidence/inspection',
  'public',
  'http/errors.ts',
  'http/rateLimit.ts',
  'http/validate.ts',
];

const sourceFiles = (entry: string): string[] => {
  if (!fs.existsSync(entry)) return [];
  if (fs.statSync(entry).isFile()) return entry.endsWith('.ts') ? [entry] : [];
  return fs.readdirSync(entry).flatMap((name) => sourceFiles(path.join(entry, name)));
};

const CODE = String.raw`'([A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+|[A-Z]{4,})'`;
const codePatterns = [
  new RegExp(
    String.raw`\b(?:conflict|badRequest|forbidden|unauthorized|tooManyRequests|methodNotAllowed|HttpError|super|refusal)\((?:[^()]|\((?:[^()]|\([^()]*\))*\))*?${CODE}`,
    'g',
  ),
  new RegExp(String.raw`\[\d{3}, ${CODE}`, 'g'),
  new RegExp(String.raw`\bcode\s*(?::|=(?!=))\s*${CODE}`, 'g'),
  // A code as a call's last argument (a trailing comma allowed), after arguments nested too deep for the first pattern.
  /'([A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+)',?\s*\)/g,
];

function publicErrorCodes(): string[] {
  const codes = new Set<string>();
  for (const file of publicSources.flatMap((p) => sourceFiles(path.join(serverSource, p)))) {
    const text = fs.readFileSync(file, 'utf8');
    for (const pattern of codePatterns)
      for (const match of text.matchAll(pattern)) match.slice(1).forEach((code) => code && codes.add(code));
  }
  return [...codes].sort();
}

describe("the public routes' error codes in the form", () => {
  const codes = publicErrorCodes();

  it('finds the codes a customer meets, so the check below proves something', () => {
    expect(codes).toEqual(
      expect.arrayContaining([
        'UNSUPPORTED_TYPE',
        'FILE_TOO_LARGE',
        'CORRUPT_FILE',
        'RATE_LIMITED',
        'NOT_FOUND',
        'INVALID_INPUT',
        'UNKNOWN_SLOT',
        'CODE_INVALID',
        'UPLOAD_ABORTED',
        'ONE_FILE_ONLY',
      ]),
    );
  });

  it('has a Chinese and an English sentence for every code, and they differ', () => {
    const missing = codes.filter((code) => problemKey(code) === null);
    expect(missing).toEqual([]);
    for (const code of codes) {
      const key = problemKey(code)!;
      const zh = translate('zh-CN', key, { minutes: 5 });
      const en = translate('en', key, { minutes: 5 });
      expect(zh, code).toMatch(/[\u4e00-\u9fff]/);
      expect(en, code).not.toMatch(/[\u4e00-\u9fff]/);
      expect(zh).not.toBe(en);
    }
  });

  it("shows the form's sentence for a code instead of the server's English", () => {
    const refused = new ApiError(415, 'UNSUPPORTED_TYPE', 'Front: This file is a Windows program (EXE), which cannot be used as evidence');
    expect(translate('zh-CN', problemOf(refused).key)).toBe('有文件的格式不被接受，请查看标出的材料。');
    expect(translate('zh-CN', problemOf(new ApiError(0, 'NETWORK', 'Network error')).key)).toBe('网络连接失败，请检查网络后重试。');
    expect(translate('zh-CN', problemOf(new ApiError(404, 'NOT_FOUND', 'Appeal not found')).key)).toBe(
      '找不到该申诉，或访问码不正确。请核对后重试。',
    );
    expect(problemOf(new ApiError(503, 'HTTP_503', 'HTTP 503')).key).toBe('problem.INTERNAL');
  });
});
