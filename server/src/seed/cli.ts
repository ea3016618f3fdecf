import { parseArgs } from 'node:util';
import { loadConfig } from '../config';
import { createDb } from '../db/client';
import { databaseKind } from '../db/databaseUrl';
import { migrate } from '../db/migrate';
import { isUniqueViolation } from '../http/uniqueViolation';
import { seedBulkTickets } from './bulk';
import { createStore } from '../storage/createStore';
import { seedDemoIfEmpty } from './demo';

const { values } = parseArgs({ options: { tickets: { type: 'string' }, help: { type: 'boolean', short: 'h' } } });
if (values.help) {
  console.log(
    'npm run seed                    demo data into an empty database\nnpm run seed -- --tickets N     N synthetic tickets more, spread as a real desk has them',
  );
  process.exit(0);
}

const config = loadConfig();
await migrate(config.databaseUrl);
const db = await createDb(config.databaseUrl);
// A server starting on the same empty database may seed it first: its first demo agent makes ours a duplicate.
const outcome = await seedDemoIfEmpty(db, config.identityHashKey, { store: createStore(config) }).then(
  (demo) => (demo ? `Demo data: ${JSON.stringify(demo)}` : 'Demo data already present'),
  (err: unknown) => {
    if (!isUniqueViolation(err)) throw err;
    return 'Demo data is being seeded by another process';
  },
);
console.log(outcome);
await db.$disconnect();

if (values.tickets !== undefined) {
  const n = Number(values.tickets);
  if (!Number.isInteger(n) || n < 1) throw new Error('--tickets takes a positive whole number');
  const started = Date.now();
  const written = await seedBulkTickets(config.databaseUrl, n, config.identityHashKey, new Date(), (line) => console.log(`  ${line}`));
  console.log(
    `Wrote ${written} tickets into ${databaseKind(config.databaseUrl) === 'postgresql' ? 'PostgreSQL' : 'SQLite'} in ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
}
