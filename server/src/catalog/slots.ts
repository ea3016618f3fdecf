import { acceptedMimeTypes, MAX_MATERIAL_BYTES, type CheckCode } from './codes';
import type { Localized, SlotDef } from './schema';

/** Shared material slots; a kind overrides what differs (required, variants, hint). */
type Extra = Partial<Omit<SlotDef, 'key'>>;

const fileChecks: CheckCode[] = ['file_type', 'legible', 'no_duplicate', 'pdf_readable'];
const colourChecks: CheckCode[] = ['file_type', 'colour', 'legible', 'no_duplicate', 'pdf_readable'];
const holdingIdChecks: CheckCode[] = ['file_type', 'colour', 'not_front_camera', 'legible', 'no_duplicate', 'pdf_readable'];

function slot(key: string, label: Localized, hint: Localized, checks: CheckCode[], extra: Extra): SlotDef {
  return { key, label, hint, required: true, accept: [...acceptedMimeTypes], maxBytes: MAX_MATERIAL_BYTES, checks, ...extra };
}

const holders = {
  applicant: { 'zh-CN': '申请人', en: 'Applicant' },
  legal_rep: { 'zh-CN': '法定代表人', en: 'Legal representative' },
  handler: { 'zh-CN': '经办人', en: 'Handler' },
} satisfies Record<string, Localized>;

const holdingHint: Localized = {
  'zh-CN': '手持身份证靠近面部，人脸和证件文字清晰完整；请使用后置摄像头拍摄，勿用前置摄像头自拍。需为彩色照片或彩色扫描件',
  en: 'Hold the card beside your face, face and text clearly visible; use the rear camera, not a selfie. Colour photo or colour scan',
};

/**
 * Where a seed asks for a face check (人脸识别: 002 MFA unbind, 003/004 cancellation, 000 registration method), an
 * appeal cannot do one: the hand-held ID photos stand in for it, and the form says so above the materials.
 */
export const faceCheckByPhotoNote: Localized = {
  'zh-CN':
    '官网自助流程中的人脸识别（刷脸）无法通过申诉完成，请改为上传本人手持身份证的正面和反面照片：审核员会将照片中的人脸与证件逐一核对。',
  en: 'The face check of the self-service flow cannot be done through an appeal: instead, upload photos of yourself holding your ID card, front and back. The reviewer compares the face in them with the card.',
};

/** Front and back of a hand-held ID card photo: `${holder}_id_front`, `${holder}_id_back`. */
export function holdingIdSlots(holder: keyof typeof holders, extra: Extra = {}): SlotDef[] {
  const who = holders[holder];
  const side = (key: 'front' | 'back', zh: string, en: string) =>
    slot(
      `${holder}_id_${key}`,
      { 'zh-CN': `${who['zh-CN']}手持身份证${zh}照`, en: `${who.en} holding ID card, ${en}` },
      holdingHint,
      holdingIdChecks,
      extra,
    );
  return [side('front', '正面', 'front'), side('back', '反面', 'back')];
}

export const businessLicenceSlot = (extra: Extra = {}): SlotDef =>
  slot(
    'business_licence',
    { 'zh-CN': '企业营业执照正面照', en: 'Business licence, front' },
    { 'zh-CN': '彩色扫描件或原件照片，四角完整、文字清晰', en: 'Colour scan or photo of the original, all four corners visible' },
    colourChecks,
    extra,
  );

export const authorisationLetterSlot = (extra: Extra = {}): SlotDef =>
  slot(
    'authorisation_letter',
    { 'zh-CN': '授权书（加盖企业公章）', en: 'Authorisation letter with the company seal' },
    {
      'zh-CN': '按模板填写并加盖企业公章，上传彩色扫描件',
      en: 'Fill in the template, stamp it with the company seal and upload a colour scan',
    },
    colourChecks,
    extra,
  );

/** A filled-in, sealed form (change application, account information change). */
export const sealedFormSlot = (key: string, label: Localized, extra: Extra = {}): SlotDef =>
  slot(
    key,
    label,
    {
      'zh-CN': '填写完整并加盖企业公章，上传彩色扫描件',
      en: 'Fill it in completely, stamp it with the company seal, upload a colour scan',
    },
    colourChecks,
    extra,
  );

/** A document whose content matters, not its colour (bills, receipts, certificates). */
export const documentSlot = (key: string, label: Localized, hint: Localized, extra: Extra = {}): SlotDef =>
  slot(key, label, hint, fileChecks, extra);

export const colourDocumentSlot = (key: string, label: Localized, hint: Localized, extra: Extra = {}): SlotDef =>
  slot(key, label, hint, colourChecks, extra);
