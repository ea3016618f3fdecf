import type { Localized } from './schema';

export type RejectionScope = 'evidence' | 'decision' | 'both';

/** The reasons a desk gives most (seeds 002, 003); the starting list admins then keep in the database. */
export const defaultRejectionReasons: { code: string; label: Localized; scope: RejectionScope }[] = [
  { code: 'not_colour', scope: 'evidence', label: { 'zh-CN': '须为彩色照片或彩色扫描件', en: 'Must be a colour photo or colour scan' } },
  {
    code: 'front_camera',
    scope: 'evidence',
    label: { 'zh-CN': '手持证件照不能使用前置摄像头自拍', en: 'Hand-held ID photos must not be front-camera selfies' },
  },
  {
    code: 'illegible',
    scope: 'evidence',
    label: { 'zh-CN': '照片模糊或证件不完整，无法辨认', en: 'Blurred or cropped: the document cannot be read' },
  },
  { code: 'occluded', scope: 'evidence', label: { 'zh-CN': '证件信息被遮挡', en: 'Part of the document is covered' } },
  { code: 'wrong_document', scope: 'evidence', label: { 'zh-CN': '上传的材料与要求不符', en: 'Not the document this item asks for' } },
  { code: 'expired_document', scope: 'evidence', label: { 'zh-CN': '证件已过有效期', en: 'The document has expired' } },
  { code: 'missing_seal', scope: 'evidence', label: { 'zh-CN': '未加盖企业公章', en: 'The company seal is missing' } },
  {
    code: 'subject_mismatch',
    scope: 'both',
    label: { 'zh-CN': '申请人与账号实名主体不一致', en: "The applicant does not match the account's real-name subject" },
  },
  { code: 'suspected_forgery', scope: 'both', label: { 'zh-CN': '材料疑似经过修改或伪造', en: 'The materials appear edited or forged' } },
  {
    code: 'materials_incomplete',
    scope: 'decision',
    label: { 'zh-CN': '材料不全且未按时补充', en: 'Materials incomplete and not sent in time' },
  },
  {
    code: 'preconditions_unmet',
    scope: 'decision',
    label: {
      'zh-CN': '账号不满足办理条件（如仍有余额、资源或子用户）',
      en: 'The account does not meet the conditions (balance, resources or sub-users left)',
    },
  },
  {
    code: 'not_supported',
    scope: 'decision',
    label: { 'zh-CN': '不支持该变更（如企业认证变更为个人认证）', en: 'This change is not supported (e.g. enterprise to personal)' },
  },
  { code: 'duplicate_appeal', scope: 'decision', label: { 'zh-CN': '重复提交的申诉', en: 'A duplicate of another appeal' } },
];
