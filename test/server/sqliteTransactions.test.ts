import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { createDb } from '../../server/src/db/client';
import { migrateSqlite } from '../../server/src/db/migrations';

// Two processes over one SQLite file, as two API processes are: each has its own connection and its own event loop.
const root = path.resolve(import.meta.dirname, '../..');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'helpdesk-sqlite-tx-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/**
 * Waits for a line on stdin, then runs `count` transactions that each read the counter and write it back plus one,
 * a few at a time as concurrent requests would.
 */
const incrementer = `
import { createDb } from ${JSON.stringify(pathToFileURL(path.join(root, 'server/src/db/client.ts')).href)};
const [url, name, count] = process.argv.slice(-3);
const db = await createDb(url);
console.log('ready');
process.stdin.once('data', async () => {
  const errors = [];
  const increment = () => db.$transaction(async (tx) => {
    const { value } = await tx.counter.findUniqueOrThrow({ where: { name } });
    await new Promise((r) => setImmediate(r));
    await tx.counter.update({ where: { name }, data: { value: value + 1 } });
  });
  let left = Number(count);
  const loop = async () => {
    while (left > 0) {
      left -= 1;
      await increment().catch((e) => errors.push(String(e.message).split('\\n').at(-1)));
    }
  };
  await Promise.all([loop(), loop(), loop(), loop()]);
  console.log(JSON.stringify({ errors }));
  await db.$disconnect();
});
`;

function startIncrementer(url: string, name: string, count: number) {
  const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '--eval', incrementer, '--', url, name, String(count)], {
    cwd: root,
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  let out = '';
  child.stdout.on('data', (d) => (out += d));
  const line = (test: (l: string) => boolean) =>
    new Promise<string>((resolve, reject) => {
      const check = () => {
        const found = out.split('\n').find(test);
        if (found !== undefined) resolve(found);
      };
      child.stdout.on('data', check);
      child.once('exit', (code) => reject(new Error(`incrementer exited with ${code}: ${out}`)));
      check();
    });
  return {
    ready: line((l) => l === 'ready'),
    go: () => child.stdin.end('go\n'),
    result: line((l) => l.startsWith('{')).then((l) => JSON.parse(l) as { errors: string[] }),
  };
}

describe('SQLite transactions in two processes', () => {
  it('commits every read-then-write transaction and loses no update', async () => {
    const url = `file:${path.join(dir, 'counter.db')}`;
    migrateSqlite(url);
    const db = await createDb(url);
    await db.counter.create({ data: { name: 'shared', value: 0 } });
    const perProcess = 150;
    const children = [startIncrementer(url, 'shared', perProcess), startIncrementer(url, 'shared', perProcess)];
    await Promise.all(children.map((c) => c.ready));
    for (const c of children) c.go();
    const results = await Promise.all(children.map((c) => c.result));
    expect(results.flatMap((r) => r.errors)).toEqual([]);
    expect((await db.counter.findUniqueOrThrow({ where: { name: 'shared' } })).value).toBe(2 * perProcess);
    await db.$disconnect();
  }, 60_000);
});
