import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kindKeys } from '../../server/src/catalog';
import { verifyPassword } from '../../server/src/auth/passwords';
import { seedBulkTickets } from '../../server/src/seed/bulk';
import { demoPassword, seedDemoIfEmpty } from '../../server/src/seed/demo';
import { canTransition, ticketStatuses } from '../../server/src/contract/statuses';
import { fileAppeal } from './support/desk';
import { mfaUnbindPayload } from './support/payloads';
import { createTestApp, type TestApp } from './support/testApp';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('demo data', () => {
  // Seeding inspects every demo file as an upload would be (PDF pages included): a guard against a hang, not a budget.
  it('seeds an empty database with tickets of every kind in every status, once', { timeout: 60_000 }, async () => {
    const summary = await seedDemoIfEmpty(t.db, t.config.identityHashKey, { store: t.store });
    expect(summary).not.toBeNull();
    expect(summary!.files).toBeGreaterThan(20);
    const combos = await t.db.ticket.groupBy({ by: ['kind', 'status'], _count: { _all: true } });
    for (const kind of kindKeys)
      for (const status of ticketStatuses)
        expect(
          combos.some((c) => c.kind === kind && c.status === status),
          `${kind}/${status}`,
        ).toBe(true);
    expect(await seedDemoIfEmpty(t.db, t.config.identityHashKey)).toBeNull();
  });

  it('has the demo sign-ins with the documented password', async () => {
    for (const email of ['agent@example.com', 'admin@example.com']) {
      const agent = await t.db.agent.findUniqueOrThrow({ where: { email } });
      expect(await verifyPassword(agent.passwordHash, demoPassword)).toBe(true);
    }
  });

  it('has a believable directory: all subject types, several accounts on one security phone, MFA on some, credit codes', async () => {
    const bySubject = await t.db.account.groupBy({ by: ['subjectType'], _count: { _all: true } });
    expect(bySubject.map((b) => b.subjectType).sort()).toEqual(['enterprise', 'personal', 'unverified']);
    const shared = await t.db.account.groupBy({ by: ['securityPhone'], _count: { _all: true }, where: { securityPhone: { not: null } } });
    expect(Math.max(...shared.map((s) => s._count._all))).toBeGreaterThanOrEqual(3);
    expect(await t.db.account.count({ where: { mfaBound: true } })).toBeGreaterThan(0);
    const codes = await t.db.account.findMany({ where: { subjectType: 'enterprise' }, select: { creditCode: true } });
    expect(codes.every((c) => /^91[0-9A-HJ-NPQRTUWXY]{16}$/.test(c.creditCode ?? ''))).toBe(true);
  });

  it('worked tickets carry inspected files; the one waiting for the customer has a failed greyscale scan', async () => {
    const inReview = (await t.db.ticket.findMany({ where: { status: 'in_review' }, include: { evidence: true } })).flatMap(
      (r) => r.evidence,
    );
    expect(inReview.length).toBeGreaterThan(0);
    for (const e of inReview) expect(await t.store.exists(e.storageKey)).toBe(true);
    const waiting = await t.db.ticket.findMany({ where: { status: 'awaiting_customer' }, include: { evidence: true } });
    const failed = waiting
      .flatMap((w) => w.evidence)
      .filter((e) => (e.findings as { code: string }[]).some((f) => f.code === 'colour.greyscale'));
    expect(failed.length).toBeGreaterThan(0);
    const events = await t.db.event.count({ where: { type: 'evidence.fraud_signal' } });
    expect(events).toBe(0);
  });

  it("timelines follow the transition table from new to the ticket's status", async () => {
    const tickets = await t.db.ticket.findMany({
      include: { events: { where: { type: 'ticket.transitioned' }, orderBy: { createdAt: 'asc' } } },
    });
    for (const ticket of tickets) {
      let at = 'new';
      for (const e of ticket.events) {
        expect(e.fromStatus).toBe(at);
        expect(canTransition(at, e.toStatus!), `${ticket.reference} ${at}>${e.toStatus}`).toBe(true);
        at = e.toStatus!;
      }
      expect(at).toBe(ticket.status);
      if (['approved', 'rejected'].includes(ticket.status)) expect(ticket.decidedAt).not.toBeNull();
    }
  });
});

describe('bulk synthetic tickets', () => {
  it('adds N tickets spread over kinds, subject types and statuses, with unique references', async () => {
    const before = await t.db.ticket.count();
    await seedBulkTickets(t.databaseUrl, 3000, t.config.identityHashKey);
    expect(await t.db.ticket.count()).toBe(before + 3000);
    const kinds = await t.db.ticket.groupBy({ by: ['kind'], _count: { _all: true } });
    expect(kinds).toHaveLength(kindKeys.length);
    const statuses = await t.db.ticket.groupBy({ by: ['status'], _count: { _all: true } });
    expect(statuses.length).toBe(ticketStatuses.length);
    const subjects = await t.db.ticket.groupBy({ by: ['subjectType'], _count: { _all: true } });
    expect(subjects).toHaveLength(3);
    const refs = await t.db.ticket.findMany({ select: { reference: true } });
    expect(new Set(refs.map((r) => r.reference)).size).toBe(refs.length);
    // Readable through Prisma: dates and JSON written in the adapter's formats.
    const sample = await t.db.ticket.findFirstOrThrow({ where: { id: { gt: before } }, include: { slots: true } });
    expect(sample.submittedAt).toBeInstanceOf(Date);
    expect(Number.isNaN(sample.submittedAt.getTime())).toBe(false);
    expect(typeof sample.fields).toBe('object');
    // Nothing synthetic happens in the future.
    const future = new Date(Date.now() + 60_000);
    expect(
      await t.db.ticket.count({
        where: {
          OR: [{ decidedAt: { gt: future } }, { closedAt: { gt: future } }, { updatedAt: { gt: future } }, { submittedAt: { gt: future } }],
        },
      }),
    ).toBe(0);
    // The desk goes on after the load: an appeal filed now takes the next id and a reference of its own.
    const filed = await fileAppeal(t, mfaUnbindPayload());
    expect(filed.status).toBe(201);
    const latest = await t.db.ticket.findFirstOrThrow({ orderBy: { id: 'desc' } });
    expect(latest.reference).toBe(filed.body.reference);
    expect(await t.db.ticket.count()).toBe(before + 3001);
  });
});
