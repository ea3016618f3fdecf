import request from 'supertest';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  addBusinessDays,
  ageOn,
  businessDaysBetween,
  businessTimeBetween,
  deskDay,
  deskDayBounds,
  deskHolidays,
  isBusinessDay,
  isDeskDay,
} from '../../server/src/calendar/deskCalendar';
import { createTicket } from '../../server/src/tickets/createTicket';
import { transitionIn } from '../../server/src/tickets/workflow';
import { mfaUnbindPayload } from './support/payloads';
import { createTestApp, signedInAs, type TestApp } from './support/testApp';

// Beijing time is UTC+8: `beijing('2026-11-28 01:00')` is 2026-11-27T17:00Z.
const beijing = (local: string) => new Date(`${local.replace(' ', 'T')}:00+08:00`);
const hours = (n: number) => n * 3_600_000;

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());
afterEach(() => vi.useRealTimers());

const fileAt = (at: Date) =>
  createTicket(t.db, { ...mfaUnbindPayload(), submittedAt: at, by: { actorType: 'customer' } }, t.config.identityHashKey);

describe('the desk calendar module', () => {
  it('names the desk day of an instant and the instants of a desk day', () => {
    expect(deskDay(new Date('2026-11-29T15:59:59.999Z'))).toBe('2026-11-29');
    expect(deskDay(new Date('2026-11-29T16:00:00Z'))).toBe('2026-11-30');
    expect(deskDayBounds('2026-11-30')).toEqual({ start: new Date('2026-11-29T16:00:00Z'), end: new Date('2026-11-30T16:00:00Z') });
    expect(isDeskDay('2026-02-28')).toBe(true);
    expect(isDeskDay('2026-02-30')).toBe(false);
    expect(() => deskDayBounds('2026-02-30')).toThrow(RangeError);
  });

  it('knows weekends and holidays as desk days', () => {
    expect(isBusinessDay('2026-11-27')).toBe(true); // Friday
    expect(isBusinessDay('2026-11-28')).toBe(false); // Saturday
    expect(isBusinessDay('2026-11-30', new Set(['2026-11-30']))).toBe(false);
  });

  it('rule: business days between two desk days — a licence issued Friday 20 November has had 7 on Tuesday 1 December', () => {
    expect(businessDaysBetween('2026-11-20', '2026-12-01')).toBe(7);
    expect(businessDaysBetween('2026-11-20', '2026-11-30')).toBe(6);
    // 1 December 00:30 in Beijing is still 30 November in UTC.
    expect(businessDaysBetween('2026-11-20', beijing('2026-12-01 00:30'))).toBe(7);
    expect(businessDaysBetween('2026-11-20', '2026-12-01', new Set(['2026-11-25']))).toBe(6);
    expect(businessDaysBetween('2026-12-01', '2026-11-20')).toBe(-7);
    expect(businessDaysBetween('2026-11-28', '2026-11-29')).toBe(0);
  });

  it("rule: age is counted on the desk's calendar — an 18th birthday today in Beijing, still yesterday in UTC, is 18", () => {
    const born = { year: 2007, month: 6, day: 1 };
    expect(ageOn(born, new Date('2025-05-31T16:30:00Z'))).toBe(18);
    expect(ageOn(born, new Date('2025-05-31T15:30:00Z'))).toBe(17);
    expect(ageOn({ year: 2008, month: 2, day: 29 }, beijing('2026-02-28 12:00'))).toBe(17);
    expect(ageOn({ year: 2008, month: 2, day: 29 }, beijing('2026-03-01 00:00'))).toBe(18);
  });
});

describe("rule: SLA counts business days on the desk's calendar (Asia/Shanghai) — filed Saturday 01:00 Beijing, 1 business day, due Monday", () => {
  it('addBusinessDays: due at the end of Monday, Monday 24:00 in Beijing', () => {
    const filed = beijing('2026-11-28 01:00');
    expect(filed.toISOString()).toBe('2026-11-27T17:00:00.000Z'); // Friday in UTC
    expect(addBusinessDays(filed, 1)).toEqual(deskDayBounds('2026-11-30').end);
  });

  it('addBusinessDays: from a business day, the same Beijing clock time on the Nth business day after', () => {
    expect(addBusinessDays(beijing('2026-11-24 10:00'), 3)).toEqual(beijing('2026-11-27 10:00'));
    expect(addBusinessDays(beijing('2026-11-27 10:00'), 1)).toEqual(beijing('2026-11-30 10:00'));
    // 07:30 Friday in Beijing is Thursday in UTC: still Friday's clock time on Monday.
    expect(addBusinessDays(beijing('2026-11-27 07:30'), 1)).toEqual(beijing('2026-11-30 07:30'));
  });

  it('POST /api/public/appeals: the ticket filed Saturday 01:00 Beijing is due at the end of its 3rd business day, Wednesday', async () => {
    vi.setSystemTime(beijing('2026-11-28 01:00'));
    const filed = await request(t.app).post('/api/public/appeals').field('payload', JSON.stringify(mfaUnbindPayload()));
    expect(filed.status).toBe(201);
    expect(filed.body.reference).toMatch(/^AP-20261128-/);
    const ticket = await t.db.ticket.findUniqueOrThrow({ where: { reference: filed.body.reference } });
    expect(ticket.slaDueAt).toEqual(deskDayBounds('2026-12-02').end);
  });
});

describe('rule: holidays are desk days — a Beijing holiday is skipped even when the UTC day differs', () => {
  // Friday 4 December 2026 is the holiday; Thursday 07:00 in Beijing is still Wednesday in UTC.
  const filed = beijing('2026-12-03 07:00');

  it('addBusinessDays skips it: filed Thursday 07:00, 1 business day, due Monday 07:00', () => {
    expect(addBusinessDays(filed, 1, new Set(['2026-12-04']))).toEqual(beijing('2026-12-07 07:00'));
    expect(addBusinessDays(beijing('2026-12-03 23:30'), 1, new Set(['2026-12-04']))).toEqual(beijing('2026-12-07 23:30'));
  });

  it('POST /api/public/appeals: filed Tuesday 07:00 Beijing, 3 business days, due Monday 07:00 rather than on the holiday', async () => {
    await t.db.holiday.create({ data: { day: '2026-12-04', name: '测试假日' } });
    vi.setSystemTime(beijing('2026-12-01 07:00'));
    const filed = await request(t.app).post('/api/public/appeals').field('payload', JSON.stringify(mfaUnbindPayload()));
    expect(filed.status).toBe(201);
    const ticket = await t.db.ticket.findUniqueOrThrow({ where: { reference: filed.body.reference } });
    // Wednesday 2, Thursday 3, (Friday 4 is the holiday, then the weekend) Monday 7 December at 07:00.
    expect(ticket.slaDueAt).toEqual(beijing('2026-12-07 07:00'));
  });
});

describe('rule: make-up working days (调休) count as business days — a Saturday the desk works is on the SLA clock', () => {
  // Saturday 12 December 2026 is made a working day; Friday 11 December 10:00 Beijing, 1 business day.
  const filed = beijing('2026-12-11 10:00');

  it('addBusinessDays counts it: due Saturday 10:00 instead of Monday 10:00', () => {
    expect(addBusinessDays(filed, 1)).toEqual(beijing('2026-12-14 10:00'));
    expect(addBusinessDays(filed, 1, deskHolidays([], ['2026-12-12']))).toEqual(beijing('2026-12-12 10:00'));
    expect(isBusinessDay('2026-12-12', deskHolidays([], ['2026-12-12']))).toBe(true);
    expect(isBusinessDay('2026-12-13', deskHolidays([], ['2026-12-12']))).toBe(false);
  });

  it('admins list it through /api/holidays, only on a weekend day, and a ticket filed before it is due a day earlier', async () => {
    const admin = await signedInAs(t, 'admin');
    const weekday = await admin.client.post('/api/holidays').send({ day: '2026-12-15', name: '调休', workday: true });
    expect(weekday.status).toBe(400);
    expect(weekday.body.errors.workday).toMatch(/Saturday or Sunday/);
    const saturday = await admin.client.post('/api/holidays').send({ day: '2026-12-12', name: '调休上班', workday: true });
    expect(saturday.status, JSON.stringify(saturday.body)).toBe(201);
    expect(saturday.body.workday).toBe(true);

    vi.setSystemTime(filed);
    const res = await request(t.app).post('/api/public/appeals').field('payload', JSON.stringify(mfaUnbindPayload()));
    expect(res.status).toBe(201);
    const ticket = await t.db.ticket.findUniqueOrThrow({ where: { reference: res.body.reference } });
    // Saturday 12, Monday 14, Tuesday 15: three business days from Friday 10:00.
    expect(ticket.slaDueAt).toEqual(beijing('2026-12-15 10:00'));
  });
});

describe("rule: the SLA clock stands still while paused, on the desk's calendar — a weekend wait adds only the business time it covered", () => {
  it('paused Friday 10:00 and resumed Sunday: the due moment moves by the rest of Friday, 14 hours', async () => {
    const ticket = await fileAt(beijing('2027-01-06 10:00'));
    expect(ticket.slaDueAt).toEqual(beijing('2027-01-11 10:00'));
    const pausedAt = beijing('2027-01-08 10:00');
    await t.db.ticket.update({ where: { id: ticket.id }, data: { status: 'awaiting_customer', slaPausedAt: pausedAt } });
    expect(businessTimeBetween(pausedAt, beijing('2027-01-10 12:00'))).toBe(hours(14));

    vi.setSystemTime(beijing('2027-01-10 12:00'));
    const resumed = await t.db.$transaction((tx) => transitionIn(tx, ticket.id, 'in_review', { actorType: 'customer' }));
    expect(resumed.slaPausedAt).toBeNull();
    expect(resumed.slaDueAt).toEqual(deskDayBounds('2027-01-11').end);
  });
});

describe("rule: references carry the desk's day", () => {
  it('filed 00:30 on 3 March in Beijing (16:30 UTC on the 2nd): AP-20260303', async () => {
    const at = new Date('2026-03-02T16:30:00Z');
    const ticket = await fileAt(at);
    expect(ticket.reference).toBe(`AP-${deskDay(at).replaceAll('-', '')}-0001`);
    expect(ticket.reference).toBe('AP-20260303-0001');
  });
});

describe('rule: statistics count decisions per desk day — GET /api/stats/overview', () => {
  it("a decision at 2026-11-29 23:30 UTC counts on 30 November, Beijing's day", async () => {
    vi.setSystemTime(new Date('2026-11-29T23:45:00Z'));
    const agent = await signedInAs(t, 'agent');
    const decide = async (decidedAt: string, decision: 'approve' | 'reject') => {
      const ticket = await fileAt(new Date('2026-11-29T02:00:00Z'));
      await t.db.ticket.update({
        where: { id: ticket.id },
        data: { decidedAt: new Date(decidedAt), decision, status: decision === 'approve' ? 'approved' : 'rejected' },
      });
    };
    await decide('2026-11-29T23:30:00Z', 'approve');
    await decide('2026-11-29T16:00:00Z', 'reject'); // 30 November 00:00 in Beijing
    await decide('2026-11-29T15:59:00Z', 'approve'); // 29 November 23:59 in Beijing

    const res = await agent.client.get('/api/stats/overview');
    expect(res.status).toBe(200);
    const days = res.body.decisionsPerDay as { day: string; approved: number; rejected: number }[];
    expect(days).toHaveLength(30);
    expect(days.at(-1)).toEqual({ day: '2026-11-30', approved: 1, rejected: 1 });
    expect(days.at(-2)).toEqual({ day: '2026-11-29', approved: 1, rejected: 0 });
    expect(days[0]?.day).toBe('2026-11-01');
  });
});
