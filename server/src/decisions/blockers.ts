import { blockerRules, decisionNoteRules, getKind, ownerCodeRule, type BlockerCode, type Localized } from '../catalog';
import type { Db } from '../db/client';
import { effectFor, hasLoginMfa } from '../effects/registry';
import type { Account, Evidence, MaterialSlot, Prisma, Ticket } from '../generated/prisma/client';
import { compareDeclared, preconditionsFor } from '../review/declaredVsOnFile';
import type { Blocker, DecisionNote } from '../contract/decisions';

export type TicketForDecision = Ticket & { account: Account | null; slots: MaterialSlot[]; evidence: Evidence[] };

/** The ticket with what a decision reads: its account, slots and current files. */
export const loadForDecision = (tx: Prisma.TransactionClient | Db, id: number): Promise<TicketForDecision | null> =>
  tx.ticket.findUnique({
    where: { id },
    include: { account: true, slots: true, evidence: { where: { current: true }, orderBy: { id: 'asc' } } },
  });

// The identity values of docs/owner-binding.md's "who the owner is": every one the customer declared must match the account.
const identityAttributes: ReadonlySet<string> = new Set(['realName', 'idNumber', 'companyName', 'creditCode']);
// Seed 002: an enterprise's handler (经办人) cannot be changed, so a different declared handler is refused outright.
const handlerAttributes: ReadonlySet<string> = new Set(['handlerName', 'handlerIdNumber']);

const blocker = (code: BlockerCode, extra: { detail?: Localized; precondition?: Blocker['precondition'] } = {}): Blocker => ({
  code,
  label: blockerRules[code].label,
  overridable: blockerRules[code].overridable,
  ...extra,
});

const listed = (items: Localized[]): Localized => ({
  'zh-CN': items.map((i) => i['zh-CN']).join('、'),
  en: items.map((i) => i.en).join(', '),
});

/**
 * Everything that stands between this ticket and its approval (docs/decisions.md). The directory decides who the
 * owner is: its subject type and identity values, its on-file channels, what it already holds.
 */
export async function blockersIn(tx: Prisma.TransactionClient | Db, ticket: TicketForDecision): Promise<Blocker[]> {
  const kind = getKind(ticket.kind)!;
  const effect = effectFor(ticket);
  const account = ticket.account;
  const out: Blocker[] = [];

  if (ticket.ownerObjectedAt) out.push(blocker('owner_objected'));
  if (!account && (effect.needsAccount || ticket.accountUin))
    out.push(
      blocker(
        'account_not_found',
        ticket.accountUin ? { detail: { 'zh-CN': `账号 ${ticket.accountUin}`, en: `account ${ticket.accountUin}` } } : {},
      ),
    );
  if (account && account.subjectType !== ticket.subjectType) {
    out.push(
      blocker('subject_type_mismatch', {
        detail: {
          'zh-CN': `申报 ${ticket.subjectType}，账号为 ${account.subjectType}`,
          en: `declared ${ticket.subjectType}, the account is ${account.subjectType}`,
        },
      }),
    );
  }
  if (account) {
    const compared = compareDeclared(ticket, account).filter((c) => c.result === 'mismatch');
    const mismatched = compared.filter((c) => identityAttributes.has(c.attribute));
    if (mismatched.length) out.push(blocker('identity_mismatch', { detail: listed(mismatched.map((c) => c.label)) }));
    const handler = compared.filter((c) => handlerAttributes.has(c.attribute));
    if (handler.length) out.push(blocker('handler_changed', { detail: listed(handler.map((c) => c.label)) }));
  }
  if (ownerCodeRule(kind, ticket.subjectType, ticket.variant) === 'required' && !ticket.ownerVerifiedAt)
    out.push(blocker('owner_not_verified'));
  if (account && effect.mfaResetField && hasLoginMfa(account) && !mfaResetTicked(ticket, effect.mfaResetField))
    out.push(blocker('mfa_reset_not_ticked'));
  if (account && effect.conflictIn) {
    const taken = await effect.conflictIn(tx, { account, fields: ticket.fields as Record<string, string> });
    if (taken) out.push(blocker(effect.conflictBlocker ?? 'login_email_taken', { detail: taken }));
  }

  if (!ticket.complete) out.push(blocker('materials_incomplete'));
  if (ticket.slots.some((s) => s.verdict === 'rejected')) out.push(blocker('material_rejected'));
  if (ticket.evidence.some((e) => e.verdict === null)) out.push(blocker('evidence_unreviewed'));

  for (const p of await preconditionsFor(tx, ticket, account)) {
    if (p.ok) continue;
    if (p.code === 'not_cancelled') out.push(blocker('account_cancelled'));
    else out.push(blocker('precondition_failed', { precondition: p.code, detail: p.detail ?? p.label }));
  }
  return out;
}

const mfaResetTicked = (ticket: Ticket, field: string) => (ticket.fields as Record<string, string>)[field] === 'yes';

/** What the agent should know before deciding that does not stand in the way (seed 002's "modify MFA" tick). */
export function decisionNotesOf(ticket: TicketForDecision): DecisionNote[] {
  const effect = effectFor(ticket);
  const notes: DecisionNote[] = [];
  if (ticket.account && effect.mfaResetField && !hasLoginMfa(ticket.account) && mfaResetTicked(ticket, effect.mfaResetField)) {
    notes.push({ code: 'mfa_reset_without_mfa', label: decisionNoteRules.mfa_reset_without_mfa.label });
  }
  return notes;
}

/** The blockers an approval cannot pass: all of them, or only the unoverridable ones when a supervisor overrides. */
export const standingBlockers = (blockers: Blocker[], override: boolean) => blockers.filter((b) => !(override && b.overridable));
