// Median latency of every ticket-list filter of the console, each sorted by SLA due and by last update, over
// HTTP on loopback: `npm run bench:lists -- --database file:/path/to/seeded.db` (seed one with
// `DATABASE_URL=file:... npm run seed -- --tickets 1000000`). One request at a time: this is latency, not load.
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createDb } from '../src/db/client';
import { freePort, median, signInDemoAgent, startChild } from './support';

const { values } = parseArgs({ options: { database: { type: 'string' }, runs: { type: 'string', default: '21' } } });
if (!values.database) throw new Error('--database file:/path/to/seeded.db is required');
const runs = Number(values.runs);

const port = await freePort();
const root = path.resolve(import.meta.dirname, '../..');
const server = await startChild(['--import', 'tsx', 'server/src/main.ts'], {
  DATABASE_URL: values.database, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn', NODE_ENV: 'development', OUTBOX_INTERVAL_MS: '600000',
}, 'Helpdesk console', { cwd: root });
const base = `http://127.0.0.1:${port}`;

try {
  const { cookie, agentId } = await signInDemoAgent(base);
  const me = { id: agentId };
  // Agents see contacts masked: the search terms come from the database itself.
  const db = await createDb(values.database);
  const sample = await db.ticket.findMany({ orderBy: { id: 'desc' }, take: 1, select: { reference: true, contactPhone: true, contactName: true } });
  await db.$disconnect();

  const filters: [string, Record<string, unknown>][] = [
    ['all', {}],
    ['status: new', { status: 'new' }],
    ['status: closed', { status: 'closed' }],
    ['status: open (4)', { status: ['new', 'triage', 'in_review', 'awaiting_customer'] }],
    ['kind', { kind: 'mfa_unbind' }],
    ['subject type', { subjectType: 'enterprise' }],
    ['priority: urgent', { priority: 'urgent' }],
    ['assignee: me', { assigneeId: me.id }],
    ['unassigned', { assigneeId: null }],
    ['overdue', { overdue: true }],
    ['queue: mine', { assigneeId: me.id, status: ['new', 'triage', 'in_review', 'awaiting_customer'] }],
    ['queue: unassigned', { assigneeId: null, status: ['new', 'triage', 'in_review', 'awaiting_customer'] }],
    ['queue: awaiting', { status: ['awaiting_customer'] }],
    ['kind + status', { kind: 'enterprise_review', status: 'in_review' }],
    ['q: reference', { q: sample[0]!.reference.toLowerCase() }],
    ['q: phone digits', { q: (sample[0]!.contactPhone ?? '13800138000').slice(3, 8) }],
    ['q: name', { q: sample[0]!.contactName.slice(0, 2) }],
  ];
  const rows: string[] = [];
  let worst = 0;
  for (const [name, filter] of filters) {
    const cells: string[] = [];
    for (const sort of [['slaDueAt', 'ASC'], ['updatedAt', 'DESC']]) {
      const url = `${base}/api/tickets?range=[0,24]&sort=${encodeURIComponent(JSON.stringify(sort))}&filter=${encodeURIComponent(JSON.stringify(filter))}`;
      const times: number[] = [];
      let total = '';
      for (let i = 0; i < runs + 1; i += 1) {
        const started = performance.now();
        const res = await fetch(url, { headers: { cookie } });
        await res.arrayBuffer();
        if (res.status !== 200) throw new Error(`${name}: ${res.status}`);
        if (i > 0) times.push(performance.now() - started);
        total = res.headers.get('content-range')!.split('/')[1]!;
      }
      const m = median(times);
      if (!name.startsWith('q:')) worst = Math.max(worst, m);
      cells.push(`${m.toFixed(1).padStart(7)} ms`);
      if (sort[0] === 'updatedAt') cells.push(total.padStart(9));
    }
    rows.push(`${name.padEnd(24)}${cells.join('')}`);
  }
  console.log(`${'filter'.padEnd(24)}${'by SLA due'.padStart(10)}${'by update'.padStart(10)}${'total'.padStart(9)}`);
  console.log(rows.join('\n'));
  console.log(`\nSlowest filter median (without q): ${worst.toFixed(1)} ms (goal: at most 20 ms); q goal: at most 100 ms.`);
} finally {
  server.child.kill('SIGTERM');
  await server.exited;
}
