import type { Prisma } from '../generated/prisma/client';

// Replies the desk sends most, worded after the FAQ answers in seeds 002 and 003.
// Placeholders: {{contactName}}, {{reference}}, {{statusLink}}.
export const demoMacros: Prisma.MacroCreateInput[] = [
  {
    name: 'materials.colour_scan',
    titleZh: '请补充彩色扫描件',
    titleEn: 'Please send colour scans',
    bodyZh: '{{contactName}}您好，您提交的工单 {{reference}} 中的证件材料为黑白件，无法通过审核。请上传手持身份证正反面照片或彩色扫描件：{{statusLink}}',
    bodyEn: 'Hello {{contactName}}, the documents on appeal {{reference}} are black and white and cannot be reviewed. Please upload photos or colour scans of the ID card held in hand, front and back: {{statusLink}}',
    kinds: [],
  },
  {
    name: 'materials.rear_camera',
    titleZh: '请勿使用前置摄像头自拍',
    titleEn: 'Do not use the front camera',
    bodyZh: '{{contactName}}您好，上传手持证件照片时，请勿上传使用手机前置摄像头自拍的照片。请他人使用后置摄像头拍摄后重新上传：{{statusLink}}',
    bodyEn: 'Hello {{contactName}}, hand-held ID photos must not be selfies taken with the front camera. Please have someone take the photo with the rear camera and upload it again: {{statusLink}}',
    kinds: [],
  },
  {
    name: 'review.three_days',
    titleZh: '已进入人工审核',
    titleEn: 'Your appeal is in manual review',
    bodyZh: '{{contactName}}您好，工单 {{reference}} 的材料已齐全，已进入人工审核，审核需要 3 个工作日左右，请您耐心等待。',
    bodyEn: 'Hello {{contactName}}, the materials of appeal {{reference}} are complete and in manual review, which takes about 3 business days.',
    kinds: [],
  },
  {
    name: 'cancellation.resources_left',
    titleZh: '注销前请清理资源',
    titleEn: 'Clear resources before cancellation',
    bodyZh: '{{contactName}}您好，账号下仍有未结清的欠费、余额、代金券或使用中的资源，以及协作者、子用户，暂无法注销。请处理后回复本工单：{{statusLink}}',
    bodyEn: 'Hello {{contactName}}, the account still has arrears, a balance, vouchers or resources in use, or collaborators and sub-users, so it cannot be cancelled yet. Please clear them and reply to this appeal: {{statusLink}}',
    kinds: ['account_cancellation'],
  },
  {
    name: 'enterprise.deregistration_certificate',
    titleZh: '原企业已注销：请上传注销证明',
    titleEn: 'Original company dissolved: send the deregistration certificate',
    bodyZh: '{{contactName}}您好，原企业已注销的，请在原企业营业执照处上传工商局出具的企业注销证明：{{statusLink}}',
    bodyEn: 'Hello {{contactName}}, as the original company has been dissolved, please upload the deregistration certificate issued by the market-regulation bureau in place of its business licence: {{statusLink}}',
    kinds: ['enterprise_review'],
  },
];
