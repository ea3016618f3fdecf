import fs from 'node:fs';
import path from 'node:path';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { colourIdCard } from '../fixtures/evidence';
import { mfaUnbindPayload } from './support/payloads';
import { createTestApp, signedInAs, type TestApp } from './support/testApp';

// One photo re-used across many appeals, each by another customer: the signal must reach the agents on both sides
// of every appeal that carries it, without writing events or growing findings in proportion to the re-use.
let t: TestApp;
let files: string;

beforeAll(async () => {
  t = await createTestApp();
  files = fs.mkdtempSync(path.join(t.dir, 'fixtures-'));
});
afterAll(() => t.close());

const appeals = 30;
const listed = 20;

/** The n-th customer: an account and contacts of their own. */
const customer = (n: number) =>
  mfaUnbindPayload({
    fields: { accountId: String(100_050_000 + n) },
    contact: { email: `customer${n}@example.cn`, phone: `1370000${String(n).padStart(4, '0')}` },
  });

type Signal = { code: string; message: { en: string; 'zh-CN': string }; facts?: { references?: string; count?: number; more?: number } };
const signalsOf = async (reference: string) => {
  const row = await t.db.evidence.findFirstOrThrow({
    where: { ticket: { reference }, current: true, slot: { slotKey: 'applicant_id_front' } },
  });
  const findings = row.findings as Signal[];
  return { row, findings, signals: findings.filter((f) => f.code === 'duplicate.other_appeal') };
};
const fraudEvents = (reference?: string) =>
  t.db.event.count({ where: { type: 'evidence.fraud_signal', ...(reference ? { ticket: { reference } } : {}) } });

describe('fraud signals for one photo re-used across 30 appeals', () => {
  const references: string[] = [];
  const writtenPerUpload: number[] = [];
  const tokens: string[] = [];

  beforeAll(async () => {
    const shared = await colourIdCard(files, { variant: 0, width: 1500, fileName: 'shared.jpg' });
    for (let n = 0; n < appeals; n += 1) {
      const before = await fraudEvents();
      const res = await request(t.app)
        .post('/api/public/appeals')
        .field('payload', JSON.stringify(customer(n)))
        .attach('applicant_id_front', shared);
      if (res.status !== 201) throw new Error(`appeal ${n}: ${res.status} ${JSON.stringify(res.body)}`);
      references.push(res.body.reference);
      tokens.push(res.body.accessToken);
      writtenPerUpload.push((await fraudEvents()) - before);
    }
  }, 120_000);

  it('writes one event on the new ticket and one on each of at most 20 earlier tickets per upload', () => {
    expect(writtenPerUpload[0]).toBe(0);
    for (let n = 1; n < appeals; n += 1) expect(writtenPerUpload[n], `appeal ${n}`).toBe(1 + Math.min(n, listed));
    // 2 per pair of tickets before, 2 × (1 + 2 + … + 29) = 870 events; now 29 + 20 × 21 / 2 + 9 × 20 = 419.
    expect(writtenPerUpload.reduce((a, b) => a + b, 0)).toBe(419);
  });

  it('gives the first appeal one event per later appeal, and the last one a single event', async () => {
    expect(await fraudEvents(references[0])).toBe(appeals - 1);
    expect(await fraudEvents(references.at(-1))).toBe(1);
  });

  it('keeps one finding per file naming at most 20 other appeals and counting the rest, on the first ticket and the last', async () => {
    const first = await signalsOf(references[0]!);
    const last = await signalsOf(references.at(-1)!);
    expect(first.signals).toHaveLength(1);
    expect(first.signals[0]!.facts).toMatchObject({
      count: appeals - 1,
      more: appeals - 1 - listed,
      references: references.slice(1, 1 + listed).join(', '),
    });
    expect(last.signals).toHaveLength(1);
    expect(last.signals[0]!.facts).toMatchObject({
      count: appeals - 1,
      more: appeals - 1 - listed,
      references: references.slice(0, listed).join(', '),
    });
    for (const { row, findings } of [first, last]) {
      expect(row.state).toBe('warn');
      // Before: one more finding per re-use (33 findings, 7.9 KB on either ticket at 30 appeals); now 5 findings, 2 KB.
      expect(findings.length).toBeLessThanOrEqual(5);
      expect(JSON.stringify(findings).length).toBeLessThan(3_000);
    }
    expect(first.signals[0]!.message).toMatchObject({ en: expect.stringContaining('and 9 more') });
  });

  it("rule: the same document on another customer's appeal is a fraud signal for the agent — shows agents the signal on the ticket, and never the customer", async () => {
    const { client } = await signedInAs(t, 'agent');
    const ticket = await t.db.ticket.findUniqueOrThrow({ where: { reference: references[0] } });
    const seen = await client.get(`/api/tickets/${ticket.id}`);
    const front = seen.body.slots.find((s: { key: string }) => s.key === 'applicant_id_front');
    expect(front.findings.map((f: { code: string }) => f.code)).toContain('duplicate.other_appeal');
    const own = await request(t.app).get(`/api/public/appeals/${references[0]}`).set('Authorization', `Bearer ${tokens[0]}`);
    expect(own.status).toBe(200);
    expect(JSON.stringify(own.body)).not.toContain('duplicate.other_appeal');
  });

  it('adds no event anywhere when the same photo is sent again to an appeal that already has it', async () => {
    const reference = references.at(-1)!;
    const before = await fraudEvents();
    const res = await request(t.app)
      .post(`/api/public/appeals/${reference}/evidence`)
      .set('Authorization', `Bearer ${tokens.at(-1)}`)
      .attach('applicant_id_front', path.join(files, 'shared.jpg'));
    expect(res.status).toBe(200);
    expect(await fraudEvents()).toBe(before);
    const again = await signalsOf(reference);
    expect(again.signals).toHaveLength(1);
    expect(again.signals[0]!.facts).toMatchObject({ count: appeals - 1 });
  });
});
