import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from '../config';
import { createDb } from '../db/client';
import { migrateSqlite } from '../db/migrations';
import { seedBulkTickets } from './bulk';
import { LocalDiskStore } from '../storage/localDiskStore';
import { seedDemoIfEmpty } from './demo';

const { values } = parseArgs({ options: { tickets: { type: 'string' }, help: { type: 'boolean', short: 'h' } } });
if (values.help) {
  console.log('npm run seed                    demo data into an empty database\nnpm run seed -- --tickets N     N synthetic tickets more, spread as a real desk has them');
  process.exit(0);
}

const config = loadConfig();
migrateSqlite(config.databaseUrl);
const db = await createDb(config.databaseUrl);
const demo = await seedDemoIfEmpty(db, config.identityHashKey, { store: new LocalDiskStore(path.resolve(config.uploadDir)) });
console.log(demo ? `Demo data: ${JSON.stringify(demo)}` : 'Demo data already present');
await db.$disconnect();

if (values.tickets !== undefined) {
  const n = Number(values.tickets);
  if (!Number.isInteger(n) || n < 1) throw new Error('--tickets takes a positive whole number');
  const started = Date.now();
  const written = seedBulkTickets(config.databaseUrl, n, config.identityHashKey);
  console.log(`Wrote ${written} tickets in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}
