// The public appeal API for the appeal pages' tests: the real catalog, and a server that checks what it is sent.
import { http, HttpResponse, delay } from 'msw';
import type {
  AppealView,
  Checklist,
  ChecklistSlot,
  Finding,
  ObjectionRecorded,
  OwnerCodeIssued,
  OwnerCodeRequest,
  OwnerCodeVerified,
  SlotState,
  SubmittedAppeal,
} from '../../../admin-ui/form/api';
import { fieldsFor, slotsFor, type Catalog, type CatalogKind, type SubjectType } from '../../../admin-ui/form/catalog';
import { publicCatalog } from '../../../server/src/catalog/publicCatalog';
import { documentChoiceKey, offersDocumentChoice } from '../../../server/src/catalog/identifiers';
import { isComplete } from '../../../server/src/appeals/checklist';
import { OWNER_CODE_MAX_ATTEMPTS, OWNER_CODE_TTL_SECONDS, OWNER_PROOF_TTL_SECONDS } from '../../../server/src/ownerProof/contract';

export const APPEAL_API = 'http://localhost/api/public';
export const REFERENCE = 'AP-20261124-0042';
export const TOKEN = 'tok_4Jx9vQ2mZs8LwE1aB7cD5fGh';

/** The catalog exactly as the server publishes it. */
export const catalog: Catalog = JSON.parse(JSON.stringify(publicCatalog())) as Catalog;

export function kindOf(key: string): CatalogKind {
  const kind = catalog.kinds.find((k) => k.key === key);
  if (!kind) throw new Error(`no kind ${key}`);
  return kind;
}

export const frontCameraFinding: Finding = {
  code: 'exif.front_camera',
  severity: 'fail',
  message: {
    'zh-CN': '这张照片是用手机前置摄像头（自拍）拍摄的。请由他人使用后置摄像头重新拍摄',
    en: "This photo was taken with the phone's front (selfie) camera. Please ask someone to take it again with the rear camera",
  },
};

const passFinding: Finding = { code: 'file.type', severity: 'pass', message: { 'zh-CN': '文件格式：JPEG 图片', en: 'The file is a JPEG image.' } };

/** The checklist of an appeal: `states` overrides a slot's state; findings follow from the state. */
export function checklistFor(kindKey: string, subjectType: SubjectType, variant: string | undefined, states: Record<string, SlotState>, requested: string[] = []): Checklist {
  const slots = slotsFor(kindOf(kindKey), subjectType, variant).map((slot, i): ChecklistSlot => {
    const state = states[slot.key] ?? 'missing';
    const findings = state === 'fail' ? [frontCameraFinding] : state === 'missing' ? [] : [passFinding];
    return { key: slot.key, label: slot.label, hint: slot.hint, required: slot.required, alternative: slot.alternative ?? null, state, findings, evidenceId: state === 'missing' ? null : i + 1, requested: requested.includes(slot.key) };
  });
  return { complete: isComplete(slots), slots };
}

const problem = (status: number, code: string, message: string, errors?: Record<string, string>) =>
  HttpResponse.json({ code, message, ...(errors && { errors }) }, { status });

/** What the last submission carried, for the tests that look at it. */
export const received: { payload?: Record<string, unknown>; files: Record<string, File> } = { files: {} };

const payloadKeys = new Set(['kind', 'subjectType', 'variant', 'fields', 'contact', 'ownerProof']);

export const submitHandler = http.post(`${APPEAL_API}/appeals`, async ({ request }) => {
  const form = await request.formData();
  const raw = form.get('payload');
  if (typeof raw !== 'string') return problem(400, 'PAYLOAD_REQUIRED', 'The form lacks its payload part', { payload: 'Required' });
  const payload = JSON.parse(raw) as {
    kind: string;
    subjectType: SubjectType;
    variant?: string;
    fields: Record<string, string>;
    contact: Record<string, string>;
    ownerProof?: unknown;
  };
  const strange = Object.keys(payload).filter((key) => !payloadKeys.has(key));
  if (strange.length > 0) return problem(400, 'INVALID_INPUT', 'Some fields are invalid', Object.fromEntries(strange.map((k) => [k, 'Unrecognized key'])));
  const kind = catalog.kinds.find((k) => k.key === payload.kind);
  if (!kind || !kind.subjectTypes.includes(payload.subjectType)) return problem(400, 'INVALID_INPUT', 'Some fields are invalid', { kind: 'unknown_kind' });
  // The proof of control: for the account named in the appeal, issued by verify, not refused since; required where the catalog says so.
  if (payload.ownerProof !== undefined) {
    const proof = typeof payload.ownerProof === 'string' ? ownerCodes.proofs.get(payload.ownerProof) : undefined;
    if (!proof || proof.accountId !== payload.fields.accountId) {
      return problem(400, 'OWNER_PROOF_INVALID', serverMessages.proofInvalid, { ownerProof: serverMessages.proofInvalid });
    }
  } else if (kind.ownerCode[payload.subjectType] === 'required') {
    return problem(400, 'OWNER_CODE_REQUIRED', serverMessages.codeRequired, { ownerProof: serverMessages.codeRequired });
  }
  // A person's number may carry the document it is on beside it (idNumber → idNumberType), as the server allows.
  const allowed = new Set(fieldsFor(kind, payload.subjectType, payload.variant).flatMap((f) => (offersDocumentChoice(f) ? [f.key, documentChoiceKey(f)] : [f.key])));
  const unknown = Object.keys(payload.fields).filter((key) => !allowed.has(key));
  if (unknown.length > 0) return problem(400, 'INVALID_INPUT', 'Some fields are invalid', Object.fromEntries(unknown.map((k) => [`fields.${k}`, 'unknown_field'])));
  if (!payload.contact.name || !payload.contact.locale) return problem(400, 'INVALID_INPUT', 'Some fields are invalid', { 'contact.name': 'required' });
  // The parts are the runtime's own File objects (not jsdom's), so they are told apart from text by type.
  const files: Record<string, File> = {};
  const slotKeys = new Set(slotsFor(kind, payload.subjectType, payload.variant).map((s) => s.key));
  for (const [name, value] of form.entries()) {
    if (name === 'payload') continue;
    if (typeof value === 'string' || !slotKeys.has(name)) return problem(400, 'UNKNOWN_SLOT', `Not a material of this appeal: ${name}`, { [name]: 'Not a material slot of this appeal' });
    files[name] = value;
  }
  received.payload = payload;
  received.files = files;
  await delay(50);
  // The back of the card came from the front camera: the receipt must show that at once.
  const states = Object.fromEntries(Object.keys(files).map((key) => [key, key.endsWith('_back') ? 'fail' : 'ok'])) as Record<string, SlotState>;
  const body: SubmittedAppeal = { reference: REFERENCE, accessToken: TOKEN, status: 'new', checklist: checklistFor(kind.key, payload.subjectType, payload.variant, states) };
  return HttpResponse.json(body, { status: 201 });
});

export const awaitingView: AppealView = {
  reference: REFERENCE,
  kind: 'mfa_unbind',
  variant: null,
  subjectType: 'personal',
  status: 'awaiting_customer',
  mayWithdraw: true,
  outcome: kindOf('mfa_unbind').effect.label,
  submittedAt: '2026-11-24T02:00:00.000Z',
  updatedAt: '2026-11-25T03:30:00.000Z',
  decidedAt: null,
  checklist: checklistFor('mfa_unbind', 'personal', undefined, { applicant_id_front: 'ok', applicant_id_back: 'fail' }, ['applicant_id_back']),
  requestedSlots: ['applicant_id_back'],
  messages: [
    { id: 1, kind: 'public_reply', body: '您上传的身份证反面照片是前置摄像头拍摄的，请用后置摄像头重新拍摄后上传。', createdAt: '2026-11-25T03:30:00.000Z' },
  ],
};

/** The access token the appeal answers to: TOKEN, until a code or a status link gives a new one. */
export const access = { token: TOKEN };
const authorised = (request: Request) => request.headers.get('authorization') === `Bearer ${access.token}`;

export const viewHandler = (view: AppealView = awaitingView) =>
  http.get(`${APPEAL_API}/appeals/:reference`, ({ request, params }) =>
    params.reference === view.reference && authorised(request) ? HttpResponse.json(view) : problem(404, 'NOT_FOUND', 'Appeal not found'),
  );

export const evidenceHandler = http.post(`${APPEAL_API}/appeals/:reference/evidence`, async ({ request, params }) => {
  if (params.reference !== REFERENCE || !authorised(request)) return problem(404, 'NOT_FOUND', 'Appeal not found');
  const form = await request.formData();
  const keys = [...form.keys()];
  if (keys.length === 0) return problem(400, 'INVALID_INPUT', 'No files');
  const states: Record<string, SlotState> = { applicant_id_front: 'ok', applicant_id_back: 'fail' };
  for (const key of keys) states[key] = 'ok';
  const view: AppealView = { ...awaitingView, status: 'in_review', requestedSlots: [], checklist: checklistFor('mfa_unbind', 'personal', undefined, states) };
  return HttpResponse.json(view);
});

export const messageHandler = http.post(`${APPEAL_API}/appeals/:reference/messages`, async ({ request, params }) => {
  if (params.reference !== REFERENCE || !authorised(request)) return problem(404, 'NOT_FOUND', 'Appeal not found');
  const body = (await request.json()) as { body?: unknown };
  if (typeof body.body !== 'string' || body.body.trim() === '') return problem(400, 'INVALID_INPUT', 'Some fields are invalid', { body: 'Write something' });
  return HttpResponse.json({ id: 2, kind: 'customer_message', body: body.body, createdAt: '2026-11-25T04:00:00.000Z' }, { status: 201 });
});

/** What the withdraw route was asked: one entry per request that carried the right token. */
export const withdrawals: { reference: string }[] = [];

export const withdrawHandler = (view: AppealView = awaitingView) =>
  http.post(`${APPEAL_API}/appeals/:reference/withdraw`, ({ request, params }) => {
    if (params.reference !== view.reference || !authorised(request)) return problem(404, 'NOT_FOUND', 'Appeal not found');
    withdrawals.push({ reference: String(params.reference) });
    if (!view.mayWithdraw && view.status !== 'withdrawn') return problem(409, 'APPEAL_DECIDED', 'This appeal is decided and can no longer be withdrawn');
    const withdrawn: AppealView = { ...view, status: 'withdrawn', mayWithdraw: false, requestedSlots: [] };
    return HttpResponse.json(withdrawn);
  });

/** The server's English words: the zh-CN pages must never show them. */
export const serverMessages = {
  codeInvalid: 'The code is not correct',
  codeExpired: 'The code has expired; ask for a new one',
  codeRequired: 'This appeal needs a code verified on the account',
  proofInvalid: 'The proof of control is invalid or expired',
  rateLimited: 'Too many codes requested; try again later',
  objectionNotFound: 'The link is invalid or has expired',
  objectionUsed: 'The objection was already recorded',
};

/** The code every challenge of the mock accepts. */
export const OWNER_CODE = '246810';

interface Challenge {
  accountId: string;
  attemptsLeft: number;
  expired: boolean;
}

/** What the owner-code routes were asked, and what they issued. */
export const ownerCodes = {
  requests: [] as OwnerCodeRequest[],
  checks: [] as { challengeId: string; code: string }[],
  challenges: new Map<string, Challenge>(),
  proofs: new Map<string, { accountId: string }>(),
  reset() {
    this.requests = [];
    this.checks = [];
    this.challenges.clear();
    this.proofs.clear();
  },
  /** Every open challenge runs out (as after ten minutes). */
  expireAll() {
    for (const challenge of this.challenges.values()) challenge.expired = true;
  },
  /** Every proof is refused from now on (as after thirty minutes). */
  revokeProofs() {
    this.proofs.clear();
  },
};

const isJson = (request: Request) => (request.headers.get('content-type') ?? '').startsWith('application/json');

async function jsonBody(request: Request): Promise<Record<string, unknown> | undefined> {
  if (!isJson(request)) return undefined;
  try {
    const body: unknown = await request.json();
    return typeof body === 'object' && body !== null && !Array.isArray(body) ? (body as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

const onlyKeys = (body: Record<string, unknown>, keys: string[]) => Object.keys(body).every((key) => keys.includes(key));

export const ownerCodeHandler = http.post(`${APPEAL_API}/owner-codes`, async ({ request }) => {
  const body = await jsonBody(request);
  if (!body || !onlyKeys(body, ['accountId', 'locale'])) return problem(400, 'INVALID_INPUT', 'Send JSON { accountId, locale }');
  if (typeof body.accountId !== 'string' || !/^\d{5,20}$/.test(body.accountId)) {
    return problem(400, 'INVALID_INPUT', 'Some fields are invalid', { accountId: 'account_id.format' });
  }
  if (body.locale !== undefined && body.locale !== 'zh-CN' && body.locale !== 'en') return problem(400, 'INVALID_INPUT', 'Some fields are invalid', { locale: 'locale.unknown' });
  ownerCodes.requests.push({ accountId: body.accountId, ...(body.locale !== undefined && { locale: body.locale }) });
  const challengeId = `chl_${ownerCodes.requests.length}`;
  ownerCodes.challenges.set(challengeId, { accountId: body.accountId, attemptsLeft: OWNER_CODE_MAX_ATTEMPTS, expired: false });
  const issued: OwnerCodeIssued = { challengeId, expiresInSeconds: OWNER_CODE_TTL_SECONDS };
  return HttpResponse.json(issued, { status: 202 });
});

export const ownerCodeVerifyHandler = http.post(`${APPEAL_API}/owner-codes/:challengeId/verify`, async ({ request, params }) => {
  const body = await jsonBody(request);
  if (!body || !onlyKeys(body, ['code']) || typeof body.code !== 'string' || !/^\d{6}$/.test(body.code)) {
    return problem(400, 'INVALID_INPUT', 'Send JSON { code } with 6 digits', { code: 'Six digits' });
  }
  const challengeId = String(params.challengeId);
  ownerCodes.checks.push({ challengeId, code: body.code });
  const challenge = ownerCodes.challenges.get(challengeId);
  if (!challenge || challenge.expired || challenge.attemptsLeft <= 0) return problem(410, 'CODE_EXPIRED', serverMessages.codeExpired);
  if (body.code !== OWNER_CODE) {
    challenge.attemptsLeft -= 1;
    return HttpResponse.json({ code: 'CODE_INVALID', message: serverMessages.codeInvalid, attemptsLeft: challenge.attemptsLeft }, { status: 400 });
  }
  challenge.expired = true;
  const proof = `prf_${challengeId}_${challenge.accountId}`;
  ownerCodes.proofs.set(proof, { accountId: challenge.accountId });
  const verified: OwnerCodeVerified = { verified: true, proof, expiresInSeconds: OWNER_PROOF_TTL_SECONDS };
  return HttpResponse.json(verified);
});

/** The single-use token of a "this wasn't me" link that has not been used yet, and one that has. */
export const OBJECTION_TOKEN = 'obj_Qm7rT2vX9kLp4sWd';
export const USED_OBJECTION_TOKEN = 'obj_Used8hJ3nB6cF1z';
export const RECORDED_AT = '2026-11-29T06:30:00.000Z';

export const objections = {
  requests: [] as { token: string }[],
  used: new Set<string>(),
  reset() {
    this.requests = [];
    this.used = new Set([USED_OBJECTION_TOKEN]);
  },
};
objections.reset();

export const objectionHandler = http.post(`${APPEAL_API}/objections`, async ({ request }) => {
  const body = await jsonBody(request);
  if (!body || !onlyKeys(body, ['token']) || typeof body.token !== 'string' || body.token === '') {
    return problem(400, 'INVALID_INPUT', 'Send JSON { token }', { token: 'Required' });
  }
  objections.requests.push({ token: body.token });
  if (objections.used.has(body.token)) return problem(409, 'OBJECTION_USED', serverMessages.objectionUsed);
  if (body.token !== OBJECTION_TOKEN) return problem(404, 'OBJECTION_NOT_FOUND', serverMessages.objectionNotFound);
  objections.used.add(body.token);
  const recorded: ObjectionRecorded = { reference: REFERENCE, recordedAt: RECORDED_AT };
  return HttpResponse.json(recorded);
});

// A way back in: a code to the appeal's contact (the same 202 for any reference), or a notice's single-use link.
export const ACCESS_CODE = '135790';
export const NEW_TOKEN = 'tok_New7Yh3Kd9Pq2Ws5Xc8Vb1N';
export const LINK_TOKEN = 'mzq1.n0nce-of-twelve.sIgNaTuRe_of_the_link';
export const accessRegain = { asked: [] as { reference: string; channel?: string }[], tries: 0, linkUsed: false };

export const accessCodeHandler = http.post(`${APPEAL_API}/appeals/:reference/access-codes`, async ({ request, params }) => {
  const body = (await request.json()) as { channel?: string };
  if (body.channel !== undefined && body.channel !== 'email' && body.channel !== 'sms') return problem(400, 'INVALID_INPUT', 'Some fields are invalid', { channel: 'email or sms' });
  accessRegain.asked.push({ reference: String(params.reference), channel: body.channel });
  return HttpResponse.json({ expiresInSeconds: 600 }, { status: 202 });
});

export const accessCodeVerifyHandler = http.post(`${APPEAL_API}/appeals/:reference/access-codes/verify`, async ({ request, params }) => {
  const { code } = (await request.json()) as { code?: string };
  if (!/^\d{6}$/.test(code ?? '')) return problem(400, 'INVALID_INPUT', 'Some fields are invalid', { code: '6 digits' });
  accessRegain.tries += 1;
  if (accessRegain.tries > 5) return problem(401, 'CODE_EXPIRED', 'This code has expired or was tried too often: ask for a new one');
  if (params.reference !== REFERENCE || code !== ACCESS_CODE) {
    return HttpResponse.json({ code: 'CODE_INVALID', message: 'The code is not right', errors: { code: 'The code is not right' }, attemptsLeft: 5 - accessRegain.tries }, { status: 400 });
  }
  access.token = NEW_TOKEN;
  return HttpResponse.json({ reference: REFERENCE, accessToken: NEW_TOKEN });
});

export const statusLinkHandler = http.post(`${APPEAL_API}/appeals/:reference/status-link/exchange`, async ({ request, params }) => {
  const { token } = (await request.json()) as { token?: string };
  if (params.reference !== REFERENCE || token !== LINK_TOKEN || accessRegain.linkUsed) {
    return problem(401, 'LINK_INVALID', 'This link has expired or was already used: open your appeal with its access code, or ask for a new one');
  }
  accessRegain.linkUsed = true;
  access.token = NEW_TOKEN;
  return HttpResponse.json({ reference: REFERENCE, accessToken: NEW_TOKEN });
});

export const greyscaleFinding: Finding = {
  code: 'colour.greyscale',
  severity: 'fail',
  message: { 'zh-CN': '这是黑白（灰度）图片，须为彩色扫描件或彩色照片，请重新上传', en: 'This is a black-and-white (greyscale) image; it must be a colour scan or colour photo. Please upload it again' },
};

/** POST /inspections as the server answers it for a good photo: one file and its context, checked; no findings. */
export const inspectionHandler = http.post(`${APPEAL_API}/inspections`, async ({ request }) => {
  const form = await request.formData();
  const context = JSON.parse(String(form.get('context') ?? 'null')) as { kind?: string; subjectType?: SubjectType; others?: unknown[] } | null;
  const files = [...form.entries()].filter(([, value]) => typeof value !== 'string');
  if (!context?.kind || !context.subjectType || !Array.isArray(context.others) || files.length !== 1) {
    return HttpResponse.json({ code: 'INVALID_INPUT', message: 'bad inspection request' }, { status: 400 });
  }
  return HttpResponse.json({ slot: files[0]![0], state: 'pass', findings: [], fingerprint: { sha256: 'a'.repeat(64), phash: null } });
});

export const appealHandlers = [
  inspectionHandler,
  http.get(`${APPEAL_API}/catalog`, () => HttpResponse.json(catalog)),
  submitHandler,
  viewHandler(),
  evidenceHandler,
  messageHandler,
  withdrawHandler(),
  ownerCodeHandler,
  ownerCodeVerifyHandler,
  objectionHandler,
  accessCodeHandler,
  accessCodeVerifyHandler,
  statusLinkHandler,
];
