import type { Localized } from './schema';

/**
 * Why an approval cannot go ahead (docs/decisions.md). `overridable` says whether a supervisor may approve anyway,
 * with a recorded reason; the others are answered with a rejection (or, for unreviewed files, with a review).
 */
export const blockerRules = {
  subject_type_mismatch: {
    overridable: false,
    label: {
      'zh-CN': '申请的主体类型与账号实名主体类型不一致（所需材料不同），应驳回',
      en: "The declared subject type differs from the account's (other materials were due): reject",
    },
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
    label: {
      'zh-CN': '无材料的申诉须通过账号安全手机或邮箱验证码证明账号控制权',
      en: "An appeal without materials needs a code verified on the account's security phone or email",
    },
  },
  owner_objected: {
    overridable: false,
    label: { 'zh-CN': '账号所有人已通过通知中的链接表示“不是我本人操作”', en: 'The account owner answered the notice: "this wasn\'t me"' },
  },
  handler_changed: {
    overridable: false,
    label: {
      'zh-CN': '企业实名认证的经办人不支持变更，申报的经办人与账号登记的不一致',
      en: "An enterprise's handler cannot be changed, and the declared handler is not the one on file",
    },
  },
  login_email_taken: {
    overridable: false,
    label: {
      'zh-CN': '新登录邮箱已是其他账号的登录方式或安全邮箱，不能再关联',
      en: 'The new login email is already a login method or security email of another account',
    },
  },
  verifier_not_on_file: {
    overridable: false,
    label: {
      'zh-CN': '账号保护并非使用申报的微信、QQ 或邮箱验证',
      en: 'Login protection does not verify with the declared WeChat, QQ or email',
    },
  },
  mfa_reset_not_ticked: {
    overridable: false,
    label: {
      'zh-CN':
        '账号开启了登录 MFA，但申请未勾选“修改 MFA”：通过后客户仍无法登录。请驳回，并请客户重新提交勾选了“修改 MFA”的申请（企业须在授权书中勾选）',
      en: 'The account has login MFA but the appeal does not tick "modify MFA": once approved the customer still could not sign in. Reject it and ask for a new appeal with "modify MFA" ticked (on the authorisation letter, for a company)',
    },
  },
  materials_incomplete: {
    overridable: true,
    label: {
      'zh-CN': '必填材料缺失、未通过检查或正等待客户补充',
      en: 'Required materials are missing, failed or awaited from the customer',
    },
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

/** What the agent should know before deciding, without it standing in the way (shown beside the blockers). */
export const decisionNoteRules = {
  mfa_reset_without_mfa: {
    label: {
      'zh-CN': '申请勾选了“修改 MFA”，但账号未开启 MFA：通过后只绑定新的登录邮箱，不涉及 MFA',
      en: 'The appeal ticks "modify MFA" but the account has no MFA: approval only binds the new login email',
    },
  },
} as const satisfies Record<string, { label: Localized }>;

export type DecisionNoteCode = keyof typeof decisionNoteRules;
export const blockerCodes = Object.keys(blockerRules) as BlockerCode[];
