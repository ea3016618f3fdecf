import { accountIdField, companyNameField, creditCodeField, descriptionField, idNumberField, realNameField } from '../fields';
import type { KindDefInput } from '../schema';
import { businessLicenceSlot, faceCheckByPhotoNote, holdingIdSlots } from '../slots';

export const registrationMethodUnbind: KindDefInput = {
  key: 'registration_method_unbind',
  source: '000',
  label: { 'zh-CN': '解绑注册方式', en: 'Unbind the registration method' },
  summary: {
    'zh-CN': '我想解绑注册时用的登录方式（比如微信），以后用其他方式登录。',
    en: 'I want to unbind the login method I registered with (for example WeChat) and sign in another way.',
  },
  subjectTypes: ['personal', 'enterprise'],
  variants: [],
  fields: [
    accountIdField(),
    {
      key: 'registrationMethod',
      type: 'select',
      label: { 'zh-CN': '要解绑的注册方式', en: 'Registration method to unbind' },
      required: true,
      options: [
        { value: 'wechat', label: { 'zh-CN': '微信', en: 'WeChat' } },
        { value: 'qq', label: { 'zh-CN': 'QQ', en: 'QQ' } },
        { value: 'wecom', label: { 'zh-CN': '企业微信', en: 'WeCom' } },
        { value: 'email', label: { 'zh-CN': '邮箱', en: 'Email' } },
        { value: 'official_account', label: { 'zh-CN': '微信公众平台', en: 'WeChat official account' } },
      ],
    },
    realNameField({ subjectTypes: ['personal'] }),
    idNumberField({ subjectTypes: ['personal'] }),
    companyNameField({ subjectTypes: ['enterprise'] }),
    creditCodeField({ subjectTypes: ['enterprise'] }),
    descriptionField(),
  ],
  materials: {
    // (our design) the seed's personal path is WeChat scan + face check; by appeal, the hand-held ID stands in for it.
    personal: holdingIdSlots('applicant'),
    enterprise: [businessLicenceSlot(), ...holdingIdSlots('legal_rep')],
  },
  materialNotes: { personal: faceCheckByPhotoNote },
  preconditions: [
    { code: 'not_cancelled' },
    { code: 'two_login_methods' },
    { code: 'registration_method_not_protection' },
    { code: 'security_phone_bound' },
  ],
  slaBusinessDays: 3,
  effect: 'remove_registration_method',
  fourEyes: { 'zh-CN': '解绑注册方式会去掉一种登录方式', en: 'Removing the registration method removes a way to sign in' },
};
