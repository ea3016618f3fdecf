import { descriptionField, personFields } from '../fields';
import type { KindDefInput } from '../schema';
import { documentSlot, holdingIdSlots } from '../slots';

export const reusedPhoneUnbind: KindDefInput = {
  key: 'reused_phone_unbind',
  source: '002',
  label: { 'zh-CN': '二次放号手机解绑', en: 'Reissued phone number: release it' },
  summary: {
    'zh-CN': '我新办的手机号是别人账号的安全手机，收到了不属于我的消息，或无法用它注册。',
    en: "My new phone number is still the security phone of someone else's account: I get messages that are not mine, or cannot register with it.",
  },
  subjectTypes: ['personal'],
  variants: [],
  fields: [
    {
      key: 'phone',
      type: 'mobile',
      label: { 'zh-CN': '二次放号的手机号', en: 'The reissued phone number' },
      hint: { 'zh-CN': '您现在持有、需要解绑的手机号', en: 'The number you hold now and want released' },
      required: true,
      matches: 'securityPhone',
    },
    ...personFields('applicant'),
    descriptionField(),
  ],
  materials: {
    personal: [
      ...holdingIdSlots('applicant'),
      documentSlot(
        'phone_ownership_proof',
        { 'zh-CN': '手机号实名证明', en: 'Proof that you hold the number' },
        {
          'zh-CN': '运营商出具的手机号实名登记证明，或以申请人名义开具的近期话费账单',
          en: "The carrier's real-name certificate for the number, or a recent bill in the applicant's name",
        },
      ),
    ],
  },
  preconditions: [],
  slaBusinessDays: 3,
  effect: 'release_phone',
  fourEyes: {
    'zh-CN': '解除号码会从其他人的账号上去掉安全手机',
    en: "Releasing the number removes the security phone from other people's accounts",
  },
};
