import fs from 'node:fs';
import path from 'node:path';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../server/src/config';
import { allowList } from '../../server/src/metrics/routes';
import { colourIdCard, greyscaleScan } from '../fixtures/evidence';
import { fileAppeal, makeAccount } from './support/desk';
import { mfaUnbindPayload } from './support/payloads';
import { createTestApp, signedInAs, type TestApp } from './support/testApp';

// Issue 16: /metrics in Prometheus's format, for the configured scraper only, with no personal data in it.

const token = 'scraper-token-0123456789';
let t: TestApp;
let dir: string;

beforeAll(async () => {
  t = await createTestApp({ METRICS_TOKEN: token });
  dir = fs.mkdtempSync(path.join(t.dir, 'fixtures-'));
});
afterAll(() => t.close());

const scrape = async (app = t.app) => (await request(app).get('/metrics').set('Authorization', `Bearer ${token}`).expect(200)).text;

/** The value of one sample line, e.g. value(text, 'helpdesk_sla_breaches') or with its labels. */
function value(text: string, series: string): number {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  return line === undefined ? 0 : Number(line.slice(series.length + 1));
}

describe('GET /metrics', () => {
  it('answers only the scraper holding the token', async () => {
    expect((await request(t.app).get('/metrics')).status).toBe(403);
    expect((await request(t.app).get('/metrics').set('Authorization', 'Bearer not-the-token-at-all')).status).toBe(403);
    const res = await request(t.app).get('/metrics').set('Authorization', `Bearer ${token}`).expect(200);
    expect(res.headers['content-type']).toMatch(/^text\/plain; version=0\.0\.4/);
    expect(res.text).toContain('# TYPE helpdesk_http_requests_total counter');
  });

  it('does not exist on a desk that configured no scraper', async () => {
    const bare = await createTestApp();
    try {
      const res = await request(bare.app).get('/metrics');
      expect(res.status).toBe(404);
      expect(res.body.code).toBe('NOT_FOUND');
    } finally {
      await bare.close();
    }
  });

  it('answers an allowed network by the connection address, which a forwarded header cannot claim', async () => {
    const fromNetwork = await createTestApp({ METRICS_ALLOW: '10.0.0.0/8', TRUST_PROXY: 'loopback' });
    const loopback = await createTestApp({ METRICS_ALLOW: '127.0.0.1,::1' });
    try {
      expect((await request(fromNetwork.app).get('/metrics').set('X-Forwarded-For', '10.1.2.3')).status).toBe(403);
      expect((await request(loopback.app).get('/metrics')).status).toBe(200);
    } finally {
      await fromNetwork.close();
      await loopback.close();
    }
    const allowed = allowList(['10.0.0.0/8', '2001:db8::/32', '192.168.1.7']);
    expect(['::ffff:10.9.8.7', '10.0.0.1', '2001:db8::1', '192.168.1.7'].map(allowed)).toEqual([true, true, true, true]);
    expect(['11.0.0.1', '192.168.1.8', '2001:db9::1', undefined].map(allowed)).toEqual([false, false, false, false]);
    expect(() => loadConfig({ METRICS_ALLOW: '10.0.0.0/40' })).toThrow(/METRICS_ALLOW/);
    expect(() => loadConfig({ METRICS_ALLOW: 'intranet' })).toThrow(/METRICS_ALLOW/);
  });

  it('counts requests by route pattern and status, appeals received and inspections failed, and names no customer', async () => {
    const agent = await signedInAs(t, 'agent');
    const before = await scrape();
    const account = await makeAccount(t);
    const payload = mfaUnbindPayload({
      fields: { accountId: account.uin, loginAccount: account.uin, currentPhone: '13655554444' },
      contact: { phone: '13655554444', name: '欧阳娜娜' },
    });
    const filed = await fileAppeal(t, payload, {
      applicant_id_front: await colourIdCard(dir),
      applicant_id_back: await greyscaleScan(dir),
    }).expect(201);
    const ticket = await t.db.ticket.findUniqueOrThrow({ where: { reference: filed.body.reference } });
    await agent.client.get(`/api/tickets/${ticket.id}`).expect(200);
    await agent.client.get('/api/tickets/99999999').expect(404);

    const after = await scrape();
    const delta = (series: string) => value(after, series) - value(before, series);
    expect(delta('helpdesk_appeals_received_total{kind="mfa_unbind"}')).toBe(1);
    expect(delta('helpdesk_inspections_failed_total{code="colour.greyscale"}')).toBe(1);
    expect(delta('helpdesk_http_requests_total{method="POST",route="/api/public/appeals",status="201"}')).toBe(1);
    expect(delta('helpdesk_http_requests_total{method="GET",route="/api/tickets/:id",status="200"}')).toBe(1);
    expect(delta('helpdesk_http_requests_total{method="GET",route="/api/tickets/:id",status="404"}')).toBe(1);
    expect(delta('helpdesk_http_request_duration_seconds_count{method="GET",route="/api/tickets/:id"}')).toBe(2);
    for (const secret of [filed.body.reference, '13655554444', '欧阳娜娜', account.uin]) expect(after).not.toContain(secret);
  });

  it('reads the outbox backlog, its failures and the SLA breaches from the shared database', async () => {
    const pending = await t.db.notification.groupBy({
      by: ['channel'],
      where: { status: { in: ['pending', 'sending'] } },
      _count: { _all: true },
    });
    await t.db.notification.create({
      data: { channel: 'sms', recipient: '13700000000', subject: '', body: 'x', status: 'failed', attempts: 5 },
    });
    const account = await makeAccount(t);
    const filed = await fileAppeal(t, mfaUnbindPayload({ fields: { accountId: account.uin, loginAccount: account.uin } })).expect(201);
    await t.db.ticket.update({ where: { reference: filed.body.reference }, data: { slaDueAt: new Date(Date.now() - 60_000) } });
    const overdue = await t.db.ticket.count({
      where: {
        status: { in: ['new', 'triage', 'in_review', 'awaiting_customer', 'approval_pending'] },
        slaPausedAt: null,
        slaDueAt: { lt: new Date() },
      },
    });

    const text = await scrape();
    const emails = await t.db.notification.count({ where: { channel: 'email', status: { in: ['pending', 'sending'] } } });
    expect(value(text, 'helpdesk_outbox_backlog{channel="email"}')).toBe(emails);
    expect(emails).toBeGreaterThan(pending.find((p) => p.channel === 'email')?._count._all ?? 0);
    expect(value(text, 'helpdesk_outbox_failed{channel="sms"}')).toBe(
      await t.db.notification.count({ where: { channel: 'sms', status: 'failed' } }),
    );
    expect(value(text, 'helpdesk_sla_breaches')).toBe(overdue);
    expect(overdue).toBeGreaterThan(0);
  });
});
