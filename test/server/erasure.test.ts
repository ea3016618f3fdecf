import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { pino } from 'pino';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sqliteFileFromUrl } from '../../server/src/db/databaseUrl';
import { EmlFileEmailSender, LogSmsSender } from '../../server/src/notifications/transports';
import { createOutboxWorker } from '../../server/src/notifications/worker';
import { colourIdCard, colourIdCardBytes } from '../fixtures/evidence';
import { onPostgres } from './support/database';
import { fileAppeal, makeAccount, readyToDecide, type Client } from './support/desk';
import { parseEml } from './support/eml';
import { residentIdFor } from './support/payloads';
import { createTestApp, signedInAs, type TestApp } from './support/testApp';

// Issue 12: erasure that erases. A customer files real appeals, agents work them, the outbox writes its emails, an
// admin erases; then every table of the database and every file the desk keeps is searched for the customer's strings.

let t: TestApp;
let outboxDir: string;
let fixtures: string;
let agent: Client;
let supervisor: Client;
let admin: Client;
let drain: () => Promise<unknown>;

beforeAll(async () => {
  outboxDir = fs.mkdtempSync(path.join(os.tmpdir(), 'helpdesk-outbox-'));
  t = await createTestApp({ OUTBOX_DIR: outboxDir, PUBLIC_BASE_URL: 'https://help.example.cn' });
  fixtures = fs.mkdtempSync(path.join(t.dir, 'fixtures-'));
  agent = await signedInAs(t, 'agent');
  supervisor = await signedInAs(t, 'supervisor');
  admin = await signedInAs(t, 'admin');
  const log = pino({ level: 'silent' });
  const worker = createOutboxWorker({ db: t.db, log }, { email: new EmlFileEmailSender(t.config.outboxDir), sms: new LogSmsSender(log) });
  drain = () => worker.drainOnce();
});
afterAll(async () => {
  await t.close();
  fs.rmSync(outboxDir, { recursive: true, force: true });
});

/** A JPEG with a comment segment (COM) right after its start marker, as scanners write their notes. */
function withComment(jpeg: Buffer, text: string): Buffer {
  const comment = Buffer.from(text, 'utf8');
  const header = Buffer.from([0xff, 0xfe, 0, 0]);
  header.writeUInt16BE(comment.length + 2, 2);
  return Buffer.concat([jpeg.subarray(0, 2), header, comment, jpeg.subarray(2)]);
}

type Hit = { where: string; string: string };

/** Every table the database has, every column of every row, read as text (blobs as UTF-8). */
async function databaseText(): Promise<{ tables: number; rows: { where: string; text: string }[] }> {
  const rows: { where: string; text: string }[] = [];
  const asText = (v: unknown) =>
    Buffer.isBuffer(v) || v instanceof Uint8Array
      ? Buffer.from(v).toString('utf8')
      : v === null || v === undefined
        ? ''
        : typeof v === 'object'
          ? JSON.stringify(v)
          : String(v);
  if (onPostgres) {
    const columns = await t.db.$queryRawUnsafe<{ table_name: string; column_name: string }[]>(
      `SELECT table_name::text AS table_name, column_name::text AS column_name FROM information_schema.columns WHERE table_schema = 'public' ORDER BY table_name, ordinal_position`,
    );
    const tables = [...new Set(columns.map((c) => c.table_name))];
    for (const table of tables) {
      const cols = columns.filter((c) => c.table_name === table).map((c) => `COALESCE("${c.column_name}"::text, '')`);
      const found = await t.db.$queryRawUnsafe<{ line: string }[]>(`SELECT concat_ws(' | ', ${cols.join(', ')}) AS line FROM "${table}"`);
      rows.push(...found.map((r) => ({ where: table, text: r.line })));
    }
    return { tables: tables.length, rows };
  }
  // A connection of the test's own: Prisma's raw queries do not return blobs, and FTS5 keeps its index in blobs.
  const sqlite = new Database(sqliteFileFromUrl(t.databaseUrl), { readonly: true });
  try {
    const tables = sqlite.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name`).all() as { name: string }[];
    for (const { name } of tables) {
      const found = sqlite.prepare(`SELECT * FROM "${name}"`).all() as Record<string, unknown>[];
      rows.push(...found.map((r) => ({ where: name, text: Object.values(r).map(asText).join(' | ') })));
    }
    return { tables: tables.length, rows };
  } finally {
    sqlite.close();
  }
}

function filesUnder(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? filesUnder(path.join(dir, e.name)) : [path.join(dir, e.name)]));
}

/** A file's bytes as text; an email also as its decoded headers and body (quoted-printable and base64 hide text). */
function fileText(file: string): string {
  const raw = fs.readFileSync(file);
  if (!file.endsWith('.eml')) return raw.toString('utf8');
  const { headers, body } = parseEml(raw.toString('utf8'));
  return [raw.toString('utf8'), ...headers.values(), body].join('\n');
}

/** Where each of the strings is still found: every table of the database, every file under UPLOAD_DIR and OUTBOX_DIR. */
async function search(strings: readonly string[]) {
  const db = await databaseText();
  const files = [...filesUnder(t.config.uploadDir), ...filesUnder(t.config.outboxDir)];
  const hits: Hit[] = [];
  for (const s of strings) {
    for (const r of db.rows) if (r.text.includes(s)) hits.push({ where: r.where, string: s });
    for (const f of files)
      if (fileText(f).includes(s))
        hits.push({ where: path.relative(t.dir, f).startsWith('..') ? `outbox/${path.basename(f)}` : path.relative(t.dir, f), string: s });
  }
  return { hits, tables: db.tables, files: files.length };
}

/** The pages of SQLite's trigram index, as bytes: a term that is still indexed shows there. */
function searchIndexBytes(): string {
  const sqlite = new Database(sqliteFileFromUrl(t.databaseUrl), { readonly: true });
  try {
    const blobs = sqlite.prepare(`SELECT "block" FROM "TicketSearch_data"`).all() as { block: Buffer | null }[];
    return blobs.map((b) => b.block?.toString('latin1') ?? '').join('\n');
  } finally {
    sqlite.close();
  }
}

describe('POST /api/privacy/erase', () => {
  const customer = { name: '欧阳娜娜', email: 'nana.zqxw@example.cn', phone: '13722334455' };
  const reissued = '13766778899';
  const laterEmail = 'nana.vkjq@example.org';
  const idNumber = residentIdFor('44030519881123004');
  const wechat = 'nana_zqxw_wx';
  const description = '这个号码是运营商二次放号给我的，原机主的账号一直给我发验证码';
  const says = `补充说明：我的新邮箱是 ${laterEmail}，白天请打 ${customer.phone}`;
  const strings = [customer.name, customer.email, customer.phone, reissued, laterEmail, idNumber, wechat, description, says];

  it("leaves none of the customer's strings in any table or file: replies, notes, events, outbox, files, challenges, search", async () => {
    // The account that held the re-issued number, and the account the customer says is theirs (its name differs).
    const holder = await makeAccount(t, { securityPhone: reissued, realName: '李四', securityEmail: 'old.owner@example.net' });
    const claimed = await makeAccount(t, { realName: '张伟' });
    const front = await colourIdCard(fixtures, { variant: 0, width: 1480, fileName: 'front.jpg' });
    const back = await colourIdCard(fixtures, { variant: 1, width: 1490, fileName: 'back.jpg' });
    // The customer's proof names them inside the file (EXIF) and in its file name.
    const proof = path.join(fixtures, `${customer.name}-号码证明.jpg`);
    fs.writeFileSync(
      proof,
      withComment(await colourIdCardBytes({ variant: 2, width: 1500 }), `${customer.name} ${reissued} ${customer.email}`),
    );

    // 1. A re-issued number released from the holder's account: four eyes, then closed.
    const released = await readyToDecide(
      t,
      agent,
      {
        kind: 'reused_phone_unbind',
        subjectType: 'personal',
        fields: { phone: reissued, applicantName: customer.name, applicantIdNumber: idNumber, description },
        contact: customer,
      },
      { applicant_id_front: front, applicant_id_back: back, phone_ownership_proof: proof },
    );
    const one = released.ticket;
    await request(t.app)
      .post(`/api/public/appeals/${one.reference}/messages`)
      .set('Authorization', `Bearer ${released.token}`)
      .send({ body: says })
      .expect(201);
    await agent.client
      .post('/api/messages')
      .send({ ticketId: one.id, kind: 'public_reply', body: `${customer.name}您好，我们已核对号码 ${reissued} 的证明。` })
      .expect(201);
    await agent.client
      .post('/api/messages')
      .send({ ticketId: one.id, kind: 'internal_note', body: `${customer.name} 来电，说新邮箱是 ${laterEmail}` })
      .expect(201);
    // The agent changes the contact email as asked: ticket.updated keeps both addresses.
    await agent.client.put(`/api/tickets/${one.id}`).send({ contactEmail: laterEmail }).expect(200);
    await agent.client
      .post(`/api/tickets/${one.id}/decision`)
      .send({ decision: 'approve', message: `${customer.name}您好，号码 ${reissued} 已解除` })
      .expect(202);
    await supervisor.client
      .post(`/api/tickets/${one.id}/decision/confirm`)
      .send({ approve: true, note: `已与${customer.name}电话核实` })
      .expect(200);
    expect((await t.db.account.findUniqueOrThrow({ where: { id: holder.id } })).securityPhone).toBeNull();
    await agent.client.post(`/api/tickets/${one.id}/transition`).send({ to: 'closed' }).expect(200);

    // 2. An MFA unbind of an account whose name is not theirs, with a code from the account's phone: rejected.
    const asked = await request(t.app).post('/api/public/owner-codes').send({ accountId: claimed.uin }).expect(202);
    const sent = await t.db.notification.findFirstOrThrow({
      where: { recipient: claimed.securityPhone!, secret: true },
      orderBy: { id: 'desc' },
    });
    const verified = await request(t.app)
      .post(`/api/public/owner-codes/${asked.body.challengeId}/verify`)
      .send({ code: /\b(\d{6})\b/.exec(sent.body)![1] })
      .expect(200);
    const rejected = await readyToDecide(
      t,
      agent,
      {
        kind: 'mfa_unbind',
        subjectType: 'personal',
        ownerProof: verified.body.proof,
        fields: {
          loginAccount: wechat,
          accountId: claimed.uin,
          realName: customer.name,
          idNumber,
          currentPhone: customer.phone,
          description,
        },
        contact: { ...customer, email: laterEmail },
      },
      { applicant_id_front: front, applicant_id_back: back },
    );
    const two = rejected.ticket;
    expect(await t.db.ownerChallenge.count({ where: { ticketId: two.id } })).toBe(1);
    await agent.client
      .post(`/api/tickets/${two.id}/decision`)
      .send({ decision: 'reject', reasonCode: 'subject_mismatch', message: `${customer.name}您好，实名信息与账号不一致` })
      .expect(200);

    // A bystander's appeal holds the same ID photo: that file must stay.
    const bystander = await fileAppeal(
      t,
      {
        kind: 'mfa_unbind',
        subjectType: 'personal',
        fields: {
          loginAccount: 'someone',
          accountId: claimed.uin,
          realName: '王五',
          idNumber: residentIdFor('11010519900101001'),
          currentPhone: '13500001111',
        },
        contact: { name: '王五', email: 'wang.wu@example.com' },
      },
      { applicant_id_front: front },
    );
    expect(bystander.status).toBe(201);
    await drain();

    const before = await search(strings);
    // The probe finds what it looks for: in the tables, in the stored proof, in the outbox.
    expect(new Set(before.hits.map((h) => h.string))).toEqual(new Set(strings.filter((s) => s !== idNumber)));
    expect(before.hits.some((h) => h.where.startsWith('uploads'))).toBe(true);
    expect(before.hits.some((h) => h.where.startsWith('outbox/'))).toBe(true);
    const indexBefore = onPostgres ? '' : searchIndexBytes();
    const erased = await admin.client
      .post('/api/privacy/erase')
      .send({ email: laterEmail, reason: `客户 ${customer.name} 2026-11-30 来电要求删除` });
    expect(erased.status).toBe(200);
    expect(erased.body).toEqual({ erased: [one.reference, two.reference], keptOpen: [] });
    await drain();

    const after = await search(strings);
    console.info(
      `erasure: ${strings.length} strings searched in ${after.tables} tables and ${after.files} files (${before.files} before, with ${before.hits.length} hits); ${after.hits.length} hits left`,
    );
    expect(after.hits).toEqual([]);
    if (!onPostgres) {
      // SQLite's trigram index forgot the rows at once: none of the customer's own trigrams is left in its pages.
      const others = (await t.db.ticket.findMany({ select: { searchText: true } })).map((r) => r.searchText).join(' ');
      const theirs = [customer.email, laterEmail, wechat]
        .flatMap((w) => [...w].map((_, i) => w.slice(i, i + 3)))
        .filter((g) => g.length === 3 && !others.includes(g));
      expect(theirs.filter((g) => indexBefore.includes(g)).length).toBeGreaterThan(0);
      const indexAfter = searchIndexBytes();
      expect(theirs.filter((g) => indexAfter.includes(g))).toEqual([]);
    }

    // What stays: the tickets, their decisions and the trail, with who erased them and why.
    const rows = await t.db.ticket.findMany({ where: { id: { in: [one.id, two.id] } }, orderBy: { id: 'asc' } });
    expect(rows.map((r) => [r.status, r.decision, r.contactName])).toEqual([
      ['closed', 'approve', '[erased]'],
      ['rejected', 'reject', '[erased]'],
    ]);
    const why = await t.db.event.findFirstOrThrow({ where: { ticketId: one.id, type: 'privacy.erased' } });
    expect(why).toMatchObject({ agentId: admin.agent.id, reason: '客户 [erased] 2026-11-30 来电要求删除' });
    expect(await t.db.event.count({ where: { ticketId: one.id, type: 'account.changed' } })).toBe(1);
    expect(await t.db.ownerChallenge.count({ where: { ticketId: { in: [one.id, two.id] } } })).toBe(0);
    // Nothing left to send; the search finds the reference and nothing else.
    expect(await t.db.notification.count({ where: { ticketId: { in: [one.id, two.id] }, status: 'pending' } })).toBe(0);
    const search1 = await agent.client
      .get('/api/tickets')
      .query({ filter: JSON.stringify({ q: customer.phone }), range: '[0,24]' })
      .expect(200);
    expect(search1.body).toEqual([]);
    const byRef = await agent.client
      .get('/api/tickets')
      .query({ filter: JSON.stringify({ q: one.reference.toLowerCase() }), range: '[0,24]' })
      .expect(200);
    expect(byRef.body.map((r: { id: number }) => r.id)).toEqual([one.id]);
    // The bystander's copy of the shared photo is still there; the customer's own proof is gone.
    const files = await t.db.evidence.findMany({ where: { ticketId: one.id }, include: { slot: true } });
    expect(await t.store.exists(files.find((f) => f.slot.slotKey === 'applicant_id_front')!.storageKey)).toBe(true);
    expect(await t.store.exists(files.find((f) => f.slot.slotKey === 'phone_ownership_proof')!.storageKey)).toBe(false);
  });
});

describe('DELETE /api/tickets/:id', () => {
  const customer = { name: '司马相如', email: 'xiangru.wqpz@example.cn', phone: '13644556677' };

  it('removes its files unless another ticket holds the same content, its notices and their emails, and records who deleted which reference', async () => {
    const account = await makeAccount(t);
    const shared = await colourIdCard(fixtures, { variant: 0, width: 1560, fileName: 'shared.jpg' });
    const own = path.join(fixtures, `${customer.name}.jpg`);
    fs.writeFileSync(own, withComment(await colourIdCardBytes({ variant: 1, width: 1570 }), `${customer.name} ${customer.phone}`));
    const payload = (contact: typeof customer) => ({
      kind: 'mfa_unbind',
      subjectType: 'personal',
      contact,
      fields: {
        loginAccount: account.uin,
        accountId: account.uin,
        realName: contact.name,
        idNumber: residentIdFor('11010519850312003'),
        currentPhone: contact.phone,
      },
    });
    const filed = await fileAppeal(t, payload(customer), { applicant_id_front: shared, applicant_id_back: own });
    expect(filed.status).toBe(201);
    const ticket = await t.db.ticket.findUniqueOrThrow({
      where: { reference: filed.body.reference },
      include: { evidence: { include: { slot: true } } },
    });
    const other = await fileAppeal(t, payload({ name: '赵六', email: 'zhao.liu@example.com', phone: '13511112222' }), {
      applicant_id_front: shared,
    });
    expect(other.status).toBe(201);
    await agent.client
      .post('/api/messages')
      .send({ ticketId: ticket.id, kind: 'public_reply', body: `${customer.name}您好，请补充材料。` })
      .expect(201);
    await drain();
    const notices = await t.db.notification.findMany({ where: { ticketId: ticket.id } });
    expect(notices.filter((n) => fs.existsSync(path.join(t.config.outboxDir, `${n.id}.eml`))).length).toBeGreaterThan(0);
    const strings = Object.values(customer);
    expect((await search(strings)).hits.length).toBeGreaterThan(0);

    const key = (slot: string) => ticket.evidence.find((e) => e.slot.slotKey === slot)!.storageKey;
    // What the filing's inspection kept of each file for a later filing (intake/inspectionMemo.ts).
    const verdicts = (slot: string) => t.db.inspectionVerdict.count({ where: { key: { startsWith: `${key(slot)}:` } } });
    expect([await verdicts('applicant_id_front'), await verdicts('applicant_id_back')]).toEqual([1, 1]);

    expect((await agent.client.delete(`/api/tickets/${ticket.id}`)).status).toBe(403);
    const deleted = await admin.client.delete(`/api/tickets/${ticket.id}`);
    expect(deleted.status).toBe(200);
    expect(deleted.body).toMatchObject({ id: ticket.id, reference: ticket.reference });
    expect(JSON.stringify(deleted.body)).not.toContain(customer.phone);

    expect(await t.store.exists(key('applicant_id_front'))).toBe(true);
    expect(await t.store.exists(key('applicant_id_back'))).toBe(false);
    // The verdict goes with the file; the other ticket's file keeps its own.
    expect([await verdicts('applicant_id_front'), await verdicts('applicant_id_back')]).toEqual([1, 0]);
    expect(await t.db.notification.count({ where: { id: { in: notices.map((n) => n.id) } } })).toBe(0);
    for (const n of notices) expect(fs.existsSync(path.join(t.config.outboxDir, `${n.id}.eml`))).toBe(false);
    const trail = await t.db.event.findFirstOrThrow({ where: { type: 'ticket.deleted', agentId: admin.agent.id } });
    expect(trail.data).toMatchObject({ ticketId: ticket.id, reference: ticket.reference, kind: 'mfa_unbind' });
    expect((await search(strings)).hits).toEqual([]);
  });
});
