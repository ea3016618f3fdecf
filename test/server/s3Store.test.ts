import { spawn, type ChildProcess } from 'node:child_process';
import crypto from 'node:crypto';
import { once } from 'node:events';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { CreateBucketCommand, HeadObjectCommand, ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { loadConfig } from '../../server/src/config';
import { startS3rver } from '../../server/bench/support';
import { sweepStorage } from '../../server/src/maintenance/storageSweep';
import { S3Store } from '../../server/src/storage/s3Store';
import { colourIdCard, colourIdCardBytes } from '../fixtures/evidence';
import { mfaUnbindPayload } from './support/payloads';
import { createTestApp, signedInAs, type TestApp } from './support/testApp';

const bucket = 'evidence';
const credentials = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' };
let dir: string;
let server: ChildProcess;
let endpoint: string;
let client: S3Client;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'helpdesk-s3-'));
  ({ process: server, endpoint } = await startS3rver(path.join(dir, 's3rver')));
  client = new S3Client({ endpoint, region: 'us-east-1', forcePathStyle: true, credentials });
  await client.send(new CreateBucketCommand({ Bucket: bucket }));
});
afterAll(async () => {
  client?.destroy();
  if (server && server.exitCode === null) {
    const exited = once(server, 'exit');
    server.kill('SIGTERM');
    await exited;
  }
  fs.rmSync(dir, { recursive: true, force: true });
});

const sha256 = (bytes: Buffer) => crypto.createHash('sha256').update(bytes).digest('hex');

async function readAll(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk));
  return Buffer.concat(chunks);
}

async function collect(keys: AsyncIterable<string>): Promise<string[]> {
  const out: string[] = [];
  for await (const key of keys) out.push(key);
  return out;
}

/** Writes bytes into the store's incoming folder as an upload would land; returns the path and content key. */
async function upload(store: S3Store, bytes: Buffer) {
  const file = path.join(store.incomingDir, `${crypto.randomUUID()}.upload`);
  await fsp.writeFile(file, bytes);
  return { file, key: sha256(bytes) };
}

function storeUnder(prefix: string, pageSize?: number) {
  return new S3Store({ client, bucket, prefix, incomingDir: fs.mkdtempSync(path.join(dir, 'incoming-')), pageSize });
}

describe('S3Store', () => {
  it('stores an image under its SHA-256 and reads back the same bytes', async () => {
    const store = storeUnder('roundtrip/');
    const bytes = await colourIdCardBytes({ variant: 2 });
    const { file, key } = await upload(store, bytes);
    expect(await store.put(file, key)).toBe(key);
    expect(fs.existsSync(file)).toBe(false);
    const head = await client.send(new HeadObjectCommand({ Bucket: bucket, Key: `roundtrip/${key}` }));
    expect(head.ContentLength).toBe(bytes.length);
    expect((await readAll(await store.open(key))).equals(bytes)).toBe(true);
  });

  it('accepts the same content twice and keeps one object', async () => {
    const store = storeUnder('twice');
    const bytes = crypto.randomBytes(64 * 1024);
    const first = await upload(store, bytes);
    const second = await upload(store, bytes);
    await store.put(first.file, first.key);
    await store.put(second.file, second.key);
    expect(fs.existsSync(first.file) || fs.existsSync(second.file)).toBe(false);
    expect(await collect(store.keys())).toEqual([first.key]);
    expect((await readAll(await store.open(first.key))).equals(bytes)).toBe(true);
  });

  it('answers exists and modifiedAt, and removes idempotently', async () => {
    const store = storeUnder('remove/');
    const { file, key } = await upload(store, crypto.randomBytes(1000));
    await store.put(file, key);
    expect(await store.exists(key)).toBe(true);
    expect((await store.modifiedAt(key))?.getTime()).toBeGreaterThan(Date.now() - 60_000);
    await store.remove(key);
    await store.remove(key);
    expect(await store.exists(key)).toBe(false);
    expect(await store.modifiedAt(key)).toBeNull();
    await expect(store.open(key)).rejects.toThrow();
  });

  it('lists every key across several pages', async () => {
    const store = storeUnder('paged/', 2);
    const added: string[] = [];
    for (let i = 0; i < 5; i++) {
      const { file, key } = await upload(store, crypto.randomBytes(100));
      await store.put(file, key);
      added.push(key);
    }
    const send = vi.spyOn(client, 'send');
    const listed = await collect(store.keys());
    const listCalls = send.mock.calls.filter(([command]) => command instanceof ListObjectsV2Command).length;
    send.mockRestore();
    expect(listed.sort()).toEqual(added.sort());
    expect(listCalls).toBe(3);
  });

  it('refuses a key that is not a content address', async () => {
    const store = storeUnder('');
    await expect(store.exists('../secret')).rejects.toThrow('Not a content key');
  });
});

describe('EVIDENCE_STORE configuration', () => {
  it('keeps evidence on disk by default and refuses S3 without a bucket', () => {
    expect(loadConfig({}).evidenceStore).toEqual({ kind: 'disk' });
    expect(() => loadConfig({ EVIDENCE_STORE: 's3' })).toThrow('S3_BUCKET must be set when EVIDENCE_STORE=s3');
  });

  it('uses path-style addresses when an endpoint is set, unless told otherwise', () => {
    const minio = loadConfig({ EVIDENCE_STORE: 's3', S3_BUCKET: 'b', S3_ENDPOINT: 'http://minio:9000' }).evidenceStore;
    expect(minio).toMatchObject({ kind: 's3', region: 'us-east-1', forcePathStyle: true, credentials: undefined });
    const aws = loadConfig({ EVIDENCE_STORE: 's3', S3_BUCKET: 'b', S3_REGION: 'eu-west-1' }).evidenceStore;
    expect(aws).toMatchObject({ kind: 's3', region: 'eu-west-1', forcePathStyle: false, endpoint: undefined });
  });
});

describe('appeals with evidence in S3', () => {
  let t: TestApp;
  let front: string;
  let back: string;

  beforeAll(async () => {
    t = await createTestApp({
      EVIDENCE_STORE: 's3',
      S3_BUCKET: bucket,
      S3_ENDPOINT: endpoint,
      S3_PREFIX: 'app',
      S3_ACCESS_KEY_ID: credentials.accessKeyId,
      S3_SECRET_ACCESS_KEY: credentials.secretAccessKey,
    });
    const files = fs.mkdtempSync(path.join(t.dir, 'fixtures-'));
    front = await colourIdCard(files, { variant: 0 });
    back = await colourIdCard(files, { variant: 1 });
  });
  afterAll(() => t?.close());

  /** Every file under the local upload folder. */
  function localFiles(): string[] {
    return fs
      .readdirSync(t.config.uploadDir, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => e.name);
  }

  it('stores the evidence of a filed appeal in the bucket, not on local disk, and serves the original to an agent', async () => {
    expect(t.store).toBeInstanceOf(S3Store);
    const res = await request(t.app)
      .post('/api/public/appeals')
      .field('payload', JSON.stringify(mfaUnbindPayload()))
      .attach('applicant_id_front', front)
      .attach('applicant_id_back', back);
    expect(res.status).toBe(201);
    const ticket = await t.db.ticket.findUniqueOrThrow({ where: { reference: res.body.reference }, include: { evidence: true } });
    expect(ticket.evidence).toHaveLength(2);
    for (const e of ticket.evidence) {
      const head = await client.send(new HeadObjectCommand({ Bucket: bucket, Key: `app/${e.sha256}` }));
      expect(head.ContentLength).toBe(e.size);
    }
    expect(localFiles()).toEqual([]);

    const { client: agent } = await signedInAs(t);
    const evidence = ticket.evidence.find((e) => e.originalName === path.basename(front))!;
    const download = await agent
      .get(`/api/files/${evidence.id}`)
      .buffer(true)
      .parse((r, done) => {
        const chunks: Buffer[] = [];
        r.on('data', (c: Buffer) => chunks.push(c));
        r.on('end', () => done(null, Buffer.concat(chunks)));
      });
    expect(download.status).toBe(200);
    expect((download.body as Buffer).equals(fs.readFileSync(front))).toBe(true);
  });

  it('sweeps an orphan object once it is older than the grace period and keeps referenced ones', async () => {
    const orphan = crypto.randomBytes(2048);
    const file = path.join(t.store.incomingDir, 'orphan.upload');
    await fsp.writeFile(file, orphan);
    const orphanKey = await t.store.put(file, sha256(orphan));
    const referenced = (await t.db.evidence.findMany({ select: { storageKey: true } })).map((e) => e.storageKey);
    expect(referenced.length).toBeGreaterThan(0);

    const soon = await sweepStorage(t.db, t.store);
    expect(soon.orphansRemoved).toBe(0);
    expect(await t.store.exists(orphanKey)).toBe(true);

    const later = await sweepStorage(t.db, t.store, 15 * 60_000, new Date(Date.now() + 3600_000));
    expect(later).toEqual({ orphansRemoved: 1, staleUploadsRemoved: 0, missingFiles: [] });
    expect(await t.store.exists(orphanKey)).toBe(false);
    for (const key of referenced) expect(await t.store.exists(key)).toBe(true);
  });
});

describe('npm run seed with EVIDENCE_STORE=s3', () => {
  it('puts the demo evidence in the bucket, and nothing on local disk', async () => {
    const work = fs.mkdtempSync(path.join(dir, 'seed-'));
    const uploads = path.join(work, 'uploads');
    const databaseUrl = `file:${path.join(work, 'seed.db')}`;
    const child = spawn(process.execPath, ['--import', 'tsx', 'server/src/seed/cli.ts'], {
      cwd: path.resolve(import.meta.dirname, '../..'),
      env: {
        ...process.env,
        DATABASE_URL: databaseUrl,
        UPLOAD_DIR: uploads,
        IDENTITY_HASH_KEY: 'seed-identity-hash-key-0123456789abcdef',
        LOG_LEVEL: 'silent',
        EVIDENCE_STORE: 's3',
        S3_BUCKET: bucket,
        S3_ENDPOINT: endpoint,
        S3_PREFIX: 'seeded',
        S3_ACCESS_KEY_ID: credentials.accessKeyId,
        S3_SECRET_ACCESS_KEY: credentials.secretAccessKey,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout!.on('data', (c: Buffer) => (output += c.toString()));
    child.stderr!.on('data', (c: Buffer) => (output += c.toString()));
    const [code] = (await once(child, 'exit')) as [number | null];
    expect(code, output).toBe(0);
    const files = Number(/"files":(\d+)/.exec(output)?.[1]);
    expect(files, output).toBeGreaterThan(0);

    const listed = await client.send(new ListObjectsV2Command({ Bucket: bucket, Prefix: 'seeded/' }));
    const keys = new Set((listed.Contents ?? []).map((o) => o.Key!.slice('seeded/'.length)));
    expect(keys.size).toBeGreaterThan(0);
    const { createDb } = await import('../../server/src/db/client');
    const db = await createDb(databaseUrl);
    const stored = await db.evidence.findMany({ select: { storageKey: true } });
    await db.$disconnect();
    expect(stored.length).toBe(files);
    for (const { storageKey } of stored) expect(keys.has(storageKey), storageKey).toBe(true);
    const local = fs.existsSync(uploads) ? fs.readdirSync(uploads, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()) : [];
    expect(local.map((e) => e.name)).toEqual([]);
  }, 120_000);
});
