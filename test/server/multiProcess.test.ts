import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase } from './support/database';
import { colourIdCardBytes, tinyCardBytes } from '../fixtures/evidence';
import { parseEml } from './support/eml';
import { mfaUnbindPayload } from './support/payloads';
import { startServerProcess, type ServerProcess } from './support/serverProcess';

// Two API processes on two ports over one database, one uploads folder and one outbox: to clients they are one helpdesk.

/** The database both processes share: the one place a PostgreSQL run changes. */

const appealsPerHour = 3;
const hour = 3_600_000;
const demoAgent = { email: 'agent@example.com', password: 'helpdesk-demo' };

type SmtpSink = { url: string; messages: string[]; close: () => Promise<void> };

/** Keeps every message it is handed. `.eml` files are named by notification id, so a second send would only overwrite the first. */
function startSmtpSink(): Promise<SmtpSink> {
  const messages: string[] = [];
  const sockets = new Set<net.Socket>();
  const server = net.createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => socket.destroy());
    const reply = (line: string) => socket.write(`${line}\r\n`);
    let pending = '';
    let data: string[] | null = null;
    reply('220 sink ESMTP');
    socket.on('data', (chunk: Buffer) => {
      pending += chunk.toString('latin1');
      for (let end = pending.indexOf('\r\n'); end >= 0; end = pending.indexOf('\r\n')) {
        const line = pending.slice(0, end);
        pending = pending.slice(end + 2);
        if (data && line === '.') {
          messages.push(data.join('\r\n'));
          data = null;
          reply('250 queued');
        } else if (data) {
          data.push(line.startsWith('.') ? line.slice(1) : line);
        } else if (/^DATA$/i.test(line)) {
          data = [];
          reply('354 end with <CRLF>.<CRLF>');
        } else if (/^QUIT$/i.test(line)) {
          reply('221 bye');
          socket.end();
        } else {
          reply('250 ok');
        }
      }
    });
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      resolve({
        url: `smtp://127.0.0.1:${port}`,
        messages,
        close: () => {
          for (const s of sockets) s.destroy();
          return new Promise((done) => server.close(() => done()));
        },
      });
    });
  });
}

let dir: string;
// One SQLite file, or one PostgreSQL database under `npm run test:pg`.
let shared: Awaited<ReturnType<typeof freshDatabase>>;
let sink: SmtpSink;
let a: ServerProcess;
let b: ServerProcess;
const servers: ServerProcess[] = [];
let photos: { front: Buffer; back: Buffer };

const metricsToken = 'multi-process-metrics-token';
const processEnv = () => ({
  NODE_ENV: 'development',
  // As behind a proxy on this host: each test below is a client address of its own.
  TRUST_PROXY: 'loopback',
  DATABASE_URL: shared.url,
  LOG_LEVEL: 'info',
  APPEALS_PER_HOUR: String(appealsPerHour),
  APPEALS_PER_DAY: '1000',
  OUTBOX_INTERVAL_MS: '100',
  SMTP_URL: sink.url,
  SHUTDOWN_GRACE_MS: '5000',
  METRICS_TOKEN: metricsToken,
});

async function stop(server: ServerProcess) {
  if (server.child.exitCode !== null || server.child.signalCode !== null) return;
  const killer = setTimeout(() => server.child.kill('SIGKILL'), 8_000);
  server.child.kill('SIGTERM');
  await server.exited;
  clearTimeout(killer);
}

// The servers trust X-Forwarded-For from loopback (TRUST_PROXY), so each test can be a client address of its own.
let lastOctet = 0;
const freshAddress = () => `203.0.113.${++lastOctet}`;

async function signIn(server: ServerProcess): Promise<string> {
  const res = await fetch(`${server.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(demoAgent),
  });
  expect(res.status).toBe(200);
  return res.headers.get('set-cookie')!.split(';')[0]!;
}

const listQuery = (params: Record<string, unknown>) =>
  `?${new URLSearchParams(Object.entries(params).map(([k, v]) => [k, JSON.stringify(v)]))}`;
const get = (server: ServerProcess, route: string, cookie: string) => fetch(`${server.url}${route}`, { headers: { Cookie: cookie } });
const totalOf = (res: Response) => Number(/\/(\d+)$/.exec(res.headers.get('content-range') ?? '')?.[1]);

async function fileAppeal(server: ServerProcess, address: string, email = 'zhang.wei@example.cn', front = photos.front) {
  const form = new FormData();
  form.set('payload', JSON.stringify(mfaUnbindPayload({ contact: { email } })));
  form.set('applicant_id_front', new Blob([new Uint8Array(front)], { type: 'image/jpeg' }), 'front.jpg');
  form.set('applicant_id_back', new Blob([new Uint8Array(photos.back)], { type: 'image/jpeg' }), 'back.jpg');
  const res = await fetch(`${server.url}/api/public/appeals`, { method: 'POST', body: form, headers: { 'X-Forwarded-For': address } });
  const body = (await res.json()) as { reference: string; code?: string; checklist: { slots: { key: string; state: string }[] } };
  return { status: res.status, body, retryAfter: Number(res.headers.get('retry-after')) };
}

/** Runs a rate-limit check with a fresh address, once more if the fixed hourly window turned meanwhile. */
async function inOneHourWindow(check: (address: string) => Promise<void>) {
  for (let attempt = 0; attempt < 2; attempt += 1) {
    const window = Math.floor(Date.now() / hour);
    await check(freshAddress());
    if (Math.floor(Date.now() / hour) === window) return;
  }
}

/** The limiter counts a request before the handler reads it, so a payload the handler refuses costs the limit as much as an appeal. */
function refusedPayload(server: ServerProcess, address: string) {
  const form = new FormData();
  form.set('payload', '{}');
  return fetch(`${server.url}/api/public/appeals`, { method: 'POST', body: form, headers: { 'X-Forwarded-For': address } }).then(
    (r) => r.status,
  );
}

/** Error lines either process logged since the last call. */
const logged = new Map<ServerProcess, number>();
function newServerErrors(): string[] {
  return servers.flatMap((s) => {
    const text = s.output().slice(logged.get(s) ?? 0);
    logged.set(s, s.output().lastIndexOf('\n') + 1);
    return text.split('\n').filter((l) => l.startsWith('{"level":50') || l.startsWith('{"level":60'));
  });
}

async function ticketIdOf(server: ServerProcess, cookie: string, reference: string): Promise<number> {
  const res = await get(server, `/api/tickets${listQuery({ filter: { reference } })}`, cookie);
  expect(res.status).toBe(200);
  const [ticket] = (await res.json()) as { id: number }[];
  return ticket!.id;
}

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'helpdesk-multi-'));
  shared = await freshDatabase(dir, 'shared');
  sink = await startSmtpSink();
  photos = { front: await colourIdCardBytes({ variant: 1 }), back: await colourIdCardBytes({ variant: 2 }) };
  // One after the other, so that A is the one that migrates and seeds (starting together is the last test).
  a = await startServerProcess(dir, processEnv());
  servers.push(a);
  b = await startServerProcess(dir, processEnv());
  servers.push(b);
}, 120_000);

afterAll(async () => {
  await Promise.all(servers.map(stop));
  await sink?.close();
  await shared?.drop();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('two API processes over one database', () => {
  // A 500 that no assertion looks at would otherwise pass unseen.
  afterEach(() => expect(newServerErrors()).toEqual([]));

  it('seeds the demo data once, from the process that found the database empty', () => {
    expect(a.output()).toContain('demo data seeded into the empty database');
    expect(b.output()).not.toContain('demo data seeded');
    expect(b.output()).not.toContain('database migrated');
  });

  it('honours on B a session made on A, and refuses it on A once signed out on B', async () => {
    const cookie = await signIn(a);

    const me = await get(b, '/api/auth/me', cookie);
    expect(me.status).toBe(200);
    expect(((await me.json()) as { agent: { email: string } }).agent.email).toBe(demoAgent.email);
    const tickets = await get(b, `/api/tickets${listQuery({ range: [0, 4] })}`, cookie);
    expect(tickets.status).toBe(200);
    expect(totalOf(tickets)).toBeGreaterThan(0);

    const out = await fetch(`${b.url}/api/auth/logout`, { method: 'POST', headers: { Cookie: cookie } });
    expect(out.status).toBe(204);
    expect((await get(a, '/api/auth/me', cookie)).status).toBe(401);
    expect((await get(a, `/api/tickets${listQuery({ range: [0, 4] })}`, cookie)).status).toBe(401);
  });

  it('counts one address together across both processes: the hourly limit in all, then 429 from either', async () => {
    await inOneHourWindow(async (address) => {
      const accepted = [];
      for (let i = 0; i < appealsPerHour; i += 1) {
        accepted.push(await fileAppeal(i % 2 === 0 ? a : b, address));
      }
      expect(accepted.map((r) => r.status)).toEqual(Array(appealsPerHour).fill(201));

      for (const server of [a, b]) {
        const refused = await fileAppeal(server, address);
        expect(refused.status).toBe(429);
        expect(refused.body.code).toBe('RATE_LIMITED');
        expect(refused.retryAfter).toBeGreaterThan(0);
      }
    });
  });

  it('lets exactly the hourly limit past the limiter when both processes are hit at once', async () => {
    await inOneHourWindow(async (address) => {
      const statuses = await Promise.all(
        Array.from({ length: 4 * appealsPerHour }, (_, i) => refusedPayload(i % 2 === 0 ? a : b, address)),
      );
      expect(statuses.filter((s) => s === 400)).toHaveLength(appealsPerHour);
      expect(statuses.filter((s) => s === 429)).toHaveLength(3 * appealsPerHour);
    });
  });

  it('accepts appeals filed at the same moment on both processes', async () => {
    const filed = await Promise.all(Array.from({ length: 8 }, (_, i) => fileAppeal(i % 2 === 0 ? a : b, freshAddress())));
    expect(filed.map((f) => f.status)).toEqual(Array(8).fill(201));
    expect(new Set(filed.map((f) => f.body.reference)).size).toBe(8);
  });

  it('files on B with the verdict of a photo the form checked on A, without inspecting it again', async () => {
    const tiny = await tinyCardBytes();
    const address = freshAddress();
    const form = new FormData();
    form.set('context', JSON.stringify({ kind: 'mfa_unbind', subjectType: 'personal' }));
    form.set('applicant_id_front', new Blob([new Uint8Array(tiny)], { type: 'image/jpeg' }), 'front.jpg');
    const checked = await fetch(`${a.url}/api/public/inspections`, { method: 'POST', body: form, headers: { 'X-Forwarded-For': address } });
    expect(checked.status).toBe(200);
    const verdict = (await checked.json()) as { state: string; findings: { code: string; severity: string }[] };
    expect(verdict.state).toBe('fail');
    const failing = verdict.findings.find((f) => f.severity === 'fail')!.code;
    const failedOn = async (server: ServerProcess) => {
      const res = await fetch(`${server.url}/metrics`, { headers: { Authorization: `Bearer ${metricsToken}` } });
      const line = (await res.text()).split('\n').find((l) => l.startsWith(`helpdesk_inspections_failed_total{code="${failing}"}`));
      return Number(line?.split(' ').pop() ?? 0);
    };
    expect(await failedOn(a)).toBe(1);

    const filed = await fileAppeal(b, address, 'checked.on.a@example.cn', tiny);
    expect(filed.status).toBe(201);
    expect(filed.body.checklist.slots.find((slot) => slot.key === 'applicant_id_front')?.state).toBe('fail');
    // B took A's verdict from the database: it decoded nothing, so no inspection failed there.
    expect(await failedOn(b)).toBe(0);
  });

  it('serves from B the evidence an appeal uploaded through A', async () => {
    const filed = await fileAppeal(a, freshAddress());
    expect(filed.status).toBe(201);
    const cookie = await signIn(b);
    const ticketId = await ticketIdOf(b, cookie, filed.body.reference);
    const evidence = await get(b, `/api/evidence${listQuery({ filter: { ticketId } })}`, cookie);
    expect(evidence.status).toBe(200);
    const files = (await evidence.json()) as { id: number; originalName: string }[];
    expect(files).toHaveLength(2);
    const front = files.find((f) => f.originalName === 'front.jpg')!;
    const original = await get(b, `/api/files/${front.id}`, cookie);
    expect(original.status).toBe(200);
    expect(Buffer.from(await original.arrayBuffer()).equals(photos.front)).toBe(true);
  });

  it('sends every customer notice exactly once while both processes drain the outbox', async () => {
    const cookie = await signIn(a);
    const recipients = Array.from({ length: 6 }, (_, i) => `notice-${i}@example.cn`);
    const filed = [];
    for (const [i, email] of recipients.entries()) {
      filed.push(await fileAppeal(i % 2 === 0 ? a : b, freshAddress(), email));
    }
    expect(filed.map((f) => f.status)).toEqual(recipients.map(() => 201));
    const references = filed.map((f) => f.body.reference);

    const replyTicket = await ticketIdOf(b, cookie, references[0]!);
    const reply = await fetch(`${b.url}/api/messages`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Cookie: cookie },
      body: JSON.stringify({ ticketId: replyTicket, kind: 'public_reply', body: '请补充身份证反面的清晰照片。' }),
    });
    expect(reply.status).toBe(201);

    const counted = async (filter: object) => totalOf(await get(a, `/api/notifications${listQuery({ filter, range: [0, 0] })}`, cookie));
    await expect.poll(() => counted({ status: ['pending', 'sending'] }), { timeout: 20_000, interval: 200 }).toBe(0);
    // A notice claimed twice would arrive late: give both workers several more rounds before counting.
    await new Promise((r) => setTimeout(r, 1_000));
    expect(await counted({ status: ['pending', 'sending', 'failed'] })).toBe(0);

    const delivered = sink.messages.map((raw) => parseEml(raw));
    expect(delivered).toHaveLength(await counted({ channel: 'email', status: 'sent' }));
    const keys = delivered.map((m) => `${m.headers.get('to')} ${m.headers.get('subject')}`);
    expect(new Set(keys).size).toBe(keys.length);
    recipients.forEach((to, i) => expect(keys.filter((k) => k === `${to} 已收到您的申诉（${references[i]}）`)).toHaveLength(1));
    const replies = delivered.filter((m) => m.headers.get('subject') === `您的申诉有新回复（${references[0]}）`);
    expect(replies).toHaveLength(1);
    expect(replies[0]!.body).toContain('请补充身份证反面的清晰照片。');

    // SMS has no gateway here: each send is one log line, in whichever process sent it.
    const sms = await get(b, `/api/notifications${listQuery({ filter: { channel: 'sms', status: 'sent' }, range: [0, 499] })}`, cookie);
    const smsIds = ((await sms.json()) as { id: number }[]).map((n) => n.id);
    expect(smsIds.length).toBeGreaterThanOrEqual(recipients.length + 1);
    const smsLines = [a, b].flatMap((s) => s.output().split('\n')).filter((l) => l.includes('"sms not sent'));
    for (const id of smsIds) expect(smsLines.filter((l) => l.includes(`"notificationId":${id},`))).toHaveLength(1);
    expect([a, b].some((s) => s.output().includes('may be sent twice'))).toBe(false);
  }, 40_000);
});

describe('two API processes started together on an empty database', () => {
  it('migrates and seeds once, and both come up', async () => {
    const empty = fs.mkdtempSync(path.join(os.tmpdir(), 'helpdesk-multi-empty-'));
    const database = await freshDatabase(empty, 'empty');
    const env = { ...processEnv(), DATABASE_URL: database.url };
    const started = await Promise.allSettled([startServerProcess(empty, env), startServerProcess(empty, env)]);
    try {
      expect(started.map((s) => (s.status === 'rejected' ? String(s.reason).slice(0, 2000) : 'up'))).toEqual(['up', 'up']);
      const outputs = started.map((s) => (s.status === 'fulfilled' ? s.value.output() : ''));
      expect(outputs.filter((o) => o.includes('demo data seeded into the empty database'))).toHaveLength(1);
    } finally {
      await Promise.all(started.flatMap((s) => (s.status === 'fulfilled' ? [stop(s.value)] : [])));
      await database.drop();
      fs.rmSync(empty, { recursive: true, force: true });
    }
  }, 90_000);
});
