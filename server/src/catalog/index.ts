export { catalog, loadCatalog, CatalogSchema, type Catalog } from './catalog';
export {
  kindKeys,
  subjectTypeKeys,
  checkCodes,
  preconditionCodes,
  effectCodes,
  fieldTypes,
  personDocuments,
  organisationCodes,
  identityDocuments,
  matchAttributes,
  loginMethodTypes,
  abandonableCategories,
  acceptedMimeTypes,
  locales,
  MAX_MATERIAL_BYTES,
  type KindKey,
  type SubjectType,
  type CheckCode,
  type PreconditionCode,
  type EffectCode,
  type FieldType,
  type PersonDocument,
  type OrganisationCode,
  type IdentityDocument,
  type MatchAttribute,
  type AcceptedMimeType,
  type AbandonableCategory,
  type Locale,
} from './codes';
export {
  LocalizedSchema,
  FieldDefSchema,
  SlotDefSchema,
  KindDefSchema,
  type Localized,
  type FieldDef,
  type SlotDef,
  type KindDef,
  type VariantDef,
  type PreconditionRef,
} from './schema';
export { getKind, fieldsFor, slotsFor, isKindKey, isSubjectType, fourEyesReason, ownerCodeRule, effectOf, outcomeOf } from './lookup';
export { declaredFieldsSchema, fieldValueSchema } from './declaredFields';
export { appealPayloadSchema, buildAppealPayloadSchema, type AppealPayload } from './payload';
export { fieldErrorMessages, type FieldErrorCode } from './fieldErrors';
export { publicCatalog, type PublicCatalog, type PublicKind, type PublicField, type PublicSlot } from './publicCatalog';
export {
  evaluatePreconditions,
  evaluatePrecondition,
  AccountFactsSchema,
  type AccountFacts,
  type PreconditionContext,
  type PreconditionResult,
} from './preconditions';
export {
  isValidResidentId,
  residentIdProblem,
  isValidCreditCode,
  creditCodeProblem,
  normaliseMobile,
  normaliseContactPhone,
  orgCodeProblem,
  isValidMobile,
  isValidEmail,
  isValidAccountId,
  maskIdentifier,
  type ResidentIdProblem,
  type CreditCodeProblem,
} from './validators';
export { abandonableLabels } from './labels';
export { defaultRejectionReasons, type RejectionScope } from './rejectionReasons';
export { blockerRules, blockerCodes, decisionNoteRules, type BlockerCode, type DecisionNoteCode } from './blockers';
