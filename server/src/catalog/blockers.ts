import type { Localized } from './schema';

/**
 * Why an approval cannot go ahead (docs/decisions.md). `overridable` says whether a supervisor may approve anyway,
 * with a recorded reason; the others are answered with a rejection (or, for unreviewed files, with a review).
 */
export const blockerRules = {
  subject_type_mismatch: {
    overridable: false,
    label: { 'zh-CN': '申请的主体类型与账号实名主体类型不一致（所需材料不同），应驳回', en: "The declared subject type differs from the account's (other materials were due): reject" },
  },
  identity_mismatch: {
    overridable: true,
    label: { 'zh-CN': '申报的身份信息与账号实名信息不一致', en: "Declared identity values do not match the account's" },
  },
  account_not_found: {
    overridable: false,
    label: { 'zh-CN': '账号目录中没有申诉所填的账号', en: 'The account named in the appeal is not in the directory' },
  },
  owner_not_verified: {
    overridable: false,
    label: { 'zh-CN': '无材料的申诉须通过账号安全手机或邮箱验证码证明账号控制权', en: 'An appeal without materials needs a code verified on the account\'s security phone or email' },
  },
  owner_objected: {
    overridable: false,
    label: { 'zh-CN': '账号所有人已通过通知中的链接表示“不是我本人操作”', en: 'The account owner answered the notice: "this wasn\'t me"' },
  },
  login_email_taken: {
    overridable: false,
    label: { 'zh-CN': '新登录邮箱已是其他账号的登录方式或安全邮箱，不能再关联', en: 'The new login email is already a login method or security email of another account' },
  },
  materials_incomplete: {
    overridable: true,
    label: { 'zh-CN': '必填材料缺失、未通过检查或正等待客户补充', en: 'Required materials are missing, failed or awaited from the customer' },
  },
  material_rejected: {
    overridable: true,
    label: { 'zh-CN': '有材料已被驳回', en: 'A material was rejected' },
  },
  evidence_unreviewed: {
    overridable: false,
    label: { 'zh-CN': '仍有材料未经审核员逐一确认', en: 'Some files have not been reviewed yet' },
  },
  precondition_failed: {
    overridable: true,
    label: { 'zh-CN': '账号不满足办理条件', en: 'The account does not meet a precondition' },
  },
  account_cancelled: {
    overridable: false,
    label: { 'zh-CN': '账号已注销，无法再变更', en: 'The account is cancelled and cannot be changed' },
  },
} as const satisfies Record<string, { overridable: boolean; label: Localized }>;

export type BlockerCode = keyof typeof blockerRules;
export const blockerCodes = Object.keys(blockerRules) as BlockerCode[];
