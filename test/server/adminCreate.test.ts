import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyPassword } from '../../server/src/auth/passwords';
import { createDb, type Db } from '../../server/src/db/client';
import { freshDatabase } from './support/database';

// `npm run admin:create` as whoever sets up a production desk runs it: the password comes on standard input.
const root = path.resolve(import.meta.dirname, '../..');
let dir: string;
let database: Awaited<ReturnType<typeof freshDatabase>>;
let db: Db | undefined;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'helpdesk-admin-'));
  database = await freshDatabase(dir, 'admin');
});
afterAll(async () => {
  await db?.$disconnect();
  await database.drop();
  fs.rmSync(dir, { recursive: true, force: true });
});

function adminCreate(args: string[], stdin: string): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn('npm', ['run', '--silent', 'admin:create', '--', ...args], {
      cwd: root,
      env: {
        ...process.env,
        NODE_ENV: 'production',
        DATABASE_URL: database.url,
        IDENTITY_HASH_KEY: 'admin-create-identity-key-0123456789',
        OUTBOX_DIR: path.join(dir, 'outbox'),
        LOG_LEVEL: 'silent',
      },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, out }));
    child.stdin.end(stdin);
  });
}

const password = 'granite heron violin tundra';

describe('npm run admin:create', () => {
  it('creates the first admin of an empty production desk with the password read from stdin', async () => {
    const res = await adminCreate(['--email', 'First.Admin@desk.example', '--name', '陈静'], `${password}\n`);
    expect(res.out).toContain('Admin created: first.admin@desk.example');
    expect(res.code).toBe(0);
    db = await createDb(database.url);
    const admin = await db.agent.findUniqueOrThrow({ where: { email: 'first.admin@desk.example' } });
    expect(admin).toMatchObject({ role: 'admin', name: '陈静', active: true });
    expect(admin.passwordChangedAt).not.toBeNull();
    expect(await verifyPassword(admin.passwordHash, password)).toBe(true);
  }, 60_000);

  it('refuses an email that exists, and changes nothing', async () => {
    const before = await db!.agent.findUniqueOrThrow({ where: { email: 'first.admin@desk.example' } });
    const res = await adminCreate(['--email', 'first.admin@desk.example', '--name', 'Someone else'], 'another fine passphrase here\n');
    expect(res.code).toBe(1);
    expect(res.out).toContain('exists already');
    expect(await db!.agent.findUniqueOrThrow({ where: { email: 'first.admin@desk.example' } })).toEqual(before);
  }, 60_000);

  it.each([
    ['the demo password', 'helpdesk-demo', 'demo password'],
    ['a common password', 'password1234', 'too common'],
    ['a short one', 'short', 'at least 12'],
  ])(
    "refuses %s with the policy's words in both languages",
    async (_what, weak, text) => {
      const res = await adminCreate(['--email', 'second.admin@desk.example', '--name', 'Second'], `${weak}\n`);
      expect(res.code).toBe(1);
      expect(res.out).toContain(text);
      expect(res.out).toContain('密码未被接受');
      expect(await db!.agent.count({ where: { email: 'second.admin@desk.example' } })).toBe(0);
    },
    60_000,
  );

  it('never takes the password from the command line', async () => {
    const res = await adminCreate(['--email', 'third.admin@desk.example', '--name', 'Third', '--password', password], '');
    expect(res.code).toBe(2);
    expect(res.out).toContain('never taken from the command line');
    expect(await db!.agent.count({ where: { email: 'third.admin@desk.example' } })).toBe(0);
  }, 60_000);
});
