import type { AbandonableCategory, CheckCode, EffectCode, IdentityDocument, PreconditionCode, SubjectType } from './codes';
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
    'zh-CN': '距上次实名认证（或变更）已满 30 天',
    en: '30 days have passed since the last real-name verification or change',
  },
  not_cancelled: { 'zh-CN': '账号未注销', en: 'The account is not cancelled' },
  no_unfinished_orders: { 'zh-CN': '账号内无未完成的订单、服务', en: 'No unfinished orders or services' },
  no_advance_payments: { 'zh-CN': '账号无垫付款', en: 'No advance payments (垫付款) outstanding' },
  no_message_recipients: { 'zh-CN': '已删除全部消息接收人', en: 'All message recipients deleted' },
  abandonable_resources_given_up: {
    'zh-CN': '可放弃的资源均已勾选放弃，其余资源已删除',
    en: 'Every resource that may be given up is ticked as given up; the rest are deleted',
  },
  enterprise_max_ten_accounts: { 'zh-CN': '新企业主体实名认证的账号不足 10 个', en: 'The new entity verifies fewer than 10 accounts' },
  new_licence_seven_business_days: {
    'zh-CN': '新营业执照核发已满 7 个工作日',
    en: 'The new business licence was issued 7 business days ago or more',
  },
  online_change_code_starts_with_9: {
    'zh-CN': '统一社会信用代码为 9 开头的 18 位代码（支持变更企业名称与法人）',
    en: 'An 18-character credit code starting with 9 (name and legal-representative changes allowed)',
  },
  transfer_check_window: {
    'zh-CN': '对公打款在 7 天验证期内（共 2 次机会）',
    en: 'The corporate transfer is inside its 7-day check window (2 tries)',
  },
};

export const effectLabels: Record<EffectCode, Localized> = {
  unbind_mfa: { 'zh-CN': '解绑 MFA 设备', en: 'Unbind the MFA device' },
  release_phone: { 'zh-CN': '解除该手机号与原账号的安全手机绑定', en: 'Release the number from the old accounts' },
  bind_login_email: { 'zh-CN': '绑定新邮箱作为登录方式', en: 'Bind the new email as a login method' },
  update_enterprise: { 'zh-CN': '更新企业实名信息', en: "Update the enterprise's real-name information" },
  report_enterprise_accounts: {
    'zh-CN': '告知企业名下的账号及其登录方式（不变更账号）',
    en: 'Tell the company its accounts and their login methods (no change)',
  },
  answer_transfer_check: { 'zh-CN': '人工核验对公打款金额（不变更账号）', en: 'Check the corporate transfer by hand (no change)' },
  remove_protection_verifier: {
    'zh-CN': '解绑离职员工的账号保护验证方式',
    en: "Remove the departed employee's login-protection verifier",
  },
  change_security_phone: { 'zh-CN': '修改安全手机', en: 'Change the security phone' },
  cancel_account: { 'zh-CN': '注销账号', en: 'Cancel the account' },
  remove_registration_method: { 'zh-CN': '解绑注册方式', en: 'Remove the registration method' },
};

/** The resources seed 002 lets a cancelling customer give up, as the form and the agent name them. */
export const abandonableLabels: Record<AbandonableCategory, Localized> = {
  voucher: { 'zh-CN': '代金券', en: 'vouchers' },
  ssl_certificate: { 'zh-CN': '三个月内到期的 SSL 证书', en: 'SSL certificates expiring within three months' },
  cdn_traffic_package: { 'zh-CN': 'CDN 流量包', en: 'CDN traffic packages' },
  marketplace_mini_program: { 'zh-CN': '云市场小程序', en: 'marketplace mini programs' },
  load_testing: { 'zh-CN': '压测大师', en: 'load-testing plans' },
  sms_package: { 'zh-CN': '短信套餐资源', en: 'SMS packages' },
  vod_daily_package: { 'zh-CN': '云点播日结资源包', en: 'VOD daily packages' },
  live_streaming_package: { 'zh-CN': '直播套餐包', en: 'live-streaming packages' },
  website_hosting: { 'zh-CN': '建站主机', en: 'website hosting' },
  vod_storage: { 'zh-CN': '云点播文件存储资源', en: 'VOD file storage' },
};

/** Each identity document or code a number may be on, with how its number is written (docs/rules.md "Identifiers"). */
export const documentLabels: Record<IdentityDocument, { label: Localized; hint: Localized }> = {
  resident_id: {
    label: { 'zh-CN': '居民身份证', en: 'Resident identity card' },
    hint: { 'zh-CN': '18 位，末位可能是 X', en: '18 characters; the last one may be X' },
  },
  hk_macau_permit: {
    label: { 'zh-CN': '港澳居民来往内地通行证', en: 'Mainland Travel Permit for Hong Kong and Macao Residents' },
    hint: { 'zh-CN': 'H 或 M 开头，加 8 位数字（旧版证件为 10 位数字）', en: 'H or M and 8 digits (10 digits on older permits)' },
  },
  taiwan_permit: {
    label: { 'zh-CN': '台湾居民来往大陆通行证', en: 'Mainland Travel Permit for Taiwan Residents' },
    hint: { 'zh-CN': '8 位数字（旧版证件为 10 位数字）', en: '8 digits (10 digits on older permits)' },
  },
  passport: {
    label: { 'zh-CN': '护照', en: 'Passport' },
    hint: { 'zh-CN': '护照上的号码，5 至 20 位字母或数字', en: 'The number on the passport, 5 to 20 letters or digits' },
  },
  credit_code: {
    label: { 'zh-CN': '统一社会信用代码', en: 'Unified social credit code' },
    hint: { 'zh-CN': '18 位，见营业执照', en: '18 characters, printed on the business licence' },
  },
  org_code: {
    label: { 'zh-CN': '组织机构代码', en: 'Organisation code' },
    hint: { 'zh-CN': '9 位，如 D2143569-X', en: '9 characters, such as D2143569-X' },
  },
};
