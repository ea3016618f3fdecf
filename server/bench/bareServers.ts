// The baselines the bench holds the API against, each in a process of its own as the real server is:
//   bareServers.ts express PORT ROWS.json   GET /list answers the fixed rows (a page the real server answered)
//   bareServers.ts sql PORT file:DB_FILE    GET /list[?status=S] runs the list's SQL through better-sqlite3
//   bareServers.ts sql PORT postgresql://…  the same SQL through node-postgres (a pool of 10, as the server's)
// Both are Express, so the first measures Express alone and the second Express plus the bare SQL.
import fs from 'node:fs';
import Database from 'better-sqlite3';
import express from 'express';
import pg from 'pg';
import { sqliteFileFromUrl } from '../src/db/databaseUrl';
import { contentRange } from '../src/http/listQuery';

/** GET /api/tickets with no filter, soonest SLA first: the page and the total. */
const listPageSql = 'SELECT * FROM "Ticket" ORDER BY "slaDueAt" ASC, "id" ASC LIMIT 25 OFFSET 0';
const listTotalSql = 'SELECT COUNT(*) AS total FROM "Ticket"';

/** GET /api/tickets filtered on one status, most recently updated first: the page and the total. */
const statusPageSql = 'SELECT * FROM "Ticket" WHERE "status" = ? ORDER BY "updatedAt" DESC, "id" DESC LIMIT 25 OFFSET 0';
const statusTotalSql = 'SELECT COUNT(*) AS total FROM "Ticket" WHERE "status" = ?';
const numbered = (sql: string) => sql.replace('?', '$1');

const [mode, port, source] = process.argv.slice(2);
const app = express();
app.set('query parser', 'simple');

if (mode === 'express') {
  const rows = JSON.parse(fs.readFileSync(source!, 'utf8')) as unknown[];
  app.get('/list', (_req, res) => {
    res.set('Content-Range', contentRange('tickets', 0, rows.length, 100_000));
    res.json(rows);
  });
} else if (mode === 'sql' && /^postgres(ql)?:\/\//.test(source!)) {
  const pool = new pg.Pool({ connectionString: source, max: 10 });
  app.get('/list', async (req, res) => {
    const status = typeof req.query.status === 'string' ? req.query.status : undefined;
    const [page, counted] = await Promise.all(
      status === undefined
        ? [pool.query(listPageSql), pool.query<{ total: string }>(listTotalSql)]
        : [pool.query(numbered(statusPageSql), [status]), pool.query<{ total: string }>(numbered(statusTotalSql), [status])],
    );
    res.set('Content-Range', contentRange('tickets', 0, page.rows.length, Number(counted.rows[0]!.total)));
    res.json(page.rows);
  });
} else if (mode === 'sql') {
  const conn = new Database(sqliteFileFromUrl(source!), { readonly: true, fileMustExist: true });
  const list = { page: conn.prepare(listPageSql), total: conn.prepare(listTotalSql) };
  const byStatus = { page: conn.prepare(statusPageSql), total: conn.prepare(statusTotalSql) };
  app.get('/list', (req, res) => {
    const status = typeof req.query.status === 'string' ? req.query.status : undefined;
    const rows = status === undefined ? list.page.all() : byStatus.page.all(status);
    const { total } = (status === undefined ? list.total.get() : byStatus.total.get(status)) as { total: number };
    res.set('Content-Range', contentRange('tickets', 0, rows.length, total));
    res.json(rows);
  });
} else {
  throw new Error(`unknown baseline ${mode}: expected express or sql`);
}

app.listen(Number(port), '127.0.0.1', () => console.log('ready'));
