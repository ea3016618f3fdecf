import { z } from 'zod';
import { spec as accountSpec } from '../accounts/resource';
import { createSchema as agentCreateSchema, spec as agentSpec, updateSchema as agentUpdateSchema } from '../agents/resource';
import { keyPattern } from '../appeals/filingKey';
import { loginSchema, totpDisableSchema, totpEnableSchema } from '../contract/auth';
import { appealPayloadSchema, catalog } from '../catalog';
import { confirmSchema, decisionSchema } from '../contract/decisions';
import { verdictSchema } from '../contract/evidence';
import { messageCreateSchema } from '../contract/messages';
import { presenceSchema } from '../contract/presence';
import {
  accessCheckSchema,
  accessCodeSchema,
  appealMessageSchema as messageSchema,
  linkSchema,
  objectionSchema,
  ownerCodeCheckSchema as checkSchema,
  ownerCodeIssueSchema as issueSchema,
} from '../contract/public';
import { assignSchema, bulkAssignSchema, bulkTransitionSchema, requestMaterialsSchema, ticketCreateSchema, ticketUpdateSchema, transitionSchema } from '../contract/tickets';
import { spec as eventSpec } from '../events/resource';
import { spec as evidenceSpec } from '../evidence/resource';
import { schema as holidaySchema, spec as holidaySpec } from '../holidays/resource';
import { idParam } from '../http/validate';
import { inspectionContextSchema } from '../intake/fileInspection';
import { readSchema } from '../live/routes';
import { macroSchema, spec as macroSpec } from '../macros/resource';
import { spec as messageSpec } from '../messages/resource';
import { spec as notificationSpec } from '../notifications/resource';
import { eraseSchema, who } from '../privacy/customerData';
import { revealSchema } from '../contract/reveal';
import { schema as rejectionReasonSchema, spec as rejectionReasonSpec } from '../rejectionReasons/resource';
import { ticketListSpec } from '../tickets/listSpec';
import { restOperations } from './listResource';
import type { Operation } from './operation';

/** Every material slot of the catalog: a file part of an appeal's upload is named by the slot it fills. */
const slotKeys = [...new Set(Object.values(catalog.kinds).flatMap((kind) => Object.values(kind.materials).flatMap((slots) => (slots ?? []).map((s) => s.key))))].sort();

const byId = { id: { schema: idParam } };
const reference = { reference: { schema: z.string().max(40).describe('The appeal reference, e.g. AP-20250101-0001') } };
const agent = 'agent' as const;

const publicOperations: Operation[] = [
  { method: 'get', path: '/api/health', operationId: 'health', tag: 'meta', summary: 'Whether the server reaches its database', access: 'public', success: [{ status: 200, description: '`{"status":"ok"}`', answer: 'object' }, { status: 503, description: '`{"status":"unavailable"}`', answer: 'object' }] },
  { method: 'get', path: '/api/openapi.json', operationId: 'openApiDocument', tag: 'meta', summary: 'This document', access: 'public', success: [{ status: 200, description: 'The OpenAPI 3.1 description of the API', answer: 'object' }] },
  { method: 'get', path: '/api/public/catalog', operationId: 'publicCatalog', tag: 'public', summary: 'The appeal kinds, their fields and material slots, as the form shows them', access: 'public', success: [{ status: 200, description: 'The public catalog', answer: 'object' }] },
  {
    method: 'post',
    path: '/api/public/appeals',
    operationId: 'fileAppeal',
    tag: 'public',
    summary: 'File an appeal with its materials',
    description: 'The fields and contact the payload takes depend on its kind and subject type: GET /api/public/catalog lists them.',
    access: 'public',
    headers: { 'Idempotency-Key': { schema: z.string().regex(keyPattern), description: 'A retry under the same key is answered with the first filing (header Idempotent-Replayed)' } },
    body: { multipart: { json: { payload: appealPayloadSchema }, requiredJson: ['payload'], fileSlots: slotKeys, description: 'A `payload` JSON part, and file parts each named by the material slot they fill' } },
    success: [{ status: 201, description: 'The appeal filed: its reference, access token, status and checklist', answer: 'object', headers: { 'Idempotent-Replayed': { description: 'Sent as `true` when this answers an earlier filing under the same key', schema: z.literal('true') } } }],
    errors: [413, 415, 422, 429],
  },
  { method: 'post', path: '/api/public/appeals/{reference}/access-codes', operationId: 'requestAccessCode', tag: 'public', summary: 'Send a one-time code to the appeal\'s contact (the same answer whatever the reference)', access: 'public', params: reference, body: { json: accessCodeSchema, required: false }, success: [{ status: 202, description: 'Accepted', answer: 'object' }], errors: [429] },
  { method: 'post', path: '/api/public/appeals/{reference}/access-codes/verify', operationId: 'verifyAccessCode', tag: 'public', summary: 'Trade a one-time code for a new access token', access: 'public', params: reference, body: { json: accessCheckSchema }, success: [{ status: 200, description: 'A new access token', answer: 'object' }], errors: [401, 429] },
  { method: 'post', path: '/api/public/appeals/{reference}/status-link/exchange', operationId: 'exchangeStatusLink', tag: 'public', summary: 'Trade a status link\'s token for an access token', access: 'public', params: reference, body: { json: linkSchema }, success: [{ status: 200, description: 'An access token', answer: 'object' }], errors: [401, 429] },
  { method: 'get', path: '/api/public/appeals/{reference}', operationId: 'getAppeal', tag: 'public', summary: 'The appeal as its customer sees it', access: 'appealToken', params: reference, success: [{ status: 200, description: 'Status, checklist and messages', answer: 'object' }], errors: [404, 429] },
  {
    method: 'post',
    path: '/api/public/appeals/{reference}/evidence',
    operationId: 'addAppealEvidence',
    tag: 'public',
    summary: 'Send more materials for an open appeal',
    access: 'appealToken',
    params: reference,
    body: { multipart: { json: {}, requiredJson: [], fileSlots: slotKeys, description: 'File parts, each named by the material slot it fills' } },
    success: [{ status: 200, description: 'The appeal as its customer sees it', answer: 'object' }],
    errors: [404, 409, 413, 415, 429],
  },
  { method: 'post', path: '/api/public/appeals/{reference}/withdraw', operationId: 'withdrawAppeal', tag: 'public', summary: 'Withdraw an undecided appeal', access: 'appealToken', params: reference, success: [{ status: 200, description: 'The appeal as its customer sees it', answer: 'object' }], errors: [404, 409, 429] },
  { method: 'post', path: '/api/public/appeals/{reference}/messages', operationId: 'postAppealMessage', tag: 'public', summary: 'Write to the desk about an appeal', access: 'appealToken', params: reference, body: { json: messageSchema }, success: [{ status: 201, description: 'The message', answer: 'object' }], errors: [404, 409, 429] },
  {
    method: 'post',
    path: '/api/public/inspections',
    operationId: 'inspectFile',
    tag: 'public',
    summary: 'Inspect one chosen file before filing (kept nowhere)',
    access: 'public',
    body: { multipart: { json: { context: inspectionContextSchema }, requiredJson: ['context'], fileSlots: slotKeys, description: 'A `context` JSON part and exactly one file part, named by its slot' } },
    success: [{ status: 200, description: 'The findings, worded for the customer, and the file\'s fingerprint', answer: 'object' }],
    errors: [413, 415, 429],
  },
  { method: 'post', path: '/api/public/owner-codes', operationId: 'requestOwnerCode', tag: 'public', summary: 'Send a code to the account\'s security phone or email (proof of control)', access: 'public', body: { json: issueSchema }, success: [{ status: 202, description: 'The challenge to verify', answer: 'object' }], errors: [429] },
  { method: 'post', path: '/api/public/owner-codes/{challengeId}/verify', operationId: 'verifyOwnerCode', tag: 'public', summary: 'Verify an owner code', access: 'public', params: { challengeId: { schema: z.string().max(64) } }, body: { json: checkSchema }, success: [{ status: 200, description: 'The proof to file with the appeal', answer: 'object' }], errors: [401, 410, 429] },
  { method: 'post', path: '/api/public/objections', operationId: 'recordObjection', tag: 'public', summary: 'The account owner objects to an appeal on their account', access: 'public', body: { json: objectionSchema }, success: [{ status: 200, description: 'Recorded', answer: 'object' }], errors: [404, 409, 429] },
];

const authOperations: Operation[] = [
  { method: 'post', path: '/api/auth/login', operationId: 'login', tag: 'auth', summary: 'Sign in (sets the session cookie)', access: 'public', body: { json: loginSchema }, success: [{ status: 200, description: 'The agent signed in', answer: 'object', headers: { 'Set-Cookie': { description: 'The session cookie', schema: z.string() } } }], errors: [401, 403, 429] },
  { method: 'get', path: '/api/auth/me', operationId: 'me', tag: 'auth', summary: 'The signed-in agent', access: agent, success: [{ status: 200, description: 'The agent and their two-factor state', answer: 'object' }] },
  { method: 'post', path: '/api/auth/logout', operationId: 'logout', tag: 'auth', summary: 'Sign out (ends the session, if any)', access: 'public', success: [{ status: 204, description: 'Signed out', answer: 'empty' }] },
  { method: 'post', path: '/api/auth/totp/setup', operationId: 'startTotpEnrolment', tag: 'auth', summary: 'Start two-factor enrolment', access: agent, success: [{ status: 200, description: 'The secret and its QR code', answer: 'object' }], errors: [409] },
  { method: 'post', path: '/api/auth/totp/enable', operationId: 'enableTotp', tag: 'auth', summary: 'Finish two-factor enrolment with a code', access: agent, body: { json: totpEnableSchema }, success: [{ status: 200, description: 'Recovery codes and the agent', answer: 'object' }], errors: [409, 429] },
  { method: 'post', path: '/api/auth/totp/disable', operationId: 'disableTotp', tag: 'auth', summary: 'Turn one\'s own two-factor sign-in off', access: agent, body: { json: totpDisableSchema }, success: [{ status: 200, description: 'The agent', answer: 'object' }], errors: [409, 429] },
];

const liveOperations: Operation[] = [
  { method: 'get', path: '/api/live', operationId: 'liveStream', tag: 'live', summary: 'Server-sent events: ticket changes, presence, the bell', access: agent, success: [{ status: 200, description: 'An event stream', answer: 'events' }] },
  { method: 'get', path: '/api/live/unread', operationId: 'unread', tag: 'live', summary: 'The bell: tickets with customer activity the agent has not seen', access: agent, success: [{ status: 200, description: 'Unread tickets', answer: 'object' }] },
  { method: 'put', path: '/api/tickets/{id}/presence', operationId: 'beatPresence', tag: 'live', summary: 'I am viewing or replying to this ticket', access: agent, params: byId, body: { json: presenceSchema }, success: [{ status: 200, description: 'Who is on the ticket', answer: 'object' }] },
  { method: 'delete', path: '/api/tickets/{id}/presence', operationId: 'leavePresence', tag: 'live', summary: 'I left this ticket', access: agent, params: byId, success: [{ status: 200, description: 'Who is on the ticket', answer: 'object' }] },
  { method: 'put', path: '/api/tickets/{id}/read', operationId: 'markRead', tag: 'live', summary: 'I have read this ticket', access: agent, params: byId, body: { json: readSchema, required: false }, success: [{ status: 200, description: 'The read mark', answer: 'object' }] },
];

const ticket = (o: Omit<Operation, 'tag' | 'access' | 'params'> & { params?: Operation['params'] }): Operation => ({ tag: 'tickets', access: agent, params: byId, ...o });
const ticketOperations: Operation[] = [
  ticket({ method: 'post', path: '/api/tickets/bulk/transition', operationId: 'bulkTransition', summary: 'Move many tickets (one transaction each)', params: undefined, body: { json: bulkTransitionSchema }, success: [{ status: 200, description: '`{done, failed}`', answer: 'object' }] }),
  ticket({ method: 'post', path: '/api/tickets/bulk/assign', operationId: 'bulkAssign', summary: 'Assign many tickets (one transaction each)', params: undefined, body: { json: bulkAssignSchema }, success: [{ status: 200, description: '`{done, failed}`', answer: 'object' }] }),
  ticket({ method: 'get', path: '/api/tickets/{id}/review', operationId: 'reviewTicket', summary: 'Declared against on file, and what a decision would do', success: [{ status: 200, description: 'The review', answer: 'object' }] }),
  ticket({ method: 'get', path: '/api/tickets/{id}/history', operationId: 'ticketHistory', summary: 'The customer\'s other appeals (masked)', success: [{ status: 200, description: 'The history', answer: 'object' }] }),
  ticket({ method: 'post', path: '/api/tickets/{id}/request-materials', operationId: 'requestMaterials', summary: 'Ask the customer for materials', body: { json: requestMaterialsSchema }, success: [{ status: 200, description: 'The ticket', answer: 'object' }], errors: [409] }),
  ticket({
    method: 'post',
    path: '/api/tickets/{id}/decision',
    operationId: 'decide',
    summary: 'Approve or reject',
    body: { json: decisionSchema },
    success: [{ status: 200, description: 'Decided: the ticket and the outcome', answer: 'object' }, { status: 202, description: 'Approval proposed: a second supervisor confirms it', answer: 'object' }],
    errors: [409],
  }),
  ticket({ method: 'post', path: '/api/tickets/{id}/decision/confirm', operationId: 'confirmDecision', summary: 'Confirm or turn down a proposed approval', body: { json: confirmSchema }, success: [{ status: 200, description: 'The ticket and the outcome', answer: 'object' }], errors: [409] }),
  ticket({ method: 'post', path: '/api/tickets/{id}/transition', operationId: 'transitionTicket', summary: 'Move a ticket along the status table', body: { json: transitionSchema }, success: [{ status: 200, description: 'The ticket', answer: 'object' }], errors: [409] }),
  ticket({ method: 'post', path: '/api/tickets/{id}/assign', operationId: 'assignTicket', summary: 'Assign or unassign a ticket', body: { json: assignSchema }, success: [{ status: 200, description: 'The ticket', answer: 'object' }], errors: [409] }),
  ...restOperations({ path: '/api/tickets', tag: 'tickets', one: 'Ticket', many: 'Tickets', spec: ticketListSpec, create: ticketCreateSchema, update: ticketUpdateSchema, remove: true, errors: { update: [409] } }),
];

const agentsOperations: Operation[] = [
  ...restOperations({ path: '/api/agents', tag: 'agents', one: 'Agent', many: 'Agents', spec: agentSpec, create: agentCreateSchema, update: agentUpdateSchema, errors: { create: [409], update: [409] } }),
  { method: 'post', path: '/api/agents/{id}/unlock', operationId: 'unlockAgent', tag: 'agents', summary: 'Lift a sign-in lock', access: agent, params: byId, success: [{ status: 200, description: 'The agent', answer: 'object' }] },
  { method: 'post', path: '/api/agents/{id}/totp/reset', operationId: 'resetAgentTotp', tag: 'agents', summary: 'Reset another agent\'s two-factor sign-in', access: agent, params: byId, success: [{ status: 200, description: 'The agent', answer: 'object' }] },
];

const deskOperations: Operation[] = [
  ...restOperations({ path: '/api/accounts', tag: 'accounts', one: 'Account', many: 'Accounts', spec: accountSpec }),
  ...restOperations({ path: '/api/evidence', tag: 'evidence', one: 'Evidence', many: 'Evidence', spec: evidenceSpec, update: verdictSchema, errors: { update: [409] } }),
  ...restOperations({ path: '/api/events', tag: 'events', one: 'Event', many: 'Events', spec: eventSpec }),
  ...restOperations({ path: '/api/messages', tag: 'messages', one: 'Message', many: 'Messages', spec: messageSpec, create: messageCreateSchema, errors: { create: [404, 409] } }),
  { method: 'get', path: '/api/macros/{id}/render', operationId: 'renderMacro', tag: 'macros', summary: 'A macro with a ticket\'s placeholders filled in', access: agent, params: byId, query: { ticketId: { schema: idParam, required: true } }, success: [{ status: 200, description: 'The filled bodies', answer: 'object' }] },
  ...restOperations({ path: '/api/macros', tag: 'macros', one: 'Macro', many: 'Macros', spec: macroSpec, create: macroSchema, update: macroSchema, remove: true, errors: { create: [409], update: [409] } }),
  ...restOperations({ path: '/api/notifications', tag: 'notifications', one: 'Notification', many: 'Notifications', spec: notificationSpec }),
  ...restOperations({ path: '/api/holidays', tag: 'holidays', one: 'Holiday', many: 'Holidays', spec: holidaySpec, create: holidaySchema, update: holidaySchema, remove: true, errors: { create: [409], update: [409] } }),
  ...restOperations({ path: '/api/rejection-reasons', tag: 'rejection-reasons', one: 'RejectionReason', many: 'RejectionReasons', spec: rejectionReasonSpec, create: rejectionReasonSchema, update: rejectionReasonSchema, errors: { create: [409] } }),
  { method: 'get', path: '/api/files/{id}', operationId: 'downloadFile', tag: 'files', summary: 'Download an evidence file (audited)', access: agent, params: byId, success: [{ status: 200, description: 'The file as uploaded', answer: 'file' }] },
  { method: 'get', path: '/api/files/{id}/preview', operationId: 'previewFile', tag: 'files', summary: 'A re-encoded preview of an image (audited)', access: agent, params: byId, success: [{ status: 200, description: 'A JPEG at most 1600 px a side, without EXIF', answer: 'jpeg' }], errors: [415] },
  { method: 'get', path: '/api/stats/overview', operationId: 'statsOverview', tag: 'stats', summary: 'The dashboard\'s counts', access: agent, success: [{ status: 200, description: 'Counts and the last 30 days\' decisions', answer: 'object' }] },
  { method: 'post', path: '/api/privacy/export', operationId: 'exportCustomerData', tag: 'privacy', summary: 'Everything held about a customer\'s appeals (audited)', access: agent, body: { json: who }, success: [{ status: 200, description: 'The export', answer: 'object' }] },
  { method: 'post', path: '/api/privacy/erase', operationId: 'eraseCustomerData', tag: 'privacy', summary: 'Erase a customer\'s decided appeals', access: agent, body: { json: eraseSchema }, success: [{ status: 200, description: '`{erased, keptOpen}`', answer: 'object' }] },
  { method: 'post', path: '/api/privacy/reveal', operationId: 'revealContact', tag: 'privacy', summary: 'A ticket\'s full contact (audited)', access: agent, body: { json: revealSchema }, success: [{ status: 200, description: 'The contact', answer: 'object' }], errors: [404] },
];

/** Every method and path the app answers under /api (test/server/openapi.test.ts holds the two to each other). */
export const operations: readonly Operation[] = [...publicOperations, ...authOperations, ...liveOperations, ...ticketOperations, ...agentsOperations, ...deskOperations];
