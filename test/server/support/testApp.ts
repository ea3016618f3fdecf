import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pino } from 'pino';
import request from 'supertest';
import { createApp } from '../../../server/src/app';
import { hashPassword } from '../../../server/src/auth/passwords';
import { loadConfig } from '../../../server/src/config';
import { createDb, type Db } from '../../../server/src/db/client';
import { migrate } from '../../../server/src/db/migrate';
import { openReader } from '../../../server/src/db/reader';
import { freshDatabase } from './database';
import { ensureRejectionReasons } from '../../../server/src/rejectionReasons/resource';
import { createStore } from '../../../server/src/storage/createStore';
import { seedDemoIfEmpty } from '../../../server/src/seed/demo';

export type TestApp = Awaited<ReturnType<typeof createTestApp>>;

/** A freshly migrated database and an app on it, for one test file: SQLite, or PostgreSQL under `npm run test:pg`. */
export async function createTestApp(env: Record<string, string> = {}) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'helpdesk-test-'));
  const database = await freshDatabase(dir);
  const databaseUrl = database.url;
  const config = loadConfig({
    NODE_ENV: 'test',
    DATABASE_URL: databaseUrl,
    UPLOAD_DIR: path.join(dir, 'uploads'),
    LOG_LEVEL: 'silent',
    APPEALS_PER_HOUR: '1000',
    APPEALS_PER_DAY: '10000',
    PUBLIC_READS_PER_HOUR: '10000',
    LOGIN_ATTEMPTS_PER_ADDRESS: '10000',
    ...env,
  });
  await migrate(databaseUrl);
  const db: Db = await createDb(databaseUrl);
  await ensureRejectionReasons(db);
  const log = pino({ level: 'silent' });
  const store = createStore(config);
  const reader = openReader(databaseUrl);
  const app = createApp({ db, reader, config, log, store });
  return {
    dir,
    databaseUrl,
    config,
    db,
    reader,
    app,
    store,
    async close() {
      await reader.close();
      await db.$disconnect();
      await database.drop();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** createTestApp with the demo desk seeded into it: agents, accounts and tickets of every kind and status. */
export async function createDemoTestApp(env: Record<string, string> = {}) {
  const t = await createTestApp(env);
  await seedDemoIfEmpty(t.db, t.config.identityHashKey);
  return t;
}

export const testPassword = 'correct horse battery staple';

let counter = 0;
export async function makeAgent(db: Db, role: 'agent' | 'supervisor' | 'admin' = 'agent', extra: { name?: string; active?: boolean } = {}) {
  counter += 1;
  return db.agent.create({
    data: {
      email: `${role}${counter}-${Date.now()}@test.example`,
      name: extra.name ?? `${role} ${counter}`,
      role,
      active: extra.active ?? true,
      passwordHash: await hashPassword(testPassword),
    },
  });
}

/** A supertest agent that keeps the session cookie, signed in with a new agent of the given role. */
export async function signedInAs(t: TestApp, role: 'agent' | 'supervisor' | 'admin' = 'agent') {
  const agent = await makeAgent(t.db, role);
  const client = request.agent(t.app);
  const res = await client.post('/api/auth/login').send({ email: agent.email, password: testPassword });
  if (res.status !== 200) throw new Error(`sign-in failed: ${res.status} ${JSON.stringify(res.body)}`);
  return { agent, client };
}
