import { accountIdField, companyNameField, creditCodeField, descriptionField, personFields } from '../fields';
import type { KindDefInput } from '../schema';
import { businessLicenceSlot, colourDocumentSlot, documentSlot, holdingIdSlots, sealedFormSlot } from '../slots';

const changes = ['change_entity', 'change_name', 'change_legal_rep'];

export const enterpriseReview: KindDefInput = {
  key: 'enterprise_review',
  source: '002, 004',
  label: { 'zh-CN': '企业资料人工审核', en: 'Enterprise document review' },
  summary: {
    'zh-CN': '我们公司要变更实名主体、企业名称或法人，找回公司名下的账号，或者对公打款认证时金额提交不了。',
    en: "Our company needs to change the verified entity, its name or legal representative, find the company's accounts, or the corporate-transfer amount is refused.",
  },
  subjectTypes: ['enterprise'],
  variants: [
    { key: 'change_entity', label: { 'zh-CN': '变更企业主体（A 企业变成 B 企业）', en: 'Change of entity (company A becomes company B)' } },
    { key: 'change_name', label: { 'zh-CN': '变更企业名称（统一社会信用代码不变）', en: 'Change of company name (same credit code)' } },
    { key: 'change_legal_rep', label: { 'zh-CN': '更新企业法人信息', en: 'Update the legal representative' } },
    { key: 'account_retrieval', label: { 'zh-CN': '通过企业信息找回账号', en: "Retrieve the enterprise's accounts" }, fourEyes: null },
    { key: 'payment_dispute', label: { 'zh-CN': '对公打款认证金额无法提交', en: 'Corporate-transfer amount refused' }, fourEyes: null },
  ],
  fields: [
    accountIdField({ variants: [...changes, 'payment_dispute'] }),
    companyNameField(),
    creditCodeField(),
    {
      key: 'newCompanyName',
      type: 'text',
      label: { 'zh-CN': '变更后企业名称', en: 'New company name' },
      hint: { 'zh-CN': '与新营业执照上的名称一致', en: 'As printed on the new business licence' },
      required: true,
      variants: ['change_entity', 'change_name'],
      maxLength: 100,
    },
    creditCodeField({
      key: 'newCreditCode',
      label: { 'zh-CN': '变更后统一社会信用代码', en: 'New unified social credit code' },
      matches: undefined,
      variants: ['change_entity'],
    }),
    ...personFields('newLegalRep', { variants: ['change_entity', 'change_legal_rep'] }),
    descriptionField(),
  ],
  materials: {
    enterprise: [
      businessLicenceSlot({
        hint: {
          'zh-CN': '当前（变更后）企业营业执照的彩色扫描件或原件照片，四角完整、文字清晰',
          en: 'Colour scan or photo of the original of the current (new) licence, all four corners visible',
        },
      }),
      ...holdingIdSlots('legal_rep', { variants: [...changes, 'account_retrieval'] }),
      sealedFormSlot(
        'change_application_form',
        { 'zh-CN': '实名认证变更申请表', en: 'Real-name change application form' },
        { variants: changes },
      ),
      colourDocumentSlot(
        'original_entity_documents',
        { 'zh-CN': '原企业主体最新证件资料', en: 'Latest documents of the original entity' },
        {
          'zh-CN': '原企业实名主体信息有变更时上传其最新证件；原企业已注销的，改为上传企业注销证明',
          en: 'The original entity’s latest documents if its details changed; if it was dissolved, upload the deregistration certificate instead',
        },
        { required: false, variants: ['change_entity'] },
      ),
      colourDocumentSlot(
        'deregistration_certificate',
        { 'zh-CN': '企业注销证明', en: 'Deregistration certificate' },
        {
          'zh-CN': '原企业已注销、无营业执照时，上传工商局（市场监督管理局）出具的企业注销证明',
          en: 'If the original company is dissolved and has no licence: the certificate issued by the market-regulation bureau',
        },
        { required: false, variants: ['change_entity'] },
      ),
      documentSlot(
        'bank_receipt',
        { 'zh-CN': '银行回单截图', en: 'Bank receipt screenshot' },
        {
          'zh-CN': '对公打款的银行回单截图，需显示金额、时间和收付款账户',
          en: 'Screenshot of the bank receipt for the corporate transfer, showing amount, time and both accounts',
        },
        { variants: ['payment_dispute'] },
      ),
    ],
  },
  preconditions: [
    { code: 'not_cancelled' },
    { code: 'no_arrears', variants: changes },
    { code: 'real_name_change_interval_30_days', variants: changes },
  ],
  slaBusinessDays: 3,
  effect: 'update_enterprise',
  fourEyes: { 'zh-CN': '变更实名主体、名称或法人会改变账号的所有人', en: 'A change of entity, name or legal representative changes who owns the account' },
};
