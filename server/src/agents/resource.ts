import { z } from 'zod';
import { hashPassword } from '../auth/passwords';
import { roles } from '../auth/policy';
import type { AppContext } from '../context';
import type { Agent, Prisma } from '../generated/prisma/client';
import { badRequest, notFound } from '../http/errors';
import { likeLiteral, type ListSpec } from '../http/listQuery';
import { page } from '../http/page';
import { unique } from '../http/uniqueViolation';
import { restRouter } from '../http/restRouter';
import { parseInput } from '../http/validate';

export const presentAgent = (a: Agent) => ({
  id: a.id,
  email: a.email,
  name: a.name,
  role: a.role,
  active: a.active,
  locale: a.locale,
  lastLoginAt: a.lastLoginAt,
  createdAt: a.createdAt,
});

type AgentRecord = ReturnType<typeof presentAgent>;

const spec: ListSpec = {
  filters: { id: 'int', role: 'string', active: 'boolean', email: 'string' },
  sortable: ['id', 'name', 'email', 'role', 'createdAt', 'lastLoginAt'],
  defaultSort: ['name', 'ASC'],
  search: (q): Prisma.AgentWhereInput => ({ OR: [{ name: { contains: likeLiteral(q) } }, { email: { contains: likeLiteral(q.toLowerCase()) } }] }),
};

const password = z.string().min(12, 'At least 12 characters').max(200);
const base = {
  email: z.string().trim().toLowerCase().email().max(254),
  name: z.string().trim().min(1).max(100),
  role: z.enum(roles),
  locale: z.enum(['zh-CN', 'en']).default('zh-CN'),
  active: z.boolean().default(true),
};
const createSchema = z.object({ ...base, password });
const updateSchema = z.object({ ...base, password: password.optional().or(z.literal('').transform(() => undefined)) }).partial();


export function agentRoutes({ db }: AppContext) {
  return restRouter<AgentRecord>({
    name: 'agents',
    label: 'Agent',
    spec,
    read: 'agents.read',
    list: (q) => page(q, (a: Prisma.AgentFindManyArgs) => db.agent.findMany(a), (a: { where?: Prisma.AgentWhereInput }) => db.agent.count(a), presentAgent),
    getOne: async (id) => {
      const a = await db.agent.findUnique({ where: { id } });
      return a ? presentAgent(a) : null;
    },
    create: {
      action: 'agents.manage',
      async handle({ body }) {
        const { password: plain, ...data } = parseInput(createSchema, body);
        const agent = await unique(db.agent.create({ data: { ...data, passwordHash: await hashPassword(plain) } }), 'An agent with this email exists already', 'EMAIL_TAKEN');
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
        if (!(await db.agent.findUnique({ where: { id } }))) throw notFound('Agent');
        const passwordHash = plain ? await hashPassword(plain) : undefined;
        const agent = await unique(db.agent.update({ where: { id }, data: { ...data, ...(passwordHash ? { passwordHash } : {}) } }), 'An agent with this email exists already', 'EMAIL_TAKEN');
        // A reset password or a deactivation signs the agent out everywhere (an admin's own session stays).
        if ((passwordHash || data.active === false) && id !== me.id) await db.session.deleteMany({ where: { agentId: id } });
        return presentAgent(agent);
      },
    },
  });
}
