import { HttpError } from 'react-admin';
import { blockerRules, type BlockerCode } from '../../../../server/src/catalog/blockers';
import type { Blocker, LocalizedMessage } from '../../types';

/** The fewest characters a supervisor's reason for overriding blockers may have (the server refuses fewer). */
export const MIN_OVERRIDE_REASON = 10;

/** A blocker code's label from the server's catalog (for codes that arrive without one, such as overridden ones). */
export const blockerLabel = (code: string): LocalizedMessage | undefined =>
  code in blockerRules ? blockerRules[code as BlockerCode].label : undefined;

/** A supervisor may approve anyway only when every blocker that stands may be overridden. */
export const overridable = (blockers: readonly Blocker[]): boolean => blockers.every((blocker) => blocker.overridable);

/** Whether an approval may be sent as things stand: nothing blocks, or a supervisor overrides with a reason. */
export const mayApprove = ({
  blockers,
  mayOverride,
  override,
  overrideReason,
}: {
  blockers: readonly Blocker[];
  mayOverride: boolean;
  override: boolean;
  overrideReason: string;
}): boolean =>
  blockers.length === 0 || (mayOverride && override && overridable(blockers) && overrideReason.trim().length >= MIN_OVERRIDE_REASON);

/** The blockers a 409 APPROVAL_BLOCKED answer carries, if it carries any. */
export const blockersOf = (error: unknown): Blocker[] | undefined => {
  if (!(error instanceof HttpError)) return undefined;
  const blockers = (error.body as { blockers?: unknown } | null)?.blockers;
  return Array.isArray(blockers) ? (blockers as Blocker[]) : undefined;
};
