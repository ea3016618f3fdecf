import type { Localized } from '../../catalog';

export type Severity = 'pass' | 'warn' | 'fail';
export type Facts = Record<string, string | number | boolean | null>;
export type Finding = { code: string; severity: Severity; message: Localized; facts?: Facts };

const rank: Record<Severity, number> = { pass: 0, warn: 1, fail: 2 };

export function worstSeverity(findings: Finding[]): Severity {
  return findings.reduce<Severity>((worst, f) => (rank[f.severity] > rank[worst] ? f.severity : worst), 'pass');
}
