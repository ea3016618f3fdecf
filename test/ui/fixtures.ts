import { publicCatalog } from '../../server/src/catalog/publicCatalog';
import type {
  Account,
  Agent,
  Blocker,
  DecisionPreview,
  Evidence,
  Finding,
  HistoryEntry,
  Macro,
  Notification,
  Overview,
  PublicCatalog,
  PublicKind,
  PublicSlot,
  RejectionReason,
  Ticket,
  TicketEvent,
  TicketMessage,
  TicketReview,
} from '../../admin-ui/console/types';

// What the API would answer for a small desk: two kinds, three tickets, two agents.

const t = (zh: string, en: string) => ({ 'zh-CN': zh, en });

// The catalog is the server's own, narrowed to two kinds: their labels, variants, fields and slots as it serves them.
const served = publicCatalog();
const servedKind = (key: string): PublicKind => {
  const kind = served.kinds.find((entry) => entry.key === key);
  if (!kind) throw new Error(`no kind ${key} in the catalog`);
  return kind;
};
const servedSlot = (kind: string, subjectType: 'personal' | 'enterprise', key: string): PublicSlot => {
  const slot = servedKind(kind).materials[subjectType]?.find((entry) => entry.key === key);
  if (!slot) throw new Error(`no slot ${key} for ${kind}/${subjectType} in the catalog`);
  return slot;
};
const servedField = (kind: string, key: string) => {
  const field = servedKind(kind).fields.find((entry) => entry.key === key);
  if (!field) throw new Error(`no field ${key} of ${kind} in the catalog`);
  return field;
};

export const catalog: PublicCatalog = { ...served, kinds: [servedKind('mfa_unbind'), servedKind('enterprise_review')] };

type Locale = 'zh-CN' | 'en';

/** What the console shows for a kind, variant, field or slot: the catalog's own words, for the tests to look for. */
export const catalogLabel = {
  kind: (kind: string, locale: Locale = 'zh-CN') => servedKind(kind).label[locale],
  variant: (kind: string, variant: string, locale: Locale = 'zh-CN') => {
    const found = servedKind(kind).variants.find((entry) => entry.key === variant);
    if (!found) throw new Error(`no variant ${variant} of ${kind} in the catalog`);
    return found.label[locale];
  },
  field: (kind: string, field: string, locale: Locale = 'zh-CN') => servedField(kind, field).label[locale],
  slot: (kind: string, subjectType: 'personal' | 'enterprise', slot: string, locale: Locale = 'zh-CN') =>
    servedSlot(kind, subjectType, slot).label[locale],
};

const fieldLabel = (kind: string, key: string) => servedField(kind, key).label;
const slotLabel = (key: string) => servedSlot('mfa_unbind', 'personal', key).label;

/** What a personal MFA appeal declared, masked as the server answers it. */
const declaredMfa = {
  loginAccount: 'w***@example.com',
  accountId: '100012345678',
  realName: '王小明',
  idNumber: '110101********123X',
  currentPhone: '138****0000',
};

export const agents: Agent[] = [
  {
    id: 1,
    email: 'agent@example.com',
    name: '张敏',
    role: 'agent',
    active: true,
    locale: 'zh-CN',
    lastLoginAt: null,
    createdAt: '2026-11-01T08:00:00.000Z',
  },
  {
    id: 2,
    email: 'admin@example.com',
    name: '李华',
    role: 'admin',
    active: true,
    locale: 'zh-CN',
    lastLoginAt: null,
    createdAt: '2026-11-01T08:00:00.000Z',
  },
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
  contact: { name: '王*明', email: 'w***@example.com', phone: '138****0000' },
  locale: 'zh-CN',
  complete: false,
  overdue: false,
  slaDueAt: '2026-11-25T10:00:00.000Z',
  slaPausedAt: null,
  submittedAt: '2026-11-22T09:00:00.000Z',
  decidedAt: null,
  closedAt: null,
  ownerVerifiedAt: null,
  ownerObjectedAt: null,
  createdAt: '2026-11-22T09:00:00.000Z',
  updatedAt: '2026-11-22T09:30:00.000Z',
  version: 4,
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
    fields: declaredMfa,
    slots: [
      {
        id: 11,
        key: 'applicant_id_front',
        required: true,
        state: 'ok',
        verdict: 'accepted',
        reasonCode: null,
        evidenceCount: 1,
        requestedAt: null,
        evidenceId: null,
        findings: [],
      },
      {
        id: 12,
        key: 'applicant_id_back',
        required: true,
        state: 'fail',
        verdict: null,
        reasonCode: 'colour',
        evidenceCount: 1,
        requestedAt: null,
        evidenceId: null,
        findings: [],
      },
    ],
  }),
  ticket({
    id: 2,
    reference: 'AP-20261122-0002',
    kind: 'enterprise_review',
    variant: 'change_name',
    subjectType: 'enterprise',
    status: 'in_review',
    contact: { name: '某******司', email: 'w***@example.com', phone: '138****0000' },
    fields: { companyName: '某某科技有限公司' },
  }),
  ticket({ id: 3, reference: 'AP-20261121-0007', status: 'awaiting_customer', slaDueAt: '2026-11-27T10:00:00.000Z' }),
];

/** GET /tickets/:id/history: the same customer's other appeals, as the server masks them. */
export const customerHistory: HistoryEntry[] = [
  {
    id: 41,
    reference: 'AP-20260903-0012',
    kind: 'mfa_unbind',
    variant: null,
    subjectType: 'personal',
    status: 'rejected',
    decision: 'reject',
    decisionReason: 'colour',
    accountUin: '100012345678',
    contactName: '王*明',
    contactPhone: '138****0000',
    submittedAt: '2026-09-03T02:00:00.000Z',
    decidedAt: '2026-09-05T02:00:00.000Z',
    matchedBy: ['account', 'idNumber'],
  },
  {
    id: 40,
    reference: 'AP-20260611-0003',
    kind: 'mfa_unbind',
    variant: null,
    subjectType: 'personal',
    status: 'closed',
    decision: 'approve',
    decisionReason: null,
    accountUin: '100099999999',
    contactName: '王*明',
    contactPhone: '138****0000',
    submittedAt: '2026-06-11T02:00:00.000Z',
    decidedAt: '2026-06-12T02:00:00.000Z',
    matchedBy: ['phone'],
  },
];

export const events: TicketEvent[] = [
  {
    id: 101,
    ticketId: 1,
    actorType: 'customer',
    agentId: null,
    type: 'ticket.created',
    fromStatus: null,
    toStatus: 'new',
    reason: null,
    data: null,
    createdAt: '2026-11-22T09:00:00.000Z',
  },
  {
    id: 102,
    ticketId: 1,
    actorType: 'agent',
    agentId: 2,
    type: 'ticket.assigned',
    fromStatus: null,
    toStatus: null,
    reason: null,
    data: { from: null, to: 1 },
    createdAt: '2026-11-22T09:10:00.000Z',
  },
  {
    id: 103,
    ticketId: 1,
    actorType: 'agent',
    agentId: 1,
    type: 'ticket.transitioned',
    fromStatus: 'new',
    toStatus: 'triage',
    reason: '材料待核对',
    data: null,
    createdAt: '2026-11-22T09:20:00.000Z',
  },
  {
    id: 104,
    ticketId: 1,
    actorType: 'agent',
    agentId: 1,
    type: 'message.added',
    fromStatus: null,
    toStatus: null,
    reason: null,
    data: { messageId: 201, kind: 'public_reply' },
    createdAt: '2026-11-22T09:30:00.000Z',
  },
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
    unfinishedOrders: 0,
    messageRecipients: 0,
    advancePaymentCents: 0,
    abandonableResources: [{ category: 'cdn_traffic_package', name: 'CDN 流量包 100 GB' }],
    handlerName: null,
    lastRealNameVerifiedAt: '2025-01-01T00:00:00.000Z',
    lastRealNameChangeAt: null,
    status: 'active',
    createdAt: '2025-01-01T00:00:00.000Z',
    updatedAt: '2026-11-20T00:00:00.000Z',
  },
];

/** Thirty days ending 2026-11-22, with decisions on a few of them. */
const decisionsPerDay = Array.from({ length: 30 }, (_, index) => {
  const day = new Date(Date.UTC(2026, 9, 24 + index)).toISOString().slice(0, 10);
  return { day, approved: index % 7 === 0 ? 3 : index % 3 === 0 ? 1 : 0, rejected: index % 5 === 0 ? 2 : 0 };
});

export const overview: Overview = {
  open: 17,
  overdue: 4,
  dueSoon: 2,
  byStatus: { new: 5, triage: 3, in_review: 6, awaiting_customer: 3, approved: 9 },
  byKind: { mfa_unbind: 12, enterprise_review: 5 },
  medianHoursToDecision: 30.5,
  decisionsPerDay,
  loadPerAgent: [
    { agentId: 1, open: 9 },
    { agentId: null, open: 6 },
    { agentId: 2, open: 2 },
  ],
};

export const signedInAgent = (role: Agent['role'] = 'agent') => {
  const agent = agents.find((candidate) => candidate.role === role) ?? agents[0]!;
  return { id: agent.id, email: agent.email, name: agent.name, role, locale: agent.locale };
};

// The review page: a ticket in review with two files, one of them failing its checks.

const finding = (code: string, severity: Finding['severity'], zh: string, en: string): Finding => ({
  code,
  severity,
  message: t(zh, en),
});

export const reviewTicket: Ticket = ticket({
  id: 4,
  reference: 'AP-20261122-0004',
  status: 'in_review',
  assigneeId: 1,
  complete: true,
  slaDueAt: '2026-11-26T10:00:00.000Z',
  fields: declaredMfa,
  slots: [
    {
      id: 41,
      key: 'applicant_id_front',
      required: true,
      state: 'ok',
      verdict: null,
      reasonCode: null,
      evidenceCount: 1,
      requestedAt: null,
      evidenceId: 401,
      findings: [
        finding('colour', 'pass', '彩色照片', 'A colour photo'),
        finding('not_front_camera', 'pass', '非前置摄像头拍摄', 'Not taken with the front camera'),
      ],
    },
    {
      id: 42,
      key: 'applicant_id_back',
      required: true,
      state: 'fail',
      verdict: null,
      reasonCode: null,
      evidenceCount: 1,
      requestedAt: null,
      evidenceId: 402,
      findings: [
        finding('greyscale', 'fail', '这是一张黑白照片，请上传彩色照片', 'This is a black-and-white photo; a colour one is needed'),
        finding('blurred', 'warn', '照片可能有些模糊', 'The photo may be blurred'),
      ],
    },
  ],
});

const file = (overrides: Partial<Evidence> & Pick<Evidence, 'id' | 'slotId' | 'originalName'>): Evidence => ({
  ticketId: reviewTicket.id,
  sha256: 'a'.repeat(64),
  mime: 'image/jpeg',
  size: 245_000,
  width: 1600,
  height: 1000,
  pages: null,
  findings: [],
  state: 'ok',
  verdict: null,
  reasonCode: null,
  current: true,
  purgedAt: null,
  createdAt: '2026-11-22T09:00:00.000Z',
  ...overrides,
});

export const evidence: Evidence[] = [
  file({ id: 400, slotId: 42, originalName: 'back-old.jpg', current: false, createdAt: '2026-11-21T09:00:00.000Z' }),
  file({ id: 401, slotId: 41, originalName: 'front.jpg' }),
  file({ id: 402, slotId: 42, originalName: 'back.jpg', state: 'fail' }),
];

// What approving the review ticket would do, and what stands in its way (server/src/contract/decisions.ts).

export const blockers = {
  identityMismatch: {
    code: 'identity_mismatch',
    label: t('申报的身份信息与账号实名信息不一致', "Declared identity values do not match the account's"),
    detail: fieldLabel('mfa_unbind', 'idNumber'),
    overridable: true,
  },
  arrears: {
    code: 'precondition_failed',
    precondition: 'no_arrears',
    label: t('账号不满足办理条件', 'The account does not meet a precondition'),
    detail: t('账号欠费 12.00 元', 'The account owes 12.00 yuan'),
    overridable: true,
  },
  unreviewed: {
    code: 'evidence_unreviewed',
    label: t('仍有材料未经审核员逐一确认', 'Some files have not been reviewed yet'),
    detail: t('2 个文件', '2 files'),
    overridable: false,
  },
  ownerObjected: {
    code: 'owner_objected',
    label: t('账号所有人已通过通知中的链接表示“不是我本人操作”', 'The account owner answered the notice: "this wasn\'t me"'),
    overridable: false,
  },
} satisfies Record<string, Blocker>;

export const decisionPreview = (overrides: Partial<DecisionPreview> = {}): DecisionPreview => ({
  effect: {
    ...servedKind('mfa_unbind').effect,
    statement: t('解绑账号 100012345678 的 MFA 设备', 'unbind the MFA device from account 100012345678'),
    outcome: t('解绑 MFA 设备', 'Unbind the MFA device'),
  },
  fourEyes: false,
  fourEyesReason: null,
  blockers: [blockers.identityMismatch, blockers.arrears, blockers.unreviewed],
  notes: [],
  unreviewedFiles: [
    {
      evidenceId: 401,
      slot: 'applicant_id_front',
      slotLabel: slotLabel('applicant_id_front'),
      originalName: 'front.jpg',
    },
    {
      evidenceId: 402,
      slot: 'applicant_id_back',
      slotLabel: slotLabel('applicant_id_back'),
      originalName: 'back.jpg',
    },
  ],
  mayDecide: true,
  mayAct: true,
  mayOverride: false,
  ownerVerifiedAt: null,
  ownerObjectedAt: null,
  proposal: null,
  ...overrides,
});

export const review: TicketReview = {
  account: accounts[0]!,
  comparison: [
    { field: 'realName', label: fieldLabel('mfa_unbind', 'realName'), declared: '王小明', onFile: '王*明', result: 'match' },
    {
      field: 'idNumber',
      label: fieldLabel('mfa_unbind', 'idNumber'),
      declared: '110101********123X',
      onFile: '110101********456X',
      result: 'mismatch',
    },
  ],
  preconditions: [
    { code: 'security_phone_bound', ok: true, label: t('已绑定安全手机', 'A security phone is bound') },
    {
      code: 'no_arrears',
      ok: false,
      label: t('无欠费', 'No arrears'),
      detail: t('账号欠费 12.00 元', 'The account owes 12.00 yuan'),
    },
  ],
  phoneHolders: null,
  summary: { mismatches: 1, preconditionsFailed: 1 },
  decision: decisionPreview(),
};

// A ticket whose approval a supervisor proposed (with an override) and a second one must confirm.

export const pendingTicket: Ticket = ticket({
  id: 5,
  reference: 'AP-20261122-0005',
  status: 'approval_pending',
  assigneeId: 1,
  complete: true,
  ownerVerifiedAt: '2026-11-22T08:55:00.000Z',
  fields: declaredMfa,
  slots: [],
});

export const pendingEvents: TicketEvent[] = [
  {
    id: 701,
    ticketId: 5,
    actorType: 'customer',
    agentId: null,
    type: 'owner.verified',
    fromStatus: null,
    toStatus: null,
    reason: null,
    data: { verifiedAt: '2026-11-22T08:55:00.000Z' },
    createdAt: '2026-11-22T08:55:00.000Z',
  },
  {
    id: 702,
    ticketId: 5,
    actorType: 'agent',
    agentId: 1,
    type: 'ticket.transitioned',
    fromStatus: 'in_review',
    toStatus: 'approval_pending',
    reason: null,
    data: null,
    createdAt: '2026-11-22T09:40:00.000Z',
  },
  {
    id: 703,
    ticketId: 5,
    actorType: 'agent',
    agentId: 1,
    type: 'decision.proposed',
    fromStatus: null,
    toStatus: null,
    reason: '客户来电核实，身份证为换发后的新证件',
    data: { overridden: ['identity_mismatch'] },
    createdAt: '2026-11-22T09:40:01.000Z',
  },
];

export const pendingReview: TicketReview = {
  ...review,
  decision: decisionPreview({
    fourEyes: true,
    fourEyesReason: t('解绑 MFA 须由第二位主管确认', 'Unbinding MFA needs a second supervisor'),
    blockers: [],
    unreviewedFiles: [],
    ownerVerifiedAt: '2026-11-22T08:55:00.000Z',
    proposal: {
      proposedBy: { id: 1, name: '张敏' },
      proposedAt: '2026-11-22T09:40:00.000Z',
      message: '已为您解绑 MFA，请使用密码登录后重新绑定。',
      overridden: ['identity_mismatch'],
      overrideReason: '客户来电核实，身份证为换发后的新证件',
      mayConfirm: true,
    },
  }),
};

export const rejectionReasons: RejectionReason[] = [
  {
    id: 1,
    code: 'not_colour',
    labelZh: '须为彩色照片或彩色扫描件',
    labelEn: 'Must be a colour photo or colour scan',
    scope: 'evidence',
    active: true,
  },
  {
    id: 2,
    code: 'subject_mismatch',
    labelZh: '申请人与账号实名主体不一致',
    labelEn: "The applicant does not match the account's real-name subject",
    scope: 'both',
    active: true,
  },
  {
    id: 3,
    code: 'materials_incomplete',
    labelZh: '材料不全且未按时补充',
    labelEn: 'Materials incomplete and not sent in time',
    scope: 'decision',
    active: true,
  },
  { id: 4, code: 'occluded', labelZh: '证件信息被遮挡', labelEn: 'Part of the document is covered', scope: 'evidence', active: false },
];

export const macros: Macro[] = [
  {
    id: 1,
    name: 'materials.colour_scan',
    titleZh: '请补充彩色扫描件',
    titleEn: 'Please send colour scans',
    bodyZh: '{{contactName}}您好，工单 {{reference}} 中的证件材料为黑白件，请上传彩色照片。',
    bodyEn: 'Hello {{contactName}}, the documents on appeal {{reference}} are black and white.',
    kinds: [],
    active: true,
  },
  {
    id: 2,
    name: 'enterprise.deregistration_certificate',
    titleZh: '请上传注销证明',
    titleEn: 'Send the deregistration certificate',
    bodyZh: '{{contactName}}您好，请上传注销证明。',
    bodyEn: 'Hello {{contactName}}, please upload the deregistration certificate.',
    kinds: ['enterprise_review'],
    active: true,
  },
];

/** The contacts' names as the server holds them (tickets carry them masked); 王小明 unless named here. */
const contactNames: Record<number, string> = { 2: '某某科技有限公司' };

/** What the server's render endpoint answers: the placeholders filled from the ticket. */
export const renderMacro = (macro: Macro, target: Ticket) => {
  const fill = (body: string) =>
    body.replaceAll('{{contactName}}', contactNames[target.id] ?? '王小明').replaceAll('{{reference}}', target.reference);
  const bodyZh = fill(macro.bodyZh);
  const bodyEn = fill(macro.bodyEn);
  return { macroId: macro.id, ticketId: target.id, locale: target.locale, bodyZh, bodyEn, body: target.locale === 'en' ? bodyEn : bodyZh };
};

export const notifications: Notification[] = [
  {
    id: 501,
    ticketId: 4,
    channel: 'email',
    recipient: 'w***@example.com',
    subject: '您的申诉 AP-20261122-0004 已进入审核',
    body: '王小明您好……',
    status: 'sent',
    attempts: 1,
    nextAttemptAt: null,
    sentAt: '2026-11-22T09:05:00.000Z',
    lastError: null,
    createdAt: '2026-11-22T09:04:00.000Z',
  },
  {
    id: 502,
    ticketId: 4,
    channel: 'sms',
    recipient: '138****0000',
    subject: '申诉进度',
    body: '您的申诉已进入审核',
    status: 'failed',
    attempts: 5,
    nextAttemptAt: null,
    sentAt: null,
    lastError: 'SMS gateway refused the number',
    createdAt: '2026-11-22T09:04:00.000Z',
  },
];

export const reviewEvents: TicketEvent[] = [
  {
    id: 601,
    ticketId: 4,
    actorType: 'customer',
    agentId: null,
    type: 'evidence.added',
    fromStatus: null,
    toStatus: null,
    reason: null,
    data: { files: [{ slot: 'applicant_id_back', evidenceId: 402, state: 'fail' }] },
    createdAt: '2026-11-22T09:00:00.000Z',
  },
  {
    id: 602,
    ticketId: 4,
    actorType: 'agent',
    agentId: 1,
    type: 'evidence.viewed',
    fromStatus: null,
    toStatus: null,
    reason: null,
    data: { evidenceId: 401 },
    createdAt: '2026-11-22T09:10:00.000Z',
  },
  {
    id: 608,
    ticketId: 4,
    actorType: 'agent',
    agentId: 1,
    type: 'evidence.viewed',
    fromStatus: null,
    toStatus: null,
    reason: null,
    data: { evidenceId: 401 },
    createdAt: '2026-11-22T09:10:30.000Z',
  },
  {
    id: 603,
    ticketId: 4,
    actorType: 'agent',
    agentId: 1,
    type: 'evidence.reviewed',
    fromStatus: null,
    toStatus: null,
    reason: 'not_colour',
    data: { evidenceId: 400, slotKey: 'applicant_id_back', verdict: 'rejected' },
    createdAt: '2026-11-22T09:11:00.000Z',
  },
  {
    id: 604,
    ticketId: 4,
    actorType: 'agent',
    agentId: 1,
    type: 'materials.requested',
    fromStatus: null,
    toStatus: null,
    reason: null,
    data: { slots: ['applicant_id_back'] },
    createdAt: '2026-11-22T09:12:00.000Z',
  },
  {
    id: 605,
    ticketId: 4,
    actorType: 'system',
    agentId: null,
    type: 'evidence.fraud_signal',
    fromStatus: null,
    toStatus: null,
    reason: null,
    data: { evidenceId: 401, otherReference: 'AP-20261101-0099' },
    createdAt: '2026-11-22T09:13:00.000Z',
  },
  {
    id: 606,
    ticketId: 4,
    actorType: 'agent',
    agentId: 2,
    type: 'ticket.decided',
    fromStatus: null,
    toStatus: null,
    reason: null,
    data: { decision: 'approve' },
    createdAt: '2026-11-22T09:20:00.000Z',
  },
  {
    id: 607,
    ticketId: 4,
    actorType: 'agent',
    agentId: 2,
    type: 'account.changed',
    fromStatus: null,
    toStatus: null,
    reason: null,
    data: { accountId: 1, uin: '100012345678', before: { mfaBound: true }, after: { mfaBound: false } },
    createdAt: '2026-11-22T09:20:01.000Z',
  },
  // The desk's own reasons are codes (older events kept English words); an override names its blockers.
  {
    id: 609,
    ticketId: 4,
    actorType: 'agent',
    agentId: 1,
    type: 'ticket.transitioned',
    fromStatus: 'in_review',
    toStatus: 'awaiting_customer',
    reason: 'materials requested',
    data: null,
    createdAt: '2026-11-22T09:12:01.000Z',
  },
  {
    id: 610,
    ticketId: 4,
    actorType: 'customer',
    agentId: null,
    type: 'ticket.transitioned',
    fromStatus: 'awaiting_customer',
    toStatus: 'in_review',
    reason: 'customer_sent_materials',
    data: null,
    createdAt: '2026-11-22T09:15:00.000Z',
  },
  {
    id: 611,
    ticketId: 4,
    actorType: 'agent',
    agentId: 2,
    type: 'ticket.transitioned',
    fromStatus: 'in_review',
    toStatus: 'approved',
    reason: 'override:identity_mismatch',
    data: null,
    createdAt: '2026-11-22T09:20:00.500Z',
  },
];
