import { accountIdField, companyNameField, creditCodeField, descriptionField, idNumberField, personFields, realNameField } from '../fields';
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
    {
      key: 'change_entity',
      label: { 'zh-CN': '变更企业主体（A 企业变成 B 企业）', en: 'Change of entity (company A becomes company B)' },
      outcome: { 'zh-CN': '账号的实名认证主体已变更为新企业', en: "the account's verified entity is changed to the new company" },
    },
    {
      key: 'change_name',
      label: { 'zh-CN': '变更企业名称（统一社会信用代码不变）', en: 'Change of company name (same credit code)' },
      outcome: { 'zh-CN': '账号实名认证的企业名称已变更', en: "the company name of the account's verification is changed" },
    },
    {
      key: 'change_legal_rep',
      label: { 'zh-CN': '更新企业法人信息', en: 'Update the legal representative' },
      outcome: { 'zh-CN': '账号实名认证的企业法人信息已更新', en: "the legal representative of the account's verification is updated" },
    },
    {
      key: 'account_retrieval',
      label: { 'zh-CN': '通过企业信息找回账号', en: "Retrieve the enterprise's accounts" },
      fourEyes: null,
      effect: 'report_enterprise_accounts',
      outcome: {
        'zh-CN': '找回的账号及登录方式已发送给您',
        en: 'the accounts registered under the company and their login methods are sent to you',
      },
    },
    {
      key: 'payment_dispute',
      label: { 'zh-CN': '对公打款认证金额无法提交', en: 'Corporate-transfer amount refused' },
      fourEyes: null,
      effect: 'answer_transfer_check',
      outcome: { 'zh-CN': '打款金额已人工核验', en: 'the transfer amount is re-checked by hand' },
    },
  ],
  fields: [
    accountIdField({ variants: [...changes, 'payment_dispute'] }),
    companyNameField(),
    creditCodeField(),
    // Seed 002's change form asks for the legal representative before the change: the account's, matched on file.
    realNameField({
      key: 'legalRepName',
      label: { 'zh-CN': '变更前企业法人姓名', en: 'Legal representative before the change' },
      hint: { 'zh-CN': '须与账号当前的企业实名信息一致', en: "As on the account's current enterprise verification" },
      variants: changes,
    }),
    idNumberField({
      key: 'legalRepIdNumber',
      label: { 'zh-CN': '变更前企业法人证件号码', en: "Legal representative's ID number before the change" },
      variants: changes,
    }),
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
    {
      key: 'newLicenceDate',
      type: 'date',
      label: { 'zh-CN': '新营业执照成立日期', en: 'Date the new licence was issued' },
      hint: {
        'zh-CN': '工商数据同步有延迟，新办理的企业需在 7 个工作日之后再提交认证',
        en: 'The business registry syncs with a delay: a newly registered company can verify 7 business days after its licence',
      },
      required: true,
      variants: ['change_entity'],
    },
    ...personFields('newLegalRep', { variants: ['change_entity', 'change_legal_rep'] }),
    // Seed 002: the handler (经办人) of an enterprise verification cannot be changed; the one on file files the change.
    ...personFields('handler', {
      variants: changes,
      hint: {
        'zh-CN': '须为账号企业实名认证时的经办人，经办人不支持变更',
        en: "The handler on the account's enterprise verification; a handler cannot be changed",
      },
    }).map((f) => ({ ...f, matches: f.key === 'handlerName' ? ('handlerName' as const) : ('handlerIdNumber' as const) })),
    {
      key: 'transferAmount',
      type: 'amount',
      label: { 'zh-CN': '打款金额（元）', en: 'Amount transferred (yuan)' },
      hint: {
        'zh-CN': '系统随机生成的 0.01–0.99 元；须在打款后 7 天内验证，共 2 次机会',
        en: 'The random 0.01–0.99 yuan; it must be verified within 7 days of the transfer, in 2 tries',
      },
      required: true,
      variants: ['payment_dispute'],
      min: 0.01,
      max: 0.99,
    },
    {
      key: 'transferDate',
      type: 'date',
      label: { 'zh-CN': '打款日期', en: 'Date of the transfer' },
      hint: { 'zh-CN': '以银行回单上的日期为准', en: 'As on the bank receipt' },
      required: true,
      variants: ['payment_dispute'],
    },
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
          'zh-CN': '必须上传：变更前企业的营业执照等最新证件；原企业已注销、无营业执照的，改为在下一项上传企业注销证明',
          en: 'Required: the latest documents (licence) of the company before the change; if it was dissolved and has no licence, upload the deregistration certificate in the next item instead',
        },
        // Seed 002: the documents before and after the change are both compulsory; a dissolved company gives the
        // bureau's deregistration certificate in their place.
        { variants: ['change_entity'], alternative: 'deregistration_certificate' },
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
    { code: 'no_advance_payments', variants: changes },
    { code: 'real_name_change_interval_30_days', variants: changes },
    { code: 'enterprise_max_ten_accounts', variants: ['change_entity'] },
    { code: 'new_licence_seven_business_days', variants: ['change_entity'] },
    { code: 'transfer_check_window', variants: ['payment_dispute'] },
    { code: 'online_change_code_starts_with_9', variants: ['change_name', 'change_legal_rep'] },
  ],
  slaBusinessDays: 3,
  effect: 'update_enterprise',
  fourEyes: {
    'zh-CN': '变更实名主体、名称或法人会改变账号的所有人',
    en: 'A change of entity, name or legal representative changes who owns the account',
  },
};
