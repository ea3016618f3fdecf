import { useContext } from 'react';
import { DataProviderContext, HttpError, fetchUtils, type DataProvider, type GetListParams, type Identifier } from 'react-admin';
import simpleRestProvider from 'ra-data-simple-rest';
import { errorKey } from './i18n/errorMessages';
import type { Bell, PresenceMode, TicketPresence } from './live/liveModel';
import type { PresenceReq } from '../../server/src/contract/presence';
import type {
  AssignRequest,
  BulkAssignRequest,
  BulkOutcome,
  BulkTransitionRequest,
  ConfirmRequest,
  DecidedTicket,
  DecisionRequest,
  HistoryEntry,
  Overview,
  PublicCatalog,
  RenderedMacro,
  RequestMaterialsRequest,
  RevealedContact,
  Ticket,
  TicketReview,
  TicketStatus,
  TransitionRequest,
} from './types';

/** Filter forms drop null values, so "unassigned" travels as this marker until the request is built. */
export const NULL_FILTER_VALUE = '@null';

/** The tickets of a bulk action, each with the version the list showed (a ticket changed since fails as STALE). */
export type BulkTargets = { ids: number[]; versions: Record<string, number> };

/**
 * The ticket actions beyond CRUD (README "The API in brief"); each answers the ticket as it now stands. `version` is
 * the version of the ticket the page shows: the server refuses the action (409 STALE) if the ticket changed since.
 */
export interface TicketActions {
  transition: (id: Identifier, to: TicketStatus, reason?: string, version?: number) => Promise<Ticket>;
  assign: (id: Identifier, agentId: number | null, reason?: string, version?: number) => Promise<Ticket>;
  bulkTransition: (targets: BulkTargets, to: TicketStatus, reason?: string) => Promise<BulkOutcome>;
  bulkAssign: (targets: BulkTargets, agentId: number | null) => Promise<BulkOutcome>;
  requestMaterials: (id: Identifier, slots: string[], message: string, version?: number) => Promise<Ticket>;
  /** Approve or reject; an approval that needs a second person comes back as a proposal (`outcome.pending`). */
  decide: (id: Identifier, input: DecisionRequest) => Promise<DecidedTicket>;
  /** A second supervisor applies a proposed approval, or sends it back to review. */
  confirmDecision: (id: Identifier, body: ConfirmRequest) => Promise<Ticket>;
  getReview: (id: Identifier) => Promise<TicketReview>;
  /** The ticket's full contact, for its assignee or a supervisor; the server records each call. */
  revealContact: (id: Identifier) => Promise<RevealedContact>;
}

export interface HelpdeskDataProvider extends DataProvider, TicketActions {
  getCatalog: () => Promise<PublicCatalog>;
  getOverview: () => Promise<Overview>;
  renderMacro: (macroId: Identifier, ticketId: Identifier) => Promise<RenderedMacro>;
  /** The same customer's other appeals (GET /tickets/:id/history), masked. */
  getHistory: (id: Identifier) => Promise<HistoryEntry[]>;
  /**
   * Addresses for <img> and download links: the browser fetches these itself, with the session cookie.
   * Synchronous, so read it with useFileUrls: useDataProvider's proxy turns every method into a request.
   */
  fileUrls: (evidenceId: Identifier) => { preview: string; original: string };
  /** Unread tickets of mine (the bell), my read mark, and my presence on a ticket (server/src/live/routes.ts). */
  getBell: () => Promise<Bell>;
  markRead: (id: Identifier) => Promise<unknown>;
  beatPresence: (id: Identifier, mode: PresenceMode) => Promise<TicketPresence>;
  leavePresence: (id: Identifier) => Promise<unknown>;
  /** The live stream's address, for an EventSource; synchronous like fileUrls. */
  liveUrl: () => string;
}

/** A server error whose code the console knows carries its i18n key as message, which every notice translates. */
const inAgentsLanguage = (error: unknown) => {
  if (!(error instanceof HttpError)) return error;
  const key = errorKey((error.body as { code?: unknown } | null)?.code);
  return key ? new HttpError(key, error.status, error.body) : error;
};

export const createHttpClient =
  () =>
  (url: string, options: fetchUtils.Options = {}) =>
    fetchUtils.fetchJson(url, { ...options, credentials: 'same-origin' }).catch((error: unknown) => {
      throw inAgentsLanguage(error);
    });

/** The answer's meta when the server counted only the matches a capped search returned (X-Total-Is-Lower-Bound). */
export const isCappedList = (meta: unknown): boolean =>
  typeof meta === 'object' && meta !== null && (meta as { totalIsLowerBound?: unknown }).totalIsLowerBound === true;

const restoreNulls = (filter: GetListParams['filter']): GetListParams['filter'] =>
  Object.fromEntries(Object.entries(filter ?? {}).map(([key, value]) => [key, value === NULL_FILTER_VALUE ? null : value]));

export const createDataProvider = (apiUrl = '/api'): HelpdeskDataProvider => {
  const httpClient = createHttpClient();
  const rest = simpleRestProvider(apiUrl, httpClient);
  const getJson = async <T>(path: string): Promise<T> => (await httpClient(`${apiUrl}${path}`)).json as T;
  const postJson = async <T>(path: string, body: unknown): Promise<T> =>
    (await httpClient(`${apiUrl}${path}`, { method: 'POST', body: JSON.stringify(body) })).json as T;
  const ticket = (id: Identifier, action: string) => `/tickets/${encodeURIComponent(id)}/${action}`;

  return {
    ...rest,
    getList: async (resource, params) => {
      // ra-data-simple-rest reads only Content-Range; this provider, built per call, also sees the cap header.
      let capped = false;
      const listing = simpleRestProvider(apiUrl, async (url: string, options?: fetchUtils.Options) => {
        const response = await httpClient(url, options);
        capped = response.headers.get('X-Total-Is-Lower-Bound') === 'true';
        return response;
      });
      const result = await listing.getList(resource, { ...params, filter: restoreNulls(params.filter) });
      return capped ? { ...result, meta: { ...result.meta, totalIsLowerBound: true } } : result;
    },
    getManyReference: (resource, params) => rest.getManyReference(resource, { ...params, filter: restoreNulls(params.filter) }),
    getCatalog: () => getJson<PublicCatalog>('/public/catalog'),
    getOverview: () => getJson<Overview>('/stats/overview'),
    transition: (id, to, reason, version) => postJson(ticket(id, 'transition'), { to, reason, version } satisfies TransitionRequest),
    assign: (id, agentId, reason, version) => postJson(ticket(id, 'assign'), { agentId, reason, version } satisfies AssignRequest),
    bulkTransition: ({ ids, versions }, to, reason) =>
      postJson('/tickets/bulk/transition', { ids, versions, to, reason } satisfies BulkTransitionRequest),
    bulkAssign: ({ ids, versions }, agentId) => postJson('/tickets/bulk/assign', { ids, versions, agentId } satisfies BulkAssignRequest),
    requestMaterials: (id, slots, message, version) =>
      postJson(ticket(id, 'request-materials'), { slots, message, version } satisfies RequestMaterialsRequest),
    decide: (id, input) => postJson(ticket(id, 'decision'), input),
    confirmDecision: (id, body) => postJson(ticket(id, 'decision/confirm'), body),
    getReview: (id) => getJson<TicketReview>(ticket(id, 'review')),
    getHistory: (id) => getJson<HistoryEntry[]>(ticket(id, 'history')),
    revealContact: (id) => postJson<RevealedContact>('/privacy/reveal', { ticketId: id }),
    renderMacro: (macroId, ticketId) =>
      getJson<RenderedMacro>(`/macros/${encodeURIComponent(macroId)}/render?ticketId=${encodeURIComponent(ticketId)}`),
    fileUrls: (evidenceId) => ({
      preview: `${apiUrl}/files/${encodeURIComponent(evidenceId)}/preview`,
      original: `${apiUrl}/files/${encodeURIComponent(evidenceId)}`,
    }),
    getBell: () => getJson<Bell>('/live/unread'),
    markRead: async (id) => (await httpClient(`${apiUrl}${ticket(id, 'read')}`, { method: 'PUT', body: '{}' })).json,
    beatPresence: async (id, mode) =>
      (await httpClient(`${apiUrl}${ticket(id, 'presence')}`, { method: 'PUT', body: JSON.stringify({ mode } satisfies PresenceReq) }))
        .json as TicketPresence,
    leavePresence: async (id) => (await httpClient(`${apiUrl}${ticket(id, 'presence')}`, { method: 'DELETE', keepalive: true })).json,
    liveUrl: () => `${apiUrl}/live`,
  };
};

/** The evidence file addresses of the console's data provider (the one given to <Admin>, not the proxy). */
export const useFileUrls = () => (useContext(DataProviderContext) as HelpdeskDataProvider).fileUrls;
