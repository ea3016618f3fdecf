import { z } from 'zod';

export const contactFields = ['contactName', 'contactEmail', 'contactPhone'] as const;
export type ContactField = (typeof contactFields)[number];

/** POST /api/privacy/reveal: a ticket's contact in full (all of it, or the fields named), recorded as an audited reveal. */
export const revealSchema = z.object({
  ticketId: z.number().int().positive(),
  fields: z.array(z.enum(contactFields)).min(1).max(contactFields.length).optional(),
});
export type RevealRequest = z.input<typeof revealSchema>;
export type RevealInput = z.infer<typeof revealSchema>;
