// What the sign-in and two-factor routes take (server/src/auth/routes.ts); the codes themselves are checked there.
import { z } from 'zod';

const code = z.string().trim().min(1).max(20);
const recoveryCode = z.string().trim().min(1).max(64);

export const loginSchema = z
  .object({
    email: z.string().trim().toLowerCase().email().max(254),
    password: z.string().min(1).max(200),
    totp: code.optional(),
    recoveryCode: recoveryCode.optional(),
  })
  .refine((b) => b.totp === undefined || b.recoveryCode === undefined, {
    message: 'Send a code or a recovery code, not both',
    path: ['recoveryCode'],
  });
export const totpEnableSchema = z.object({ code });
export const totpDisableSchema = z.union([z.object({ code }).strict(), z.object({ recoveryCode }).strict()]);

export type LoginRequest = z.input<typeof loginSchema>;
export type TotpEnableRequest = z.input<typeof totpEnableSchema>;
export type TotpDisableRequest = z.input<typeof totpDisableSchema>;
