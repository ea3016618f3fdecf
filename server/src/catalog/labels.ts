import type { CheckCode, EffectCode, PreconditionCode, SubjectType } from './codes';
import type { Localized } from './schema';

export const subjectTypeLabels: Record<SubjectType, Localized> = {
  personal: { 'zh-CN': '个人实名认证', en: 'Personal (verified individual)' },
  enterprise: { 'zh-CN': '企业实名认证', en: 'Enterprise (verified company)' },
  unverified: { 'zh-CN': '未实名认证', en: 'Not verified' },
};

export const checkLabels: Record<CheckCode, Localized> = {
  file_type: {
    'zh-CN': '文件格式为 JPEG、PNG、WebP 或 PDF（按文件内容识别）',
    en: 'File is JPEG, PNG, WebP or PDF (judged by its content)',
  },
  colour: { 'zh-CN': '彩色扫描件或彩色照片（黑白图片不通过）', en: 'Colour scan or photo (greyscale fails)' },
  not_front_camera: {
    'zh-CN': '手持证件照未使用手机前置摄像头自拍',
    en: 'Hand-held ID photo not taken with the front (selfie) camera',
  },
  legible: { 'zh-CN': '清晰完整（尺寸足够、不模糊）', en: 'Legible (large enough, not blurred)' },
  no_duplicate: { 'zh-CN': '未与其他材料使用同一文件', en: 'Not the same file as another material' },
  pdf_readable: { 'zh-CN': 'PDF 可正常打开（有页面、未加密）', en: 'PDF opens (has pages, not encrypted)' },
};

export const preconditionLabels: Record<PreconditionCode, Localized> = {
  no_arrears: { 'zh-CN': '账号无欠费', en: 'No arrears on the account' },
  no_balance_or_vouchers: { 'zh-CN': '账号无现金余额和代金券', en: 'No cash balance or vouchers' },
  no_resources_in_use: { 'zh-CN': '账号下无正在使用的资源', en: 'No resources in use' },
  no_sub_users_or_collaborators: {
    'zh-CN': '已删除全部子用户和协作者',
    en: 'All sub-users and collaborators deleted',
  },
  no_open_complaints: { 'zh-CN': '无未完成的投诉举报', en: 'No open complaints or reports' },
  two_login_methods: { 'zh-CN': '账号有两种以上登录方式', en: 'The account has two or more login methods' },
  security_phone_bound: { 'zh-CN': '账号已绑定安全手机', en: 'A security phone is bound' },
  registration_method_not_protection: {
    'zh-CN': '注册方式未被设置为登录保护、操作保护、异地登录保护或 MFA 的身份校验方式',
    en: 'The registration method is not used for login, operation or remote-login protection, or MFA',
  },
  phone_max_five_accounts: {
    'zh-CN': '新安全手机已绑定的账号不足 5 个',
    en: 'The new security phone is on fewer than 5 accounts',
  },
  mfa_bound: { 'zh-CN': '账号已绑定 MFA 设备', en: 'An MFA device is bound' },
  real_name_change_interval_30_days: {
    'zh-CN': '距上次实名认证变更已满 30 天',
    en: '30 days have passed since the last real-name change',
  },
  not_cancelled: { 'zh-CN': '账号未注销', en: 'The account is not cancelled' },
};

export const effectLabels: Record<EffectCode, Localized> = {
  unbind_mfa: { 'zh-CN': '解绑 MFA 设备', en: 'Unbind the MFA device' },
  release_phone: { 'zh-CN': '解除该手机号与原账号的安全手机绑定', en: 'Release the number from the old accounts' },
  bind_login_email: { 'zh-CN': '绑定新邮箱作为登录方式', en: 'Bind the new email as a login method' },
  update_enterprise: { 'zh-CN': '更新企业实名信息', en: "Update the enterprise's real-name information" },
  change_security_phone: { 'zh-CN': '修改安全手机', en: 'Change the security phone' },
  cancel_account: { 'zh-CN': '注销账号', en: 'Cancel the account' },
  remove_registration_method: { 'zh-CN': '解绑注册方式', en: 'Remove the registration method' },
};
