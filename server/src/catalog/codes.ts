export const kindKeys = [
  'mfa_unbind',
  'reused_phone_unbind',
  'login_request',
  'enterprise_review',
  'security_phone_change',
  'account_cancellation',
  'registration_method_unbind',
] as const;

export const subjectTypeKeys = ['personal', 'enterprise', 'unverified'] as const;

export const fieldTypes = [
  'resident_id',
  'credit_code',
  'mobile',
  'email',
  'account_id',
  'text',
  'select',
  'textarea',
] as const;

export const checkCodes = [
  'file_type',
  'colour',
  'not_front_camera',
  'legible',
  'no_duplicate',
  'pdf_readable',
] as const;

export const preconditionCodes = [
  'no_arrears',
  'no_balance_or_vouchers',
  'no_resources_in_use',
  'no_sub_users_or_collaborators',
  'no_open_complaints',
  'two_login_methods',
  'security_phone_bound',
  'registration_method_not_protection',
  'phone_max_five_accounts',
  'mfa_bound',
  'real_name_change_interval_30_days',
  'not_cancelled',
] as const;

export const effectCodes = [
  'unbind_mfa',
  'release_phone',
  'bind_login_email',
  'update_enterprise',
  'change_security_phone',
  'cancel_account',
  'remove_registration_method',
] as const;

/** Account attributes a declared field is compared with ("declared vs on file"). */
export const matchAttributes = [
  'uin',
  'realName',
  'companyName',
  'idNumber',
  'creditCode',
  'securityPhone',
  'securityEmail',
] as const;

export const loginMethodTypes = ['qq', 'wechat', 'wecom', 'email', 'official_account'] as const;

export const acceptedMimeTypes = ['image/jpeg', 'image/png', 'image/webp', 'application/pdf'] as const;

export const MAX_MATERIAL_BYTES = 10 * 1024 * 1024;

export const locales = ['zh-CN', 'en'] as const;

export type KindKey = (typeof kindKeys)[number];
export type SubjectType = (typeof subjectTypeKeys)[number];
export type FieldType = (typeof fieldTypes)[number];
export type CheckCode = (typeof checkCodes)[number];
export type PreconditionCode = (typeof preconditionCodes)[number];
export type EffectCode = (typeof effectCodes)[number];
export type MatchAttribute = (typeof matchAttributes)[number];
export type LoginMethodType = (typeof loginMethodTypes)[number];
export type AcceptedMimeType = (typeof acceptedMimeTypes)[number];
export type Locale = (typeof locales)[number];
