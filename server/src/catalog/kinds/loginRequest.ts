import {
  accountIdField,
  companyNameField,
  creditCodeField,
  descriptionField,
  idNumberField,
  loginAccountField,
  personFields,
  realNameField,
} from '../fields';
import type { KindDefInput } from '../schema';
import { authorisationLetterSlot, businessLicenceSlot, holdingIdSlots } from '../slots';

export const loginRequest: KindDefInput = {
  key: 'login_request',
  source: '002, 004',
  label: { 'zh-CN': '申请登录（绑定新邮箱）', en: 'Request sign-in with a new email' },
  summary: {
    'zh-CN': '账号登录不上了（员工离职、微信/QQ/公众号被冻结或注销、忘了登录方式），想绑定一个新邮箱来登录。',
    en: 'I cannot sign in any more (staff left, WeChat/QQ/official account frozen or deleted, login method forgotten) and want to sign in with a new email.',
  },
  subjectTypes: ['personal', 'enterprise', 'unverified'],
  // Seeds 002 and 004 give templates for verified accounts only. An unverified account has no real-name record to
  // hold documents against, so, as for its cancellation (seed 003), control of its security phone or email is the proof.
  subjectTypeNotes: {
    unverified: {
      'zh-CN': '未实名认证的账号没有实名信息可供核对材料，因此无需上传材料，但须用发送到账号安全手机或安全邮箱的验证码证明您能控制此账号。',
      en: 'An unverified account has no real-name record to check documents against: no files are needed, but a code sent to the account’s security phone or email must show that you control it.',
    },
  },
  variants: [],
  fields: [
    accountIdField(),
    loginAccountField({
      required: false,
      label: { 'zh-CN': '原登录账号', en: 'Previous login account' },
    }),
    {
      key: 'newEmail',
      type: 'email',
      label: { 'zh-CN': '新登录邮箱', en: 'New login email' },
      hint: { 'zh-CN': '审核通过后，用此邮箱登录账号', en: 'Once approved, you sign in with this email' },
      required: true,
    },
    {
      key: 'resetMfa',
      type: 'select',
      label: { 'zh-CN': '同时修改 MFA', en: 'Also reset MFA' },
      hint: {
        'zh-CN': '账号开启了登录 MFA 时选“是”，并在授权书中勾选修改 MFA',
        en: 'Choose "yes" if the account has login MFA, and tick "modify MFA" on the authorisation letter',
      },
      required: false,
      options: [
        { value: 'yes', label: { 'zh-CN': '是', en: 'Yes' } },
        { value: 'no', label: { 'zh-CN': '否', en: 'No' } },
      ],
    },
    realNameField({ subjectTypes: ['personal'] }),
    idNumberField({ subjectTypes: ['personal'] }),
    companyNameField({ subjectTypes: ['enterprise'] }),
    creditCodeField({ subjectTypes: ['enterprise'] }),
    ...personFields('handler', { subjectTypes: ['enterprise'] }),
    descriptionField(),
  ],
  materials: {
    personal: holdingIdSlots('applicant'),
    enterprise: [
      businessLicenceSlot(),
      authorisationLetterSlot({
        hint: {
          'zh-CN': '按模板填写并加盖企业公章；账号开启了登录 MFA 时，请勾选“修改 MFA”。上传彩色扫描件',
          en: 'Fill in the template and stamp it with the company seal; tick "modify MFA" if the account has login MFA. Upload a colour scan',
        },
      }),
      ...holdingIdSlots('handler'),
    ],
    unverified: [],
  },
  preconditions: [{ code: 'not_cancelled' }],
  slaBusinessDays: 3,
  effect: 'bind_login_email',
  fourEyes: { 'zh-CN': '绑定新的登录邮箱即交出账号的登录权', en: 'A new login email hands over sign-in to the account' },
};
