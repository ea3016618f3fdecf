export const kindKeys = [
  'mfa_unbind',
  'reused_phone_unbind',
  'login_request',
  'enterprise_review',
  'security_phone_change',
  'account_cancellation',
  'registration_method_unbind',
  'protection_verifier_unbind',
] as const;

export const subjectTypeKeys = ['personal', 'enterprise', 'unverified'] as const;

export const fieldTypes = [
  // A person's identity number; `documents` says which identity documents it may be on (resident ID by default).
  'resident_id',
  // An organisation's code; `documents` may add the GB 11714 organisation code to the 18-character credit code.
  'credit_code',
  // A security phone, compared with the account's or becoming it: mainland only (seed 002 shows them as +86 numbers).
  'mobile',
  // A number the desk reaches someone at: a mainland mobile, or an international number for users outside the mainland.
  'contact_phone',
  'email',
  'account_id',
  'text',
  'select',
  'textarea',
  'date',
  'amount',
  'checklist',
] as const;

export const checkCodes = ['file_type', 'colour', 'not_front_camera', 'legible', 'no_duplicate', 'pdf_readable'] as const;

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
  'no_unfinished_orders',
  'no_advance_payments',
  'no_message_recipients',
  'abandonable_resources_given_up',
  'enterprise_max_ten_accounts',
  'new_licence_seven_business_days',
  'transfer_check_window',
  'online_change_code_starts_with_9',
] as const;

/** Resources seed 002 lets a cancelling customer give up rather than delete (注销账号方面). */
export const abandonableCategories = [
  'voucher',
  'ssl_certificate',
  'cdn_traffic_package',
  'marketplace_mini_program',
  'load_testing',
  'sms_package',
  'vod_daily_package',
  'live_streaming_package',
  'website_hosting',
  'vod_storage',
] as const;

export const effectCodes = [
  'unbind_mfa',
  'release_phone',
  'bind_login_email',
  'update_enterprise',
  'change_security_phone',
  'cancel_account',
  'remove_registration_method',
  'report_enterprise_accounts',
  'answer_transfer_check',
  'remove_protection_verifier',
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
  'handlerName',
  'handlerIdNumber',
] as const;

/** Identity documents a person's number may be on (docs/rules.md "Identifiers"; seed 002). */
export const personDocuments = ['resident_id', 'hk_macau_permit', 'taiwan_permit', 'passport'] as const;

/** Codes an organisation may be identified by (seed 002 "社会信用代码/其他组织机构代码"). */
export const organisationCodes = ['credit_code', 'org_code'] as const;

export const identityDocuments = [...personDocuments, ...organisationCodes] as const;

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
export type PersonDocument = (typeof personDocuments)[number];
export type OrganisationCode = (typeof organisationCodes)[number];
export type IdentityDocument = (typeof identityDocuments)[number];
export type LoginMethodType = (typeof loginMethodTypes)[number];
export type AbandonableCategory = (typeof abandonableCategories)[number];
export type AcceptedMimeType = (typeof acceptedMimeTypes)[number];
export type Locale = (typeof locales)[number];
