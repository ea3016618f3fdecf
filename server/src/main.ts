import { createApp } from './app';
import { loadConfig } from './config';
import { createDb } from './db/client';
import { openReader } from './db/reader';
import { migrate } from './db/migrate';
import { drainInFlight } from './http/inflight';
import { closeLiveStreams } from './live/hub';
import { isUniqueViolation } from './http/uniqueViolation';
import { createLogger } from './logger';
import { createEmailSender, LogSmsSender } from './notifications/transports';
import { createOutboxWorker } from './notifications/worker';
import { demoPassword, seedDemoIfEmpty } from './seed/demo';
import { purgeClosedEvidence } from './maintenance/retention';
import { purgeOwnerChallenges } from './ownerProof/ownerCodes';
import { purgeAccessRecords } from './appeals/accessRegain';
import { purgeInspectionVerdicts } from './intake/inspectionMemo';
import { sweepStorage } from './maintenance/storageSweep';
import { ensureRejectionReasons } from './rejectionReasons/resource';
import { createStore } from './storage/createStore';

const config = loadConfig();
const log = createLogger(config);

const applied = await migrate(config.databaseUrl);
if (applied.length) log.info({ applied }, 'database migrated');
const db = await createDb(config.databaseUrl);

const store = createStore(config);
await ensureRejectionReasons(db);
if (config.env !== 'production') {
  // Started together with another process on an empty database: its first demo agent makes ours a duplicate.
  const seeded = await seedDemoIfEmpty(db, config.identityHashKey, { store }).catch((err: unknown) => {
    if (!isUniqueViolation(err)) throw err;
    log.info('demo data is being seeded by another process');
    return null;
  });
  if (seeded) log.info(seeded, 'demo data seeded into the empty database');
}

const sweep = await sweepStorage(db, store, config.storageSweepGraceMs);
if (sweep.orphansRemoved || sweep.staleUploadsRemoved || sweep.missingFiles.length) log.warn(sweep, 'storage reconciled with the database');

async function retention() {
  const purged = await purgeClosedEvidence(db, store, config.evidenceRetentionDays).catch((err: unknown) => {
    log.error({ err }, 'evidence retention failed');
    return 0;
  });
  if (purged) log.info({ purged, days: config.evidenceRetentionDays }, 'evidence of closed tickets purged');
  await purgeOwnerChallenges(db).catch((err: unknown) => log.error({ err }, 'purging owner challenges failed'));
  await purgeAccessRecords(db).catch((err: unknown) => log.error({ err }, 'purging access codes and filing keys failed'));
  await purgeInspectionVerdicts(db).catch((err: unknown) => log.error({ err }, 'purging inspection verdicts failed'));
}
await retention();
const daily = setInterval(() => void retention(), 24 * 3600_000);
daily.unref();

const reader = openReader(config.databaseUrl);
const app = createApp({ db, reader, config, log, store }, { serveConsole: true });
const outbox = createOutboxWorker(
  { db, log },
  { email: createEmailSender(config, log), sms: new LogSmsSender(log), leaseMs: config.outboxLeaseMs },
);
const server = app.listen(config.port, config.host, () => {
  const url = `http://localhost:${config.port}/`;
  const lines = [`Helpdesk console: ${url}`];
  if (config.env !== 'production') lines.push(`Demo sign-in: agent@example.com or admin@example.com, password ${demoPassword}`);
  console.log(lines.join('\n'));
  outbox.start(config.outboxIntervalMs);
});

let stopping = false;
/** New connections are refused at once; requests in flight (uploads included) finish, then the database closes. */
function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  log.info({ signal }, 'shutting down');
  clearInterval(daily);
  const outboxStopped = outbox.stop();
  // Live streams never finish on their own: they end here, and the browsers' reconnects find the port closed.
  closeLiveStreams();
  server.close(() => {
    void drainInFlight()
      .then(() => outboxStopped)
      .finally(() => Promise.all([reader.close(), db.$disconnect()]))
      .finally(() => process.exit(0));
  });
  // Idle keep-alive connections would hold close() open; busy ones are closed after their response.
  server.closeIdleConnections();
  setTimeout(() => {
    log.error('requests still running after the grace period: exiting');
    process.exit(1);
  }, config.shutdownGraceMs).unref();
}
process.on('SIGTERM', () => shutdown('SIGTERM'));
process.on('SIGINT', () => shutdown('SIGINT'));
