// What the ticket routes take (server/src/tickets/crud.ts and actions.ts), for the server, the console and its mocks.
import { z } from 'zod';
import { appealPayloadSchema } from '../catalog/payload';
import { contactPhoneSchema, emailSchema, personNameSchema } from '../catalog/validators';
import { priorities, ticketStatuses } from './statuses';
import { versionField } from './version';

const reason = z.string().trim().max(2000).optional();

export const ticketCreateSchema = appealPayloadSchema.and(z.object({ priority: z.enum(priorities).optional() }));

const blankIsNull = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? null : v), schema.nullable().optional());

// The whole record comes back from react-admin's edit form: unknown and read-only keys are dropped.
export const ticketUpdateSchema = z.object({
  status: z.enum(ticketStatuses).optional(),
  priority: z.enum(priorities).optional(),
  assigneeId: z.number().int().positive().nullable().optional(),
  // Validated as the public form validates them (a contact is where the desk's notices go).
  contactName: personNameSchema().optional(),
  contactEmail: blankIsNull(emailSchema()),
  contactPhone: blankIsNull(contactPhoneSchema()),
  locale: z.enum(['zh-CN', 'en']).optional(),
  version: versionField,
});

export const transitionSchema = z.object({ to: z.enum(ticketStatuses), reason, version: versionField });
export const assignSchema = z.object({ agentId: z.number().int().positive().nullable(), reason, version: versionField });

// `versions`: each ticket's version as the list the agent acted from read it; a ticket changed since fails as STALE.
const bulkSchema = z.object({
  ids: z.array(z.number().int().positive()).min(1).max(500),
  versions: z.record(z.string().regex(/^\d+$/), z.number().int().positive()).optional(),
});
export const bulkTransitionSchema = bulkSchema.extend(transitionSchema.omit({ version: true }).shape);
export const bulkAssignSchema = bulkSchema.extend(assignSchema.omit({ version: true }).shape);

export const requestMaterialsSchema = z.object({
  slots: z.array(z.string().min(1).max(60)).min(1, 'Choose at least one material').max(20),
  message: z.string().trim().min(1, 'Tell the customer what is needed').max(5000),
  version: versionField,
});

export type TicketUpdateRequest = z.input<typeof ticketUpdateSchema>;
export type TransitionRequest = z.input<typeof transitionSchema>;
export type AssignRequest = z.input<typeof assignSchema>;
export type BulkTransitionRequest = z.input<typeof bulkTransitionSchema>;
export type BulkAssignRequest = z.input<typeof bulkAssignSchema>;
export type RequestMaterialsRequest = z.input<typeof requestMaterialsSchema>;
export type RequestMaterials = z.infer<typeof requestMaterialsSchema>;
export type TicketCreate = z.infer<typeof ticketCreateSchema>;
export type TicketUpdate = z.infer<typeof ticketUpdateSchema>;
