import { z } from 'zod';
import { kindKeys } from '../catalog';
import type { AppContext } from '../context';
import type { Macro, Prisma } from '../generated/prisma/client';
import { conflict, notFound } from '../http/errors';
import type { ListSpec } from '../http/listQuery';
import { page } from '../http/page';
import { restRouter } from '../http/restRouter';
import { parseInput } from '../http/validate';

const present = (m: Macro) => ({
  id: m.id,
  name: m.name,
  titleZh: m.titleZh,
  titleEn: m.titleEn,
  bodyZh: m.bodyZh,
  bodyEn: m.bodyEn,
  kinds: m.kinds,
  active: m.active,
  createdAt: m.createdAt,
  updatedAt: m.updatedAt,
});

type MacroRecord = ReturnType<typeof present>;

const spec: ListSpec = {
  filters: { id: 'int', name: 'string', active: 'boolean' },
  sortable: ['id', 'name', 'updatedAt'],
  defaultSort: ['name', 'ASC'],
  search: (q): Prisma.MacroWhereInput => ({ OR: [{ name: { contains: q } }, { titleZh: { contains: q } }, { titleEn: { contains: q } }] }),
};

const text = (max: number) => z.string().trim().min(1).max(max);
const macroSchema = z.object({
  name: z.string().trim().min(1).max(80).regex(/^[a-z0-9_.-]+$/, 'Lower-case letters, digits, _ . - only'),
  titleZh: text(200),
  titleEn: text(200),
  bodyZh: text(10_000),
  bodyEn: text(10_000),
  kinds: z.array(z.enum(kindKeys)).default([]),
  active: z.boolean().default(true),
});

async function uniqueName<T>(write: Promise<T>): Promise<T> {
  try {
    return await write;
  } catch (e) {
    if (typeof e === 'object' && e && 'code' in e && e.code === 'P2002') throw conflict('A macro with this name exists already', 'NAME_TAKEN');
    throw e;
  }
}

export function macroRoutes({ db }: AppContext) {
  const getOne = async (id: number) => {
    const m = await db.macro.findUnique({ where: { id } });
    return m ? present(m) : null;
  };
  return restRouter<MacroRecord>({
    name: 'macros',
    label: 'Macro',
    spec,
    read: 'macros.read',
    list: (q) => page(q, (a: Prisma.MacroFindManyArgs) => db.macro.findMany(a), (a: { where?: Prisma.MacroWhereInput }) => db.macro.count(a), present),
    getOne,
    create: {
      action: 'macros.manage',
      handle: async ({ body }) => present(await uniqueName(db.macro.create({ data: parseInput(macroSchema, body) }))),
    },
    update: {
      action: 'macros.manage',
      async handle({ id, body }) {
        const data = parseInput(macroSchema, body);
        if (!(await getOne(id))) throw notFound('Macro');
        return present(await uniqueName(db.macro.update({ where: { id }, data })));
      },
    },
    remove: {
      action: 'macros.manage',
      async handle({ id }) {
        const m = await getOne(id);
        if (!m) throw notFound('Macro');
        await db.macro.delete({ where: { id } });
        return m;
      },
    },
  });
}
