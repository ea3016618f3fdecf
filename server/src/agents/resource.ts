import { z } from 'zod';
import { afterSuccess } from '../auth/lockout';
import { assertPasswordAcceptable, maxPasswordLength } from '../auth/passwordPolicy';
import { hashPassword } from '../auth/passwords';
import { authorize, roles } from '../auth/policy';
import { signedIn } from '../auth/middleware';
import { isEnrolled, resetTwoFactorIn } from '../auth/twoFactor';
import type { AppContext } from '../context';
import type { Agent, Prisma } from '../generated/prisma/client';
import { badRequest, notFound } from '../http/errors';
import { lists } from '../contract/lists';
import { likeLiteral, listSpec } from '../http/listQuery';
import { page } from '../http/page';
import { unique } from '../http/uniqueViolation';
import { restRouter } from '../http/restRouter';
import { parseId, parseInput } from '../http/validate';

export const presentAgent = (a: Agent, now = new Date()) => ({
  id: a.id,
  email: a.email,
  name: a.name,
  role: a.role,
  active: a.active,
  locale: a.locale,
  lastLoginAt: a.lastLoginAt,
  createdAt: a.createdAt,
  totpEnabled: isEnrolled(a),
  // Only a lock still running: an admin may lift it (POST /api/agents/:id/unlock).
  lockedUntil: a.lockedUntil && a.lockedUntil > now ? a.lockedUntil : null,
});

type AgentRecord = ReturnType<typeof presentAgent>;

export const spec = listSpec(lists.agents, {
  search: (q): Prisma.AgentWhereInput => ({
    OR: [{ name: { contains: likeLiteral(q) } }, { email: { contains: likeLiteral(q.toLowerCase()) } }],
  }),
});

// Length and strength are judged by the password policy, in the admin's language.
const password = z.string().min(1).max(maxPasswordLength);
const base = {
  email: z.string().trim().toLowerCase().email().max(254),
  name: z.string().trim().min(1).max(100),
  role: z.enum(roles),
  locale: z.enum(['zh-CN', 'en']).default('zh-CN'),
  active: z.boolean().default(true),
};
export const createSchema = z.object({ ...base, password });
export const updateSchema = z.object({ ...base, password: password.optional().or(z.literal('').transform(() => undefined)) }).partial();

export function agentRoutes({ db, config }: AppContext) {
  const router = restRouter<AgentRecord>({
    name: 'agents',
    label: 'Agent',
    spec,
    read: 'agents.read',
    list: (q) =>
      page(
        q,
        (a: Prisma.AgentFindManyArgs) => db.agent.findMany(a),
        (a: { where?: Prisma.AgentWhereInput }) => db.agent.count(a),
        (a: Agent) => presentAgent(a),
      ),
    getOne: async (id) => {
      const a = await db.agent.findUnique({ where: { id } });
      return a ? presentAgent(a) : null;
    },
    create: {
      action: 'agents.manage',
      async handle({ body, agent: me }) {
        const { password: plain, ...data } = parseInput(createSchema, body);
        assertPasswordAcceptable(plain, data, config.env, me.locale);
        const passwordHash = await hashPassword(plain);
        const agent = await unique(
          db.agent.create({ data: { ...data, passwordHash, passwordChangedAt: new Date() } }),
          'An agent with this email exists already',
          'EMAIL_TAKEN',
        );
        return presentAgent(agent);
      },
    },
    update: {
      action: 'agents.manage',
      async handle({ id, body, agent: me }) {
        const { password: plain, ...data } = parseInput(updateSchema, body);
        if (id === me.id && ((data.role && data.role !== 'admin') || data.active === false)) {
          throw badRequest('You cannot demote or deactivate yourself', { role: 'Ask another admin' }, 'SELF_DEMOTION');
        }
        const current = await db.agent.findUnique({ where: { id } });
        if (!current) throw notFound('Agent');
        if (plain)
          assertPasswordAcceptable(plain, { email: data.email ?? current.email, name: data.name ?? current.name }, config.env, me.locale);
        // A password set by an admin also lifts a lock: the agent signs in with it next.
        const newPassword = plain ? { passwordHash: await hashPassword(plain), passwordChangedAt: new Date(), ...afterSuccess() } : {};
        const agent = await unique(
          db.agent.update({ where: { id }, data: { ...data, ...newPassword } }),
          'An agent with this email exists already',
          'EMAIL_TAKEN',
        );
        // A reset password or a deactivation signs the agent out everywhere (an admin's own session stays).
        if ((plain || data.active === false) && id !== me.id) await db.session.deleteMany({ where: { agentId: id } });
        return presentAgent(agent);
      },
    },
  });

  router.post('/:id/unlock', async (req, res) => {
    const me = signedIn(req);
    authorize(me.role, 'agents.manage');
    const id = parseId(req.params.id);
    const agent = await db.$transaction(async (tx) => {
      if (!(await tx.agent.findUnique({ where: { id } }))) throw notFound('Agent');
      await tx.event.create({ data: { actorType: 'agent', agentId: me.id, type: 'agent.unlocked', data: { agentId: id } } });
      return tx.agent.update({ where: { id }, data: afterSuccess() });
    });
    res.json(presentAgent(agent));
  });

  router.post('/:id/totp/reset', async (req, res) => {
    const me = signedIn(req);
    authorize(me.role, 'agents.manage');
    const id = parseId(req.params.id);
    if (id === me.id)
      throw badRequest('Turn your own two-factor sign-in off from your profile, with a code', { id: 'Ask another admin' }, 'SELF_RESET');
    const agent = await db.$transaction(async (tx) => {
      if (!(await tx.agent.findUnique({ where: { id } }))) throw notFound('Agent');
      return resetTwoFactorIn(tx, me.id, id);
    });
    res.json(presentAgent(agent));
  });

  return router;
}
