import { z } from 'zod';
import { locales, type KindKey, type Locale, type SubjectType } from './codes';
import { declaredFieldsSchema, optionalValue, requiredValue } from './declaredFields';
import type { FieldErrorCode } from './fieldErrors';
import { getKind, isKindKey, isSubjectType } from './lookup';
import { contactPhoneSchema, emailSchema, personNameSchema } from './validators';

const contactSchema = z.object(
  {
    name: requiredValue(personNameSchema()),
    email: optionalValue(emailSchema()),
    // Customers outside the mainland are reached on their own numbers (+852 …); security phones stay mainland.
    phone: optionalValue(contactPhoneSchema()),
    locale: z.enum(locales, { error: 'locale.unknown' }).optional(),
  },
  { error: 'required' },
);

const rawPayloadSchema = z.object({
  kind: z.string({ error: 'required' }),
  subjectType: z.string({ error: 'required' }),
  variant: optionalValue(z.string({ error: 'not_a_string' })),
  fields: z.unknown().optional(),
  contact: z.unknown().optional(),
  /** The proof that a code sent to the account's on-file channel was verified (docs/owner-binding.md). */
  ownerProof: optionalValue(z.string({ error: 'not_a_string' }).max(100, { error: 'too_long' })),
});
type RawPayload = z.infer<typeof rawPayloadSchema>;

export interface AppealPayload {
  kind: KindKey;
  subjectType: SubjectType;
  variant?: string;
  fields: Record<string, string>;
  contact: { name: string; email?: string; phone?: string; locale?: Locale };
  ownerProof?: string;
}

type Path = (string | number)[];
const issue = (ctx: z.RefinementCtx, path: Path, message: FieldErrorCode) => ctx.addIssue({ code: 'custom', path, message });

function forward(ctx: z.RefinementCtx, prefix: string, issues: readonly z.core.$ZodIssue[]): void {
  for (const found of issues) {
    if (found.code === 'unrecognized_keys') {
      for (const key of found.keys) ctx.addIssue({ code: 'custom', path: [prefix, key], message: 'unknown_field' });
    } else {
      ctx.addIssue({
        code: 'custom',
        path: [prefix, ...found.path.map((p) => (typeof p === 'symbol' ? String(p) : p))],
        message: found.message,
      });
    }
  }
}

function checkVariant(ctx: z.RefinementCtx, variants: readonly { key: string }[], variant: string | undefined): boolean {
  if (variants.length === 0 && variant === undefined) return true;
  if (variant === undefined) issue(ctx, ['variant'], 'variant_required');
  else if (!variants.some((v) => v.key === variant)) issue(ctx, ['variant'], 'unknown_variant');
  else return true;
  return false;
}

function checkPayload(payload: RawPayload, ctx: z.RefinementCtx, now: Date | undefined): void {
  const kind = getKind(payload.kind);
  if (!kind) issue(ctx, ['kind'], 'unknown_kind');
  let subjectOk = false;
  if (!isSubjectType(payload.subjectType)) issue(ctx, ['subjectType'], 'unknown_subject_type');
  else if (kind && !kind.subjectTypes.includes(payload.subjectType)) issue(ctx, ['subjectType'], 'subject_type_not_allowed');
  else subjectOk = true;

  const contact = contactSchema.safeParse(payload.contact);
  if (!contact.success) forward(ctx, 'contact', contact.error.issues);
  else if (!contact.data.email && !contact.data.phone) issue(ctx, ['contact'], 'contact_required');

  if (!kind || !subjectOk || !checkVariant(ctx, kind.variants, payload.variant)) return;
  const fields = declaredFieldsSchema(kind, payload.subjectType, payload.variant, now).safeParse(payload.fields ?? {});
  if (!fields.success) forward(ctx, 'fields', fields.error.issues);
}

function compact(values: Record<string, string | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(values)) if (value !== undefined) out[key] = value;
  return out;
}

/**
 * A whole submission: kind, subject type, variant, fields and contact, checked against the catalog.
 * Issue paths name the offending input (['fields', 'idNumber'], ['contact', 'email'], ['variant']);
 * messages are codes of fieldErrorMessages. The output carries the normalised values.
 */
export function buildAppealPayloadSchema(now?: Date) {
  return rawPayloadSchema
    .superRefine((payload, ctx) => checkPayload(payload, ctx, now))
    .transform((payload): AppealPayload => {
      const { kind, subjectType, variant, ownerProof } = payload;
      if (!isKindKey(kind) || !isSubjectType(subjectType)) throw new Error('unreachable: payload checked above');
      const fields = declaredFieldsSchema(kind, subjectType, variant, now).parse(payload.fields ?? {});
      const contact = contactSchema.parse(payload.contact);
      return {
        kind,
        subjectType,
        ...(variant !== undefined && { variant }),
        fields: compact(fields),
        contact: {
          name: contact.name,
          ...(contact.email !== undefined && { email: contact.email }),
          ...(contact.phone !== undefined && { phone: contact.phone }),
          ...(contact.locale !== undefined && { locale: contact.locale }),
        },
        ...(ownerProof !== undefined && { ownerProof }),
      };
    });
}

export const appealPayloadSchema = buildAppealPayloadSchema();
