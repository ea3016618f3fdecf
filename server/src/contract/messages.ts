import { z } from 'zod';
import { versionField } from './version';

// Agents write replies and notes; customer messages arrive through the public routes only.
export const messageCreateSchema = z.object({
  ticketId: z.number().int().positive(),
  kind: z.enum(['public_reply', 'internal_note']),
  body: z.string().trim().min(1, 'Write something').max(10_000),
  version: versionField,
});
export type MessageCreateRequest = z.input<typeof messageCreateSchema>;
