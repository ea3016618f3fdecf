// Latency of every ticket-list filter and every sort of the console at scale, over HTTP on loopback, one request at a
// time (latency, not load), on either database:
//   DATABASE_URL=file:/tmp/1m.db npm run seed -- --tickets 1000000 && npm run bench:lists -- --database file:/tmp/1m.db
//   DATABASE_URL=postgresql://…/helpdesk1m npm run seed -- --tickets 1000000 && npm run bench:lists -- --database postgresql://…/helpdesk1m
// Each page is held against a baseline measured in the same run: reading one ticket by id through the same server.
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createDb } from '../src/db/client';
import { databaseKind } from '../src/db/databaseUrl';
import { lists } from '../src/contract/lists';
import { freePort, median, quantile, signInDemoAgent, startChild } from './support';

const { values } = parseArgs({ options: { database: { type: 'string' }, runs: { type: 'string', default: '101' } } });
if (!values.database) throw new Error('--database file:/path/to/seeded.db or postgresql://… is required');
const runs = Number(values.runs);
if (!Number.isInteger(runs) || runs < 5) throw new Error('--runs takes a whole number of at least 5');

const port = await freePort();
const root = path.resolve(import.meta.dirname, '../..');
const server = await startChild(
  ['--import', 'tsx', 'server/src/main.ts'],
  {
    DATABASE_URL: values.database,
    PORT: String(port),
    HOST: '127.0.0.1',
    LOG_LEVEL: 'warn',
    NODE_ENV: 'development',
    OUTBOX_INTERVAL_MS: '600000',
  },
  'Helpdesk console',
  { cwd: root },
);
const base = `http://127.0.0.1:${port}`;

try {
  const { cookie, agentId } = await signInDemoAgent(base);
  // Agents see contacts masked: the search terms come from the database itself.
  const db = await createDb(values.database);
  const total = await db.ticket.count();
  const [sample] = await db.ticket.findMany({
    orderBy: { id: 'desc' },
    take: 1,
    select: { id: true, reference: true, contactPhone: true, contactName: true },
  });
  await db.$disconnect();
  if (!sample) throw new Error('The database has no tickets: seed it first');

  /** `runs` timed requests after one untimed: p50, p99, and what the page said the total was. */
  const time = async (url: string) => {
    const times: number[] = [];
    let matches = '';
    for (let i = 0; i < runs + 1; i += 1) {
      const started = performance.now();
      const res = await fetch(url, { headers: { cookie } });
      await res.arrayBuffer();
      if (res.status !== 200) throw new Error(`${url}: ${res.status}`);
      if (i > 0) times.push(performance.now() - started);
      matches = `${res.headers.get('content-range')?.split('/')[1] ?? ''}${res.headers.get('x-total-is-lower-bound') ? '+' : ''}`;
    }
    return { p50: median(times), p99: quantile(times, 0.99), matches };
  };
  const page = (filter: Record<string, unknown>, sort: readonly [string, 'ASC' | 'DESC']) =>
    `${base}/api/tickets?range=[0,24]&sort=${encodeURIComponent(JSON.stringify(sort))}&filter=${encodeURIComponent(JSON.stringify(filter))}`;
  const deep = (filter: Record<string, unknown>, sort: readonly [string, 'ASC' | 'DESC'], start: number) =>
    page(filter, sort).replace('range=[0,24]', `range=[${start},${start + 24}]`);

  const baseline = await time(`${base}/api/tickets/${sample.id}`);
  const open = ['new', 'triage', 'in_review', 'awaiting_customer'];
  const filters: [string, Record<string, unknown>][] = [
    ['all', {}],
    ['status: new', { status: 'new' }],
    ['status: closed', { status: 'closed' }],
    ['status: open (4)', { status: open }],
    ['kind', { kind: 'mfa_unbind' }],
    ['subject type', { subjectType: 'enterprise' }],
    ['priority: urgent', { priority: 'urgent' }],
    ['assignee: me', { assigneeId: agentId }],
    ['unassigned', { assigneeId: null }],
    ['overdue', { overdue: true }],
    ['queue: mine', { assigneeId: agentId, status: open }],
    ['queue: unassigned', { assigneeId: null, status: open }],
    ['queue: awaiting', { status: ['awaiting_customer'] }],
    ['kind + status', { kind: 'enterprise_review', status: 'in_review' }],
    ['priority 500 rows deep', { priority: 'urgent' }],
  ];
  const searches: [string, Record<string, unknown>][] = [
    ['q: reference', { q: sample.reference.toLowerCase() }],
    ['q: phone digits', { q: (sample.contactPhone ?? '13800138000').slice(3, 8) }],
    ['q: name', { q: sample.contactName.slice(0, 2) }],
    ['q: one CJK character', { q: sample.contactName.slice(0, 1) }],
  ];
  const rows: string[] = [];
  const row = (name: string, m: { p50: number; p99: number; matches: string }) =>
    rows.push(
      `${name.padEnd(36)}${m.p50.toFixed(1).padStart(8)}${m.p99.toFixed(1).padStart(8)}${(m.p50 / baseline.p50).toFixed(1).padStart(7)}×${m.matches.padStart(10)}`,
    );
  let worst = { p50: 0, p99: 0 };
  const note = (m: { p50: number; p99: number }) => (worst = { p50: Math.max(worst.p50, m.p50), p99: Math.max(worst.p99, m.p99) });

  for (const [name, filter] of filters) {
    for (const sort of [
      ['slaDueAt', 'ASC'],
      ['updatedAt', 'DESC'],
    ] as const) {
      const m = await time(name.includes('deep') ? deep(filter, sort, 500) : page(filter, sort));
      note(m);
      row(`${name}, ${sort[0]} ${sort[1]}`, m);
    }
  }
  // Every sort the console offers, both ways, over all tickets and over the open queue.
  for (const field of lists.tickets.sortable) {
    for (const order of ['ASC', 'DESC'] as const) {
      for (const [scope, filter] of [
        ['all', {}],
        ['open', { status: open }],
      ] as const) {
        const m = await time(page(filter, [field, order]));
        note(m);
        row(`sort ${field} ${order}, ${scope}`, m);
      }
    }
  }
  let searchWorst = 0;
  for (const [name, filter] of searches) {
    const m = await time(page(filter, ['slaDueAt', 'ASC']));
    searchWorst = Math.max(searchWorst, m.p50);
    row(name, m);
  }
  const kind = databaseKind(values.database) === 'postgresql' ? 'PostgreSQL' : 'SQLite';
  console.log(
    `${total} tickets on ${kind}, ${runs} timed requests per line, one at a time; Node ${process.version}, ${os.cpus().length} cores, load average ${os.loadavg()[0]!.toFixed(1)}`,
  );
  console.log(
    `${'page of 25 with its total'.padEnd(36)}${'p50 ms'.padStart(8)}${'p99 ms'.padStart(8)}${'ratio'.padStart(8)}${'total'.padStart(10)}`,
  );
  console.log(
    `${'baseline: one ticket by id'.padEnd(36)}${baseline.p50.toFixed(1).padStart(8)}${baseline.p99.toFixed(1).padStart(8)}${'1.0'.padStart(7)}×`,
  );
  console.log(rows.join('\n'));
  console.log(
    `\nSlowest page (filters and sorts): p50 ${worst.p50.toFixed(1)} ms (goal ≤ 10), p99 ${worst.p99.toFixed(1)} ms (goal ≤ 50).`,
  );
  console.log(
    `Slowest search p50: ${searchWorst.toFixed(1)} ms (goal ≤ 20). A total ending in + is a lower bound: more matches are reachable by narrowing.`,
  );
} finally {
  server.child.kill('SIGTERM');
  await server.exited;
}
