import { z } from 'zod';
import { Router } from 'express';
import { getKind, kindKeys } from '../catalog';
import { authorize } from '../auth/policy';
import { signedIn } from '../auth/middleware';
import { statusLink } from '../notifications/customerNotices';
import type { AppContext } from '../context';
import type { Macro, Prisma } from '../generated/prisma/client';
import { notFound } from '../http/errors';
import { lists } from '../contract/lists';
import { listSpec } from '../http/listQuery';
import { page } from '../http/page';
import { unique } from '../http/uniqueViolation';
import { restRouter } from '../http/restRouter';
import { parseId, parseInput } from '../http/validate';

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

export const spec = listSpec(lists.macros, {
  search: (q): Prisma.MacroWhereInput => ({ OR: [{ name: { contains: q } }, { titleZh: { contains: q } }, { titleEn: { contains: q } }] }),
});

const text = (max: number) => z.string().trim().min(1).max(max);
export const macroSchema = z.object({
  name: z
    .string()
    .trim()
    .min(1)
    .max(80)
    .regex(/^[a-z0-9_.-]+$/, 'Lower-case letters, digits, _ . - only'),
  titleZh: text(200),
  titleEn: text(200),
  bodyZh: text(10_000),
  bodyEn: text(10_000),
  kinds: z.array(z.enum(kindKeys)).default([]),
  active: z.boolean().default(true),
});

/** Fills {{placeholders}} from the ticket; an unknown placeholder stays visible so the agent sees it. */
export function fillPlaceholders(text: string, values: Record<string, string>): string {
  return text.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, name: string) => values[name] ?? whole);
}

export function macroRoutes({ db, config }: AppContext) {
  const getOne = async (id: number) => {
    const m = await db.macro.findUnique({ where: { id } });
    return m ? present(m) : null;
  };
  const router = Router();
  router.get('/:id/render', async (req, res) => {
    authorize(signedIn(req).role, 'macros.read');
    const macro = await db.macro.findUnique({ where: { id: parseId(req.params.id) } });
    if (!macro) throw notFound('Macro');
    const ticketId = parseId(req.query.ticketId);
    const ticket = await db.ticket.findUnique({ where: { id: ticketId } });
    if (!ticket) throw notFound('Ticket');
    const kind = getKind(ticket.kind);
    const values = (language: 'zh-CN' | 'en') => ({
      contactName: ticket.contactName,
      reference: ticket.reference,
      statusLink: statusLink(config.publicBaseUrl, ticket.reference),
      kind: kind ? kind.label[language] : ticket.kind,
    });
    const zh = fillPlaceholders(macro.bodyZh, values('zh-CN'));
    const en = fillPlaceholders(macro.bodyEn, values('en'));
    res.json({ macroId: macro.id, ticketId, locale: ticket.locale, bodyZh: zh, bodyEn: en, body: ticket.locale === 'en' ? en : zh });
  });
  router.use(
    restRouter<MacroRecord>({
      name: 'macros',
      label: 'Macro',
      spec,
      read: 'macros.read',
      list: (q) =>
        page(
          q,
          (a: Prisma.MacroFindManyArgs) => db.macro.findMany(a),
          (a: { where?: Prisma.MacroWhereInput }) => db.macro.count(a),
          present,
        ),
      getOne,
      create: {
        action: 'macros.manage',
        handle: async ({ body }) =>
          present(
            await unique(db.macro.create({ data: parseInput(macroSchema, body) }), 'A macro with this name exists already', 'NAME_TAKEN'),
          ),
      },
      update: {
        action: 'macros.manage',
        async handle({ id, body }) {
          const data = parseInput(macroSchema, body);
          if (!(await getOne(id))) throw notFound('Macro');
          return present(await unique(db.macro.update({ where: { id }, data }), 'A macro with this name exists already', 'NAME_TAKEN'));
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
    }),
  );
  return router;
}
