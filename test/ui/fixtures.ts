import type { Catalog } from '../../admin-ui/src/catalog/catalogTypes';
import type { Account, Agent, Overview, Ticket, TicketEvent, TicketMessage } from '../../admin-ui/src/types';

// What the API would answer for a small desk: two kinds, three tickets, two agents.

const t = (zh: string, en: string) => ({ 'zh-CN': zh, en });

const holdingId = (side: 'front' | 'back') => ({
  key: `applicant_holding_id_${side}`,
  label: side === 'front' ? t('申请人手持身份证正面', 'Applicant holding ID card, front') : t('申请人手持身份证反面', 'Applicant holding ID card, back'),
  hint: t('彩色照片，勿用前置摄像头', 'Colour photo, not taken with the front camera'),
  required: true,
  accept: ['image/jpeg', 'image/png'],
  maxBytes: 10_000_000,
  checks: ['file_type', 'colour', 'not_front_camera'],
});

export const catalog: Catalog = {
  subjectTypes: [
    { key: 'personal', label: t('个人实名认证', 'Personal (verified)') },
    { key: 'enterprise', label: t('企业实名认证', 'Enterprise (verified)') },
    { key: 'unverified', label: t('未实名认证', 'Not verified') },
  ],
  checks: [
    { code: 'colour', label: t('须为彩色', 'Must be in colour') },
    { code: 'not_front_camera', label: t('不得使用前置摄像头', 'Not taken with the front camera') },
  ],
  kinds: [
    {
      key: 'mfa_unbind',
      label: t('MFA 设备丢失', 'MFA device lost'),
      summary: t('手机丢了，无法完成 MFA 验证', 'The phone with the MFA app is lost'),
      source: '002',
      subjectTypes: ['personal', 'enterprise'],
      variants: [],
      slaBusinessDays: 3,
      effect: { code: 'reset_mfa', label: t('解绑 MFA', 'Unbind MFA') },
      preconditions: [],
      fields: [
        { key: 'accountId', type: 'account_id', label: t('账号 ID', 'Account ID'), required: true },
        { key: 'realName', type: 'text', label: t('真实姓名', 'Real name'), required: true, matches: 'realName' },
        { key: 'idNumber', type: 'resident_id', label: t('身份证号', 'Resident ID number'), required: true, sensitive: true },
        {
          key: 'loginType',
          type: 'select',
          label: t('登录方式', 'Login method'),
          required: true,
          options: [
            { value: 'qq', label: t('QQ', 'QQ') },
            { value: 'wechat', label: t('微信', 'WeChat') },
          ],
        },
        { key: 'phoneNow', type: 'mobile', label: t('现用手机号', 'Phone number in use'), required: true },
      ],
      materials: {
        personal: [holdingId('front'), holdingId('back')],
        enterprise: [
          {
            key: 'business_licence',
            label: t('营业执照', 'Business licence'),
            hint: t('彩色扫描件', 'Colour scan'),
            required: true,
            accept: ['image/jpeg', 'application/pdf'],
            maxBytes: 10_000_000,
            checks: ['file_type', 'colour'],
          },
        ],
      },
    },
    {
      key: 'enterprise_review',
      label: t('企业资料审核', 'Enterprise document review'),
      summary: t('企业认证变更', 'Enterprise verification changes'),
      source: '002, 004',
      subjectTypes: ['enterprise'],
      variants: [
        { key: 'change_name', label: t('企业名称变更', 'Change of company name') },
        { key: 'retrieve_accounts', label: t('找回企业账号', 'Retrieve the enterprise accounts') },
      ],
      slaBusinessDays: 3,
      effect: { code: 'none', label: t('人工处理', 'Handled by hand') },
      preconditions: [],
      fields: [{ key: 'companyName', type: 'text', label: t('企业名称', 'Company name'), required: true }],
      materials: { enterprise: [] },
    },
  ],
};

export const agents: Agent[] = [
  { id: 1, email: 'agent@example.com', name: '张敏', role: 'agent', active: true, locale: 'zh-CN', lastLoginAt: null, createdAt: '2026-11-01T08:00:00.000Z' },
  { id: 2, email: 'admin@example.com', name: '李华', role: 'admin', active: true, locale: 'zh-CN', lastLoginAt: null, createdAt: '2026-11-01T08:00:00.000Z' },
];

const ticket = (overrides: Partial<Ticket> & Pick<Ticket, 'id' | 'reference'>): Ticket => ({
  kind: 'mfa_unbind',
  variant: null,
  subjectType: 'personal',
  status: 'new',
  priority: 'normal',
  assigneeId: null,
  accountId: 1,
  accountUin: '100012345678',
  fields: {},
  contactName: '王小明',
  contactEmail: 'wang@example.com',
  contactPhone: '138****0000',
  locale: 'zh-CN',
  complete: false,
  overdue: false,
  slaDueAt: '2026-11-25T10:00:00.000Z',
  slaPausedAt: null,
  submittedAt: '2026-11-22T09:00:00.000Z',
  decidedAt: null,
  closedAt: null,
  createdAt: '2026-11-22T09:00:00.000Z',
  updatedAt: '2026-11-22T09:30:00.000Z',
  ...overrides,
});

export const tickets: Ticket[] = [
  ticket({
    id: 1,
    reference: 'AP-20261122-0001',
    priority: 'high',
    assigneeId: 1,
    overdue: true,
    slaDueAt: '2026-11-20T10:00:00.000Z',
    fields: { accountId: '100012345678', realName: '王小明', idNumber: '110101********123X', loginType: 'wechat', phoneNow: '138****0000' },
    slots: [
      { id: 11, key: 'applicant_holding_id_front', required: true, state: 'ok', verdict: 'accepted', reasonCode: null, evidenceCount: 1 },
      { id: 12, key: 'applicant_holding_id_back', required: true, state: 'fail', verdict: null, reasonCode: 'colour', evidenceCount: 1 },
    ],
  }),
  ticket({
    id: 2,
    reference: 'AP-20261122-0002',
    kind: 'enterprise_review',
    variant: 'change_name',
    subjectType: 'enterprise',
    status: 'in_review',
    contactName: '某某科技有限公司',
    fields: { companyName: '某某科技有限公司' },
  }),
  ticket({ id: 3, reference: 'AP-20261121-0007', status: 'awaiting_customer', slaDueAt: '2026-11-27T10:00:00.000Z' }),
];

export const events: TicketEvent[] = [
  { id: 101, ticketId: 1, actorType: 'customer', agentId: null, type: 'ticket.created', fromStatus: null, toStatus: 'new', reason: null, data: null, createdAt: '2026-11-22T09:00:00.000Z' },
  { id: 102, ticketId: 1, actorType: 'agent', agentId: 2, type: 'ticket.assigned', fromStatus: null, toStatus: null, reason: null, data: { from: null, to: 1 }, createdAt: '2026-11-22T09:10:00.000Z' },
  { id: 103, ticketId: 1, actorType: 'agent', agentId: 1, type: 'ticket.transitioned', fromStatus: 'new', toStatus: 'triage', reason: '材料待核对', data: null, createdAt: '2026-11-22T09:20:00.000Z' },
  { id: 104, ticketId: 1, actorType: 'agent', agentId: 1, type: 'message.added', fromStatus: null, toStatus: null, reason: null, data: { messageId: 201, kind: 'public_reply' }, createdAt: '2026-11-22T09:30:00.000Z' },
];

export const messages: TicketMessage[] = [
  { id: 201, ticketId: 1, kind: 'public_reply', agentId: 1, body: '请上传彩色的身份证反面照片。', createdAt: '2026-11-22T09:30:00.000Z' },
];

export const accounts: Account[] = [
  {
    id: 1,
    uin: '100012345678',
    subjectType: 'personal',
    realName: '王*明',
    companyName: null,
    idNumber: '110101********123X',
    creditCode: null,
    securityPhone: '138****0000',
    securityEmail: 'w***@example.com',
    loginMethods: [
      { type: 'wechat', identifier: 'wx_****89', registration: true },
      { type: 'email', identifier: 'w***@example.com', registration: false },
    ],
    mfaBound: true,
    protection: { login: true, operation: false, remoteLogin: false, mfaType: 'virtual' },
    balanceCents: 123456,
    arrearsCents: 0,
    vouchers: 0,
    resourcesInUse: 2,
    subUsers: 0,
    collaborators: 0,
    openComplaints: 0,
    lastRealNameChangeAt: null,
    status: 'active',
    createdAt: '2025-01-01T00:00:00.000Z',
    updatedAt: '2026-11-20T00:00:00.000Z',
  },
];

export const overview: Overview = {
  open: 17,
  overdue: 4,
  byStatus: { new: 5, triage: 3, in_review: 6, awaiting_customer: 3, approved: 9 },
  byKind: { mfa_unbind: 12, enterprise_review: 5 },
};

export const signedInAgent = (role: Agent['role'] = 'agent') => {
  const agent = agents.find(candidate => candidate.role === role) ?? agents[0]!;
  return { id: agent.id, email: agent.email, name: agent.name, role, locale: agent.locale };
};
