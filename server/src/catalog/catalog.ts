import { z } from 'zod';
import { checkCodes, effectCodes, preconditionCodes } from './codes';
import { kindDefinitions } from './kinds';
import { checkLabels, effectLabels, preconditionLabels, subjectTypeLabels } from './labels';
import { KindDefSchema, KindKeySchema, LocalizedSchema, SubjectTypeSchema } from './schema';

export const CatalogSchema = z
  .strictObject({
    subjectTypes: z.record(SubjectTypeSchema, LocalizedSchema),
    checks: z.record(z.enum(checkCodes), LocalizedSchema),
    preconditions: z.record(z.enum(preconditionCodes), LocalizedSchema),
    effects: z.record(z.enum(effectCodes), LocalizedSchema),
    kinds: z.record(KindKeySchema, KindDefSchema),
  })
  .superRefine((catalog, ctx) => {
    for (const [key, kind] of Object.entries(catalog.kinds)) {
      if (kind.key !== key) ctx.addIssue({ code: 'custom', path: ['kinds', key, 'key'], message: `entry says ${kind.key}` });
    }
  });
export type Catalog = z.infer<typeof CatalogSchema>;

/** Parses the catalog; a broken entry throws here, at start-up, with every problem listed. */
export function loadCatalog(input: unknown): Catalog {
  const result = CatalogSchema.safeParse(input);
  if (!result.success) throw new Error(`Invalid requirements catalog:\n${z.prettifyError(result.error)}`);
  return result.data;
}

export const catalog: Catalog = loadCatalog({
  subjectTypes: subjectTypeLabels,
  checks: checkLabels,
  preconditions: preconditionLabels,
  effects: effectLabels,
  kinds: kindDefinitions,
});
