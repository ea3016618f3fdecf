import { accountIdField, companyNameField, creditCodeField, descriptionField, idNumberField, personFields, realNameField } from '../fields';
import type { KindDefInput } from '../schema';
import { businessLicenceSlot, holdingIdSlots, sealedFormSlot } from '../slots';

export const securityPhoneChange: KindDefInput = {
  key: 'security_phone_change',
  source: '002',
  label: { 'zh-CN': '申诉修改安全手机', en: 'Change the security phone by appeal' },
  summary: {
    'zh-CN': '原来的安全手机停用或丢了，收不到验证码，想换成新手机号。',
    en: 'My old security phone is gone or out of service, I get no codes, and I want to switch to a new number.',
  },
  subjectTypes: ['personal', 'enterprise'],
  variants: [],
  fields: [
    accountIdField(),
    {
      key: 'currentSecurityPhone',
      type: 'mobile',
      label: { 'zh-CN': '原安全手机', en: 'Old security phone' },
      hint: { 'zh-CN': '记得的话请填写', en: 'If you remember it' },
      required: false,
      matches: 'securityPhone',
    },
    {
      key: 'newSecurityPhone',
      type: 'mobile',
      label: { 'zh-CN': '新安全手机', en: 'New security phone' },
      hint: {
        'zh-CN': '一个手机号最多可作为 5 个账号的安全手机',
        en: 'One number can be the security phone of at most 5 accounts',
      },
      required: true,
    },
    realNameField({ subjectTypes: ['personal'] }),
    idNumberField({ subjectTypes: ['personal'] }),
    companyNameField({ subjectTypes: ['enterprise'] }),
    creditCodeField({ subjectTypes: ['enterprise'] }),
    ...personFields('applicant', { subjectTypes: ['enterprise'] }),
    descriptionField(),
  ],
  materials: {
    personal: holdingIdSlots('applicant'),
    enterprise: [
      businessLicenceSlot(),
      ...holdingIdSlots('legal_rep'),
      ...holdingIdSlots('applicant'),
      sealedFormSlot('account_info_change_form', { 'zh-CN': '账号信息变更表', en: 'Account information change form' }),
    ],
  },
  preconditions: [{ code: 'not_cancelled' }, { code: 'phone_max_five_accounts' }],
  slaBusinessDays: 3,
  effect: 'change_security_phone',
  fourEyes: {
    'zh-CN': '安全手机接收验证码，更换它即交出账号的安全校验',
    en: 'The security phone receives the verification codes; changing it hands them over',
  },
};
