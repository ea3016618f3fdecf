import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Prisma } from '../../server/src/generated/prisma/client';
import { createDemoTestApp, signedInAs, type TestApp } from './support/testApp';

// Stored times are UTC wall clocks: a reader that read or wrote them in the process's own zone would be hours off here.
process.env.TZ = 'Asia/Shanghai';

let t: TestApp;

beforeAll(async () => {
  t = await createDemoTestApp();
}, 60_000);
afterAll(() => t.close());

describe('the read connection', () => {
  it('gives every kind of column as Prisma does: dates, booleans, JSON, nulls, text', async () => {
    const some = await t.db.ticket.findMany({ orderBy: { id: 'asc' }, take: 12, select: { id: true } });
    const query = Prisma.sql`SELECT "id", "reference", "fields", "complete", "slaDueAt", "slaPausedAt", "decidedAt", "assigneeId", "variant", "contactPhone"
      FROM "Ticket" WHERE "id" IN (${Prisma.join(some.map((r) => r.id))}) ORDER BY "id"`;
    const read = await t.reader.all<Record<string, unknown>>(query);
    const viaPrisma = await t.db.$queryRaw<Record<string, unknown>[]>(query);
    expect(read).toHaveLength(12);
    expect(read).toEqual(viaPrisma);
    const row = read[0]!;
    expect(row.slaDueAt).toBeInstanceOf(Date);
    expect(typeof row.complete).toBe('boolean');
    expect(typeof row.fields).toBe('object');
    // The demo desk has tickets with and without each of these.
    for (const column of ['slaPausedAt', 'decidedAt', 'assigneeId', 'variant']) {
      expect(
        read.some((r) => r[column] === null),
        column,
      ).toBe(true);
    }
  });

  it('takes dates and booleans as arguments the way they are stored', async () => {
    const cutoff = new Date(Date.now() + 400 * 86_400_000);
    const query = Prisma.sql`SELECT COUNT(*) AS "n" FROM "Ticket" WHERE "slaDueAt" < ${cutoff} AND "complete" = ${true}`;
    const [read] = await t.reader.all<{ n: number | bigint }>(query);
    const expected = await t.db.ticket.count({ where: { slaDueAt: { lt: cutoff }, complete: true } });
    expect(expected).toBeGreaterThan(0);
    expect(Number(read!.n)).toBe(expected);

    // A date argument names the very instant stored.
    const ticket = await t.db.ticket.findFirstOrThrow({ select: { id: true, slaDueAt: true } });
    const exact = await t.reader.all<{ id: number }>(
      Prisma.sql`SELECT "id" FROM "Ticket" WHERE "id" = ${ticket.id} AND "slaDueAt" = ${ticket.slaDueAt}`,
    );
    expect(exact.map((r) => r.id)).toEqual([ticket.id]);
  });

  it('sees a write the moment Prisma has committed it', async () => {
    const ticket = await t.db.ticket.findFirstOrThrow({ where: { status: 'new' } });
    await t.db.ticket.update({ where: { id: ticket.id }, data: { priority: 'urgent', contactName: '读连接 测试' } });
    const [row] = await t.reader.all<{ priority: string; contactName: string }>(
      Prisma.sql`SELECT "priority", "contactName" FROM "Ticket" WHERE "id" = ${ticket.id}`,
    );
    expect(row).toEqual({ priority: 'urgent', contactName: '读连接 测试' });
  });

  it('keeps answering past the number of statements it keeps prepared', async () => {
    const ids = (await t.db.ticket.findMany({ select: { id: true }, orderBy: { id: 'asc' } })).map((r) => r.id);
    // Each length of IN list is a statement of its own.
    for (let n = 1; n <= 260; n++) {
      const wanted = Array.from({ length: n }, (_, i) => ids[i % ids.length]!);
      const rows = await t.reader.all<{ id: number }>(Prisma.sql`SELECT "id" FROM "Ticket" WHERE "id" IN (${Prisma.join(wanted)})`);
      expect(rows.length).toBe(new Set(wanted).size);
    }
  });

  it('refuses to write', async () => {
    await expect(t.reader.all(Prisma.sql`DELETE FROM "Ticket"`)).rejects.toThrow();
    expect(await t.db.ticket.count()).toBeGreaterThan(0);
  });

  it('serves the session: a signed-out cookie is refused on the very next request', async () => {
    const { client } = await signedInAs(t);
    await client.get('/api/tickets').expect(200);
    await client.post('/api/auth/logout').expect(204);
    await client.get('/api/tickets').expect(401);
  });
});
