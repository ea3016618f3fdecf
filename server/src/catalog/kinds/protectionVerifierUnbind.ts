import { accountIdField, companyNameField, creditCodeField, descriptionField, personFields } from '../fields';
import type { KindDefInput } from '../schema';
import { authorisationLetterSlot, businessLicenceSlot, holdingIdSlots } from '../slots';

// Seed 004 (员工离职): the departed employee's WeChat, QQ or email is what login protection (账号保护) verifies with,
// and nobody can pass it. The materials are the enterprise template of a login request (our design: seed 004 names
// the change, not its list).
export const protectionVerifierUnbind: KindDefInput = {
  key: 'protection_verifier_unbind',
  source: '004, 002',
  label: { 'zh-CN': '员工离职：解绑账号保护验证方式', en: 'Staff left: remove the login-protection verifier' },
  summary: {
    'zh-CN': '账号保护用离职员工的微信、QQ 或邮箱验证，现在没人能通过验证，想把它解绑。',
    en: "Login protection verifies with a departed employee's WeChat, QQ or email and nobody can pass it; we want it removed.",
  },
  subjectTypes: ['enterprise'],
  variants: [],
  fields: [
    accountIdField(),
    companyNameField(),
    creditCodeField(),
    {
      key: 'verifierType',
      type: 'select',
      label: { 'zh-CN': '账号保护的验证方式', en: 'What login protection verifies with' },
      hint: { 'zh-CN': '在“安全设置 > 账号保护”中可以看到', en: 'Shown under Security settings > Account protection' },
      required: true,
      options: [
        { value: 'wechat', label: { 'zh-CN': '微信号', en: 'WeChat' } },
        { value: 'qq', label: { 'zh-CN': 'QQ 号', en: 'QQ' } },
        { value: 'email', label: { 'zh-CN': '邮箱', en: 'Email' } },
      ],
    },
    {
      key: 'verifierIdentifier',
      type: 'text',
      label: { 'zh-CN': '离职员工的微信号、QQ 号或邮箱', en: "The departed employee's WeChat ID, QQ number or email" },
      required: true,
      maxLength: 100,
    },
    ...personFields('handler'),
    descriptionField(),
  ],
  materials: {
    enterprise: [
      businessLicenceSlot(),
      authorisationLetterSlot({
        hint: {
          'zh-CN': '按模板填写、写明解绑的账号保护验证方式并加盖企业公章，上传彩色扫描件',
          en: 'Fill in the template naming the verifier to remove, stamp it with the company seal and upload a colour scan',
        },
      }),
      ...holdingIdSlots('handler'),
    ],
  },
  preconditions: [{ code: 'not_cancelled' }],
  slaBusinessDays: 3,
  effect: 'remove_protection_verifier',
  fourEyes: { 'zh-CN': '解绑账号保护会去掉一道登录校验', en: 'Removing the verifier takes a sign-in check away' },
};
