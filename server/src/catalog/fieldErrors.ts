import type { z } from 'zod';
import { badRequest, zodFieldErrors } from '../http/errors';
import type { Localized } from './schema';

/**
 * The message of every issue raised by declaredFieldsSchema and appealPayloadSchema is one of these codes;
 * show it to people through `fieldErrorMessages[code]`.
 */
export const fieldErrorMessages = {
  required: { 'zh-CN': '此项必填', en: 'This field is required' },
  not_a_string: { 'zh-CN': '请填写文本', en: 'Enter text' },
  not_an_object: { 'zh-CN': '格式不正确', en: 'Malformed value' },
  unknown_field: { 'zh-CN': '不是此类申诉需要填写的项目', en: 'Not a field of this kind of appeal' },
  too_long: { 'zh-CN': '内容过长', en: 'Too long' },
  'resident_id.length': { 'zh-CN': '身份证号应为 18 位', en: 'A resident ID number has 18 characters' },
  'resident_id.format': { 'zh-CN': '身份证号格式不正确', en: 'The resident ID number is malformed' },
  'resident_id.checksum': { 'zh-CN': '身份证号校验位不正确，请核对', en: 'The resident ID number’s check character is wrong' },
  'resident_id.birth_date': { 'zh-CN': '身份证号中的出生日期无效', en: 'The birth date inside the ID number is not valid' },
  'resident_id.under_age': { 'zh-CN': '申请人须年满 18 周岁', en: 'The applicant must be at least 18' },
  'credit_code.length': { 'zh-CN': '统一社会信用代码应为 18 位', en: 'A unified social credit code has 18 characters' },
  'credit_code.format': {
    'zh-CN': '统一社会信用代码含有无效字符（不含 I、O、Z、S、V）',
    en: 'The credit code has invalid characters (I, O, Z, S, V are never used)',
  },
  'credit_code.checksum': { 'zh-CN': '统一社会信用代码校验位不正确，请核对', en: 'The credit code’s check character is wrong' },
  'hk_macau_permit.format': {
    'zh-CN': '港澳居民来往内地通行证号码应为 H 或 M 加 8 位数字（旧版证件为 10 位数字）',
    en: 'A Mainland Travel Permit for Hong Kong and Macao Residents is H or M and 8 digits (10 on older permits)',
  },
  'taiwan_permit.format': {
    'zh-CN': '台湾居民来往大陆通行证号码应为 8 位数字（旧版证件为 10 位数字）',
    en: 'A Mainland Travel Permit for Taiwan Residents has 8 digits (10 on older permits)',
  },
  'passport.format': { 'zh-CN': '护照号码应为 5 至 20 位字母或数字', en: 'A passport number is 5 to 20 letters or digits' },
  'id_document.not_accepted': {
    'zh-CN': '此项不接受该证件类型（护照仅用于企业法人）',
    en: 'This document is not accepted here (passports only for a legal representative)',
  },
  'org_code.length': {
    'zh-CN': '应为 18 位统一社会信用代码或 9 位组织机构代码',
    en: 'Enter an 18-character credit code or a 9-character organisation code',
  },
  'org_code.format': { 'zh-CN': '组织机构代码格式不正确', en: 'The organisation code is malformed' },
  'org_code.checksum': { 'zh-CN': '组织机构代码校验位不正确，请核对', en: 'The organisation code’s check character is wrong' },
  'mobile.format': { 'zh-CN': '请填写 11 位中国大陆手机号', en: 'Enter an 11-digit mainland China mobile number' },
  'contact_phone.international': {
    'zh-CN': '国际号码应为 + 加国家或地区代码和号码，共 8 至 15 位数字',
    en: 'An international number is + and the country code, 8 to 15 digits in all',
  },
  'email.format': { 'zh-CN': '邮箱地址格式不正确', en: 'The email address is malformed' },
  'account_id.format': { 'zh-CN': '账号 ID 应为 5 至 20 位数字', en: 'An account ID is 5 to 20 digits' },
  'select.not_an_option': { 'zh-CN': '请从选项中选择', en: 'Choose one of the options' },
  'date.format': { 'zh-CN': '请按 年-月-日 填写有效日期', en: 'Enter a real date as YYYY-MM-DD' },
  'date.future': { 'zh-CN': '日期不能晚于今天', en: 'The date cannot be after today' },
  'amount.format': { 'zh-CN': '请填写金额（元），最多两位小数', en: 'Enter an amount in yuan with at most two decimals' },
  'amount.range': { 'zh-CN': '金额不在允许的范围内，请对照说明填写', en: 'The amount is outside the allowed range: see the hint' },
  unknown_kind: { 'zh-CN': '不支持的申诉类型', en: 'Unknown kind of appeal' },
  unknown_subject_type: { 'zh-CN': '不支持的认证类型', en: 'Unknown subject type' },
  subject_type_not_allowed: {
    'zh-CN': '此类申诉不适用于该认证类型',
    en: 'This kind of appeal is not available for this subject type',
  },
  variant_required: { 'zh-CN': '请选择具体的申请类型', en: 'Choose which case applies' },
  unknown_variant: { 'zh-CN': '不支持的申请类型', en: 'Unknown case for this kind of appeal' },
  contact_required: { 'zh-CN': '请至少填写邮箱或手机号中的一项', en: 'Give an email address or a phone number' },
  'locale.unknown': { 'zh-CN': '不支持的语言', en: 'Unsupported language' },
  'name.control': { 'zh-CN': '姓名中不能有换行或控制字符', en: 'A name cannot contain line breaks or control characters' },
  'name.url': { 'zh-CN': '姓名中不能有网址', en: 'A name cannot contain a web address' },
} satisfies Record<string, Localized>;

export type FieldErrorCode = keyof typeof fieldErrorMessages;

/** A code's text in the agent's language; a code that is not one of ours is shown as it is. */
export const fieldErrorText = (code: string, locale: string): string => {
  const text = (fieldErrorMessages as Record<string, Localized>)[code];
  return text ? text[locale === 'en' ? 'en' : 'zh-CN'] : code;
};

/** parseInput for schemas whose messages are codes of fieldErrorMessages: each field's error in the agent's language. */
export function parseFieldCodes<S extends z.ZodType>(schema: S, input: unknown, locale: string): z.infer<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const errors = Object.fromEntries(
    Object.entries(zodFieldErrors(result.error)).map(([field, code]) => [field, fieldErrorText(code, locale)]),
  );
  throw badRequest('Some fields are invalid', errors);
}
