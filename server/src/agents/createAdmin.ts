import { z } from 'zod';
import { passwordProblem, passwordProblems, type PasswordProblem } from '../auth/passwordPolicy';
import { hashPassword } from '../auth/passwords';
import type { Db } from '../db/client';
import type { Agent } from '../generated/prisma/client';
import { isUniqueViolation } from '../http/uniqueViolation';

const adminSchema = z.object({
  email: z.string().trim().toLowerCase().email().max(254),
  name: z.string().trim().min(1).max(100),
  locale: z.enum(['zh-CN', 'en']).default('zh-CN'),
});

export type FirstAdminOutcome =
  | { ok: true; agent: Agent }
  | { ok: false; reason: 'invalid'; message: string }
  | { ok: false; reason: 'email_taken' }
  | { ok: false; reason: 'password'; problem: PasswordProblem; text: (typeof passwordProblems)[PasswordProblem] };

/** The first admin of a desk (npm run admin:create): the password policy applies, an existing email is refused. */
export async function createFirstAdmin(
  db: Db,
  input: { email: string; name: string; locale?: string },
  password: string,
  env: string,
): Promise<FirstAdminOutcome> {
  const parsed = adminSchema.safeParse(input);
  if (!parsed.success)
    return { ok: false, reason: 'invalid', message: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ') };
  const data = parsed.data;
  if (await db.agent.findUnique({ where: { email: data.email } })) return { ok: false, reason: 'email_taken' };
  const problem = passwordProblem(password, data, env);
  if (problem) return { ok: false, reason: 'password', problem, text: passwordProblems[problem] };
  try {
    const agent = await db.agent.create({
      data: { ...data, role: 'admin', passwordHash: await hashPassword(password), passwordChangedAt: new Date() },
    });
    return { ok: true, agent };
  } catch (err) {
    if (isUniqueViolation(err)) return { ok: false, reason: 'email_taken' };
    throw err;
  }
}
