import { z } from 'zod';

export const presenceModes = ['viewing', 'replying'] as const;
export type PresenceMode = (typeof presenceModes)[number];

/** PUT /api/tickets/:id/presence */
export const presenceSchema = z.object({ mode: z.enum(presenceModes) }).strict();
export type PresenceReq = z.infer<typeof presenceSchema>;

/** Only an agent's own display name: presence is shown to colleagues, never anything about the customer. */
export type PresenceEntry = { agentId: number; name: string; mode: PresenceMode };
/** The answer to a beat or a leave, and a presence change on the live stream. */
export type TicketPresence = { ticketId: number; agents: PresenceEntry[] };
