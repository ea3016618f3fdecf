import { z } from 'zod';
import {
  acceptedMimeTypes,
  checkCodes,
  effectCodes,
  fieldTypes,
  identityDocuments,
  kindKeys,
  matchAttributes,
  MAX_MATERIAL_BYTES,
  organisationCodes,
  personDocuments,
  preconditionCodes,
  subjectTypeKeys,
} from './codes';
import { checkKindIntegrity } from './kindRules';

export const LocalizedSchema = z.strictObject({
  'zh-CN': z.string().min(1),
  en: z.string().min(1),
});
export type Localized = z.infer<typeof LocalizedSchema>;

export const KindKeySchema = z.enum(kindKeys);
export const SubjectTypeSchema = z.enum(subjectTypeKeys);

const restrictionList = <T extends z.ZodType>(item: T) => z.array(item).min(1).optional();

export const FieldDefSchema = z
  .strictObject({
    key: z.string().regex(/^[a-z][A-Za-z0-9]*$/),
    type: z.enum(fieldTypes),
    label: LocalizedSchema,
    hint: LocalizedSchema.optional(),
    required: z.boolean(),
    subjectTypes: restrictionList(SubjectTypeSchema),
    variants: restrictionList(z.string()),
    options: z
      .array(z.strictObject({ value: z.string().min(1), label: LocalizedSchema }))
      .min(1)
      .optional(),
    matches: z.enum(matchAttributes).optional(),
    sensitive: z.literal(true).optional(),
    maxLength: z.number().int().positive().optional(),
    minAge: z.number().int().positive().optional(),
    /** The documents a resident_id or credit_code field's number may be on; the first when the customer names none. */
    documents: z.array(z.enum(identityDocuments)).min(1).optional(),
    /** Bounds of an amount field, in yuan. */
    min: z.number().nonnegative().optional(),
    max: z.number().positive().optional(),
  })
  .superRefine((field, ctx) => {
    const hasOptions = field.type === 'select' || field.type === 'checklist';
    if (hasOptions !== (field.options !== undefined)) {
      ctx.addIssue({ code: 'custom', path: ['options'], message: 'options belong to select and checklist fields, and only to them' });
    }
    if ((field.min !== undefined || field.max !== undefined) && field.type !== 'amount') {
      ctx.addIssue({ code: 'custom', path: ['min'], message: 'min and max apply to amount fields only' });
    }
    if (field.minAge !== undefined && field.type !== 'resident_id') {
      ctx.addIssue({ code: 'custom', path: ['minAge'], message: 'minAge applies to resident_id fields only' });
    }
    if (field.documents) {
      const allowed: readonly string[] =
        field.type === 'resident_id' ? personDocuments : field.type === 'credit_code' ? organisationCodes : [];
      for (const document of field.documents.filter((d) => !allowed.includes(d))) {
        ctx.addIssue({ code: 'custom', path: ['documents'], message: `${document} is not a document of a ${field.type} field` });
      }
      if (new Set(field.documents).size !== field.documents.length) {
        ctx.addIssue({ code: 'custom', path: ['documents'], message: 'a document is listed twice' });
      }
    }
    if (field.maxLength !== undefined && field.type !== 'text' && field.type !== 'textarea') {
      ctx.addIssue({ code: 'custom', path: ['maxLength'], message: 'maxLength applies to text and textarea fields only' });
    }
  });
export type FieldDef = z.infer<typeof FieldDefSchema>;

export const SlotDefSchema = z.strictObject({
  key: z.string().regex(/^[a-z][a-z0-9_]*$/),
  label: LocalizedSchema,
  hint: LocalizedSchema,
  required: z.boolean(),
  variants: restrictionList(z.string()),
  accept: z.array(z.enum(acceptedMimeTypes)).min(1),
  maxBytes: z.number().int().positive().max(MAX_MATERIAL_BYTES),
  checks: z.array(z.enum(checkCodes)),
  /** Another slot of the kind whose file fulfils this one instead (a deregistration certificate for a licence). */
  alternative: z.string().optional(),
});
export type SlotDef = z.infer<typeof SlotDefSchema>;

export const PreconditionRefSchema = z.strictObject({
  code: z.enum(preconditionCodes),
  variants: restrictionList(z.string()),
});
export type PreconditionRef = z.infer<typeof PreconditionRefSchema>;

export const VariantDefSchema = z.strictObject({
  key: z.string().regex(/^[a-z][a-z0-9_]*$/),
  label: LocalizedSchema,
  /** Overrides the kind's four-eyes rule for this variant: null when this variant changes nothing. */
  fourEyes: LocalizedSchema.nullable().optional(),
  /** What approving this variant does, when it is not the kind's effect. */
  effect: z.enum(effectCodes).optional(),
  /**
   * What the customer is told approval did, where the effect's label would say more or less than happened (an
   * account retrieval is not "enterprise details updated"): the approval notice, the status page, the agent's dialog.
   */
  outcome: LocalizedSchema.optional(),
});
export type VariantDef = z.infer<typeof VariantDefSchema>;

const KindDefShapeSchema = z.strictObject({
  key: KindKeySchema,
  source: z.string().regex(/^\d{3}(, \d{3})*$/),
  label: LocalizedSchema,
  summary: LocalizedSchema,
  subjectTypes: z.array(SubjectTypeSchema).min(1),
  variants: z.array(VariantDefSchema),
  fields: z.array(FieldDefSchema),
  materials: z.partialRecord(SubjectTypeSchema, z.array(SlotDefSchema)),
  preconditions: z.array(PreconditionRefSchema),
  /** Why a subject type the seeds do not name is (or is not) served, or how it proves ownership; shown on the form. */
  subjectTypeNotes: z.partialRecord(SubjectTypeSchema, LocalizedSchema).optional(),
  /** Said above the materials, by subject type: where a hand-held ID photo stands in for the seed's face check. */
  materialNotes: z.partialRecord(SubjectTypeSchema, LocalizedSchema).optional(),
  slaBusinessDays: z.number().int().min(1).max(30),
  effect: z.enum(effectCodes),
  /** Present when approval needs a second person (docs/decisions.md); the text says why, to the agents. */
  fourEyes: LocalizedSchema.optional(),
});
export type KindDefShape = z.infer<typeof KindDefShapeSchema>;

export const KindDefSchema = KindDefShapeSchema.superRefine(checkKindIntegrity);
export type KindDef = z.infer<typeof KindDefSchema>;
export type KindDefInput = z.input<typeof KindDefSchema>;
