// npm run bench [-- --tickets 100000 --duration 10 --amount 50000 --connections 10 --rounds 5 --appeals 20 --appeal-duration 60 --appeal-connections 2]
// On PostgreSQL: node server/scripts/with-postgres.mjs npm run bench -- --postgres (a database of its own on that server).
// Seeds a database of its own, drives the real server on loopback with autocannon, and measures in the same run
// what each scenario is held against: a bare Express route, the same SQL through better-sqlite3 or node-postgres, and writing and
// hashing the appeal's bytes; then the file inspection's time and memory against ordinary files (inspectionBudgets.ts).
// Benchmarks are not timed tests: it exits 1 on errors only, never on a ratio.
import { spawn, type ChildProcess } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import pg from 'pg';
import { createDb } from '../src/db/client';
import { appealFixture, type AppealFixture } from './appealFixture';
import { inspectionBudgets } from './inspectionBudgets';
import { freePort, median, memoryOf, post, quantile, signInDemoAgent, startChild } from './support';

const { values } = parseArgs({
  options: {
    tickets: { type: 'string', default: '100000' },
    duration: { type: 'string', default: '10' },
    amount: { type: 'string', default: '50000' },
    connections: { type: 'string', default: '10' },
    rounds: { type: 'string', default: '5' },
    appeals: { type: 'string', default: '20' },
    'appeal-duration': { type: 'string', default: '60' },
    'appeal-connections': { type: 'string', default: '2' },
    postgres: { type: 'boolean', default: false },
  },
});
const whole = (name: keyof typeof values) => {
  const n = Number(values[name]);
  if (!Number.isInteger(n) || n < 1) throw new Error(`--${name} takes a positive whole number`);
  return n;
};
const tickets = whole('tickets');
const duration = whole('duration');
const amount = whole('amount');
const connections = whole('connections');
const rounds = whole('rounds');
const appeals = whole('appeals');
const appealDuration = whole('appeal-duration');
const appealConnections = whole('appeal-connections');
if (Math.ceil(amount / rounds) < connections || appeals < appealConnections)
  throw new Error('each connection needs at least one request a round: raise --amount or --appeals');

const root = path.resolve(import.meta.dirname, '../..');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'helpdesk-bench-'));
const postgresServer = process.env.TEST_POSTGRES_URL;
if (values.postgres && !postgresServer)
  throw new Error('--postgres runs under node server/scripts/with-postgres.mjs, which gives TEST_POSTGRES_URL');
const benchDatabase = `helpdesk_bench_${process.pid}`;
const databaseUrl = values.postgres ? `${postgresServer}/${benchDatabase}` : `file:${path.join(dir, 'bench.db')}`;
const databaseName = values.postgres ? 'PostgreSQL' : 'SQLite';
/** Creates the bench's own PostgreSQL database, or drops it at the end. */
async function onPostgresServer(statement: string) {
  const admin = new pg.Client({ connectionString: `${postgresServer}/postgres` });
  await admin.connect();
  await admin.query(statement).finally(() => admin.end());
}
const hashRuns = 5;
const tsx = (script: string, ...args: string[]) => ['--import', 'tsx', script, ...args];

// Every child is tracked so that an error, Ctrl-C or SIGTERM never leaves a server or a seeder behind.
const children = new Set<ChildProcess>();
const track = (child: ChildProcess) => {
  children.add(child);
  child.once('exit', () => children.delete(child));
};
process.on('exit', () => children.forEach((c) => c.kill('SIGKILL')));
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    children.forEach((c) => c.kill('SIGKILL'));
    fs.rmSync(dir, { recursive: true, force: true });
    process.exit(signal === 'SIGINT' ? 130 : 143);
  });
}

async function stop(child: ChildProcess) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  const killer = setTimeout(() => child.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(killer);
}

/** A Node child run to its end; its output, or an error carrying it. */
function runToEnd(args: string[], env: Record<string, string> = {}): Promise<string> {
  const child = spawn(process.execPath, args, { cwd: root, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  track(child);
  let log = '';
  child.stdout!.on('data', (d) => (log += d));
  child.stderr!.on('data', (d) => (log += d));
  return new Promise((resolve, reject) => {
    child.once('exit', (code, signal) =>
      code === 0 ? resolve(log) : reject(new Error(`${path.basename(args[2] ?? '')} exited with ${code ?? signal}:\n${log}`)),
    );
  });
}

/**
 * Appeals filed as the public form files them: each photo is sent to the inspection route when the customer chooses
 * it, then the appeal. Only the filing is timed; a refused inspection or filing counts as an error.
 */
async function appealsAfterChecks(
  base: string,
  appeal: AppealFixture,
  nextNonce: () => number,
  connections: number,
  most: number,
  seconds: number,
): Promise<Measured> {
  const started = performance.now();
  const deadline = started + seconds * 1000;
  const filings: number[] = [];
  let begun = 0;
  let errors = 0;
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (begun < most && performance.now() < deadline) {
        begun += 1;
        const { body, checks } = appeal.fresh(nextNonce());
        for (const check of checks()) {
          const checked = await post(`${base}/api/public/inspections`, { 'content-type': appeal.contentType }, check);
          if (checked.status !== 200) errors += 1;
        }
        // Under an Idempotency-Key, as the form files (a retry then gets the first answer).
        const headers = { 'content-type': appeal.contentType, 'idempotency-key': crypto.randomUUID() };
        const filing = performance.now();
        const res = await post(`${base}/api/public/appeals`, headers, body);
        if (res.status === 201) filings.push(performance.now() - filing);
        else errors += 1;
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  return {
    requests: filings.length + errors,
    errors,
    non2xx: 0,
    seconds: elapsed,
    perSecond: filings.length / elapsed,
    p50: filings.length ? median(filings) : NaN,
    p99: filings.length ? quantile(filings, 0.99) : NaN,
  };
}

function cannon(opts: autocannon.Options): Promise<autocannon.Result> {
  return new Promise((resolve, reject) => {
    autocannon(opts, (err, result) => (err ? reject(err) : resolve(result)));
  });
}

type Measured = { requests: number; errors: number; non2xx: number; seconds: number; perSecond: number; p50: number; p99: number };
const measured = (r: autocannon.Result): Measured => ({
  requests: r.requests.total,
  errors: r.errors,
  non2xx: r.non2xx,
  seconds: r.duration,
  perSecond: r.requests.total / r.duration,
  p50: r.latency.p50,
  p99: r.latency.p99,
});
/** Rounds of one scenario as one: counts add up, latencies are the median round's. */
const combined = (parts: Measured[]): Measured => {
  const sum = (f: (m: Measured) => number) => parts.reduce((n, m) => n + f(m), 0);
  const seconds = sum((m) => m.seconds);
  return {
    requests: sum((m) => m.requests),
    errors: sum((m) => m.errors),
    non2xx: sum((m) => m.non2xx),
    seconds,
    perSecond: sum((m) => m.requests) / seconds,
    p50: median(parts.map((m) => m.p50)),
    p99: median(parts.map((m) => m.p99)),
  };
};

const serverEnv = {
  NODE_ENV: 'production',
  IDENTITY_HASH_KEY: 'bench-identity-hash-key-0123456789',
  LOG_LEVEL: 'warn',
  COOKIE_SECURE: 'false',
  DATABASE_URL: databaseUrl,
  UPLOAD_DIR: path.join(dir, 'uploads'),
  OUTBOX_DIR: path.join(dir, 'outbox'),
  APPEALS_PER_HOUR: '1000000',
  APPEALS_PER_DAY: '1000000',
  PUBLIC_READS_PER_HOUR: '1000000',
};

// A neighbour busy on the same cores skews everything: the load average is printed beside the results.
const loadAtStart = os.loadavg()[0]!;

try {
  // The seeder and the photos each keep one core busy, so they run side by side.
  if (values.postgres) await onPostgresServer(`CREATE DATABASE "${benchDatabase}"`);
  console.log(`Seeding ${tickets} tickets into ${databaseName} and drawing the appeal's photos in ${dir}…`);
  const [seeded, appeal] = await Promise.all([
    runToEnd(tsx(path.join(root, 'server/src/seed/cli.ts'), '--tickets', String(tickets)), serverEnv),
    appealFixture(dir),
  ]);
  console.log(seeded.trim());

  // What the read scenarios ask for is picked from the seeded data, so each one finds something.
  const picks = await createDb(databaseUrl);
  const total = await picks.ticket.count();
  const { id: showId } = await picks.ticket.findFirstOrThrow({ orderBy: { id: 'asc' }, skip: Math.floor(total / 2), select: { id: true } });
  const { contactPhone: phone } = await picks.ticket.findFirstOrThrow({
    where: { id: { gte: showId }, contactPhone: { not: null } },
    orderBy: { id: 'asc' },
    select: { contactPhone: true },
  });
  const [{ kind }] = (await picks.$queryRawUnsafe<{ kind: string }[]>(
    'SELECT "kind" FROM "Ticket" GROUP BY "kind" ORDER BY COUNT(*) DESC LIMIT 1',
  )) as [{ kind: string }];
  await picks.$disconnect();
  if (!phone) throw new Error('no seeded ticket has a contact phone');
  const phoneFragment = phone.slice(3, 9);

  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const server = await startChild(
    tsx(path.join(root, 'server/src/main.ts')),
    { ...serverEnv, PORT: String(port), HOST: '127.0.0.1' },
    'Helpdesk console:',
    { cwd: root, onSpawn: track },
  );

  // Appeals first, so the server's peak memory is theirs; the first one warms up and proves the body is accepted.
  const idle = memoryOf(server.child.pid!);
  const probe = await fetch(`${base}/api/public/appeals`, {
    method: 'POST',
    headers: { 'content-type': appeal.contentType },
    body: appeal.body,
  });
  if (probe.status !== 201) throw new Error(`the bench's appeal is refused: ${probe.status} ${await probe.text()}`);
  if (!((await probe.json()) as { checklist: { complete: boolean } }).checklist.complete)
    throw new Error('the bench appeal should be complete');
  // The appeals and their baseline take turns, in rounds, as the lists and theirs do below: writing and hashing
  // 25 MiB right after the appeals depends on how much of their writing the disk is still flushing.
  const appealRounds = Math.max(1, Math.min(rounds, Math.floor(appeals / appealConnections)));
  const perRound = Math.ceil(appeals / appealRounds);
  console.log(
    `appeals: ${appeals} at most of each kind, ${appealConnections} at a time, ${(appeal.bytes / 1048576).toFixed(1)} MiB each, in ${appealRounds} rounds with their baseline…`,
  );
  // Photos no one sent before: the same body again would find its verdicts already taken (inspectionMemo.ts).
  let nonce = 0;
  const coldRun = async () =>
    measured(
      await cannon({
        url: `${base}/api/public/appeals`,
        method: 'POST',
        headers: { 'content-type': appeal.contentType },
        requests: [
          {
            setupRequest: (req) => ({
              ...req,
              headers: { ...req.headers, 'idempotency-key': crypto.randomUUID() },
              body: appeal.fresh(++nonce).body,
            }),
          },
        ],
        connections: appealConnections,
        duration: appealDuration / appealRounds,
        maxOverallRequests: perRound,
        timeout: 120,
      }),
    );
  // As the form does it: each photo inspected when chosen, then the filing, which alone is timed.
  const checkedRun = () => appealsAfterChecks(base, appeal, () => ++nonce, appealConnections, perRound, appealDuration / appealRounds);
  // The same bytes written and hashed, as many at a time as the appeals are sent, each copy warmed up once.
  const hashRun = async () => {
    const copies = await Promise.all(
      Array.from({ length: appealConnections }, (_, i) =>
        runToEnd(
          tsx(
            path.join(import.meta.dirname, 'writeAndHash.ts'),
            fs.mkdtempSync(path.join(dir, `copy-${i}-`)),
            String(hashRuns + 1),
            ...appeal.photos,
          ),
        ),
      ),
    );
    const lines = copies.map((out) =>
      out
        .split('\n')
        .filter((l) => l.startsWith('{'))
        .map((l) => JSON.parse(l) as { ms?: number; startRssMiB?: number; peakMiB?: number }),
    );
    return {
      ms: lines.flatMap((copy) => copy.flatMap((l) => (l.ms === undefined ? [] : [l.ms])).slice(1)),
      growth: Math.max(...lines.map((copy) => copy.find((l) => l.peakMiB !== undefined)!).map((c) => c.peakMiB! - c.startRssMiB!)),
    };
  };
  const coldParts: Measured[] = [];
  const checkedParts: Measured[] = [];
  const hashMs: number[] = [];
  let copyGrowth = 0;
  const appealRatios = new Map<string, number[]>([
    ['appeal', []],
    ['appeal-checked', []],
  ]);
  for (let round = 0; round < appealRounds; round++) {
    const got: { cold?: Measured; checked?: Measured; hash?: number[] } = {};
    const turn = [
      async () => (got.cold = await coldRun()),
      async () => (got.checked = await checkedRun()),
      async () => {
        const copied = await hashRun();
        got.hash = copied.ms;
        copyGrowth = Math.max(copyGrowth, copied.growth);
      },
    ];
    if (round % 2 === 1) turn.reverse();
    for (const step of turn) await step();
    coldParts.push(got.cold!);
    checkedParts.push(got.checked!);
    hashMs.push(...got.hash!);
    const roundHash = median(got.hash!);
    appealRatios.get('appeal')!.push(got.cold!.p50 / roundHash);
    appealRatios.get('appeal-checked')!.push(got.checked!.p50 / roundHash);
  }
  const busy = memoryOf(server.child.pid!);

  const { cookie } = await signInDemoAgent(base);

  const listPath = (filter: Record<string, unknown>, sort: [string, 'ASC' | 'DESC']) =>
    `/api/tickets?${new URLSearchParams({ sort: JSON.stringify(sort), range: '[0,24]', filter: JSON.stringify(filter) })}`;
  const reads: { key: string; name: string; path: string; refused?: string }[] = [
    { key: 'list', name: 'list, no filter, slaDueAt ASC', path: listPath({}, ['slaDueAt', 'ASC']) },
    { key: 'status', name: 'filter status=in_review, updatedAt DESC', path: listPath({ status: 'in_review' }, ['updatedAt', 'DESC']) },
    { key: 'kind', name: `filter kind=${kind}, slaDueAt ASC`, path: listPath({ kind }, ['slaDueAt', 'ASC']) },
    { key: 'search', name: `search q=${phoneFragment} (phone fragment)`, path: listPath({ q: phoneFragment }, ['slaDueAt', 'ASC']) },
    { key: 'show', name: `show ticket ${showId}`, path: `/api/tickets/${showId}` },
  ];
  // One request each first: a scenario that answers an error or finds nothing measures nothing, and is not run.
  let listPage = '';
  for (const read of reads) {
    const res = await fetch(base + read.path, { headers: { cookie } });
    const text = await res.text();
    const matches = Number(res.headers.get('content-range')?.split('/')[1] ?? 1);
    if (res.status !== 200) read.refused = `${res.status} ${text.slice(0, 200)}`;
    else if (!(matches > 0)) read.refused = 'finds nothing';
    if (res.headers.has('content-range')) read.name += ` [${matches} match${matches === 1 ? '' : 'es'}]`;
    if (read.refused) console.error(`${read.name}: ${read.refused}\n${server.output().split('\n').slice(-20).join('\n')}`);
    if (read.key === 'list') listPage = text;
  }
  if (reads[0]!.refused) throw new Error('the list itself fails: nothing to compare');

  // The baselines, each in a process of its own like the server.
  fs.writeFileSync(path.join(dir, 'page.json'), listPage);
  const bare = async (mode: 'express' | 'sql', source: string) => {
    const bench = await freePort();
    await startChild(tsx(path.join(import.meta.dirname, 'bareServers.ts'), mode, String(bench), source), {}, 'ready', {
      cwd: root,
      onSpawn: track,
    });
    return `http://127.0.0.1:${bench}/list`;
  };
  const bareExpressUrl = await bare('express', path.join(dir, 'page.json'));
  const bareSqlUrl = await bare('sql', databaseUrl);

  type Step = { key: string; url: string; agent?: boolean };
  const agentSteps = (...keys: string[]) =>
    reads.filter((r) => keys.includes(r.key) && !r.refused).map((r): Step => ({ key: r.key, url: base + r.path, agent: true }));
  const drive = async (step: Step, seconds: number, most: number) =>
    measured(
      await cannon({
        url: step.url,
        headers: step.agent ? { cookie } : {},
        connections,
        duration: seconds,
        maxOverallRequests: most,
        timeout: 30,
      }),
    );
  const results = new Map<string, Measured>([
    ['appeal', combined(coldParts)],
    ['appeal-checked', combined(checkedParts)],
  ]);
  // A ratio is the median of rounds in which the scenario and its baseline take turns (in alternating order),
  // so a neighbour loading this shared machine for a few seconds weighs on both alike rather than on one.
  const roundRatios = new Map<string, number[]>(appealRatios);
  const pairs: [Step, Step | undefined][] = [
    [{ key: 'bare-sql-list', url: bareSqlUrl }, agentSteps('list')[0]],
    [{ key: 'bare-sql-status', url: `${bareSqlUrl}?status=in_review` }, agentSteps('status')[0]],
  ];
  console.log('bare-express-list…');
  results.set('bare-express-list', await drive({ key: 'bare-express-list', url: bareExpressUrl }, duration, amount));
  for (const [baseline, scenario] of pairs) {
    console.log(`${baseline.key} and ${scenario?.key ?? 'nothing'}, ${rounds} rounds…`);
    const parts = new Map<string, Measured[]>();
    for (let round = 0; round < rounds; round++) {
      const turn = [baseline, scenario].filter((s): s is Step => s !== undefined);
      if (round % 2 === 1) turn.reverse();
      const got = new Map<string, Measured>();
      for (const step of turn) got.set(step.key, await drive(step, duration / rounds, Math.ceil(amount / rounds)));
      for (const [key, m] of got) parts.set(key, [...(parts.get(key) ?? []), m]);
      if (scenario)
        roundRatios.set(scenario.key, [
          ...(roundRatios.get(scenario.key) ?? []),
          got.get(scenario.key)!.perSecond / got.get(baseline.key)!.perSecond,
        ]);
    }
    for (const [key, list] of parts) results.set(key, combined(list));
  }
  for (const step of agentSteps('kind', 'search', 'show')) {
    console.log(`${step.key}…`);
    results.set(step.key, await drive(step, duration, amount));
  }
  await Promise.all([...children].map(stop));

  const hashP50 = median(hashMs);
  const times = (key: string, of: string, against: number, pick: (v: Measured) => number = (v) => v.perSecond) => {
    const v = results.get(key);
    return v ? `${(pick(v) / against).toFixed(2)}× ${of}` : '—';
  };
  const bareExpress = results.get('bare-express-list')!.perSecond;
  const inRounds = (key: string, of: string) => {
    const ratios = roundRatios.get(key);
    if (!ratios?.length) return '—';
    const [low, high] = [Math.min(...ratios), Math.max(...ratios)];
    return `${median(ratios).toFixed(2)}× ${of} (median of ${ratios.length} rounds, ${low.toFixed(2)}–${high.toFixed(2)})`;
  };
  const table: { key: string; name: string; ratio: string }[] = [
    { key: 'bare-express-list', name: 'baseline: bare Express, the same 25-row page', ratio: 'reference' },
    {
      key: 'bare-sql-list',
      name: `baseline: bare SQL list (${values.postgres ? 'node-postgres' : 'better-sqlite3'} + Express)`,
      ratio: times('bare-sql-list', 'bare Express (req/s)', bareExpress),
    },
    { key: 'list', name: reads[0]!.name, ratio: inRounds('list', 'bare SQL list (req/s)') },
    {
      key: 'bare-sql-status',
      name: 'baseline: bare SQL status=in_review',
      ratio: times('bare-sql-status', 'bare Express (req/s)', bareExpress),
    },
    { key: 'status', name: reads[1]!.name, ratio: inRounds('status', 'bare SQL status (req/s)') },
    ...reads.slice(2).map((r) => ({ key: r.key, name: r.name, ratio: '—' })),
    {
      key: 'appeal',
      name: `appeal submission, photos never seen before, ${(appeal.bytes / 1048576).toFixed(1)} MiB multipart, ${appealConnections} at a time`,
      ratio: inRounds('appeal', 'write+hash (p50)'),
    },
    {
      key: 'appeal-checked',
      name: `appeal submission after the form's check of each photo, ${appealConnections} at a time`,
      ratio: inRounds('appeal-checked', 'write+hash (p50)'),
    },
  ];

  const ms = (x: number) => (x >= 100 ? x.toFixed(0) : x.toFixed(1));
  console.log(
    `\n${total} tickets on ${databaseName}, ${connections} connections, at most ${duration} s and ${amount} requests a scenario (appeals: at most ${appealDuration} s and ${appeals}); Node ${process.version}, ${os.cpus().length} cores, load average ${loadAtStart.toFixed(1)} at the start and ${os.loadavg()[0]!.toFixed(1)} at the end\n`,
  );
  console.log('| scenario | requests | errors / non-2xx | req/s | p50 ms | p99 ms | ratio |');
  console.log('| --- | ---: | ---: | ---: | ---: | ---: | --- |');
  for (const { key, name, ratio } of table) {
    const v = results.get(key);
    const refused = reads.find((r) => r.key === key)?.refused;
    if (v)
      console.log(
        `| ${name} | ${v.requests} | ${v.errors} / ${v.non2xx} | ${v.perSecond.toFixed(v.perSecond < 10 ? 1 : 0)} | ${ms(v.p50)} | ${ms(v.p99)} | ${ratio} |`,
      );
    else console.log(`| ${name} | not run | probe: ${refused?.split('\n')[0]?.slice(0, 60)} | — | — | — | — |`);
  }
  console.log(
    `| baseline: write and hash the same bytes, ${appealConnections} at a time | ${hashMs.length} | 0 / 0 | — | ${ms(hashP50)} | ${ms(Math.max(...hashMs))} (max) | reference |`,
  );
  const growth = busy.peak - idle.rss;
  console.log(
    `\nServer peak memory above idle while taking appeals: ${growth.toFixed(0)} MiB (peak ${busy.peak.toFixed(0)}, idle ${idle.rss.toFixed(0)}); writing and hashing: ${copyGrowth.toFixed(0)} MiB.`,
  );
  const share = median(roundRatios.get('list') ?? [0]);
  console.log(`Goal "list throughput ≥ 0.5 × bare SQL": ${share >= 0.5 ? 'met' : 'NOT met'} (${share.toFixed(2)}×, median of the rounds).`);

  // With the servers stopped: the inspection's budgets, each beside its baseline (inspectionBudgets.ts).
  await inspectionBudgets(dir, track);

  // Errors fail the run; a ratio never does. So does a scenario that finished nothing.
  const failures = table.flatMap(({ key, name }) => {
    const v = results.get(key);
    return !v || v.errors + v.non2xx > 0 || v.requests === 0 ? [name] : [];
  });
  if (failures.length) {
    console.error(`\nErrors in: ${failures.join('; ')}`);
    process.exitCode = 1;
  }
} catch (err) {
  console.error(err);
  process.exitCode = 1;
} finally {
  await Promise.all([...children].map(stop));
  fs.rmSync(dir, { recursive: true, force: true });
  if (values.postgres)
    await onPostgresServer(`DROP DATABASE IF EXISTS "${benchDatabase}" WITH (FORCE)`).catch((err: unknown) => console.error(err));
}
