import { http, HttpResponse, type HttpResponseResolver } from 'msw';
import { z } from 'zod';
import type { ConfirmRequest, DecisionPreview, DecisionRequest, Ticket, TicketReview } from '../../admin-ui/console/types';
import { decisionStatuses, ticketStatuses, type TicketStatus } from '../../server/src/tickets/statuses';
import * as fixtures from './fixtures';

export const API = 'http://localhost/api';

type Row = { id: number } & object;
type Filter = Record<string, unknown>;
/** What a resource lets a list query filter and sort on (mirrors the server's list specs). */
export interface ListSpec {
  filters: readonly string[];
  sortable: readonly string[];
}

export interface ListQuery {
  sort?: [string, 'ASC' | 'DESC'];
  range?: [number, number];
  filter: Filter;
}

export const problem = (status: number, code: string, message: string) => HttpResponse.json({ code, message }, { status });

const parseParam = (url: URL, name: string): unknown => {
  const raw = url.searchParams.get(name);
  return raw === null ? undefined : JSON.parse(raw);
};

/** The ra-data-simple-rest query, checked as strictly as the server should: anything malformed is an error. */
export const parseListQuery = (url: URL, spec: ListSpec): ListQuery | string => {
  let sort: unknown, range: unknown, filter: unknown;
  try {
    [sort, range, filter] = [parseParam(url, 'sort'), parseParam(url, 'range'), parseParam(url, 'filter')];
  } catch {
    return 'sort, range and filter must be JSON';
  }
  if (sort !== undefined && !(Array.isArray(sort) && sort.length === 2 && typeof sort[0] === 'string' && ['ASC', 'DESC'].includes(sort[1]))) {
    return `bad sort ${JSON.stringify(sort)}`;
  }
  if (sort !== undefined && !spec.sortable.includes((sort as [string])[0])) return `cannot sort by ${JSON.stringify(sort)}`;
  if (
    range !== undefined &&
    !(Array.isArray(range) && range.length === 2 && range.every(Number.isInteger) && range[0] >= 0 && range[1] >= range[0])
  ) {
    return `bad range ${JSON.stringify(range)}`;
  }
  if (filter !== undefined && (typeof filter !== 'object' || filter === null || Array.isArray(filter))) {
    return `bad filter ${JSON.stringify(filter)}`;
  }
  const unknownKeys = Object.keys(filter ?? {}).filter(key => key !== 'id' && !spec.filters.includes(key));
  if (unknownKeys.length > 0) return `unknown filter ${unknownKeys.join(', ')}`;
  return { sort: sort as ListQuery['sort'], range: range as ListQuery['range'], filter: (filter ?? {}) as Filter };
};

const matches = (row: Row, key: string, expected: unknown): boolean => {
  const record = row as Record<string, unknown>;
  if (key === 'q') {
    return JSON.stringify(row).toLowerCase().includes(String(expected).toLowerCase());
  }
  const range = /^(.*)_(gte|lte)$/.exec(key);
  if (range) {
    const value = String(record[range[1]!]);
    return range[2] === 'gte' ? value >= String(expected) : value <= String(expected);
  }
  if (Array.isArray(expected)) return expected.includes(record[key]);
  return record[key] === expected;
};

/** Answers a list the way ra-data-simple-rest expects: filtered, sorted, sliced, with Content-Range. */
export const listResponse = (resource: string, rows: readonly Row[], query: ListQuery) => {
  const filtered = rows.filter(row => Object.entries(query.filter).every(([key, value]) => matches(row, key, value)));
  if (query.sort) {
    const [field, order] = query.sort;
    const value = (row: Row) => String((row as Record<string, unknown>)[field] ?? '');
    filtered.sort((a, b) => value(a).localeCompare(value(b)) * (order === 'ASC' ? 1 : -1));
  }
  const [start, end] = query.range ?? [0, filtered.length - 1];
  const page = filtered.slice(start, end + 1);
  return HttpResponse.json(page, {
    headers: { 'Content-Range': `${resource} ${start}-${start + Math.max(page.length - 1, 0)}/${filtered.length}` },
  });
};

// Lists never carry a ticket's slots; only getOne does.
const listRow = (row: Row): Row => {
  const { slots: _slots, ...rest } = row as Row & { slots?: unknown };
  return rest;
};

/** `detailRows` answer getOne beside the listed rows (records a test opens but lists do not count). */
const resource = (name: string, rows: readonly Row[], spec: ListSpec, detailRows: readonly Row[] = []) => [
  http.get(`${API}/${name}`, ({ request }) => {
    const query = parseListQuery(new URL(request.url), spec);
    if (typeof query === 'string') return problem(400, 'INVALID_QUERY', query);
    return listResponse(name, rows.map(listRow), query);
  }),
  http.get(`${API}/${name}/:id`, ({ params }) => {
    const row = [...rows, ...detailRows].find(candidate => String(candidate.id) === params.id);
    return row ? HttpResponse.json(row) : problem(404, 'NOT_FOUND', `${name} ${String(params.id)} not found`);
  }),
];

export const TICKET_SPEC: ListSpec = {
  filters: ['status', 'kind', 'subjectType', 'priority', 'assigneeId', 'overdue', 'q', 'slaDueAt_gte', 'slaDueAt_lte'],
  sortable: ['id', 'reference', 'slaDueAt', 'updatedAt', 'submittedAt', 'createdAt', 'status', 'kind'],
};

export const ticketListHandler = (resolver: HttpResponseResolver) => http.get(`${API}/tickets`, resolver);

/** A JSON body checked against the API's schema (extra keys refused), or the 400 the server would answer. */
export const readBody = async <S extends z.ZodType>(request: Request, schema: S): Promise<z.infer<S> | Response> => {
  const parsed = schema.safeParse(await request.json().catch(() => undefined));
  return parsed.success ? parsed.data : problem(400, 'INVALID_INPUT', parsed.error.issues.map(issue => `${issue.path.join('.')}: ${issue.message}`).join('; '));
};

const ticketIds = z.array(z.number().int().positive()).min(1);
/** Each selected ticket's version as the list showed it. */
const ticketVersions = z.record(z.string().regex(/^\d+$/), z.number().int().positive());
const statusSchema = z.enum(ticketStatuses);

/** The server's minimum for a supervisor's reason to override blockers. */
const MIN_OVERRIDE_REASON = 10;

/** Decision statuses are reached only through the decision route: a plain or bulk move there is refused (409). */
const refuseDecisionStatus = (to: TicketStatus) =>
  decisionStatuses.includes(to) ? problem(409, 'DECISION_REQUIRED', `${to} is reached only through a decision`) : undefined;

/** The console sends the version of the ticket its page shows with every action on it. */
const version = z.number().int().positive();

/** 409 STALE with the ticket as it is, when the page's version is not the ticket's. */
export const staleAnswer = (target: Ticket, sent: number) =>
  sent === target.version
    ? undefined
    : HttpResponse.json({ code: 'STALE', message: `This ticket was changed by someone else (now ${target.status})`, ticket: target }, { status: 409 });

export const schemas = {
  transition: z.object({ to: statusSchema, reason: z.string().optional(), version }).strict(),
  assign: z.object({ agentId: z.number().int().positive().nullable(), reason: z.string().optional(), version }).strict(),
  bulkTransition: z.object({ ids: ticketIds, versions: ticketVersions, to: statusSchema, reason: z.string().optional() }).strict(),
  bulkAssign: z.object({ ids: ticketIds, versions: ticketVersions, agentId: z.number().int().positive().nullable() }).strict(),
  requestMaterials: z.object({ slots: z.array(z.string().min(1)).min(1), message: z.string().trim().min(1), version }).strict(),
  decision: z
    .object({
      decision: z.enum(['approve', 'reject']),
      reasonCode: z.string().optional(),
      message: z.string().trim().min(1),
      override: z.boolean().optional(),
      overrideReason: z.string().optional(),
      version,
    })
    .strict()
    .refine(body => body.decision === 'approve' || Boolean(body.reasonCode), 'a rejection needs a reasonCode')
    .refine(body => !body.override || body.decision === 'approve', 'only an approval is overridden')
    .refine(body => !body.override || (body.overrideReason ?? '').trim().length >= MIN_OVERRIDE_REASON, {
      message: `an override needs an overrideReason of at least ${MIN_OVERRIDE_REASON} characters`,
      path: ['overrideReason'],
    })
    .refine(body => body.override || body.overrideReason === undefined, 'overrideReason comes only with override') satisfies z.ZodType<DecisionRequest>,
  confirm: z.object({ approve: z.boolean(), note: z.string().trim().min(1).optional(), version }).strict() satisfies z.ZodType<ConfirmRequest>,
  verdict: z
    .object({ verdict: z.enum(['accepted', 'rejected']), reasonCode: z.string().nullish(), version })
    .strict()
    .refine(body => body.verdict === 'accepted' || Boolean(body.reasonCode), 'a rejected file needs a reasonCode'),
  message: z.object({ ticketId: z.number().int().positive(), kind: z.enum(['public_reply', 'internal_note']), body: z.string().trim().min(1), version }).strict(),
};

const allTickets = (): Ticket[] => [...fixtures.tickets, fixtures.reviewTicket, fixtures.pendingTicket];
const findTicket = (id: unknown) => allTickets().find(candidate => String(candidate.id) === String(id));

/** The ticket actions answer the ticket; the happy path changes nothing, tests override what they look at. */
const ticketAction = <S extends z.ZodType<{ version: number }>>(action: string, schema: S, refuse?: (body: z.infer<S>) => Response | undefined) =>
  http.post(`${API}/tickets/:id/${action}`, async ({ request, params }) => {
    const target = findTicket(params.id);
    if (!target) return problem(404, 'NOT_FOUND', 'Ticket not found');
    const body = await readBody(request, schema);
    if (body instanceof Response) return body;
    return staleAnswer(target, body.version) ?? refuse?.(body) ?? HttpResponse.json(target);
  });

const bulkAction = <S extends z.ZodType<{ ids: number[] }>>(action: string, schema: S, refuse?: (body: z.infer<S>) => Response | undefined) =>
  http.post(`${API}/tickets/bulk/${action}`, async ({ request }) => {
    const body = await readBody(request, schema);
    if (body instanceof Response) return body;
    return refuse?.(body) ?? HttpResponse.json({ done: body.ids, failed: [] });
  });

/** The review of a ticket: a proposed approval's for one awaiting its second person, the review ticket's otherwise. */
const reviewOf = (target: Ticket): TicketReview => (target.status === 'approval_pending' ? fixtures.pendingReview : fixtures.review);

/** GET /tickets/:id/review with the decision preview changed as a test needs (who may decide, blockers, a proposal). */
export const reviewHandler = (decision: Partial<DecisionPreview> = {}) =>
  http.get(`${API}/tickets/:id/review`, ({ params }) => {
    const target = findTicket(params.id);
    if (!target) return problem(404, 'NOT_FOUND', 'Ticket not found');
    const review = reviewOf(target);
    return HttpResponse.json({ ticketId: target.id, ...review, decision: { ...review.decision, ...decision } });
  });

/**
 * POST /tickets/:id/decision: a rejection, or an approval the preview lets through, answers the ticket and its
 * outcome; an approval needing a second person is a proposal (202); one the blockers stop is 409 APPROVAL_BLOCKED.
 */
export const decisionHandler = (
  decision: Partial<DecisionPreview> = {},
  received: DecisionRequest[] = [],
) =>
  http.post(`${API}/tickets/:id/decision`, async ({ request, params }) => {
    const target = findTicket(params.id);
    if (!target) return problem(404, 'NOT_FOUND', 'Ticket not found');
    const body = await readBody(request, schemas.decision);
    if (body instanceof Response) return body;
    received.push(body);
    const stale = staleAnswer(target, body.version);
    if (stale) return stale;
    const preview = { ...reviewOf(target).decision, ...decision };
    if (!preview.mayDecide) return problem(403, 'NOT_ASSIGNEE', 'The ticket is assigned to someone else');
    if (body.decision === 'reject') {
      return HttpResponse.json({ ...target, status: 'rejected', outcome: { decision: 'reject' } });
    }
    if (body.override && !preview.mayOverride) return problem(403, 'FORBIDDEN', 'Only a supervisor may override');
    const standing = body.override ? preview.blockers.filter(blocker => !blocker.overridable) : preview.blockers;
    if (standing.length > 0) {
      return HttpResponse.json(
        { code: 'APPROVAL_BLOCKED', message: `Cannot approve: ${standing.map(blocker => blocker.label.en).join('; ')}`, blockers: standing },
        { status: 409 },
      );
    }
    return preview.fourEyes
      ? HttpResponse.json({ ...target, status: 'approval_pending', outcome: { decision: 'approve', pending: true } }, { status: 202 })
      : HttpResponse.json({ ...target, status: 'approved', outcome: { decision: 'approve' } });
  });

/** POST /tickets/:id/decision/confirm by the second person: applied (approved), or sent back to review. */
export const confirmHandler = (received: ConfirmRequest[] = [], answer?: () => Response) =>
  http.post(`${API}/tickets/:id/decision/confirm`, async ({ request, params }) => {
    const target = findTicket(params.id);
    if (!target) return problem(404, 'NOT_FOUND', 'Ticket not found');
    const body = await readBody(request, schemas.confirm);
    if (body instanceof Response) return body;
    received.push(body);
    if (answer) return answer();
    const stale = staleAnswer(target, body.version);
    if (stale) return stale;
    if (target.status !== 'approval_pending') return problem(409, 'ILLEGAL_TRANSITION', 'No approval is waiting for confirmation');
    if (!reviewOf(target).decision.proposal?.mayConfirm) return problem(403, 'FORBIDDEN', 'Only a second supervisor may confirm');
    return HttpResponse.json({ ...target, status: body.approve ? 'approved' : 'in_review' });
  });

export const meHandler = (role: 'agent' | 'supervisor' | 'admin') =>
  http.get(`${API}/auth/me`, () => HttpResponse.json({ agent: fixtures.signedInAgent(role) }));

/** The two-factor requests as the server takes them (extra keys refused, codes of 6 digits). */
export const twoFactorSchemas = {
  login: z
    .object({ email: z.string().email(), password: z.string().min(1), totp: z.string().regex(/^\d{6}$/).optional(), recoveryCode: z.string().min(1).optional() })
    .strict()
    .refine(body => body.totp === undefined || body.recoveryCode === undefined, 'a code or a recovery code, not both'),
  enable: z.object({ code: z.string().regex(/^\d{6}$/) }).strict(),
  disable: z.union([z.object({ code: z.string().regex(/^\d{6}$/) }).strict(), z.object({ recoveryCode: z.string().min(1) }).strict()]),
};

export const totpEnrolment = {
  secret: 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP',
  otpauthUrl: 'otpauth://totp/Helpdesk:agent%40example.com?issuer=Helpdesk&secret=JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP&algorithm=SHA1&digits=6&period=30',
  qrCode: 'data:image/svg+xml;base64,PHN2ZyB4bWxucz0iaHR0cDovL3d3dy53My5vcmcvMjAwMC9zdmciLz4=',
};

export const recoveryCodes = Array.from({ length: 10 }, (_, i) => `k7m${i}-q2w9-x4pe-h8${i}d`);

/** GET /auth/me for an agent in the given two-factor state (read on every call, so a test may change it). */
export const meWithTwoFactor = (state: () => { enabled: boolean; required: boolean; recoveryCodesLeft?: number }, role: 'agent' | 'supervisor' | 'admin' = 'agent') =>
  http.get(`${API}/auth/me`, () =>
    HttpResponse.json({ agent: { ...fixtures.signedInAgent(role), twoFactor: { enabledAt: null, recoveryCodesLeft: 0, ...state() } } }),
  );

/**
 * POST /auth/login for an agent with two-factor sign-in on: the right password alone answers TOTP_REQUIRED,
 * `code` (or a recovery code from the list) signs in; anything else is refused as the server refuses it.
 */
export const loginWithTotpHandler = (code = '123456', received: unknown[] = []) =>
  http.post(`${API}/auth/login`, async ({ request }) => {
    const body = await readBody(request, twoFactorSchemas.login);
    if (body instanceof Response) return body;
    received.push(body);
    if (body.password !== 'correct horse battery staple') return problem(401, 'INVALID_CREDENTIALS', 'Wrong email or password');
    if (body.totp === undefined && body.recoveryCode === undefined) return problem(401, 'TOTP_REQUIRED', 'Enter the 6-digit code');
    if (body.totp !== undefined && body.totp !== code) return problem(401, 'TOTP_INVALID', 'The code is wrong or was used already');
    if (body.recoveryCode !== undefined && !recoveryCodes.includes(body.recoveryCode)) return problem(401, 'RECOVERY_CODE_INVALID', 'The recovery code is wrong');
    return HttpResponse.json({ agent: { ...fixtures.signedInAgent('agent'), twoFactor: { enabled: true, enabledAt: '2026-11-20T08:00:00.000Z', required: false, recoveryCodesLeft: 10 } } });
  });

/** POST /auth/totp/enable: `code` turns it on and answers the recovery codes; calls `onEnabled` first. */
export const totpEnableHandler = (code = '123456', onEnabled: () => void = () => {}) =>
  http.post(`${API}/auth/totp/enable`, async ({ request }) => {
    const body = await readBody(request, twoFactorSchemas.enable);
    if (body instanceof Response) return body;
    if (body.code !== code) return problem(400, 'TOTP_INVALID', 'The code is wrong or was used already');
    onEnabled();
    return HttpResponse.json({
      recoveryCodes,
      agent: { ...fixtures.signedInAgent('agent'), twoFactor: { enabled: true, enabledAt: '2026-11-22T08:00:00.000Z', required: false, recoveryCodesLeft: 10 } },
    });
  });

/** POST /agents/:id/unlock and /agents/:id/totp/reset (admin only on the server); each call is kept in `received`. */
export const agentSignInHandlers = (received: string[] = []) => [
  http.post(`${API}/agents/:id/unlock`, ({ params }) => {
    received.push(`unlock ${String(params.id)}`);
    const agent = fixtures.agents.find(candidate => String(candidate.id) === params.id);
    return agent ? HttpResponse.json({ ...agent, totpEnabled: false, lockedUntil: null }) : problem(404, 'NOT_FOUND', 'Agent not found');
  }),
  http.post(`${API}/agents/:id/totp/reset`, ({ params }) => {
    received.push(`reset ${String(params.id)}`);
    const agent = fixtures.agents.find(candidate => String(candidate.id) === params.id);
    return agent ? HttpResponse.json({ ...agent, totpEnabled: false, lockedUntil: null }) : problem(404, 'NOT_FOUND', 'Agent not found');
  }),
];

export const handlers = [
  http.get(`${API}/public/catalog`, () => HttpResponse.json(fixtures.catalog)),
  http.get(`${API}/stats/overview`, () => HttpResponse.json(fixtures.overview)),
  meHandler('agent'),
  http.post(`${API}/auth/login`, async ({ request }) => {
    const body = (await request.json()) as { email?: unknown; password?: unknown } | null;
    if (typeof body?.email !== 'string' || typeof body.password !== 'string') {
      return problem(400, 'INVALID_INPUT', 'email and password are required');
    }
    return HttpResponse.json({ agent: fixtures.signedInAgent('agent') });
  }),
  http.post(`${API}/auth/logout`, () => new HttpResponse(null, { status: 204 })),
  http.post(`${API}/auth/totp/setup`, () => HttpResponse.json(totpEnrolment)),
  totpEnableHandler(),
  http.post(`${API}/auth/totp/disable`, async ({ request }) => {
    const body = await readBody(request, twoFactorSchemas.disable);
    return body instanceof Response ? body : HttpResponse.json({ agent: { ...fixtures.signedInAgent('agent'), twoFactor: { enabled: false, enabledAt: null, required: false, recoveryCodesLeft: 0 } } });
  }),
  ...agentSignInHandlers(),
  bulkAction('transition', schemas.bulkTransition, body => refuseDecisionStatus(body.to)),
  bulkAction('assign', schemas.bulkAssign),
  ticketAction('transition', schemas.transition, body => refuseDecisionStatus(body.to)),
  ticketAction('assign', schemas.assign),
  ticketAction('request-materials', schemas.requestMaterials),
  decisionHandler(),
  confirmHandler(),
  reviewHandler(),
  http.get(`${API}/tickets/:id/history`, ({ params }) =>
    findTicket(params.id as string) ? HttpResponse.json(fixtures.customerHistory) : problem(404, 'NOT_FOUND', 'Ticket not found'),
  ),
  // The live layer (admin-ui/console/live): nothing unread, and presence beats and read marks acknowledged.
  http.get(`${API}/live/unread`, () => HttpResponse.json({ count: 0, capped: false, items: [] })),
  http.put(`${API}/tickets/:id/presence`, async ({ request, params }) => {
    const body = await readBody(request, z.object({ mode: z.enum(['viewing', 'replying']) }).strict());
    return body instanceof Response ? body : HttpResponse.json({ ticketId: Number(params.id), agents: [] });
  }),
  http.delete(`${API}/tickets/:id/presence`, ({ params }) => HttpResponse.json({ ticketId: Number(params.id), agents: [] })),
  http.put(`${API}/tickets/:id/read`, ({ params }) => HttpResponse.json({ ticketId: Number(params.id), seenAt: '2026-11-22T10:00:00.000Z' })),
  ...resource('tickets', fixtures.tickets, TICKET_SPEC, [fixtures.reviewTicket, fixtures.pendingTicket]),
  ...resource('events', [...fixtures.events, ...fixtures.reviewEvents, ...fixtures.pendingEvents], { filters: ['ticketId'], sortable: ['id', 'createdAt', 'type'] }),
  http.put(`${API}/evidence/:id`, async ({ request, params }) => {
    const row = fixtures.evidence.find(candidate => String(candidate.id) === params.id);
    if (!row) return problem(404, 'NOT_FOUND', 'Evidence not found');
    const body = await readBody(request, schemas.verdict);
    return body instanceof Response ? body : HttpResponse.json({ ...row, verdict: body.verdict, reasonCode: body.reasonCode ?? null });
  }),
  ...resource('evidence', fixtures.evidence, { filters: ['ticketId', 'slotId', 'current'], sortable: ['id', 'createdAt'] }),
  ...resource('rejection-reasons', fixtures.rejectionReasons, { filters: ['scope', 'active', 'code'], sortable: ['id', 'code'] }),
  http.get(`${API}/macros/:id/render`, ({ request, params }) => {
    const macro = fixtures.macros.find(candidate => String(candidate.id) === params.id);
    const target = findTicket(new URL(request.url).searchParams.get('ticketId'));
    return macro && target ? HttpResponse.json(fixtures.renderMacro(macro, target)) : problem(404, 'NOT_FOUND', 'Macro or ticket not found');
  }),
  ...resource('macros', fixtures.macros, { filters: ['q', 'active', 'name'], sortable: ['id', 'name', 'updatedAt'] }),
  ...resource('notifications', fixtures.notifications, {
    filters: ['ticketId', 'status', 'channel'],
    sortable: ['id', 'createdAt', 'status', 'sentAt'],
  }),
  ...resource('holidays', [], { filters: ['q', 'day'], sortable: ['id', 'day'] }),
  http.post(`${API}/messages`, async ({ request }) => {
    const body = await readBody(request, schemas.message);
    if (body instanceof Response) return body;
    const target = findTicket(body.ticketId);
    if (!target) return problem(404, 'NOT_FOUND', 'Ticket not found');
    const { version: sent, ...message } = body;
    return staleAnswer(target, sent) ?? HttpResponse.json({ id: 900, agentId: 1, createdAt: '2026-11-22T10:00:00.000Z', ...message }, { status: 201 });
  }),
  ...resource('messages', fixtures.messages, { filters: ['ticketId'], sortable: ['id', 'createdAt'] }),
  ...resource('accounts', fixtures.accounts, {
    filters: ['subjectType', 'status', 'q'],
    sortable: ['id', 'uin', 'createdAt', 'updatedAt', 'subjectType', 'status'],
  }),
  ...resource('agents', fixtures.agents, {
    filters: ['q', 'role', 'active'],
    sortable: ['id', 'name', 'email', 'role', 'createdAt', 'lastLoginAt'],
  }),
];
