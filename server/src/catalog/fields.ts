import type { PersonDocument } from './codes';
import type { FieldDef, Localized } from './schema';

/** Shared field definitions; a kind overrides what differs (required, subject types, variants, hint). */
type Extra = Partial<Omit<FieldDef, 'type'>>;

export const accountIdField = (extra: Extra = {}): FieldDef => ({
  key: 'accountId',
  type: 'account_id',
  label: { 'zh-CN': '账号 ID', en: 'Account ID' },
  hint: {
    'zh-CN': '5 至 20 位数字；不记得时可先通过“找回账号”查询',
    en: '5 to 20 digits; use "find my account" first if you do not know it',
  },
  required: true,
  matches: 'uin',
  ...extra,
});

export const loginAccountField = (extra: Extra = {}): FieldDef => ({
  key: 'loginAccount',
  type: 'text',
  label: { 'zh-CN': '登录账号', en: 'Login account' },
  hint: {
    'zh-CN': 'QQ 号、邮箱、微信号或微信公众号',
    en: 'QQ number, email, WeChat ID or WeChat official account',
  },
  required: true,
  maxLength: 100,
  ...extra,
});

export const realNameField = (extra: Extra = {}): FieldDef => ({
  key: 'realName',
  type: 'text',
  label: { 'zh-CN': '实名认证姓名', en: 'Real name on the account' },
  hint: { 'zh-CN': '须与账号实名认证信息一致', en: "Must match the account's real-name verification" },
  required: true,
  matches: 'realName',
  maxLength: 50,
  ...extra,
});

// Seed 002: Hong Kong, Macao and Taiwan residents verify personally with their travel permits, and those are
// personal documents, so any person may give one; only a legal representative may be a foreign national.
const personalDocuments: PersonDocument[] = ['resident_id', 'hk_macau_permit', 'taiwan_permit'];

export const idNumberField = (extra: Extra = {}): FieldDef => ({
  key: 'idNumber',
  type: 'resident_id',
  label: { 'zh-CN': '身份证号', en: 'Resident ID number' },
  hint: { 'zh-CN': '18 位，末位可能是 X', en: '18 characters; the last one may be X' },
  required: true,
  matches: 'idNumber',
  sensitive: true,
  // Checked on resident IDs only: a permit's number carries no birth date, the hand-held photo shows the holder.
  minAge: 18,
  documents: personalDocuments,
  ...extra,
});

export const companyNameField = (extra: Extra = {}): FieldDef => ({
  key: 'companyName',
  type: 'text',
  label: { 'zh-CN': '实名认证企业名称', en: 'Company name on the account' },
  hint: { 'zh-CN': '与营业执照上的名称一致', en: 'As printed on the business licence' },
  required: true,
  matches: 'companyName',
  maxLength: 100,
  ...extra,
});

export const creditCodeField = (extra: Extra = {}): FieldDef => ({
  key: 'creditCode',
  type: 'credit_code',
  label: { 'zh-CN': '统一社会信用代码', en: 'Unified social credit code' },
  hint: {
    'zh-CN': '18 位，见营业执照；没有统一社会信用代码的组织填 9 位组织机构代码',
    en: '18 characters, printed on the business licence; an organisation without one gives its 9-character organisation code',
  },
  required: true,
  matches: 'creditCode',
  // Seed 002's change form asks for "社会信用代码/其他组织机构代码": either identifies the organisation.
  documents: ['credit_code', 'org_code'],
  ...extra,
});

const roles = {
  applicant: { who: { 'zh-CN': '申请人', en: "Applicant's" }, documents: personalDocuments },
  handler: { who: { 'zh-CN': '经办人', en: "Handler's" }, documents: personalDocuments },
  newLegalRep: { who: { 'zh-CN': '变更后企业法人', en: "New legal representative's" }, documents: [...personalDocuments, 'passport'] },
} satisfies Record<string, { who: Localized; documents: PersonDocument[] }>;

/** Name and resident ID number of a person acting in the appeal (applicant, handler, ...). */
export function personFields(role: keyof typeof roles, extra: Extra = {}): FieldDef[] {
  const { who, documents } = roles[role];
  return [
    {
      key: `${role}Name`,
      type: 'text',
      label: { 'zh-CN': `${who['zh-CN']}姓名`, en: `${who.en} name` },
      required: true,
      maxLength: 50,
      ...extra,
    },
    {
      key: `${role}IdNumber`,
      type: 'resident_id',
      label: { 'zh-CN': `${who['zh-CN']}身份证号`, en: `${who.en} resident ID number` },
      hint: { 'zh-CN': '18 位，末位可能是 X', en: '18 characters; the last one may be X' },
      required: true,
      sensitive: true,
      documents,
      ...extra,
    },
  ];
}

export const currentPhoneField = (extra: Extra = {}): FieldDef => ({
  key: 'currentPhone',
  type: 'contact_phone',
  label: { 'zh-CN': '正在使用的手机号', en: 'Phone number you use now' },
  hint: {
    'zh-CN': '用于审核期间联系您；中国大陆以外的号码请以 + 和国家或地区代码开头',
    en: 'We use it to reach you during the review; outside the mainland, start with + and the country code',
  },
  required: true,
  ...extra,
});

export const descriptionField = (extra: Extra = {}): FieldDef => ({
  key: 'description',
  type: 'textarea',
  label: { 'zh-CN': '情况说明', en: 'What happened' },
  hint: { 'zh-CN': '简要说明遇到的问题，便于审核', en: 'A few words on the problem help the review' },
  required: false,
  maxLength: 2000,
  ...extra,
});
