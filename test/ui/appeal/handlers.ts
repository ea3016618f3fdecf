// The public appeal API for the appeal pages' tests: the real catalog, and a server that checks what it is sent.
import { http, HttpResponse, delay } from 'msw';
import type { AppealView, Checklist, ChecklistSlot, Finding, SlotState, SubmittedAppeal } from '../../../admin-ui/appeal/api';
import { fieldsFor, slotsFor, type Catalog, type CatalogKind, type SubjectType } from '../../../admin-ui/appeal/catalog';
import { publicCatalog } from '../../../server/src/catalog/publicCatalog';

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
    return { key: slot.key, label: slot.label, hint: slot.hint, required: slot.required, state, findings, evidenceId: state === 'missing' ? null : i + 1, requested: requested.includes(slot.key) };
  });
  return { complete: slots.every((s) => !s.required || s.state === 'ok' || s.state === 'warn'), slots };
}

const problem = (status: number, code: string, message: string, errors?: Record<string, string>) =>
  HttpResponse.json({ code, message, ...(errors && { errors }) }, { status });

/** What the last submission carried, for the tests that look at it. */
export const received: { payload?: Record<string, unknown>; files: Record<string, File> } = { files: {} };

export const submitHandler = http.post(`${APPEAL_API}/appeals`, async ({ request }) => {
  const form = await request.formData();
  const raw = form.get('payload');
  if (typeof raw !== 'string') return problem(400, 'PAYLOAD_REQUIRED', 'The form lacks its payload part', { payload: 'Required' });
  const payload = JSON.parse(raw) as { kind: string; subjectType: SubjectType; variant?: string; fields: Record<string, string>; contact: Record<string, string> };
  const kind = catalog.kinds.find((k) => k.key === payload.kind);
  if (!kind || !kind.subjectTypes.includes(payload.subjectType)) return problem(400, 'INVALID_INPUT', 'Some fields are invalid', { kind: 'unknown_kind' });
  const allowed = new Set(fieldsFor(kind, payload.subjectType, payload.variant).map((f) => f.key));
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
  submittedAt: '2026-11-24T02:00:00.000Z',
  updatedAt: '2026-11-25T03:30:00.000Z',
  decidedAt: null,
  checklist: checklistFor('mfa_unbind', 'personal', undefined, { applicant_id_front: 'ok', applicant_id_back: 'fail' }, ['applicant_id_back']),
  requestedSlots: ['applicant_id_back'],
  messages: [
    { id: 1, kind: 'public_reply', body: '您上传的身份证反面照片是前置摄像头拍摄的，请用后置摄像头重新拍摄后上传。', createdAt: '2026-11-25T03:30:00.000Z' },
  ],
};

const authorised = (request: Request) => request.headers.get('authorization') === `Bearer ${TOKEN}`;

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

export const appealHandlers = [
  http.get(`${APPEAL_API}/catalog`, () => HttpResponse.json(catalog)),
  submitHandler,
  viewHandler(),
  evidenceHandler,
  messageHandler,
];
