import type { Prisma } from '../generated/prisma/client';

// Replies the desk sends most, worded after the FAQ answers in seeds 002 and 003.
// Placeholders: {{contactName}}, {{reference}}, {{statusLink}}.
export const demoMacros: Prisma.MacroCreateInput[] = [
  {
    name: 'materials.colour_scan',
    titleZh: '请补充彩色扫描件',
    titleEn: 'Please send colour scans',
    bodyZh:
      '{{contactName}}您好，您提交的工单 {{reference}} 中的证件材料为黑白件，无法通过审核。请上传手持身份证正反面照片或彩色扫描件：{{statusLink}}',
    bodyEn:
      'Hello {{contactName}}, the documents on appeal {{reference}} are black and white and cannot be reviewed. Please upload photos or colour scans of the ID card held in hand, front and back: {{statusLink}}',
    kinds: [],
  },
  {
    name: 'materials.rear_camera',
    titleZh: '请勿使用前置摄像头自拍',
    titleEn: 'Do not use the front camera',
    bodyZh:
      '{{contactName}}您好，上传手持证件照片时，请勿上传使用手机前置摄像头自拍的照片。请他人使用后置摄像头拍摄后重新上传：{{statusLink}}',
    bodyEn:
      'Hello {{contactName}}, hand-held ID photos must not be selfies taken with the front camera. Please have someone take the photo with the rear camera and upload it again: {{statusLink}}',
    kinds: [],
  },
  {
    name: 'review.three_days',
    titleZh: '已进入人工审核',
    titleEn: 'Your appeal is in manual review',
    bodyZh: '{{contactName}}您好，工单 {{reference}} 的材料已齐全，已进入人工审核，审核需要 3 个工作日左右，请您耐心等待。',
    bodyEn:
      'Hello {{contactName}}, the materials of appeal {{reference}} are complete and in manual review, which takes about 3 business days.',
    kinds: [],
  },
  {
    name: 'cancellation.resources_left',
    titleZh: '注销前请清理资源',
    titleEn: 'Clear resources before cancellation',
    bodyZh:
      '{{contactName}}您好，账号下仍有未结清的欠费、余额、代金券或使用中的资源，以及协作者、子用户，暂无法注销。请处理后回复本工单：{{statusLink}}',
    bodyEn:
      'Hello {{contactName}}, the account still has arrears, a balance, vouchers or resources in use, or collaborators and sub-users, so it cannot be cancelled yet. Please clear them and reply to this appeal: {{statusLink}}',
    kinds: ['account_cancellation'],
  },
  {
    name: 'enterprise.deregistration_certificate',
    titleZh: '原企业已注销：请上传注销证明',
    titleEn: 'Original company dissolved: send the deregistration certificate',
    bodyZh: '{{contactName}}您好，原企业已注销的，请在原企业营业执照处上传工商局出具的企业注销证明：{{statusLink}}',
    bodyEn:
      'Hello {{contactName}}, as the original company has been dissolved, please upload the deregistration certificate issued by the market-regulation bureau in place of its business licence: {{statusLink}}',
    kinds: ['enterprise_review'],
  },
  // Seed 004 (and 002 "员工离职指引"): what an employee does before leaving, and what the company does after.
  {
    name: 'departure.before_leaving',
    titleZh: '员工离职前：解绑个人联系方式、删除子用户、禁用密钥',
    titleEn: 'Before an employee leaves: unbind personal contacts, delete the sub-user, disable keys',
    bodyZh: [
      '{{contactName}}您好，关于工单 {{reference}}，员工离职前请按以下步骤交接账号：',
      '1. 解绑员工的个人联系方式：个人手机号、个人邮箱、个人微信号、个人 QQ 号、企业微信号和微信公众平台（在“账号信息 > 登录方式”中操作，账号只有一种登录方式时，请先添加公司的登录方式再解绑）。',
      '2. 员工使用的是子用户或协作者的：先在“API 密钥管理”中禁用或删除该子用户已启用的密钥，再由主账号在“用户列表”中删除该子用户或协作者。',
      '3. 员工个人账号下有属于公司的资源的，请先将资源转移到公司的账号。',
      '4. 账号的安全手机、安全邮箱和账号保护的验证方式如是员工个人的，请改为公司的。',
      '如有疑问，可直接回复本工单：{{statusLink}}',
    ].join('\n'),
    bodyEn: [
      'Hello {{contactName}}, about appeal {{reference}}: before the employee leaves, please hand over the account as follows:',
      "1. Unbind the employee's personal contact methods: personal phone number, personal email, personal WeChat, personal QQ, WeCom and the WeChat official account platform (under Account information > Login methods; if the account has only one login method, add the company's first, then unbind).",
      "2. If the employee used a sub-user or a collaborator: first disable or delete that sub-user's active API keys under API key management, then have the main account delete the sub-user or collaborator in the user list.",
      "3. If the employee's own account holds resources that belong to the company, transfer them to the company's account first.",
      "4. If the account's security phone, security email or login-protection verifier is the employee's own, change it to the company's.",
      'If anything is unclear, reply to this appeal: {{statusLink}}',
    ].join('\n'),
    kinds: [],
  },
  {
    name: 'departure.after_leaving',
    titleZh: '员工已离职：找回账号、申请登录、修改账号保护',
    titleEn: 'The employee has left: retrieve the account, request sign-in, change login protection',
    bodyZh: [
      '{{contactName}}您好，关于工单 {{reference}}，员工已离职时可按以下方式处理：',
      '1. 不知道账号 ID 的，可通过企业信息等方式找回账号，审核通过后我们会告知公司名下的账号及登录方式。',
      '2. 无法登录的，可提交“申请登录”，为账号绑定新邮箱作为登录方式；账号开启了登录 MFA 的，请在授权书中勾选“修改 MFA”。',
      '3. 登录安全校验遇到问题的，请在“安全设置 > 账号保护”查看验证方式：验证手机号则修改手机号，验证微信号、邮箱或 QQ 号则解绑对应的微信号、邮箱或 QQ 号。',
      '进度查看：{{statusLink}}',
    ].join('\n'),
    bodyEn: [
      'Hello {{contactName}}, about appeal {{reference}}: once the employee has left, the company can:',
      "1. If the account ID is unknown, retrieve the account by the company's information; once approved, we tell you the company's accounts and their login methods.",
      '2. If nobody can sign in, file a sign-in request to bind a new email as login method; if the account has login MFA, tick "modify MFA" on the authorisation letter.',
      '3. If the sign-in security check fails, look up the verifier under Security settings > Login protection: change the phone number if it verifies by phone; unbind the WeChat, email or QQ it verifies with otherwise.',
      'Follow the appeal: {{statusLink}}',
    ].join('\n'),
    kinds: [],
  },
];
