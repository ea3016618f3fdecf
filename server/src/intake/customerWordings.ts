// How the customer reads some findings: the same advice, without what only an agent may know.
import type { Finding } from '../evidence/inspection';

/**
 * The own-appeal duplicate findings (evidenceIntake.ts) as the customer reads them: the same advice without the other appeal's reference, which would tell
 * anyone holding a copy of the owner's document that the account has an open appeal, and which one.
 */
export const customerWordings: Readonly<Record<string, Finding['message']>> = {
  'duplicate.own_appeal': {
    'zh-CN': '这份文件已用于您的另一个处理中的申诉，同一份文件不能重复使用，请上传本申诉对应的材料',
    en: 'This file is already on another of your open appeals; one file cannot serve twice. Upload the document this appeal asks for',
  },
  'duplicate.own_appeal_similar': {
    'zh-CN': '与您另一个处理中的申诉中的图片几乎相同，请确认上传的是本申诉对应的材料',
    en: 'This image looks almost the same as one on another of your open appeals: check that it is the document this appeal asks for',
  },
};
