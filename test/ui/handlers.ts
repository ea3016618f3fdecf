import { http, HttpResponse, type HttpResponseResolver } from 'msw';
import { z } from 'zod';
import type { ConfirmRequest, DecisionPreview, DecisionRequest, Ticket, TicketReview } from '../../admin-ui/console/types';
import { loginSchema, totpDisableSchema, totpEnableSchema } from '../../server/src/contract/auth';
import { confirmSchema, decisionSchema } from '../../server/src/contract/decisions';
import { verdictSchema } from '../../server/src/contract/evidence';
import { filterKeys, lists, type ListContract } from '../../server/src/contract/lists';
import { messageCreateSchema } from '../../server/src/contract/messages';
import { presenceSchema } from '../../server/src/contract/presence';
import { decisionStatuses, type TicketStatus } from '../../server/src/contract/statuses';
import {
  assignSchema,
  bulkAssignSchema,
  bulkTransitionSchema,
  requestMaterialsSchema,
  transitionSchema,
} from '../../server/src/contract/tickets';
import * as fixtures from './fixtures';

export const API = 'http://localhost/api';

type Row = { id: number } & object;
type Filter = Record<string, unknown>;

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
export const parseListQuery = (url: URL, spec: ListContract): ListQuery | string => {
  let sort: unknown, range: unknown, filter: unknown;
  try {
    [sort, range, filter] = [parseParam(url, 'sort'), parseParam(url, 'range'), parseParam(url, 'filter')];
  } catch {
    return 'sort, range and filter must be JSON';
  }
  if (
    sort !== undefined &&
    !(Array.isArray(sort) && sort.length === 2 && typeof sort[0] === 'string' && ['ASC', 'DESC'].includes(sort[1]))
  ) {
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
  const known = filterKeys(spec);
  const unknownKeys = Object.keys(filter ?? {}).filter((key) => !known.includes(key));
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
  const filtered = rows.filter((row) => Object.entries(query.filter).every(([key, value]) => matches(row, key, value)));
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
const resource = (name: keyof typeof lists, rows: readonly Row[], detailRows: readonly Row[] = []) => [
  http.get(`${API}/${name}`, ({ request }) => {
    const query = parseListQuery(new URL(request.url), lists[name]);
    if (typeof query === 'string') return problem(400, 'INVALID_QUERY', query);
    return listResponse(name, rows.map(listRow), query);
  }),
  http.get(`${API}/${name}/:id`, ({ params }) => {
    const row = [...rows, ...detailRows].find((candidate) => String(candidate.id) === params.id);
    return row ? HttpResponse.json(row) : problem(404, 'NOT_FOUND', `${name} ${String(params.id)} not found`);
  }),
];

export const TICKET_SPEC: ListContract = lists.tickets;

export const ticketListHandler = (resolver: HttpResponseResolver) => http.get(`${API}/tickets`, resolver);

/** Keys the schema does not read: the server drops them unread, the mock refuses them so the console sends only what counts. */
const unreadKeys = (schema: z.ZodType, body: unknown): string[] =>
  schema instanceof z.ZodObject && typeof body === 'object' && body !== null
    ? Object.keys(body).filter((key) => !(key in schema.shape))
    : [];

/** A JSON body checked against the API's own schema (server/src/contract), or the 400 the server would answer. */
export const readBody = async <S extends z.ZodType>(request: Request, schema: S): Promise<z.infer<S> | Response> => {
  const body: unknown = await request.json().catch(() => undefined);
  const unread = unreadKeys(schema, body);
  if (unread.length > 0) return problem(400, 'INVALID_INPUT', `${unread.join(', ')}: not read by the API`);
  const parsed = schema.safeParse(body);
  return parsed.success
    ? parsed.data
    : problem(400, 'INVALID_INPUT', parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; '));
};

/** Decision statuses are reached only through the decision route: a plain or bulk move there is refused (409). */
const refuseDecisionStatus = (to: TicketStatus) =>
  decisionStatuses.includes(to) ? problem(409, 'DECISION_REQUIRED', `${to} is reached only through a decision`) : undefined;

/** 409 STALE with the ticket as it is, when the page's version is not the ticket's (the console sends it with every action). */
export const staleAnswer = (target: Ticket, sent: number | undefined) =>
  sent === target.version
    ? undefined
    : HttpResponse.json(
        { code: 'STALE', message: `This ticket was changed by someone else (now ${target.status})`, ticket: target },
        { status: 409 },
      );

/** The API's request schemas, as the server parses them. */
export const schemas = {
  transition: transitionSchema,
  assign: assignSchema,
  bulkTransition: bulkTransitionSchema,
  bulkAssign: bulkAssignSchema,
  requestMaterials: requestMaterialsSchema,
  decision: decisionSchema,
  confirm: confirmSchema,
  verdict: verdictSchema,
  message: messageCreateSchema,
  presence: presenceSchema,
  login: loginSchema,
  totpEnable: totpEnableSchema,
  totpDisable: totpDisableSchema,
};

/** The server's refusal of a rejection without a reason from the list (rejectionReasons/requireReason.ts). */
const unknownReason = () => problem(400, 'UNKNOWN_REASON', 'Choose a rejection reason from the list');

const allTickets = (): Ticket[] => [...fixtures.tickets, fixtures.reviewTicket, fixtures.pendingTicket];
const findTicket = (id: unknown) => allTickets().find((candidate) => String(candidate.id) === String(id));

/** The ticket actions answer the ticket; the happy path changes nothing, tests override what they look at. */
const ticketAction = <S extends z.ZodType<{ version?: number | undefined }>>(
  action: string,
  schema: S,
  refuse?: (body: z.infer<S>) => Response | undefined,
) =>
  http.post(`${API}/tickets/:id/${action}`, async ({ request, params }) => {
    const target = findTicket(params.id);
    if (!target) return problem(404, 'NOT_FOUND', 'Ticket not found');
    const body = await readBody(request, schema);
    if (body instanceof Response) return body;
    return staleAnswer(target, body.version) ?? refuse?.(body) ?? HttpResponse.json(target);
  });

const bulkAction = <S extends z.ZodType<{ ids: number[] }>>(
  action: string,
  schema: S,
  refuse?: (body: z.infer<S>) => Response | undefined,
) =>
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
export const decisionHandler = (decision: Partial<DecisionPreview> = {}, received: DecisionRequest[] = []) =>
  http.post(`${API}/tickets/:id/decision`, async ({ request, params }) => {
    const target = findTicket(params.id);
    if (!target) return problem(404, 'NOT_FOUND', 'Ticket not found');
    const body = await readBody(request, schemas.decision);
    if (body instanceof Response) return body;
    received.push(body);
    const stale = staleAnswer(target, body.version);
    if (stale) return stale;
    if (body.decision === 'reject' && !body.reasonCode) return unknownReason();
    const preview = { ...reviewOf(target).decision, ...decision };
    if (!preview.mayDecide) return problem(403, 'NOT_ASSIGNEE', 'The ticket is assigned to someone else');
    if (body.decision === 'reject') {
      return HttpResponse.json({ ...target, status: 'rejected', outcome: { decision: 'reject' } });
    }
    if (body.override && !preview.mayOverride) return problem(403, 'FORBIDDEN', 'Only a supervisor may override');
    const standing = body.override ? preview.blockers.filter((blocker) => !blocker.overridable) : preview.blockers;
    if (standing.length > 0) {
      return HttpResponse.json(
        {
          code: 'APPROVAL_BLOCKED',
          message: `Cannot approve: ${standing.map((blocker) => blocker.label.en).join('; ')}`,
          blockers: standing,
        },
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

export const totpEnrolment = {
  secret: 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP',
  otpauthUrl:
    'otpauth://totp/Helpdesk:agent%40example.com?issuer=Helpdesk&secret=JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP&algorithm=SHA1&digits=6&period=30',
  qrCode: 'data:image/svg+xml;base64,PHN2ZyB4bWxucz0iaHR0cDovL3d3dy53My5vcmcvMjAwMC9zdmciLz4=',
};

export const recoveryCodes = Array.from({ length: 10 }, (_, i) => `k7m${i}-q2w9-x4pe-h8${i}d`);

/** GET /auth/me for an agent in the given two-factor state (read on every call, so a test may change it). */
export const meWithTwoFactor = (
  state: () => { enabled: boolean; required: boolean; recoveryCodesLeft?: number },
  role: 'agent' | 'supervisor' | 'admin' = 'agent',
) =>
  http.get(`${API}/auth/me`, () =>
    HttpResponse.json({ agent: { ...fixtures.signedInAgent(role), twoFactor: { enabledAt: null, recoveryCodesLeft: 0, ...state() } } }),
  );

/**
 * POST /auth/login for an agent with two-factor sign-in on: the right password alone answers TOTP_REQUIRED,
 * `code` (or a recovery code from the list) signs in; anything else is refused as the server refuses it.
 */
export const loginWithTotpHandler = (code = '123456', received: unknown[] = []) =>
  http.post(`${API}/auth/login`, async ({ request }) => {
    const body = await readBody(request, schemas.login);
    if (body instanceof Response) return body;
    received.push(body);
    if (body.password !== 'correct horse battery staple') return problem(401, 'INVALID_CREDENTIALS', 'Wrong email or password');
    if (body.totp === undefined && body.recoveryCode === undefined) return problem(401, 'TOTP_REQUIRED', 'Enter the 6-digit code');
    if (body.totp !== undefined && body.totp !== code) return problem(401, 'TOTP_INVALID', 'The code is wrong or was used already');
    if (body.recoveryCode !== undefined && !recoveryCodes.includes(body.recoveryCode))
      return problem(401, 'RECOVERY_CODE_INVALID', 'The recovery code is wrong');
    return HttpResponse.json({
      agent: {
        ...fixtures.signedInAgent('agent'),
        twoFactor: { enabled: true, enabledAt: '2026-11-20T08:00:00.000Z', required: false, recoveryCodesLeft: 10 },
      },
    });
  });

/** POST /auth/totp/enable: `code` turns it on and answers the recovery codes; calls `onEnabled` first. */
export const totpEnableHandler = (code = '123456', onEnabled: () => void = () => {}) =>
  http.post(`${API}/auth/totp/enable`, async ({ request }) => {
    const body = await readBody(request, schemas.totpEnable);
    if (body instanceof Response) return body;
    if (body.code !== code) return problem(400, 'TOTP_INVALID', 'The code is wrong or was used already');
    onEnabled();
    return HttpResponse.json({
      recoveryCodes,
      agent: {
        ...fixtures.signedInAgent('agent'),
        twoFactor: { enabled: true, enabledAt: '2026-11-22T08:00:00.000Z', required: false, recoveryCodesLeft: 10 },
      },
    });
  });

/** POST /agents/:id/unlock and /agents/:id/totp/reset (admin only on the server); each call is kept in `received`. */
export const agentSignInHandlers = (received: string[] = []) => [
  http.post(`${API}/agents/:id/unlock`, ({ params }) => {
    received.push(`unlock ${String(params.id)}`);
    const agent = fixtures.agents.find((candidate) => String(candidate.id) === params.id);
    return agent ? HttpResponse.json({ ...agent, totpEnabled: false, lockedUntil: null }) : problem(404, 'NOT_FOUND', 'Agent not found');
  }),
  http.post(`${API}/agents/:id/totp/reset`, ({ params }) => {
    received.push(`reset ${String(params.id)}`);
    const agent = fixtures.agents.find((candidate) => String(candidate.id) === params.id);
    return agent ? HttpResponse.json({ ...agent, totpEnabled: false, lockedUntil: null }) : problem(404, 'NOT_FOUND', 'Agent not found');
  }),
];

export const handlers = [
  http.get(`${API}/public/catalog`, () => HttpResponse.json(fixtures.catalog)),
  http.get(`${API}/stats/overview`, () => HttpResponse.json(fixtures.overview)),
  meHandler('agent'),
  http.post(`${API}/auth/login`, async ({ request }) => {
    const body = await readBody(request, schemas.login);
    return body instanceof Response ? body : HttpResponse.json({ agent: fixtures.signedInAgent('agent') });
  }),
  http.post(`${API}/auth/logout`, () => new HttpResponse(null, { status: 204 })),
  http.post(`${API}/auth/totp/setup`, () => HttpResponse.json(totpEnrolment)),
  totpEnableHandler(),
  http.post(`${API}/auth/totp/disable`, async ({ request }) => {
    const body = await readBody(request, schemas.totpDisable);
    return body instanceof Response
      ? body
      : HttpResponse.json({
          agent: {
            ...fixtures.signedInAgent('agent'),
            twoFactor: { enabled: false, enabledAt: null, required: false, recoveryCodesLeft: 0 },
          },
        });
  }),
  ...agentSignInHandlers(),
  bulkAction('transition', schemas.bulkTransition, (body) => refuseDecisionStatus(body.to)),
  bulkAction('assign', schemas.bulkAssign),
  ticketAction('transition', schemas.transition, (body) => refuseDecisionStatus(body.to)),
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
    const body = await readBody(request, schemas.presence);
    return body instanceof Response ? body : HttpResponse.json({ ticketId: Number(params.id), agents: [] });
  }),
  http.delete(`${API}/tickets/:id/presence`, ({ params }) => HttpResponse.json({ ticketId: Number(params.id), agents: [] })),
  http.put(`${API}/tickets/:id/read`, ({ params }) =>
    HttpResponse.json({ ticketId: Number(params.id), seenAt: '2026-11-22T10:00:00.000Z' }),
  ),
  ...resource('tickets', fixtures.tickets, [fixtures.reviewTicket, fixtures.pendingTicket]),
  ...resource('events', [...fixtures.events, ...fixtures.reviewEvents, ...fixtures.pendingEvents]),
  http.put(`${API}/evidence/:id`, async ({ request, params }) => {
    const row = fixtures.evidence.find((candidate) => String(candidate.id) === params.id);
    if (!row) return problem(404, 'NOT_FOUND', 'Evidence not found');
    const body = await readBody(request, schemas.verdict);
    if (body instanceof Response) return body;
    if (body.verdict === 'rejected' && !body.reasonCode) return unknownReason();
    return HttpResponse.json({ ...row, verdict: body.verdict, reasonCode: body.reasonCode ?? null });
  }),
  ...resource('evidence', fixtures.evidence),
  ...resource('rejection-reasons', fixtures.rejectionReasons),
  http.get(`${API}/macros/:id/render`, ({ request, params }) => {
    const macro = fixtures.macros.find((candidate) => String(candidate.id) === params.id);
    const target = findTicket(new URL(request.url).searchParams.get('ticketId'));
    return macro && target
      ? HttpResponse.json(fixtures.renderMacro(macro, target))
      : problem(404, 'NOT_FOUND', 'Macro or ticket not found');
  }),
  ...resource('macros', fixtures.macros),
  ...resource('notifications', fixtures.notifications),
  ...resource('holidays', []),
  http.post(`${API}/messages`, async ({ request }) => {
    const body = await readBody(request, schemas.message);
    if (body instanceof Response) return body;
    const target = findTicket(body.ticketId);
    if (!target) return problem(404, 'NOT_FOUND', 'Ticket not found');
    const { version: sent, ...message } = body;
    return (
      staleAnswer(target, sent) ??
      HttpResponse.json({ id: 900, agentId: 1, createdAt: '2026-11-22T10:00:00.000Z', ...message }, { status: 201 })
    );
  }),
  ...resource('messages', fixtures.messages),
  ...resource('accounts', fixtures.accounts),
  ...resource('agents', fixtures.agents),
];
