// npm run load [-- --seconds 60 --processes 2 --s3]: on loopback only, 100 agents browsing the ticket lists and 20
// customers filing appeals at once, bounded in time; prints requests, errors and latency percentiles, and exits 1 on
// any error. With --processes N, N server processes share the database behind a round-robin proxy (sessions, limits
// and the outbox live in the database); under `node server/scripts/with-postgres.mjs` the database is PostgreSQL;
// with --s3 the evidence goes to an S3 server (s3rver) on loopback.
import { once } from 'node:events';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import pg from 'pg';
import sharp from 'sharp';
import { residentId } from '../src/seed/identities';
import { freePort, roundRobin, signInDemoAgent, startChild, startS3rver, type StartedChild } from './support';

// An agent reads what a list shows before asking for the next: --agent-rate is each agent's requests a second
// (1 by default, brisker than any person); 0 removes the pause, a closed loop that measures saturation instead.
const { values } = parseArgs({
  options: {
    seconds: { type: 'string', default: '60' },
    agents: { type: 'string', default: '100' },
    customers: { type: 'string', default: '20' },
    'agent-rate': { type: 'string', default: '1' },
    processes: { type: 'string', default: '1' },
    s3: { type: 'boolean', default: false },
  },
});
const agentRate = Number(values['agent-rate']);
const seconds = Number(values.seconds);
const processes = Math.max(1, Number(values.processes));
const root = path.resolve(import.meta.dirname, '../..');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'helpdesk-load-'));

// PostgreSQL when run under with-postgres.mjs (a database of its own on that cluster), else a SQLite file.
const cluster = process.env.TEST_POSTGRES_URL;
let databaseUrl = `file:${path.join(dir, 'load.db')}`;
if (cluster) {
  const name = `load_${process.pid}`;
  const admin = new pg.Client({ connectionString: `${cluster}/postgres` });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  databaseUrl = `${cluster}/${name}`;
}
const s3 = values.s3 ? await startS3rver(path.join(dir, 's3rver')) : null;
const storeEnv: Record<string, string> = s3
  ? { EVIDENCE_STORE: 's3', S3_BUCKET: 'evidence', S3_ENDPOINT: s3.endpoint, S3_ACCESS_KEY_ID: 'S3RVER', S3_SECRET_ACCESS_KEY: 'S3RVER' }
  : {};
if (s3) await fetch(`${s3.endpoint}/evidence`, { method: 'PUT' });

const servers: (StartedChild & { port: number })[] = [];
// One after the other: the first migrates and seeds the demo desk, the others find it done.
for (let i = 0; i < processes; i += 1) {
  const port = await freePort();
  const started = await startChild(
    ['--import', 'tsx', path.join(root, 'server/src/main.ts')],
    {
      PORT: String(port),
      HOST: '127.0.0.1',
      NODE_ENV: 'development',
      LOG_LEVEL: 'error',
      DATABASE_URL: databaseUrl,
      UPLOAD_DIR: path.join(dir, `uploads-${i}`),
      OUTBOX_DIR: path.join(dir, 'outbox'),
      APPEALS_PER_HOUR: '1000000',
      APPEALS_PER_DAY: '1000000',
      PUBLIC_READS_PER_HOUR: '1000000',
      ...storeEnv,
    },
    'Helpdesk console:',
  );
  servers.push({ ...started, port });
}
const proxy = processes > 1 ? await roundRobin(servers.map((s) => s.port)) : null;
const base = `http://127.0.0.1:${proxy ? proxy.port : servers[0]!.port}`;
const where = [
  cluster ? 'PostgreSQL' : 'SQLite',
  s3 ? 'S3 (s3rver)' : 'local disk',
  processes > 1 ? `${processes} processes behind a round-robin proxy` : 'one process',
].join(', ');

try {
  const { cookie } = await signInDemoAgent(base);

  // One multipart body, built once: a colour photo in each of the two slots (the second one re-encoded so they differ).
  const card = await sharp({ create: { width: 1200, height: 800, channels: 3, background: '#3a6fb0' } })
    .composite([
      {
        input: Buffer.from(
          '<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="800"><rect x="100" y="100" width="400" height="300" fill="#d21f26"/><circle cx="900" cy="400" r="200" fill="#f4e3c1"/><path d="M0 700 L1200 600" stroke="#fff" stroke-width="9"/></svg>',
        ),
      },
    ])
    .jpeg({ quality: 85 })
    .toBuffer();
  const other = await sharp(card).flop().jpeg({ quality: 80 }).toBuffer();
  const payload = {
    kind: 'mfa_unbind',
    subjectType: 'personal',
    fields: {
      loginAccount: '12345678',
      accountId: '100012345',
      realName: '张伟',
      idNumber: residentId('110105', new Date(Date.UTC(1985, 2, 12)), 3),
      currentPhone: '13912345678',
    },
    contact: { name: '张伟', email: 'load@example.cn' },
  };
  const boundary = 'helpdesk-load-boundary';
  const part = (name: string, file: Buffer) =>
    Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="${name}"; filename="${name}.jpg"\r\nContent-Type: image/jpeg\r\n\r\n`,
      ),
      file,
      Buffer.from('\r\n'),
    ]);
  const body = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="payload"\r\n\r\n${JSON.stringify(payload)}\r\n`),
    part('applicant_id_front', card),
    part('applicant_id_back', other),
    Buffer.from(`--${boundary}--\r\n`),
  ]);

  // One appeal first, so a broken body fails loudly rather than as a count of errors.
  const probe = await fetch(`${base}/api/public/appeals`, {
    method: 'POST',
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
    body,
  });
  if (probe.status !== 201) throw new Error(`the load's appeal is refused: ${probe.status} ${await probe.text()}`);

  const lists = [
    '/api/tickets?sort=["slaDueAt","ASC"]&range=[0,24]&filter={}',
    '/api/tickets?sort=["slaDueAt","ASC"]&range=[0,24]&filter={"status":["new","triage","in_review"]}',
    '/api/tickets?sort=["updatedAt","DESC"]&range=[0,24]&filter={"overdue":true}',
    '/api/tickets?sort=["slaDueAt","ASC"]&range=[0,24]&filter={"q":"张伟"}',
    '/api/tickets/1',
    '/api/stats/overview',
  ].map((p) => encodeURI(p));

  const run = (opts: autocannon.Options) =>
    new Promise<autocannon.Result>((resolve, reject) => {
      autocannon(opts, (err, result) => (err ? reject(err) : resolve(result)));
    });
  console.log(
    `Load for ${seconds} s on ${base} (${where}): ${values.agents} agents browsing (${agentRate > 0 ? `${agentRate} request/s each` : 'no pause'}), ${values.customers} customers filing appeals without pause…`,
  );
  const [browse, file] = await Promise.all([
    run({
      url: base,
      connections: Number(values.agents),
      duration: seconds,
      headers: { cookie },
      requests: lists.map((p) => ({ method: 'GET', path: p })),
      ...(agentRate > 0 ? { overallRate: agentRate * Number(values.agents) } : {}),
    }),
    run({
      url: `${base}/api/public/appeals`,
      connections: Number(values.customers),
      duration: seconds,
      method: 'POST',
      headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
      body,
    }),
  ]);
  const line = (name: string, r: autocannon.Result) => {
    const bad = r.errors + r.timeouts + r.non2xx;
    return `| ${name} | ${r.requests.total} | ${bad} | ${r.requests.average.toFixed(0)} | ${r.latency.p50} | ${r.latency.p99} | ${r.latency.max} |`;
  };
  console.log('\n| workload | requests | errors (incl. non-2xx, timeouts) | req/s | p50 ms | p99 ms | max ms |');
  console.log('| --- | --- | --- | --- | --- | --- | --- |');
  console.log(line(`${values.agents} agents browsing lists`, browse));
  console.log(line(`${values.customers} customers filing appeals`, file));
  if (proxy) console.log(`\nRequests each process answered through the proxy: ${proxy.served.join(', ')}`);
  // Uploads cut off when the run ended must not leave files once the server has finished with them.
  await proxy?.close();
  for (const s of servers) s.child.kill('SIGTERM');
  await Promise.all(servers.map((s) => s.exited));
  const leftover = servers.flatMap((_, i) => {
    const incoming = path.join(dir, `uploads-${i}`, '.incoming');
    return fs.existsSync(incoming) ? fs.readdirSync(incoming) : [];
  });
  console.log(`Temporary upload files left behind after shutdown: ${leftover.length}`);
  // A workload that finished nothing proves nothing, nor does a process that was never asked: failures too.
  const idle = [browse, file].filter((r) => r.requests.total === 0).length + (proxy ? proxy.served.filter((n) => n === 0).length : 0);
  const failed = browse.errors + browse.timeouts + browse.non2xx + file.errors + file.timeouts + file.non2xx + leftover.length + idle;
  process.exitCode = failed > 0 ? 1 : 0;
} finally {
  for (const s of servers) if (s.child.exitCode === null) s.child.kill('SIGTERM');
  if (s3 && s3.process.exitCode === null) {
    s3.process.kill('SIGTERM');
    await once(s3.process, 'exit');
  }
  fs.rmSync(dir, { recursive: true, force: true });
}
