// What the public routes take (the appeal form's requests): /api/public/appeals and /api/public/owner-codes.
import { z } from 'zod';
import { accountIdSchema } from '../catalog/validators';
import { OWNER_CODE_DIGITS } from './ownerCodes';

export { appealPayloadSchema, type AppealPayload } from '../catalog/payload';

export const ACCESS_CODE_DIGITS = 6;

const digits = (n: number) =>
  z
    .string()
    .trim()
    .regex(new RegExp(`^\\d{${n}}$`), `${n} digits`);

/** POST /api/public/appeals/:reference/messages */
export const appealMessageSchema = z.object({ body: z.string().trim().min(1, 'Write something').max(5000) });
/** POST /api/public/appeals/:reference/access-codes: a code to the appeal's contact, by email or SMS. */
export const accessCodeSchema = z.object({ channel: z.enum(['email', 'sms']).optional() });
/** POST /api/public/appeals/:reference/access-codes/verify */
export const accessCheckSchema = z.object({ code: digits(ACCESS_CODE_DIGITS) });
/** POST /api/public/appeals/:reference/status-link/exchange: a notice's single-use link. */
export const linkSchema = z.object({ token: z.string().min(16).max(200) });

/** POST /api/public/owner-codes: a code to the security phone or email of the account named. */
export const ownerCodeIssueSchema = z.object({ accountId: accountIdSchema(), locale: z.enum(['zh-CN', 'en']).optional() });
/** POST /api/public/owner-codes/:challengeId/verify */
export const ownerCodeCheckSchema = z.object({ code: digits(OWNER_CODE_DIGITS) });
/** POST /api/public/objections: the owner's "this wasn't me". */
export const objectionSchema = z.object({ token: z.string().min(16).max(100) });

export type AppealMessageRequest = z.input<typeof appealMessageSchema>;
export type AccessCodeRequest = z.input<typeof accessCodeSchema>;
export type AccessCheckRequest = z.input<typeof accessCheckSchema>;
export type LinkRequest = z.input<typeof linkSchema>;
export type OwnerCodeIssueRequest = z.input<typeof ownerCodeIssueSchema>;
export type OwnerCodeCheckRequest = z.input<typeof ownerCodeCheckSchema>;
export type ObjectionRequest = z.input<typeof objectionSchema>;
