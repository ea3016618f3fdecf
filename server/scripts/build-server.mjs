#!/usr/bin/env node
// Compiles the server to plain JavaScript in dist/server/, so production runs `node` with no TypeScript loader:
// one ESM bundle per entry point, packages left to node_modules, the PDF worker (already JavaScript) beside them.
import fs from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';

const root = path.resolve(import.meta.dirname, '../..');
// Usage: node server/scripts/build-server.mjs [out dir, default dist/server]
const out = path.resolve(process.argv[2] ?? path.join(root, 'dist/server'));

const serverEntries = {
  main: 'server/src/main.ts',
  seed: 'server/src/seed/cli.ts',
  migrate: 'server/src/db/migrateCli.ts',
  'admin-create': 'server/scripts/admin-create.ts',
};

// Written beside the old build and swapped in, so a server already running from it keeps its worker file.
const next = `${out}.next-${process.pid}`;
await build({
  entryPoints: Object.fromEntries(Object.entries(serverEntries).map(([name, file]) => [name, path.join(root, file)])),
  outdir: next,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node22',
  packages: 'external',
  sourcemap: 'linked',
  logLevel: 'warning',
});
fs.copyFileSync(path.join(root, 'server/src/evidence/inspection/pdfWorker.mjs'), path.join(next, 'pdfWorker.mjs'));
const old = `${out}.old-${process.pid}`;
if (fs.existsSync(out)) fs.renameSync(out, old);
fs.renameSync(next, out);
fs.rmSync(old, { recursive: true, force: true });
console.log(`Server compiled to ${path.relative(root, out)}/ (${Object.keys(serverEntries).join(', ')})`);
