import type { Macro, MaterialSlot, Ticket } from '../types';

/** Where a macro's text is offered: a reply, a request for materials, or the message of a decision. */
export type MacroAction = 'public_reply' | 'request' | 'approve' | 'reject';

interface MacroFit {
  actions: readonly MacroAction[];
  /** Finding codes (server/src/evidence/inspection) on the ticket's current files that make it the likely answer. */
  findings?: readonly string[];
}

/**
 * The seeded macros by name. A Macro record does not say yet which actions and findings it suits (proposed: a
 * `fits` JSON column edited in the macro form); until it does this table does, and a macro it does not name is
 * offered everywhere, as before.
 */
const MACRO_FITS: Record<string, MacroFit> = {
  'materials.colour_scan': { actions: ['public_reply', 'request', 'reject'], findings: ['colour.greyscale'] },
  'materials.rear_camera': { actions: ['public_reply', 'request', 'reject'], findings: ['exif.front_camera'] },
  'review.three_days': { actions: ['public_reply'] },
  'cancellation.resources_left': { actions: ['public_reply', 'request', 'reject'] },
  'enterprise.deregistration_certificate': { actions: ['public_reply', 'request'] },
  'departure.before_leaving': { actions: ['public_reply', 'reject'] },
  'departure.after_leaving': { actions: ['public_reply', 'reject'] },
};

export const macroFitsAction = (macro: Pick<Macro, 'name'>, action: MacroAction): boolean =>
  MACRO_FITS[macro.name]?.actions.includes(action) ?? true;

/** Codes of the findings that did not pass on the ticket's current files. */
export const openFindingCodes = (slots: readonly Pick<MaterialSlot, 'findings'>[] | undefined): Set<string> =>
  new Set(
    (slots ?? []).flatMap((slot) => (slot.findings ?? []).filter((finding) => finding.severity !== 'pass').map((finding) => finding.code)),
  );

const answersFindings = (macro: Pick<Macro, 'name'>, codes: Set<string>): boolean =>
  MACRO_FITS[macro.name]?.findings?.some((code) => codes.has(code)) ?? false;

/** The macros offered for an action on a ticket: those answering its findings first, then the rest that fit. */
export const arrangeMacros = <M extends Pick<Macro, 'name'>>(macros: readonly M[], ticket: Pick<Ticket, 'slots'>, action: MacroAction) => {
  const codes = openFindingCodes(ticket.slots);
  const fitting = macros.filter((macro) => macroFitsAction(macro, action));
  return {
    suggested: fitting.filter((macro) => answersFindings(macro, codes)),
    others: fitting.filter((macro) => !answersFindings(macro, codes)),
  };
};
