import { lists } from '../../server/src/contract/lists';
import { openStatuses } from '../../server/src/contract/statuses';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { onPostgres } from './support/database';
import { seedBulkTickets } from '../../server/src/seed/bulk';
import { searchLimit, shortSearchWindow } from '../../server/src/tickets/listing';
import { createTicket } from '../../server/src/tickets/createTicket';
import { mfaUnbindPayload } from './support/payloads';
import { createDemoTestApp, signedInAs, type TestApp } from './support/testApp';

let t: TestApp;
let agent: Awaited<ReturnType<typeof signedInAs>>;

beforeAll(async () => {
  t = await createDemoTestApp();
  agent = await signedInAs(t, 'admin');
}, 60_000);
afterAll(() => t.close());

const dims = ['status', 'kind', 'variant', 'subjectType', 'priority', 'assigneeId', 'complete'] as const;

/** The tally as the list reads it, against a GROUP BY over the tickets themselves. */
async function expectTallyMatchesTickets() {
  const real = await t.db.ticket.groupBy({ by: [...dims], _count: { _all: true } });
  const tally = await t.db.ticketTally.findMany({ where: { n: { not: 0 } } });
  const key = (r: Record<(typeof dims)[number], unknown>) => dims.map((d) => String(r[d])).join('|');
  expect(new Map(tally.map((r) => [key(r), r.n]))).toEqual(new Map(real.map((r) => [key(r), r._count._all])));
  expect(await t.db.ticketTotal.findUniqueOrThrow({ where: { id: 1 } })).toEqual({ id: 1, n: await t.db.ticket.count() });
}

async function list(filter: Record<string, unknown>, sort: [string, 'ASC' | 'DESC'] = ['slaDueAt', 'ASC'], range = '[0,24]') {
  const res = await agent.client.get('/api/tickets').query({ filter: JSON.stringify(filter), sort: JSON.stringify(sort), range });
  return {
    res,
    ids: Array.isArray(res.body) ? (res.body as { id: number }[]).map((r) => r.id) : [],
    total: Number(/\/(\d+)$/.exec(res.headers['content-range'] ?? '')?.[1]),
  };
}

describe('ticket counts kept by triggers', () => {
  it('follow every kind of write: create, transition, assign, priority, delete, bulk load', async () => {
    await expectTallyMatchesTickets();
    const ticket = await t.db.ticket.findFirstOrThrow({ where: { status: 'new' } });
    await agent.client.put(`/api/tickets/${ticket.id}`).send({ priority: 'urgent', assigneeId: agent.agent.id }).expect(200);
    await agent.client.post(`/api/tickets/${ticket.id}/transition`).send({ to: 'triage' }).expect(200);
    await expectTallyMatchesTickets();
    const other = await t.db.ticket.findFirstOrThrow({ where: { status: 'closed' } });
    await agent.client.delete(`/api/tickets/${other.id}`).expect(200);
    await expectTallyMatchesTickets();
    // The bulk loader sets the triggers aside and rebuilds what they keep, on either database.
    await seedBulkTickets(t.databaseUrl, 2500, t.config.identityHashKey);
    await expectTallyMatchesTickets();
    // So are the rows of ID-number hashes the customer's history reads.
    const [declared] = await t.db.$queryRawUnsafe<{ n: bigint }[]>(
      onPostgres
        ? `SELECT COUNT(*) AS n FROM (SELECT DISTINCT e.v #>> '{}', t."id" FROM "Ticket" t, jsonb_each(t."fieldDigests") e(key, v) WHERE jsonb_typeof(e.v) = 'string') d`
        : `SELECT COUNT(*) AS n FROM (SELECT DISTINCT j."value", t."id" FROM "Ticket" t, json_each(t."fieldDigests") j WHERE j."type" = 'text')`,
    );
    expect(await t.db.ticketDigest.count()).toBe(Number(declared!.n));
    expect(Number(declared!.n)).toBeGreaterThan(2500);
  });

  it('give list totals equal to a real count, for every console filter', async () => {
    const open = [...openStatuses];
    const cases: [Record<string, unknown>, object][] = [
      [{}, {}],
      [{ status: 'closed' }, { status: 'closed' }],
      [{ status: open }, { status: { in: open } }],
      [
        { kind: 'mfa_unbind', subjectType: 'personal' },
        { kind: 'mfa_unbind', subjectType: 'personal' },
      ],
      [
        { assigneeId: null, status: 'new' },
        { assigneeId: null, status: 'new' },
      ],
      [{ priority: 'urgent' }, { priority: 'urgent' }],
      [{ complete: false }, { complete: false }],
      [{ overdue: true }, { status: { in: open }, slaPausedAt: null, slaDueAt: { lt: new Date() } }],
      [
        { submittedAt_gte: new Date(Date.now() - 7 * 86_400_000).toISOString() },
        { submittedAt: { gte: new Date(Date.now() - 7 * 86_400_000) } },
      ],
    ];
    for (const [filter, where] of cases) {
      for (const sort of [
        ['slaDueAt', 'ASC'],
        ['updatedAt', 'DESC'],
      ] as const) {
        const { res, ids, total } = await list(filter, [...sort]);
        expect(res.status, JSON.stringify(filter)).toBe(200);
        expect(total, JSON.stringify(filter)).toBe(await t.db.ticket.count({ where }));
        const expected = await t.db.ticket.findMany({
          where,
          orderBy: [{ [sort[0]]: sort[1].toLowerCase() }, { id: sort[1].toLowerCase() as 'asc' | 'desc' }],
          take: 25,
          select: { id: true },
        });
        expect(ids, JSON.stringify(filter)).toEqual(expected.map((r) => r.id));
      }
    }
  });
});

describe('several statuses at once', () => {
  // On PostgreSQL such a page is merged from one ordered walk per status: each page must still be the one Prisma sorts.
  it('page in every sort, both ways, beyond the first page, with and without other filters', async () => {
    await seedBulkTickets(t.databaseUrl, 1500, t.config.identityHashKey);
    const open = [...openStatuses];
    const filters: [Record<string, unknown>, object][] = [
      [{ status: open }, { status: { in: open } }],
      [{ status: ['new', 'closed'] }, { status: { in: ['new', 'closed'] } }],
      [
        { status: [...open, 'closed'], priority: 'normal' },
        { status: { in: [...open, 'closed'] }, priority: 'normal' },
      ],
      [
        { status: ['closed', 'rejected'], assigneeId: null },
        { status: { in: ['closed', 'rejected'] }, assigneeId: null },
      ],
    ];
    for (const [filter, where] of filters) {
      for (const field of lists.tickets.sortable) {
        for (const dir of ['asc', 'desc'] as const) {
          const orderBy = [{ [field]: dir }, ...(field === 'id' ? [] : [{ id: dir }])];
          for (const skip of [0, 50]) {
            const expected = await t.db.ticket.findMany({ where, orderBy, skip, take: 25, select: { id: true } });
            const { res, ids } = await list(filter, [field, dir === 'asc' ? 'ASC' : 'DESC'], `[${skip},${skip + 24}]`);
            const label = `${JSON.stringify(filter)} ${field} ${dir} from ${skip}`;
            expect(res.status, label).toBe(200);
            expect(ids, label).toEqual(expected.map((r) => r.id));
          }
        }
      }
    }
  });
});

describe('list rows', () => {
  it('carry each ticket as reading it alone does, whether the page was found through the tally or not', async () => {
    const complete = await t.db.ticket.findFirstOrThrow({ where: { complete: true } });
    for (const filter of [{ status: ['new', 'closed'] }, { complete: true, kind: complete.kind }, { submittedAt_gte: '2000-01-01' }]) {
      const { res, ids } = await list(filter, ['updatedAt', 'DESC']);
      expect(res.status, JSON.stringify(filter)).toBe(200);
      expect(ids.length, JSON.stringify(filter)).toBeGreaterThan(0);
      for (const row of (res.body as { id: number }[]).slice(0, 5)) {
        const { slots: _slots, ...alone } = (await agent.client.get(`/api/tickets/${row.id}`).expect(200)).body;
        expect(row).toEqual(alone);
      }
    }
  });
});

describe('search', () => {
  it('finds a phone fragment, a reference, and a two-character name at a word edge', async () => {
    const ticket = await t.db.ticket.findFirstOrThrow({ where: { contactPhone: { not: null } }, orderBy: { id: 'desc' } });
    const phone = ticket.contactPhone!;
    const byPhone = await list({ q: phone.slice(3, 9) });
    const expected = await t.db.ticket.count({ where: { searchText: { contains: phone.slice(3, 9) } } });
    expect(byPhone.total).toBe(onPostgres ? expected : Math.min(expected, searchLimit));
    expect(byPhone.ids).toContain(
      (
        await t.db.ticket.findFirstOrThrow({
          where: { searchText: { contains: phone.slice(3, 9) } },
          orderBy: [{ slaDueAt: 'asc' }, { id: 'asc' }],
        })
      ).id,
    );
    const byRef = await list({ q: ticket.reference.toLowerCase() });
    expect(byRef.ids).toEqual([ticket.id]);
    expect(byRef.total).toBe(1);
    // Typed as printed, in capitals; and a reference no ticket has finds nothing.
    expect((await list({ q: ticket.reference })).ids).toEqual([ticket.id]);
    expect((await list({ q: 'AP-19990101-0001' })).total).toBe(0);
    // Part of a reference is still a text search: the day's tickets.
    const day = ticket.reference.slice(3, 11);
    const byDay = await list({ q: day });
    expect(byDay.total).toBe(await t.db.ticket.count({ where: { searchText: { contains: day } } }));
    const surname = ticket.contactName.slice(0, 2);
    const byName = await list({ q: surname });
    expect(byName.total).toBeGreaterThan(0);
    // Agents see the name masked: the rows found are checked against the database. The name may be the contact's
    // or another the ticket declares (an applicant, a legal representative): each starts or ends a word there.
    const found = await t.db.ticket.findMany({ where: { id: { in: byName.ids } }, select: { searchText: true } });
    const atWordEdge = new RegExp(`(^| )${surname}|${surname}( |$)`);
    for (const row of found) expect(row.searchText).toMatch(atWordEdge);
  });

  it('combines with the other filters, those the tally answers and those it does not', async () => {
    // A fragment found in a few dozen tickets: under the search limit, so the totals are exact on both databases.
    const phones = await t.db.ticket.findMany({ where: { contactPhone: { not: null } }, select: { contactPhone: true }, take: 50 });
    let fragment = '';
    for (const p of phones.flatMap((r) => [4, 5, 6].map((n) => r.contactPhone!.slice(0, n)))) {
      const n = await t.db.ticket.count({ where: { searchText: { contains: p } } });
      if (n >= 10 && n <= 300) {
        fragment = p;
        break;
      }
    }
    expect(fragment).not.toBe('');
    const open = [...openStatuses];
    const matching = { searchText: { contains: fragment } };
    const cases: [Record<string, unknown>, object][] = [
      [{ q: fragment }, matching],
      [
        { q: fragment, status: open },
        { ...matching, status: { in: open } },
      ],
      [
        { q: fragment, overdue: false },
        { ...matching, NOT: { status: { in: open }, slaPausedAt: null, slaDueAt: { lt: new Date() } } },
      ],
    ];
    for (const [filter, where] of cases) {
      const { res, ids, total } = await list(filter, ['updatedAt', 'DESC']);
      expect(res.status, JSON.stringify(filter)).toBe(200);
      expect(total, JSON.stringify(filter)).toBe(await t.db.ticket.count({ where }));
      const expected = await t.db.ticket.findMany({
        where,
        orderBy: [{ updatedAt: 'desc' }, { id: 'desc' }],
        take: 25,
        select: { id: true },
      });
      expect(ids, JSON.stringify(filter)).toEqual(expected.map((r) => r.id));
    }
  });

  it('finds one Han character (a surname) at a word start, with a total equal to the rows it has', async () => {
    const zhang = await createTicket(
      t.db,
      { ...mfaUnbindPayload({ contact: { name: '张伟' } }), by: { actorType: 'customer' } },
      t.config.identityHashKey,
    );
    const { res, ids, total } = await list({ q: '张' }, ['id', 'DESC']);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(ids[0]).toBe(zhang.id);
    const expected = await t.db.ticket.count({ where: { searchText: { contains: ' 张' } } });
    expect(await t.db.ticket.count()).toBeLessThan(shortSearchWindow);
    expect(total).toBe(Math.min(expected, searchLimit));
    expect(ids).toHaveLength(Math.min(total, 25));
    const page = await t.db.ticket.findMany({ where: { id: { in: ids } }, select: { searchText: true } });
    for (const row of page) expect(row.searchText).toContain(' 张');
    const open = await list({ q: '张', status: [...openStatuses] }, ['id', 'DESC']);
    expect(open.total).toBe(
      await t.db.ticket.count({ where: { searchText: { contains: ' 张' }, status: { in: [...openStatuses] } }, take: searchLimit }),
    );
  });

  it('refuses one Latin character, in the agent’s language', async () => {
    const short = await list({ q: 'a' });
    expect(short.res.status).toBe(400);
    expect(short.res.body.code).toBe('SEARCH_TOO_SHORT');
    await t.db.agent.update({ where: { id: agent.agent.id }, data: { locale: 'zh-CN' } });
    expect((await list({ q: 'a' })).res.body.message).toMatch(/至少输入 2 个字符/);
    await t.db.agent.update({ where: { id: agent.agent.id }, data: { locale: 'en' } });
    expect((await list({ q: 'a' })).res.body.message).toMatch(/at least 2 characters/);
  });

  it('treats wildcards as text', async () => {
    for (const q of ['%%%', '***', '?[]']) {
      const wild = await list({ q });
      expect(wild.res.status).toBe(200);
      expect(wild.total, q).toBe(0);
    }
    const percent = await list({ q: '%%%' });
    expect(percent.res.status).toBe(200);
    expect(percent.total).toBe(0);
  });

  // PostgreSQL counts every match through its trigram index; the limit is SQLite's full-text path.
  it.skipIf(onPostgres)('stops at its limit, newest first, and says the total is a lower bound', async () => {
    const all = await t.db.ticket.count();
    expect(all).toBeGreaterThan(searchLimit);
    const { res, total } = await list({ q: 'ap-' }, ['id', 'DESC']);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(total).toBe(searchLimit);
    expect(res.headers['x-total-is-lower-bound']).toBe('true');
    expect(res.body[0].id).toBe((await t.db.ticket.findFirstOrThrow({ orderBy: { id: 'desc' } })).id);
  });

  it('follows erasure: a ticket whose personal data was erased is no longer found by it', async () => {
    const ticket = await t.db.ticket.findFirstOrThrow({ where: { searchText: { not: '' } }, orderBy: { id: 'desc' } });
    expect((await list({ q: ticket.reference.toLowerCase() })).ids).toEqual([ticket.id]);
    await t.db.ticket.update({ where: { id: ticket.id }, data: { searchText: '' } });
    expect((await list({ q: ticket.reference.toLowerCase() })).ids).toEqual([]);
  });
});
