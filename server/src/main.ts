import path from 'node:path';
import { createApp } from './app';
import { loadConfig } from './config';
import { createDb } from './db/client';
import { migrateSqlite } from './db/migrations';
import { createLogger } from './logger';
import { demoPassword, seedDemoIfEmpty } from './seed/demo';
import { LocalDiskStore } from './storage/localDiskStore';

const config = loadConfig();
const log = createLogger(config);

const applied = migrateSqlite(config.databaseUrl);
if (applied.length) log.info({ applied }, 'database migrated');
const db = await createDb(config.databaseUrl);

if (config.env !== 'production') {
  const seeded = await seedDemoIfEmpty(db, config.identityHashKey);
  if (seeded) log.info(seeded, 'demo data seeded into the empty database');
}

const store = new LocalDiskStore(path.resolve(config.uploadDir));
const app = createApp({ db, config, log, store }, { serveConsole: true });
const server = app.listen(config.port, config.host, () => {
  const url = `http://localhost:${config.port}/`;
  const lines = [`Helpdesk console: ${url}`];
  if (config.env !== 'production') lines.push(`Demo sign-in: agent@example.com or admin@example.com, password ${demoPassword}`);
  console.log(lines.join('\n'));
});

function shutdown(signal: string) {
  log.info({ signal }, 'shutting down');
  server.close(() => {
    void db.$disconnect().finally(() => process.exit(0));
  });
  setTimeout(() => process.exit(1), 10_000).unref();
}
process.on('SIGTERM', () => shutdown('SIGTERM'));
process.on('SIGINT', () => shutdown('SIGINT'));
