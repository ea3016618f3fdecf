import {
  accountIdField,
  companyNameField,
  creditCodeField,
  currentPhoneField,
  descriptionField,
  idNumberField,
  loginAccountField,
  personFields,
  realNameField,
} from '../fields';
import type { KindDefInput } from '../schema';
import { businessLicenceSlot, faceCheckByPhotoNote, holdingIdSlots } from '../slots';

export const mfaUnbind: KindDefInput = {
  key: 'mfa_unbind',
  source: '002',
  label: { 'zh-CN': 'MFA 设备丢失，申请解绑', en: 'Lost MFA device: unbind it' },
  summary: {
    'zh-CN': '我的账号绑定了 MFA，但手机（MFA 设备）丢了，无法登录。',
    en: 'My account has MFA, but I lost the phone (MFA device) and cannot sign in.',
  },
  subjectTypes: ['personal', 'enterprise'],
  variants: [],
  fields: [
    loginAccountField(),
    accountIdField(),
    realNameField({ subjectTypes: ['personal'] }),
    idNumberField({ subjectTypes: ['personal'] }),
    companyNameField({ subjectTypes: ['enterprise'] }),
    creditCodeField({ subjectTypes: ['enterprise'] }),
    ...personFields('applicant', { subjectTypes: ['enterprise'] }),
    currentPhoneField(),
    descriptionField(),
  ],
  materials: {
    personal: holdingIdSlots('applicant'),
    enterprise: [...holdingIdSlots('applicant'), businessLicenceSlot(), ...holdingIdSlots('legal_rep')],
  },
  // Seed 002's personal template asks for a face check; by appeal the hand-held ID photos stand in for it.
  materialNotes: { personal: faceCheckByPhotoNote },
  preconditions: [{ code: 'not_cancelled' }, { code: 'mfa_bound' }],
  slaBusinessDays: 3,
  effect: 'unbind_mfa',
  fourEyes: { 'zh-CN': '解绑 MFA 会去掉账号的第二重登录验证', en: 'Unbinding MFA removes the second sign-in factor' },
};
