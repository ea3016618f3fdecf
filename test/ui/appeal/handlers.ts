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
import { slotsFor, type Catalog, type CatalogKind, type SubjectType } from '../../../admin-ui/form/catalog';
import { publicCatalog } from '../../../server/src/catalog/publicCatalog';
import { isComplete } from '../../../server/src/intake/checklist';
import type { z } from 'zod';
import {
  accessCheckSchema,
  accessCodeSchema,
  appealMessageSchema,
  linkSchema,
  objectionSchema,
  ownerCodeCheckSchema,
  ownerCodeIssueSchema,
} from '../../../server/src/contract/public';
import { appealPayloadSchema } from '../../../server/src/contract/public';
import { zodFieldErrors } from '../../../server/src/http/errors';
import { OWNER_CODE_MAX_ATTEMPTS, OWNER_CODE_TTL_SECONDS, OWNER_PROOF_TTL_SECONDS } from '../../../server/src/contract/ownerCodes';

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

const passFinding: Finding = {
  code: 'file.type',
  severity: 'pass',
  message: { 'zh-CN': '文件格式：JPEG 图片', en: 'The file is a JPEG image.' },
};

/** The checklist of an appeal: `states` overrides a slot's state; findings follow from the state. */
export function checklistFor(
  kindKey: string,
  subjectType: SubjectType,
  variant: string | undefined,
  states: Record<string, SlotState>,
  requested: string[] = [],
): Checklist {
  const slots = slotsFor(kindOf(kindKey), subjectType, variant).map((slot, i): ChecklistSlot => {
    const state = states[slot.key] ?? 'missing';
    const findings = state === 'fail' ? [frontCameraFinding] : state === 'missing' ? [] : [passFinding];
    return {
      key: slot.key,
      label: slot.label,
      hint: slot.hint,
      required: slot.required,
      alternative: slot.alternative ?? null,
      state,
      findings,
      evidenceId: state === 'missing' ? null : i + 1,
      requested: requested.includes(slot.key),
    };
  });
  return { complete: isComplete(slots), slots };
}

const problem = (status: number, code: string, message: string, errors?: Record<string, string>) =>
  HttpResponse.json({ code, message, ...(errors && { errors }) }, { status });

/** What the last submission carried, for the tests that look at it. */
export const received: { payload?: Record<string, unknown>; files: Record<string, File> } = { files: {} };

export const submitHandler = http.post(`${APPEAL_API}/appeals`, async ({ request }) => {
  const form = await request.formData();
  const raw = form.get('payload');
  if (typeof raw !== 'string') return problem(400, 'PAYLOAD_REQUIRED', 'The form lacks its payload part', { payload: 'Required' });
  const sent = JSON.parse(raw) as Record<string, unknown>;
  const parsed = appealPayloadSchema.safeParse(sent);
  if (!parsed.success) return problem(400, 'INVALID_INPUT', 'Some fields are invalid', zodFieldErrors(parsed.error));
  const payload = parsed.data;
  const kind = kindOf(payload.kind);
  // The proof of control: for the account named in the appeal, issued by verify, not refused since; required where the catalog says so.
  if (payload.ownerProof !== undefined) {
    const proof = ownerCodes.proofs.get(payload.ownerProof);
    if (!proof || proof.accountId !== payload.fields.accountId) {
      return problem(400, 'OWNER_PROOF_INVALID', serverMessages.proofInvalid, { ownerProof: serverMessages.proofInvalid });
    }
  } else if (kind.ownerCode[payload.subjectType] === 'required') {
    return problem(400, 'OWNER_CODE_REQUIRED', serverMessages.codeRequired, { ownerProof: serverMessages.codeRequired });
  }
  // The parts are the runtime's own File objects (not jsdom's), so they are told apart from text by type.
  const files: Record<string, File> = {};
  const slotKeys = new Set(slotsFor(kind, payload.subjectType, payload.variant).map((s) => s.key));
  for (const [name, value] of form.entries()) {
    if (name === 'payload') continue;
    if (typeof value === 'string' || !slotKeys.has(name))
      return problem(400, 'UNKNOWN_SLOT', `Not a material of this appeal: ${name}`, { [name]: 'Not a material slot of this appeal' });
    files[name] = value;
  }
  received.payload = sent;
  received.files = files;
  await delay(50);
  // The back of the card came from the front camera: the receipt must show that at once.
  const states = Object.fromEntries(Object.keys(files).map((key) => [key, key.endsWith('_back') ? 'fail' : 'ok'])) as Record<
    string,
    SlotState
  >;
  const body: SubmittedAppeal = {
    reference: REFERENCE,
    accessToken: TOKEN,
    status: 'new',
    checklist: checklistFor(kind.key, payload.subjectType, payload.variant, states),
  };
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
  checklist: checklistFor('mfa_unbind', 'personal', undefined, { applicant_id_front: 'ok', applicant_id_back: 'fail' }, [
    'applicant_id_back',
  ]),
  requestedSlots: ['applicant_id_back'],
  messages: [
    {
      id: 1,
      kind: 'public_reply',
      body: '您上传的身份证反面照片是前置摄像头拍摄的，请用后置摄像头重新拍摄后上传。',
      createdAt: '2026-11-25T03:30:00.000Z',
    },
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
  const view: AppealView = {
    ...awaitingView,
    status: 'in_review',
    requestedSlots: [],
    checklist: checklistFor('mfa_unbind', 'personal', undefined, states),
  };
  return HttpResponse.json(view);
});

export const messageHandler = http.post(`${APPEAL_API}/appeals/:reference/messages`, async ({ request, params }) => {
  if (params.reference !== REFERENCE || !authorised(request)) return problem(404, 'NOT_FOUND', 'Appeal not found');
  const body = await readJson(request, appealMessageSchema);
  if (body instanceof Response) return body;
  return HttpResponse.json({ id: 2, kind: 'customer_message', body: body.body, createdAt: '2026-11-25T04:00:00.000Z' }, { status: 201 });
});

/** What the withdraw route was asked: one entry per request that carried the right token. */
export const withdrawals: { reference: string }[] = [];

export const withdrawHandler = (view: AppealView = awaitingView) =>
  http.post(`${APPEAL_API}/appeals/:reference/withdraw`, ({ request, params }) => {
    if (params.reference !== view.reference || !authorised(request)) return problem(404, 'NOT_FOUND', 'Appeal not found');
    withdrawals.push({ reference: String(params.reference) });
    if (!view.mayWithdraw && view.status !== 'withdrawn')
      return problem(409, 'APPEAL_DECIDED', 'This appeal is decided and can no longer be withdrawn');
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

/**
 * A JSON body parsed by the route's own schema (server/src/contract/public.ts), or the 400 the server would answer;
 * keys the route does not read are refused too, so the form sends only what counts.
 */
async function readJson<S extends z.ZodObject>(request: Request, schema: S): Promise<z.infer<S> | Response> {
  const body: unknown = isJson(request) ? await request.json().catch(() => undefined) : undefined;
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return problem(400, 'INVALID_INPUT', 'Send a JSON object');
  const unread = Object.keys(body).filter((key) => !(key in schema.shape));
  if (unread.length > 0)
    return problem(400, 'INVALID_INPUT', 'Some fields are invalid', Object.fromEntries(unread.map((key) => [key, 'Unrecognized key'])));
  const parsed = schema.safeParse(body);
  return parsed.success ? parsed.data : problem(400, 'INVALID_INPUT', 'Some fields are invalid', zodFieldErrors(parsed.error));
}

export const ownerCodeHandler = http.post(`${APPEAL_API}/owner-codes`, async ({ request }) => {
  const body = await readJson(request, ownerCodeIssueSchema);
  if (body instanceof Response) return body;
  ownerCodes.requests.push({ accountId: body.accountId, ...(body.locale !== undefined && { locale: body.locale }) });
  const challengeId = `chl_${ownerCodes.requests.length}`;
  ownerCodes.challenges.set(challengeId, { accountId: body.accountId, attemptsLeft: OWNER_CODE_MAX_ATTEMPTS, expired: false });
  const issued: OwnerCodeIssued = { challengeId, expiresInSeconds: OWNER_CODE_TTL_SECONDS };
  return HttpResponse.json(issued, { status: 202 });
});

export const ownerCodeVerifyHandler = http.post(`${APPEAL_API}/owner-codes/:challengeId/verify`, async ({ request, params }) => {
  const body = await readJson(request, ownerCodeCheckSchema);
  if (body instanceof Response) return body;
  const challengeId = String(params.challengeId);
  ownerCodes.checks.push({ challengeId, code: body.code });
  const challenge = ownerCodes.challenges.get(challengeId);
  if (!challenge || challenge.expired || challenge.attemptsLeft <= 0) return problem(410, 'CODE_EXPIRED', serverMessages.codeExpired);
  if (body.code !== OWNER_CODE) {
    challenge.attemptsLeft -= 1;
    return HttpResponse.json(
      { code: 'CODE_INVALID', message: serverMessages.codeInvalid, attemptsLeft: challenge.attemptsLeft },
      { status: 400 },
    );
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
  const body = await readJson(request, objectionSchema);
  if (body instanceof Response) return body;
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
  const body = await readJson(request, accessCodeSchema);
  if (body instanceof Response) return body;
  accessRegain.asked.push({ reference: String(params.reference), channel: body.channel });
  return HttpResponse.json({ expiresInSeconds: 600 }, { status: 202 });
});

export const accessCodeVerifyHandler = http.post(`${APPEAL_API}/appeals/:reference/access-codes/verify`, async ({ request, params }) => {
  const body = await readJson(request, accessCheckSchema);
  if (body instanceof Response) return body;
  const { code } = body;
  accessRegain.tries += 1;
  if (accessRegain.tries > 5) return problem(401, 'CODE_EXPIRED', 'This code has expired or was tried too often: ask for a new one');
  if (params.reference !== REFERENCE || code !== ACCESS_CODE) {
    return HttpResponse.json(
      {
        code: 'CODE_INVALID',
        message: 'The code is not right',
        errors: { code: 'The code is not right' },
        attemptsLeft: 5 - accessRegain.tries,
      },
      { status: 400 },
    );
  }
  access.token = NEW_TOKEN;
  return HttpResponse.json({ reference: REFERENCE, accessToken: NEW_TOKEN });
});

export const statusLinkHandler = http.post(`${APPEAL_API}/appeals/:reference/status-link/exchange`, async ({ request, params }) => {
  const body = await readJson(request, linkSchema);
  if (body instanceof Response) return body;
  const { token } = body;
  if (params.reference !== REFERENCE || token !== LINK_TOKEN || accessRegain.linkUsed) {
    return problem(
      401,
      'LINK_INVALID',
      'This link has expired or was already used: open your appeal with its access code, or ask for a new one',
    );
  }
  accessRegain.linkUsed = true;
  access.token = NEW_TOKEN;
  return HttpResponse.json({ reference: REFERENCE, accessToken: NEW_TOKEN });
});

export const greyscaleFinding: Finding = {
  code: 'colour.greyscale',
  severity: 'fail',
  message: {
    'zh-CN': '这是黑白（灰度）图片，须为彩色扫描件或彩色照片，请重新上传',
    en: 'This is a black-and-white (greyscale) image; it must be a colour scan or colour photo. Please upload it again',
  },
};

/** POST /inspections as the server answers it for a good photo: one file and its context, checked; no findings. */
export const inspectionHandler = http.post(`${APPEAL_API}/inspections`, async ({ request }) => {
  const form = await request.formData();
  const context = JSON.parse(String(form.get('context') ?? 'null')) as {
    kind?: string;
    subjectType?: SubjectType;
    others?: unknown[];
  } | null;
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
