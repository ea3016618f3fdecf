// npx tsx server/bench/pdfBomb.ts [-- --objects 218000 --concurrent 10 --budget-ms 1500 --budget-mib 150]
// PDF object bombs through the HTTP API, each scenario on a fresh server process: one bomb, then `concurrent` at
// once, each beside its baseline (the same number of files of the same size that are refused by their type, so
// that only the upload itself is paid), then `concurrent` PDFs just under the object bound, which are parsed, and
// one ordinary two-page PDF as the control. Reports the time to each
// answer, the server's resident memory at idle, its peak (VmHWM) and what it keeps three seconds after the last
// answer, and whether anything was left behind (tickets, stored files, temporary uploads). A benchmark, not a test:
// it exits 1 when an answer is a 5xx, something is left behind, or a bomb scenario goes over the budgets given: the
// time its last answer takes beyond its baseline's, and the peak growth over idle.
import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import Database from 'better-sqlite3';
import { defaultLimits } from '../src/evidence/inspection';
import { pdfDocument, pdfObjectBombBytes } from '../../test/fixtures/evidence';
import { mfaUnbindPayload } from '../../test/server/support/payloads';
import { freePort, memoryOf, startChild } from './support';

const { values } = parseArgs({
  options: {
    objects: { type: 'string', default: '218000' },
    concurrent: { type: 'string', default: '10' },
    'budget-ms': { type: 'string', default: '1500' },
    'budget-mib': { type: 'string', default: '150' },
  },
});
const objects = Number(values.objects);
const concurrent = Number(values.concurrent);
const budgetMs = Number(values['budget-ms']);
const budgetMiB = Number(values['budget-mib']);

const root = path.resolve(import.meta.dirname, '../..');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'helpdesk-pdf-bomb-'));
const children = new Set<ChildProcess>();
process.on('exit', () => children.forEach((c) => c.kill('SIGKILL')));

type Answer = { status: number; code: string | null; ms: number };
type Scenario = { name: string; answers: Answer[]; idle: number; peak: number; after: number; wallMs: number; leftBehind: string[] };

function filesUnder(folder: string): string[] {
  if (!fs.existsSync(folder)) return [];
  return fs
    .readdirSync(folder, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile())
    .map((e) => path.join(e.parentPath, e.name));
}

async function upload(base: string, bytes: Buffer, name: string): Promise<Answer> {
  const form = new FormData();
  form.append('payload', JSON.stringify(mfaUnbindPayload()));
  form.append('applicant_id_front', new Blob([new Uint8Array(bytes)], { type: 'application/octet-stream' }), name);
  const started = performance.now();
  const res = await fetch(`${base}/api/public/appeals`, { method: 'POST', body: form });
  const body = (await res.json().catch(() => ({}))) as { code?: string };
  return { status: res.status, code: body.code ?? null, ms: performance.now() - started };
}

/** A fresh server on a fresh database, `count` uploads of `bytes` sent at once, then three seconds of quiet. */
async function scenario(name: string, bytes: Buffer, count: number): Promise<Scenario> {
  const run = fs.mkdtempSync(path.join(dir, 'run-'));
  const uploads = path.join(run, 'uploads');
  const port = await freePort();
  const env = {
    NODE_ENV: 'production',
    IDENTITY_HASH_KEY: 'bench-identity-hash-key-0123456789',
    LOG_LEVEL: 'warn',
    COOKIE_SECURE: 'false',
    DATABASE_URL: `file:${path.join(run, 'bench.db')}`,
    UPLOAD_DIR: uploads,
    OUTBOX_DIR: path.join(run, 'outbox'),
    APPEALS_PER_HOUR: '1000000',
    APPEALS_PER_DAY: '1000000',
    PUBLIC_READS_PER_HOUR: '1000000',
    PORT: String(port),
    HOST: '127.0.0.1',
  };
  const server = await startChild(['--import', 'tsx', path.join(root, 'server/src/main.ts')], env, 'Helpdesk console:', {
    cwd: root,
    onSpawn: (c) => {
      children.add(c);
      c.once('exit', () => children.delete(c));
    },
  });
  const pid = server.child.pid!;
  const base = `http://127.0.0.1:${port}`;
  await new Promise((r) => setTimeout(r, 500));
  const idle = memoryOf(pid).rss;
  const started = performance.now();
  const answers = await Promise.all(Array.from({ length: count }, (_, i) => upload(base, bytes, `scan-${i}.pdf`)));
  const wallMs = performance.now() - started;
  await new Promise((r) => setTimeout(r, 3000));
  const { rss: after, peak } = memoryOf(pid);
  server.child.kill('SIGTERM');
  await server.exited;
  const db = new Database(path.join(run, 'bench.db'), { readonly: true });
  const tickets = (db.prepare('SELECT COUNT(*) AS n FROM "Ticket"').get() as { n: number }).n;
  db.close();
  const expected = answers.filter((a) => a.status === 201).length;
  const leftBehind = [
    ...(tickets !== expected ? [`${tickets} tickets for ${expected} accepted`] : []),
    ...(expected === 0 ? filesUnder(uploads).map((f) => path.relative(uploads, f)) : []),
  ];
  return { name, answers, idle, peak, after, wallMs, leftBehind };
}

try {
  const bomb = pdfObjectBombBytes(objects);
  // The baseline: as many bytes, refused by their first bytes (not an accepted type), so only the upload is paid.
  const sameSize = Buffer.alloc(bomb.length, 'not a pdf, only as large as one ');
  const control = fs.readFileSync(await pdfDocument(dir, 2, { image: 'colour' }));
  console.log(
    `Object bomb: ${objects} objects, ${(bomb.length / 1048576).toFixed(2)} MiB; control: a 2-page PDF of ${(control.length / 1024).toFixed(0)} KiB. Node ${process.version}, ${os.cpus().length} cores, load ${os.loadavg()[0]!.toFixed(1)}.`,
  );
  const one = await scenario('baseline: 1 file of that size, refused by type', sameSize, 1);
  const oneBomb = await scenario('1 object bomb', bomb, 1);
  const many = await scenario(`baseline: ${concurrent} such files at once`, sameSize, concurrent);
  const manyBombs = await scenario(`${concurrent} object bombs at once`, bomb, concurrent);
  // Just under the object bound, these are parsed: at most two at a time, each in a worker with a capped heap.
  const nearBound = pdfObjectBombBytes(defaultLimits.pdfMaxObjects - 10);
  const parsed = await scenario(`${concurrent} PDFs of ${defaultLimits.pdfMaxObjects - 7} objects at once (parsed)`, nearBound, concurrent);
  const results = [one, oneBomb, many, manyBombs, parsed, await scenario('1 ordinary PDF (control)', control, 1)];
  console.log('\n| scenario | answers | slowest answer | idle RSS | peak RSS | growth | RSS 3 s after | left behind |');
  console.log('| --- | --- | ---: | ---: | ---: | ---: | ---: | --- |');
  const mib = (x: number) => `${x.toFixed(0)} MiB`;
  for (const r of results) {
    const kinds = new Map<string, number>();
    for (const a of r.answers) kinds.set(`${a.status} ${a.code ?? ''}`.trim(), (kinds.get(`${a.status} ${a.code ?? ''}`.trim()) ?? 0) + 1);
    const summary = [...kinds].map(([k, n]) => `${n}× ${k}`).join(', ');
    const slowest = Math.max(...r.answers.map((a) => a.ms));
    console.log(
      `| ${r.name} | ${summary} | ${(slowest / 1000).toFixed(2)} s | ${mib(r.idle)} | ${mib(r.peak)} | ${mib(r.peak - r.idle)} | ${mib(r.after)} | ${r.leftBehind.join('; ') || 'nothing'} |`,
    );
  }
  console.log(JSON.stringify(results.map((r) => ({ ...r, answers: r.answers.map((a) => ({ ...a, ms: Math.round(a.ms) })) }))));

  const failures = results.flatMap((r) => [
    ...(r.answers.some((a) => a.status >= 500) ? [`${r.name}: a 5xx answer`] : []),
    ...(r.leftBehind.length ? [`${r.name}: left behind ${r.leftBehind.join(', ')}`] : []),
  ]);
  for (const [r, baseline] of [
    [oneBomb, one],
    [manyBombs, many],
  ] as const) {
    const added = r.wallMs - baseline.wallMs;
    console.log(
      `${r.name}: ${Math.round(added)} ms beyond the baseline's ${Math.round(baseline.wallMs)} ms, peak ${Math.round(r.peak - r.idle)} MiB over idle (baseline ${Math.round(baseline.peak - baseline.idle)} MiB)`,
    );
    if (added > budgetMs) failures.push(`${r.name}: last answer ${Math.round(added)} ms after its baseline's (budget ${budgetMs} ms)`);
    if (r.peak - r.idle > budgetMiB)
      failures.push(`${r.name}: peak ${Math.round(r.peak - r.idle)} MiB over idle (budget ${budgetMiB} MiB)`);
  }
  if (failures.length) {
    console.error(`\nOver budget or failing:\n- ${failures.join('\n- ')}`);
    process.exitCode = 1;
  }
} catch (err) {
  console.error(err);
  process.exitCode = 1;
} finally {
  children.forEach((c) => c.kill('SIGKILL'));
  fs.rmSync(dir, { recursive: true, force: true });
}
