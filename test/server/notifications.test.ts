import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { pino } from 'pino';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../../server/src/db/client';
import { noticesFor, phoneReleasedNotice, statusLink, type CustomerNotice } from '../../server/src/notifications/customerNotices';
import { enqueueIn, type NotificationInput } from '../../server/src/notifications/outbox';
import {
  createEmailSender,
  LogSmsSender,
  type EmailSender,
  type OutgoingEmail,
  type OutgoingSms,
  type SmsSender,
} from '../../server/src/notifications/transports';
import { createOutboxWorker, retryDelayMs } from '../../server/src/notifications/worker';
import { createTestApp, type TestApp } from './support/testApp';
import { parseEml } from './support/eml';

const silent = pino({ level: 'silent' });

/** Records what it was asked to send, yielding to the event loop so concurrent workers interleave. */
class RecordingSender implements EmailSender, SmsSender {
  readonly calls: number[] = [];
  async send(n: OutgoingEmail | OutgoingSms): Promise<void> {
    await new Promise((resolve) => setTimeout(resolve, 1));
    this.calls.push(n.notificationId);
  }
}

class FailingSender implements EmailSender {
  calls = 0;
  constructor(private readonly message: string) {}
  async send(): Promise<void> {
    this.calls += 1;
    throw new Error(this.message);
  }
}

const email = (over: Partial<NotificationInput> = {}): NotificationInput => ({
  channel: 'email',
  recipient: 'zhang.san@example.com',
  subject: 'Subject',
  body: 'Body',
  ...over,
});
const sms = (over: Partial<NotificationInput> = {}): NotificationInput => ({
  channel: 'sms',
  recipient: '13812340000',
  subject: 'Subject',
  body: 'SMS body',
  ...over,
});

async function enqueue(db: Db, inputs: NotificationInput[]) {
  await db.$transaction((tx) => enqueueIn(tx, inputs));
  return db.notification.findMany({ orderBy: { id: 'asc' } });
}

const root = fileURLToPath(new URL('../..', import.meta.url));

// A worker in its own process, as another API instance would run it; it drains when told "go" and prints what it sent.
const childScript = `
const { createDb } = await import(process.env.ROOT + '/server/src/db/client.ts');
const { createOutboxWorker } = await import(process.env.ROOT + '/server/src/notifications/worker.ts');
const { pino } = await import('pino');
const db = await createDb(process.env.DATABASE_URL);
const sent = [];
const sender = { send: async (n) => { await new Promise((r) => setTimeout(r, 1)); sent.push(n.notificationId); } };
const worker = createOutboxWorker({ db, log: pino({ level: 'silent' }) }, { email: sender, sms: sender, workerId: process.env.WORKER_ID, batch: 10 });
process.stdout.write('ready\\n');
await new Promise((resolve) => process.stdin.once('data', resolve));
await worker.drainOnce();
await db.$disconnect();
process.stdout.write(JSON.stringify(sent) + '\\n');
process.exit(0);
`;

async function drainInChild(databaseUrl: string, workerId: string) {
  const child = spawn(path.join(root, 'node_modules/.bin/tsx'), ['--input-type=module', '--eval', childScript], {
    cwd: root,
    env: { ...process.env, ROOT: root, DATABASE_URL: databaseUrl, WORKER_ID: workerId },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stderr.on('data', (d: Buffer) => (err += d.toString()));
  const exited = new Promise<string>((resolve, reject) =>
    child.on('exit', (code) => (code === 0 ? resolve(out) : reject(new Error(`${workerId} exited with ${code}: ${err}`)))),
  );
  await new Promise<void>((resolve, reject) => {
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      if (out.startsWith('ready\n')) resolve();
    });
    exited.catch(reject);
  });
  return {
    go: () => child.stdin.write('go\n'),
    sent: exited.then((text) => JSON.parse(text.slice('ready\n'.length)) as number[]),
  };
}

describe('the notification outbox', () => {
  let t: TestApp;
  let outboxDir: string;

  beforeAll(async () => {
    t = await createTestApp();
    outboxDir = path.join(t.dir, 'outbox');
  });
  afterAll(() => t.close());
  beforeEach(async () => {
    await t.db.notification.deleteMany();
    fs.rmSync(outboxDir, { recursive: true, force: true });
  });

  describe('enqueueIn', () => {
    it('leaves no notice when the transaction that reports the change rolls back', async () => {
      await expect(
        t.db.$transaction(async (tx) => {
          await enqueueIn(tx, email());
          throw new Error('the change failed');
        }),
      ).rejects.toThrow('the change failed');
      expect(await t.db.notification.count()).toBe(0);
    });

    it('writes pending notices when the transaction commits', async () => {
      const rows = await enqueue(t.db, [email(), sms()]);
      expect(rows.map((r) => [r.channel, r.status, r.attempts])).toEqual([
        ['email', 'pending', 0],
        ['sms', 'pending', 0],
      ]);
    });
  });

  describe('delivery', () => {
    it('writes a drained email as a UTF-8 .eml file in OUTBOX_DIR', async () => {
      const ticket = {
        id: 0,
        reference: 'AP-20261124-0001',
        locale: 'zh-CN',
        contactName: '张三',
        contactEmail: 'zhang.san@example.com',
        contactPhone: null,
      };
      const [notice] = noticesFor(ticket, 'received', { statusLink: statusLink('http://helpdesk.test', ticket.reference) }).map((n) => ({
        ...n,
        ticketId: null,
      }));
      const [row] = await enqueue(t.db, [notice!]);
      const worker = createOutboxWorker(
        { db: t.db, log: silent },
        { email: createEmailSender({ smtpUrl: undefined, outboxDir }), sms: new RecordingSender() },
      );

      expect(await worker.drainOnce()).toEqual({ sent: 1, failed: 0, retried: 0 });

      const files = fs.readdirSync(outboxDir);
      expect(files).toHaveLength(1);
      expect(files[0]).toBe(`${row!.id}.eml`);
      const raw = fs.readFileSync(path.join(outboxDir, files[0]!), 'utf8');
      expect(raw).not.toMatch(/[^\r]\n/);
      const { headers, body } = parseEml(raw);
      expect(headers.get('from')).toBe('Helpdesk <no-reply@helpdesk.local>');
      expect(headers.get('to')).toBe('zhang.san@example.com');
      expect(headers.get('subject')).toBe('已收到您的申诉（AP-20261124-0001）');
      expect(headers.get('content-type')).toMatch(/text\/plain; charset=utf-8/i);
      expect(body).toContain('张三，您好：');
      expect(body).toContain('我们已收到您的申诉，申诉编号 AP-20261124-0001。');
      expect(body).toContain('http://helpdesk.test/appeal/status?ref=AP-20261124-0001');

      const sent = await t.db.notification.findUniqueOrThrow({ where: { id: row!.id } });
      expect(sent.status).toBe('sent');
      expect(sent.sentAt).toBeInstanceOf(Date);
    });

    it('logs an SMS with the number masked', async () => {
      const lines: string[] = [];
      const log = pino({ level: 'info' }, { write: (line: string) => void lines.push(line) });
      await enqueue(t.db, [sms({ body: '【账号安全】您的申诉AP-20261124-0002已受理' })]);
      const worker = createOutboxWorker({ db: t.db, log: silent }, { email: new RecordingSender(), sms: new LogSmsSender(log) });

      expect(await worker.drainOnce()).toEqual({ sent: 1, failed: 0, retried: 0 });

      expect(lines).toHaveLength(1);
      expect(lines[0]).not.toContain('13812340000');
      const entry = JSON.parse(lines[0]!) as { to: string; text: string };
      expect(entry.to).toBe('138****0000');
      expect(entry.text).toContain('AP-20261124-0002');
    });

    it('retries a failing send with a growing backoff and gives up after 8 attempts', async () => {
      const [row] = await enqueue(t.db, [email()]);
      const sender = new FailingSender(`smtp down ${'x'.repeat(1000)}`);
      const worker = createOutboxWorker({ db: t.db, log: silent }, { email: sender, sms: new RecordingSender() });
      const delays: number[] = [];

      for (let attempt = 1; attempt <= 7; attempt += 1) {
        const before = Date.now();
        expect(await worker.drainOnce()).toEqual({ sent: 0, failed: 0, retried: 1 });
        const n = await t.db.notification.findUniqueOrThrow({ where: { id: row!.id } });
        expect(n).toMatchObject({ status: 'pending', attempts: attempt });
        expect(n.lastError).toHaveLength(500);
        expect(n.lastError!.startsWith('smtp down')).toBe(true);
        delays.push(n.nextAttemptAt.getTime() - before);
        // Not due yet: a second drain leaves it alone.
        expect(await worker.drainOnce()).toEqual({ sent: 0, failed: 0, retried: 0 });
        await t.db.notification.update({ where: { id: row!.id }, data: { nextAttemptAt: new Date(Date.now() - 1000) } });
      }
      delays.forEach((d, i) => {
        expect(d).toBeGreaterThanOrEqual(retryDelayMs(i));
        expect(d).toBeLessThan(retryDelayMs(i) + 5000);
      });
      expect(delays[0]).toBeGreaterThanOrEqual(30_000);
      for (let i = 1; i < delays.length; i += 1) expect(delays[i]!).toBeGreaterThan(delays[i - 1]!);

      expect(await worker.drainOnce()).toEqual({ sent: 0, failed: 1, retried: 0 });
      const failed = await t.db.notification.findUniqueOrThrow({ where: { id: row!.id } });
      expect(failed).toMatchObject({ status: 'failed', attempts: 8 });
      expect(await worker.drainOnce()).toEqual({ sent: 0, failed: 0, retried: 0 });
      expect(sender.calls).toBe(8);
    });

    it('caps the backoff at one hour', () => {
      expect(retryDelayMs(0)).toBe(30_000);
      expect(retryDelayMs(1)).toBe(60_000);
      expect(retryDelayMs(7)).toBe(3600_000);
      expect(retryDelayMs(30)).toBe(3600_000);
    });
  });

  describe('claiming', () => {
    it('sends each notification exactly once when two workers drain the same outbox concurrently', async () => {
      const inputs = Array.from({ length: 50 }, (_, i) => (i % 3 === 0 ? sms({ body: `sms ${i}` }) : email({ body: `email ${i}` })));
      const rows = await enqueue(t.db, inputs);
      const sender = new RecordingSender();
      const a = createOutboxWorker({ db: t.db, log: silent }, { email: sender, sms: sender, workerId: 'worker-a', batch: 20 });
      const b = createOutboxWorker({ db: t.db, log: silent }, { email: sender, sms: sender, workerId: 'worker-b', batch: 20 });

      const [ra, rb] = await Promise.all([a.drainOnce(), b.drainOnce()]);

      expect(ra.sent + rb.sent).toBe(50);
      expect([...sender.calls].sort((x, y) => x - y)).toEqual(rows.map((r) => r.id));
      const after = await t.db.notification.findMany();
      expect(after.every((n) => n.status === 'sent')).toBe(true);
      // Both took part, so the claims really raced.
      expect(new Set(after.map((n) => n.claimedBy))).toEqual(new Set(['worker-a', 'worker-b']));
    });

    it('sends each notification exactly once when two processes drain the same database file', async () => {
      const rows = await enqueue(
        t.db,
        Array.from({ length: 60 }, (_, i) => email({ body: `email ${i}` })),
      );
      const [a, b] = await Promise.all([drainInChild(t.databaseUrl, 'process-a'), drainInChild(t.databaseUrl, 'process-b')]).then(
        (children) => {
          for (const child of children) child.go();
          return Promise.all(children.map((child) => child.sent));
        },
      );

      expect([...a!, ...b!].sort((x, y) => x - y)).toEqual(rows.map((r) => r.id));
      expect(a!.length).toBeGreaterThan(0);
      expect(b!.length).toBeGreaterThan(0);
      expect(await t.db.notification.count({ where: { status: 'sent' } })).toBe(60);
    }, 60_000);

    it("takes over the claim of a worker that died, but not a live worker's claim", async () => {
      const [dead, live] = await enqueue(t.db, [email({ body: 'dead' }), email({ body: 'live' })]);
      await t.db.notification.update({
        where: { id: dead!.id },
        data: { status: 'sending', claimedAt: new Date(Date.now() - 10 * 60_000), claimedBy: 'crashed' },
      });
      await t.db.notification.update({
        where: { id: live!.id },
        data: { status: 'sending', claimedAt: new Date(Date.now() - 1000), claimedBy: 'busy' },
      });
      const sender = new RecordingSender();
      const worker = createOutboxWorker(
        { db: t.db, log: silent },
        { email: sender, sms: sender, workerId: 'rescuer', leaseMs: 5 * 60_000 },
      );

      expect(await worker.drainOnce()).toEqual({ sent: 1, failed: 0, retried: 0 });

      expect(sender.calls).toEqual([dead!.id]);
      expect(await t.db.notification.findUniqueOrThrow({ where: { id: dead!.id } })).toMatchObject({
        status: 'sent',
        claimedBy: 'rescuer',
      });
      expect(await t.db.notification.findUniqueOrThrow({ where: { id: live!.id } })).toMatchObject({
        status: 'sending',
        claimedBy: 'busy',
      });
    });
  });

  describe('start and stop', () => {
    it('drains in the background, and stop waits for the send in flight', async () => {
      const [row] = await enqueue(t.db, [email()]);
      let release = () => {};
      let started = () => {};
      const sendStarted = new Promise<void>((resolve) => (started = resolve));
      const sender: EmailSender = {
        send: () => {
          started();
          return new Promise<void>((resolve) => (release = resolve));
        },
      };
      const worker = createOutboxWorker({ db: t.db, log: silent }, { email: sender, sms: new RecordingSender() });
      worker.start(5);
      await sendStarted;

      let stopped = false;
      const stopping = worker.stop().then(() => (stopped = true));
      await new Promise((resolve) => setTimeout(resolve, 20));
      expect(stopped).toBe(false);
      release();
      await stopping;

      expect(await t.db.notification.findUniqueOrThrow({ where: { id: row!.id } })).toMatchObject({ status: 'sent' });
    });
  });
});

describe('customer notices', () => {
  const link = statusLink('https://help.example.com/', 'AP-20261124-0042');
  const ticket = {
    id: 42,
    reference: 'AP-20261124-0042',
    locale: 'zh-CN',
    contactName: '张三',
    contactEmail: 'zhang.san@example.com',
    contactPhone: '13812340000',
    accessToken: 'secret-access-token-value',
  };

  it('builds the status link from the reference alone', () => {
    expect(link).toBe('https://help.example.com/appeal/status?ref=AP-20261124-0042');
  });

  it('gives one email and one short SMS in Chinese for a zh-CN ticket', () => {
    const notices = noticesFor(ticket, 'materials_requested', {
      statusLink: link,
      slots: ['手持身份证正面', '营业执照'],
      message: '照片模糊，请重新拍摄。',
    });
    expect(notices.map((n) => [n.channel, n.recipient, n.ticketId])).toEqual([
      ['email', 'zhang.san@example.com', 42],
      ['sms', '13812340000', 42],
    ]);
    const [mail, text] = notices;
    expect(mail!.subject).toBe('您的申诉需要补充材料（AP-20261124-0042）');
    expect(mail!.body).toContain('张三，您好：');
    expect(mail!.body).toContain('- 手持身份证正面\n- 营业执照');
    expect(mail!.body).toContain('照片模糊，请重新拍摄。');
    expect(mail!.body).toContain(link);
    expect(text!.body).toBe(`【账号安全】您的申诉AP-20261124-0042需要补充材料，详情见邮件或进度页：${link}`);
    expect(text!.body).not.toContain('照片模糊');
  });

  it('speaks English to an en ticket and uses only the contacts it has', () => {
    const en = { ...ticket, locale: 'en', contactName: 'Li Lei', contactPhone: null };
    const [mail, ...rest] = noticesFor(en, 'rejected', {
      statusLink: link,
      reason: 'The ID photo was taken with the front camera.',
      message: 'Please take it again.',
    });
    expect(rest).toEqual([]);
    expect(mail!.subject).toBe('Your appeal was not approved (AP-20261124-0042)');
    expect(mail!.body).toMatch(/^Dear Li Lei,/);
    expect(mail!.body).toContain('Reason: The ID photo was taken with the front camera.');
    expect(mail!.body).toContain(link);

    const smsOnly = noticesFor({ ...en, contactEmail: null, contactPhone: '13812340000' }, 'approved', { statusLink: link });
    expect(smsOnly.map((n) => n.channel)).toEqual(['sms']);
    expect(smsOnly[0]!.body).toBe(`[Account Security] Appeal AP-20261124-0042 is approved. Details: ${link}`);
  });

  it.each(['received', 'materials_requested', 'approved', 'rejected', 'reply'] satisfies CustomerNotice[])(
    '%s: both languages carry the reference and the status link, never the access token',
    (notice) => {
      for (const locale of ['zh-CN', 'en']) {
        const notices = noticesFor({ ...ticket, locale }, notice, {
          statusLink: link,
          message: 'Agent message',
          slots: ['ID'],
          reason: 'Reason',
        });
        expect(notices).toHaveLength(2);
        for (const n of notices) {
          expect(n.subject).toContain(ticket.reference);
          expect(n.body).toContain(ticket.reference);
          expect(n.body).toContain(link);
          expect(`${n.subject}${n.body}`).not.toContain(ticket.accessToken);
        }
        // One SMS segment in English; Chinese texts stay as short.
        expect(notices[1]!.body.length).toBeLessThan(140);
        expect(notices[1]!.body).not.toContain('Agent message');
      }
    },
  );

  it('tells the owner of a released security phone at the security email, in both languages', () => {
    expect(phoneReleasedNotice({ securityEmail: null }, { phoneMasked: '138****0000', reference: 'AP-20261124-0042' })).toEqual([]);
    const [notice, ...rest] = phoneReleasedNotice(
      { securityEmail: 'old.owner@example.com' },
      { phoneMasked: '138****0000', reference: 'AP-20261124-0042' },
    );
    expect(rest).toEqual([]);
    expect(notice).toMatchObject({ channel: 'email', recipient: 'old.owner@example.com' });
    expect(notice!.subject).toContain('138****0000');
    expect(notice!.body).toContain('手机号 138****0000');
    expect(notice!.body).toContain('The phone number 138****0000');
    expect(notice!.body).toContain('AP-20261124-0042');
  });
});

describe('the .eml sender after a crash', () => {
  it('does not write a notification twice when it is sent again', async () => {
    const { EmlFileEmailSender } = await import('../../server/src/notifications/transports');
    const fsp = await import('node:fs/promises');
    const os = await import('node:os');
    const pathMod = await import('node:path');
    const dir = await fsp.mkdtemp(pathMod.join(os.tmpdir(), 'eml-'));
    const sender = new EmlFileEmailSender(dir);
    await sender.send({ notificationId: 42, to: 'a@example.cn', subject: '第一次', text: 'first' });
    await sender.send({ notificationId: 42, to: 'a@example.cn', subject: '第二次', text: 'second' });
    const files = (await fsp.readdir(dir)).filter((f) => f.endsWith('.eml'));
    expect(files).toEqual(['42.eml']);
    expect(await fsp.readFile(pathMod.join(dir, '42.eml'), 'utf8')).toContain('first');
    await fsp.rm(dir, { recursive: true, force: true });
  });
});
