// The public appeal API. Uploads go through XMLHttpRequest, since fetch reports no upload progress.
import type { Catalog, Locale, Localized, SubjectType } from './catalog';
import { problemKey, type MessageKey, type Params } from './i18n';

// Types only, from the server's own definitions.
import type { Checklist, ChecklistSlot } from '../../server/src/intake/checklist';
import type { SlotState } from '../../server/src/contract/records';
import type { Finding, Severity } from '../../server/src/evidence/inspection';
import type { ObjectionRecorded, OwnerCodeIssued, OwnerCodeRequest, OwnerCodeVerified } from '../../server/src/contract/ownerCodes';
import type {
  AccessCheckRequest,
  AccessCodeRequest,
  AppealMessageRequest,
  LinkRequest,
  ObjectionRequest,
  OwnerCodeCheckRequest,
} from '../../server/src/contract/public';
import type { AccessCodeIssued, AccessRegained } from '../../server/src/appeals/accessRegain';
import type { ChosenFile, CustomerInspection } from '../../server/src/intake/fileInspection';
export type { AccessCodeIssued, AccessRegained, ChosenFile, CustomerInspection };
/** Which appeal a chosen file is for, so its slot's checks apply (the server validates the names). */
export type InspectionFor = { kind: string; subjectType: SubjectType; variant?: string };
export type {
  Checklist,
  ChecklistSlot,
  Finding,
  ObjectionRecorded,
  OwnerCodeIssued,
  OwnerCodeRequest,
  OwnerCodeVerified,
  Severity,
  SlotState,
};
export type AppealStatus = 'new' | 'triage' | 'in_review' | 'awaiting_customer' | 'approved' | 'rejected' | 'closed' | 'withdrawn';

export interface AppealPayload {
  kind: string;
  subjectType: SubjectType;
  variant?: string;
  fields: Record<string, string>;
  contact: { name: string; email?: string; phone?: string; locale: Locale };
  /** The proof of a code verified on the account's own security phone or email (POST /owner-codes/:id/verify). */
  ownerProof?: string;
}

export interface SubmittedAppeal {
  reference: string;
  accessToken: string;
  status: AppealStatus;
  checklist: Checklist;
}

export interface AppealMessage {
  id: number;
  kind: 'public_reply' | 'customer_message';
  body: string;
  createdAt: string;
}

export interface AppealView {
  reference: string;
  kind: string;
  variant: string | null;
  subjectType: SubjectType;
  status: AppealStatus;
  /** The appeal is not decided yet: the customer may withdraw it. */
  mayWithdraw: boolean;
  /** What approval does, as the customer is told it: the variant's own words, else the effect's. */
  outcome: Localized;
  submittedAt: string;
  updatedAt: string;
  decidedAt: string | null;
  checklist: Checklist;
  requestedSlots: string[];
  messages: AppealMessage[];
}

/** The server's error shape; status 0 means the request never got an answer. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly errors: Record<string, string> = {},
    readonly retryAfterSeconds?: number,
    /** A wrong one-time code: how many tries the challenge has left. */
    readonly attemptsLeft?: number,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/**
 * Our sentence for a failed request, in the page's language: by the server's code (every code a public route
 * answers has one, test/ui/appeal/errorCodes.test.ts), else by status. The server's English is never shown.
 */
export function problemOf(error: unknown): { key: MessageKey; params: Params } {
  const apiError = error instanceof ApiError ? error : undefined;
  const params = { minutes: Math.max(1, Math.ceil((apiError?.retryAfterSeconds ?? 60) / 60)) };
  if (!apiError) return { key: 'problem.other', params };
  const byStatus: MessageKey =
    apiError.status === 429
      ? 'problem.RATE_LIMITED'
      : apiError.status === 400
        ? 'problem.INVALID_INPUT'
        : apiError.status >= 500
          ? 'problem.INTERNAL'
          : 'problem.other';
  return { key: problemKey(apiError.code) ?? byStatus, params };
}

export type Progress = (fraction: number) => void;
export type Files = Record<string, File>;

export interface AppealApi {
  catalog(): Promise<Catalog>;
  /**
   * Files the appeal under an Idempotency-Key, so a retry after a lost answer gets the first answer instead of a
   * second appeal. Without `idempotencyKey`, the key of this tab's unfinished submission (filingKeys) is used.
   */
  submit(payload: AppealPayload, files: Files, onProgress?: Progress, idempotencyKey?: string): Promise<SubmittedAppeal>;
  /** The submission's checks on one chosen file, judged against the files chosen for the other slots; nothing is kept. */
  inspectFile(context: InspectionFor, slotKey: string, file: File, others: readonly ChosenFile[]): Promise<CustomerInspection>;
  view(reference: string, token: string): Promise<AppealView>;
  addEvidence(reference: string, token: string, files: Files, onProgress?: Progress): Promise<AppealView>;
  sendMessage(reference: string, token: string, body: string): Promise<AppealMessage>;
  /** Withdraws an undecided appeal; again, the same answer. */
  withdraw(reference: string, token: string): Promise<AppealView>;
  /** 202 whether or not the account exists; the code goes to the account's on-file channel, never to the caller. */
  sendOwnerCode(request: OwnerCodeRequest): Promise<OwnerCodeIssued>;
  verifyOwnerCode(challengeId: string, code: string): Promise<OwnerCodeVerified>;
  /** The owner's "this wasn't me", with the single-use token of the notice's link. */
  recordObjection(token: string): Promise<ObjectionRecorded>;
  /** A one-time code to the appeal's contact; 202 whether or not the reference exists. */
  requestAccessCode(reference: string, channel?: 'email' | 'sms'): Promise<AccessCodeIssued>;
  /** A new access token for the appeal; the old one stops working. */
  verifyAccessCode(reference: string, code: string): Promise<AccessRegained>;
  /** The single-use token of a notice's status link, exchanged for a new access token. */
  exchangeStatusLink(reference: string, token: string): Promise<AccessRegained>;
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Seconds from a Retry-After header; its HTTP-date form and anything else unreadable are ignored. */
function secondsOf(header: string | null | undefined): number | undefined {
  if (!header || !/^\d+$/.test(header.trim())) return undefined;
  return Number(header.trim());
}

/** The body's retryAfterSeconds, else the Retry-After header's. */
function errorFrom(status: number, body: unknown, retryAfter?: string | null): ApiError {
  const headerSeconds = secondsOf(retryAfter);
  if (!isRecord(body)) return new ApiError(status, `HTTP_${status}`, `HTTP ${status}`, {}, headerSeconds);
  const errors: Record<string, string> = {};
  if (isRecord(body.errors)) for (const [key, value] of Object.entries(body.errors)) if (typeof value === 'string') errors[key] = value;
  return new ApiError(
    status,
    typeof body.code === 'string' ? body.code : `HTTP_${status}`,
    typeof body.message === 'string' ? body.message : `HTTP ${status}`,
    errors,
    typeof body.retryAfterSeconds === 'number' ? body.retryAfterSeconds : headerSeconds,
    typeof body.attemptsLeft === 'number' ? body.attemptsLeft : undefined,
  );
}

function parse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

const bearer = (token: string) => ({ Authorization: `Bearer ${token.trim()}` });
const path = (reference: string) => encodeURIComponent(reference.trim());
const json = (body: unknown): RequestInit => ({
  method: 'POST',
  headers: { 'Content-Type': 'application/json' },
  body: JSON.stringify(body),
});

/** `base` is where the public routes live: '/api/public' in the page, an absolute URL in tests. */
export function createAppealApi(base = '/api/public'): AppealApi {
  async function request<T>(url: string, init: RequestInit = {}): Promise<T> {
    let response: Response;
    try {
      response = await fetch(`${base}${url}`, { ...init, headers: { Accept: 'application/json', ...init.headers } });
    } catch (e) {
      throw new ApiError(0, 'NETWORK', e instanceof Error ? e.message : 'Network error');
    }
    const body = parse(await response.text());
    if (!response.ok) throw errorFrom(response.status, body, response.headers.get('Retry-After'));
    return body as T;
  }

  function upload<T>(url: string, form: FormData, headers: Record<string, string>, onProgress?: Progress): Promise<T> {
    return new Promise((resolve, reject) => {
      const xhr = new XMLHttpRequest();
      xhr.open('POST', `${base}${url}`);
      xhr.setRequestHeader('Accept', 'application/json');
      for (const [name, value] of Object.entries(headers)) xhr.setRequestHeader(name, value);
      xhr.upload.onprogress = (event) => {
        if (event.lengthComputable && event.total > 0) onProgress?.(event.loaded / event.total);
      };
      xhr.onload = () => {
        const body = parse(xhr.responseText);
        if (xhr.status >= 200 && xhr.status < 300) {
          onProgress?.(1);
          resolve(body as T);
        } else reject(errorFrom(xhr.status, body, xhr.getResponseHeader('Retry-After')));
      };
      xhr.onerror = () => reject(new ApiError(0, 'NETWORK', 'Network error'));
      xhr.ontimeout = () => reject(new ApiError(0, 'NETWORK', 'The request timed out'));
      xhr.send(form);
    });
  }

  const filesForm = (files: Files, form = new FormData()) => {
    for (const [slotKey, file] of Object.entries(files)) form.append(slotKey, file, file.name);
    return form;
  };

  return {
    catalog: () => request<Catalog>('/catalog'),
    submit: async (payload, files, onProgress, idempotencyKey) => {
      const form = new FormData();
      const payloadText = JSON.stringify(payload);
      form.append('payload', payloadText);
      const series = idempotencyKey ?? filingKeys.keyFor(signatureOf(payloadText, files));
      try {
        const answer = await upload<SubmittedAppeal>('/appeals', filesForm(files, form), { 'Idempotency-Key': series }, onProgress);
        filingKeys.clear();
        return answer;
      } catch (e) {
        // Another filing under this key: the next attempt starts a series of its own.
        if (e instanceof ApiError && e.code === 'IDEMPOTENCY_KEY_REUSED') filingKeys.clear();
        throw e;
      }
    },
    inspectFile: (context, slotKey, file, others) => {
      const form = new FormData();
      form.append('context', JSON.stringify({ ...context, others }));
      form.append(slotKey, file, file.name);
      return request<CustomerInspection>('/inspections', { method: 'POST', body: form });
    },
    view: (reference, token) => request<AppealView>(`/appeals/${path(reference)}`, { headers: bearer(token), cache: 'no-store' }),
    addEvidence: (reference, token, files, onProgress) =>
      upload<AppealView>(`/appeals/${path(reference)}/evidence`, filesForm(files), bearer(token), onProgress),
    sendMessage: (reference, token, body) =>
      request<AppealMessage>(`/appeals/${path(reference)}/messages`, {
        method: 'POST',
        headers: { ...bearer(token), 'Content-Type': 'application/json' },
        body: JSON.stringify({ body } satisfies AppealMessageRequest),
      }),
    withdraw: (reference, token) =>
      request<AppealView>(`/appeals/${path(reference)}/withdraw`, { method: 'POST', headers: bearer(token), cache: 'no-store' }),
    sendOwnerCode: (payload) => request<OwnerCodeIssued>('/owner-codes', json(payload)),
    verifyOwnerCode: (challengeId, code) =>
      request<OwnerCodeVerified>(`/owner-codes/${encodeURIComponent(challengeId)}/verify`, json({ code } satisfies OwnerCodeCheckRequest)),
    recordObjection: (token) => request<ObjectionRecorded>('/objections', json({ token: token.trim() } satisfies ObjectionRequest)),
    requestAccessCode: (reference, channel) =>
      request<AccessCodeIssued>(`/appeals/${path(reference)}/access-codes`, json((channel ? { channel } : {}) satisfies AccessCodeRequest)),
    verifyAccessCode: (reference, code) =>
      request<AccessRegained>(`/appeals/${path(reference)}/access-codes/verify`, {
        ...json({ code: code.trim() } satisfies AccessCheckRequest),
        cache: 'no-store',
      }),
    exchangeStatusLink: (reference, token) =>
      request<AccessRegained>(`/appeals/${path(reference)}/status-link/exchange`, {
        ...json({ token } satisfies LinkRequest),
        cache: 'no-store',
      }),
  };
}

/** The token of an appeal filed in this tab, so the status page can open it without the token in the URL. */
export const tokenStore = {
  key: (reference: string) => `appeal.token.${reference}`,
  get(reference: string): string {
    try {
      return sessionStorage.getItem(this.key(reference)) ?? '';
    } catch {
      return '';
    }
  },
  set(reference: string, token: string): void {
    try {
      sessionStorage.setItem(this.key(reference), token);
    } catch {
      // Storage may be disabled (private mode); the customer then types the token.
    }
  },
};

/** What makes a submission the same one again: the payload as sent and each file's slot, name, size and date. */
function signatureOf(payloadText: string, files: Files): string {
  const parts = Object.entries(files)
    .map(([slot, f]) => `${slot}:${f.name}:${f.size}:${f.lastModified}`)
    .sort();
  let hash = 0x811c9dc5;
  for (const ch of `${payloadText}|${parts.join('|')}`) hash = Math.imul(hash ^ ch.charCodeAt(0), 0x01000193) >>> 0;
  return hash.toString(36);
}

const newFilingKey = () =>
  typeof crypto !== 'undefined' && 'randomUUID' in crypto
    ? crypto.randomUUID()
    : `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}-${Math.random().toString(36).slice(2)}`;

/**
 * The Idempotency-Key of this tab's unfinished submission (POST /appeals): made once, kept in sessionStorage so a
 * retry after a lost answer (or a reload) sends it again, and dropped once an answer arrives. A changed form is a
 * new submission, with a key of its own.
 */
export const filingKeys = {
  storageKey: 'appeal.filingKey',
  keyFor(signature: string): string {
    try {
      const held = JSON.parse(sessionStorage.getItem(this.storageKey) ?? 'null') as { key?: unknown; signature?: unknown } | null;
      if (held && typeof held.key === 'string' && held.signature === signature) return held.key;
      const key = newFilingKey();
      sessionStorage.setItem(this.storageKey, JSON.stringify({ key, signature }));
      return key;
    } catch {
      // Storage disabled: a retry within this page still sends the same key.
      if (memoryKey?.signature !== signature) memoryKey = { key: newFilingKey(), signature };
      return memoryKey.key;
    }
  },
  clear(): void {
    memoryKey = null;
    try {
      sessionStorage.removeItem(this.storageKey);
    } catch {
      // Nothing kept.
    }
  },
  newKey: newFilingKey,
};
let memoryKey: { key: string; signature: string } | null = null;
