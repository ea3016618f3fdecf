import { accountIdField, companyNameField, creditCodeField, descriptionField, idNumberField, personFields, realNameField } from '../fields';
import { abandonableCategories } from '../codes';
import { abandonableLabels } from '../labels';
import type { KindDefInput } from '../schema';
import { authorisationLetterSlot, businessLicenceSlot, faceCheckByPhotoNote, holdingIdSlots } from '../slots';

export const accountCancellation: KindDefInput = {
  key: 'account_cancellation',
  source: '003, 004, 002',
  label: { 'zh-CN': '注销账号', en: 'Cancel the account' },
  summary: {
    'zh-CN': '这个账号我不再使用了，想把它注销。',
    en: 'I no longer use this account and want it cancelled.',
  },
  subjectTypes: ['personal', 'enterprise', 'unverified'],
  variants: [],
  fields: [
    accountIdField({
      hint: {
        'zh-CN': '注销后无法恢复，注销结果会通知到安全手机和安全邮箱',
        en: 'Cancellation cannot be undone; the result goes to the security phone and security email',
      },
    }),
    realNameField({ subjectTypes: ['personal'] }),
    idNumberField({ subjectTypes: ['personal'] }),
    companyNameField({ subjectTypes: ['enterprise'] }),
    creditCodeField({ subjectTypes: ['enterprise'] }),
    ...personFields('handler', { subjectTypes: ['enterprise'] }),
    {
      key: 'givenUp',
      type: 'checklist',
      label: { 'zh-CN': '确认放弃的资源', en: 'Resources you give up' },
      hint: {
        'zh-CN': '以下资源可以放弃而无需删除，请确认已无使用需求并备份数据后勾选；其他资源须先在对应产品控制台删除',
        en: 'These resources may be given up instead of deleted: tick them once you no longer need them and have backed up their data; any other resource must be deleted in its console first',
      },
      required: false,
      options: abandonableCategories.map((value) => ({ value, label: abandonableLabels[value] })),
    },
    descriptionField(),
  ],
  materials: {
    personal: holdingIdSlots('applicant'),
    enterprise: [
      ...holdingIdSlots('handler'),
      businessLicenceSlot({
        hint: {
          'zh-CN': '彩色扫描件或原件照片；企业已注销、无营业执照的，在此上传工商局盖章的注销声明函',
          en: 'Colour scan or photo of the original; if the company is dissolved, upload the deregistration statement sealed by the bureau here',
        },
      }),
      authorisationLetterSlot(),
    ],
    unverified: [],
  },
  // Seed 003's personal path allows a face check instead of the photos; an appeal takes the photos.
  materialNotes: { personal: faceCheckByPhotoNote },
  preconditions: [
    { code: 'not_cancelled' },
    { code: 'no_arrears' },
    { code: 'no_balance_or_vouchers' },
    { code: 'no_resources_in_use' },
    { code: 'no_sub_users_or_collaborators' },
    { code: 'no_message_recipients' },
    { code: 'no_open_complaints' },
    { code: 'no_unfinished_orders' },
    { code: 'no_advance_payments' },
    { code: 'abandonable_resources_given_up' },
  ],
  slaBusinessDays: 3,
  effect: 'cancel_account',
  fourEyes: { 'zh-CN': '注销不可恢复', en: 'Cancellation cannot be undone' },
};
