import { z } from 'zod';
import { isDeskDay, isWeekendDay } from '../calendar/deskCalendar';
import type { AppContext } from '../context';
import type { Holiday, Prisma } from '../generated/prisma/client';
import { notFound } from '../http/errors';
import { lists } from '../contract/lists';
import { listSpec } from '../http/listQuery';
import { page } from '../http/page';
import { restRouter } from '../http/restRouter';
import { unique } from '../http/uniqueViolation';
import { parseInput } from '../http/validate';

const present = (h: Holiday) => ({ id: h.id, day: h.day, name: h.name, workday: h.workday, createdAt: h.createdAt });

export const spec = listSpec(lists.holidays, { search: (q): Prisma.HolidayWhereInput => ({ name: { contains: q } }) });

export const schema = z
  .object({
    // A day of the desk's calendar (docs/calendar.md).
    day: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD')
      .refine(isDeskDay, 'Not a date'),
    name: z.string().trim().min(1).max(100),
    workday: z.boolean().default(false),
  })
  .refine((h) => !h.workday || isWeekendDay(h.day), {
    path: ['workday'],
    message: 'Only a Saturday or Sunday can be a make-up working day',
  });

export function holidayRoutes({ db }: AppContext) {
  const getOne = async (id: number) => {
    const h = await db.holiday.findUnique({ where: { id } });
    return h ? present(h) : null;
  };
  const taken = 'That day is on the list already';
  return restRouter({
    name: 'holidays',
    label: 'Holiday',
    spec,
    read: 'holidays.read',
    list: (q) =>
      page(
        q,
        (a: Prisma.HolidayFindManyArgs) => db.holiday.findMany(a),
        (a: { where?: Prisma.HolidayWhereInput }) => db.holiday.count(a),
        present,
      ),
    getOne,
    create: {
      action: 'holidays.manage',
      handle: async ({ body }) => present(await unique(db.holiday.create({ data: parseInput(schema, body) }), taken, 'DAY_TAKEN')),
    },
    update: {
      action: 'holidays.manage',
      async handle({ id, body }) {
        if (!(await getOne(id))) throw notFound('Holiday');
        return present(await unique(db.holiday.update({ where: { id }, data: parseInput(schema, body) }), taken, 'DAY_TAKEN'));
      },
    },
    remove: {
      action: 'holidays.manage',
      async handle({ id }) {
        const h = await getOne(id);
        if (!h) throw notFound('Holiday');
        await db.holiday.delete({ where: { id } });
        return h;
      },
    },
  });
}
