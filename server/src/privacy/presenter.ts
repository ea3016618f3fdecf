import { catalog, type FieldDef } from '../catalog';
import type { Db } from '../db/client';
import { maskCode, maskEmail, maskIdNumber, maskName, maskPhone } from './mask';

/**
 * The one rule for personal data in agents' answers. A value under a key this table names is masked by that key's
 * masker, at any depth of a record or of an event's JSON; any other string is searched for the ticket's own
 * personal values (its contact, its declared names and numbers), which are masked wherever they are quoted.
 * Full values leave only through the audited reveal (server/src/privacy/reveal.ts).
 */

/** The ticket's own personal values, each beside its masked form, longest first. */
export type Known = readonly (readonly [full: string, masked: string])[];
type Masker = (value: string, known: Known) => string;

const masked =
  (mask: (v: string) => string | null): Masker =>
  (v) =>
    mask(v) ?? '';
const phone = masked(maskPhone);
const email = masked(maskEmail);
const name = masked(maskName);
const code = masked(maskCode);
/** Identity numbers are stored as their last four characters (or a masked form that ends in them). */
const idNumber: Masker = (v) => maskIdNumber(v.slice(-4)) ?? '';
/** A sign-in identifier: an email address, or a QQ number, WeChat ID, … */
const login: Masker = (v) => (v.includes('@') ? email(v, []) : code(v, []));
/** A notification's recipient: an email address or a phone number. */
const recipient: Masker = (v, known) => (v.includes('@') ? email(v, known) : phone(v, known));
const hidden: Masker = () => '[hidden]';

/** Replaces the ticket's personal values wherever they are quoted. */
export function maskKnown(text: string, known: Known): string {
  let out = text;
  for (const [full, short] of known) if (out.includes(full)) out = out.split(full).join(short);
  return out;
}

const residentIdInText = /(?<![0-9A-Za-z*])\d{17}[\dXx](?![0-9A-Za-z])/g;
const mobileInText = /(?<![0-9*])1[3-9]\d{9}(?!\d)/g;
const emailInText = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g;

/** Free text (messages, notes, reasons): the ticket's values, and anything shaped like an ID number, a mobile or an email. */
export const maskFreeText: Masker = (text, known) =>
  maskKnown(text, known)
    .replace(residentIdInText, (id) => idNumber(id, known))
    .replace(mobileInText, (p) => phone(p, known))
    .replace(emailInText, (e) => email(e, known));

/** How a declared field is masked, from its catalog type; company names and account IDs are not personal. */
function declaredMasker(f: FieldDef): Masker | undefined {
  switch (f.type) {
    case 'mobile':
    case 'contact_phone':
      return phone;
    case 'email':
      return email;
    case 'resident_id':
      return idNumber;
    case 'credit_code':
      return code;
    case 'textarea':
      return maskFreeText;
    case 'text':
      if (f.key === 'loginAccount') return login;
      // A person's name (realName, applicantName, newLegalRepName, …); a company's name is not personal.
      return f.matches === 'realName' || (/Name$/.test(f.key) && !/company/i.test(f.key)) ? name : undefined;
    default:
      return undefined;
  }
}

const declaredMaskers: Record<string, Masker> = Object.fromEntries(
  Object.values(catalog.kinds).flatMap((k) =>
    k.fields.flatMap((f) => {
      const m = declaredMasker(f);
      return m ? [[f.key, m] as const] : [];
    }),
  ),
);

/** Which keys hold personal data, in every record an agent reads: tickets, accounts, events, messages, notifications. */
export const personalKeys: Readonly<Record<string, Masker>> = {
  ...declaredMaskers,
  // The ticket's contact.
  contactName: name,
  contactEmail: email,
  contactPhone: phone,
  // The account directory, and an account.changed event's before and after.
  realName: name,
  securityPhone: phone,
  securityEmail: email,
  creditCode: code,
  idNumber,
  idNumberLast4: idNumber,
  idNumberHash: hidden,
  handlerName: name,
  handlerIdHash: hidden,
  identifier: login,
  // The outbox.
  recipient,
  // Free text anywhere.
  body: maskFreeText,
  subject: maskFreeText,
  message: maskFreeText,
  note: maskFreeText,
  reason: maskFreeText,
  overrideReason: maskFreeText,
  originalName: maskFreeText,
};

/** A value with every personal part masked: by its key's masker when the table names it, else its known values. */
export function presentPersonal<T>(value: T, known: Known = [], by?: Masker): T {
  if (typeof value === 'string') return (by ? by(value, known) : maskKnown(value, known)) as T;
  if (Array.isArray(value)) return value.map((v) => presentPersonal(v, known, by)) as T;
  if (value !== null && typeof value === 'object' && !(value instanceof Date)) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, presentPersonal(v, known, by ?? personalKeys[k])])) as T;
  }
  return value;
}

/** One value under a key of the table (unmasked when the key is not personal). */
export const maskField = (key: string, value: string | null, known: Known = []): string | null =>
  value === null ? null : (personalKeys[key] ?? maskKnown)(value, known);

type TicketValues = { contactName: string; contactEmail: string | null; contactPhone: string | null; fields: unknown };

/** The ticket's personal values and their masks, for free text that quotes them. */
export function knownOf(t: TicketValues): Known {
  const pairs: [string, string][] = [];
  const add = (key: string, value: unknown) => {
    if (typeof value !== 'string' || [...value].length < 2 || value.includes('*')) return;
    const masker = personalKeys[key];
    // Names, phones and emails are what free text quotes; a login account that is a number may be the account ID.
    const quotable = masker === name || masker === phone || masker === email || (masker === login && value.includes('@'));
    if (masker && quotable) pairs.push([value, masker(value, [])]);
  };
  add('contactName', t.contactName);
  add('contactEmail', t.contactEmail);
  add('contactPhone', t.contactPhone);
  for (const [key, value] of Object.entries((t.fields ?? {}) as Record<string, unknown>)) add(key, value);
  return pairs.filter(([full, short]) => full !== short).sort((a, b) => b[0].length - a[0].length);
}

/** The known values of each of these tickets, read in one query. */
export async function knownByTicket(db: Pick<Db, 'ticket'>, ids: readonly (number | null)[]): Promise<Map<number, Known>> {
  const wanted = [...new Set(ids.filter((id): id is number => id !== null))];
  if (wanted.length === 0) return new Map();
  const rows = await db.ticket.findMany({
    where: { id: { in: wanted } },
    select: { id: true, contactName: true, contactEmail: true, contactPhone: true, fields: true },
  });
  return new Map(rows.map((t) => [t.id, knownOf(t)]));
}
