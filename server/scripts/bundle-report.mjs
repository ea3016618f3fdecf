#!/usr/bin/env node
// After `vite build`: the JavaScript each page must download before it renders, gzipped, against its budget.
// Usage: node server/scripts/bundle-report.mjs [build dir, default dist/admin-ui]. Exits 1 when a page is over.
import fs from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

const root = path.resolve(import.meta.dirname, '../..');
const outDir = path.resolve(process.argv[2] ?? path.join(root, 'dist/admin-ui'));
const manifestFile = path.join(outDir, '.vite/manifest.json');
const shown = (file) => (file.startsWith(root + path.sep) ? path.relative(root, file) : file);

// Keys are the manifest's entry keys (pages relative to admin-ui/); kB as Vite prints them (1 kB = 1000 bytes).
const budgets = [
  { entry: 'console', page: 'index.html', budgetKb: 600 },
  { entry: 'appeal', page: 'appeal.html', budgetKb: 150 },
];

if (!fs.existsSync(manifestFile)) {
  console.error(`bundle-report: no ${shown(manifestFile)}; build with build.manifest enabled first.`);
  process.exit(1);
}
const manifest = JSON.parse(fs.readFileSync(manifestFile, 'utf8'));

const gzipped = new Map();
const gzipSize = (key) => {
  if (!gzipped.has(key)) gzipped.set(key, gzipSync(fs.readFileSync(path.join(outDir, manifest[key].file))).length);
  return gzipped.get(key);
};
const isJs = (key) => manifest[key].file.endsWith('.js');

/** Every chunk reachable from `start` through the given kinds of import ('imports', 'dynamicImports'). */
function reachable(start, kinds) {
  const seen = new Set();
  const visit = (key) => {
    if (seen.has(key)) return;
    seen.add(key);
    for (const kind of kinds) for (const next of manifest[key][kind] ?? []) visit(next);
  };
  visit(start);
  return seen;
}

const sum = (keys) => [...keys].filter(isJs).reduce((total, key) => total + gzipSize(key), 0);
const kb = (bytes) => (bytes / 1000).toFixed(1);

const rows = budgets.map(({ entry, page, budgetKb }) => {
  if (!manifest[page]?.isEntry) return { entry, missing: true, budgetKb };
  const initial = reachable(page, ['imports']);
  const lazy = [...reachable(page, ['imports', 'dynamicImports'])].filter((key) => !initial.has(key) && isJs(key));
  const initialBytes = sum(initial);
  return { entry, budgetKb, initialBytes, initialChunks: [...initial].filter(isJs).length, lazyBytes: sum(lazy), lazyChunks: lazy.length };
});

const header = ['entry', 'initial JS', 'budget', 'lazy chunks', ''];
const lines = rows.map((row) =>
  row.missing
    ? [row.entry, 'missing from the manifest', `${row.budgetKb} kB`, '', 'FAIL']
    : [
        row.entry,
        `${kb(row.initialBytes)} kB in ${row.initialChunks} chunk${row.initialChunks === 1 ? '' : 's'}`,
        `${row.budgetKb} kB`,
        `${kb(row.lazyBytes)} kB in ${row.lazyChunks} chunk${row.lazyChunks === 1 ? '' : 's'}`,
        row.initialBytes > row.budgetKb * 1000 ? 'OVER BUDGET' : 'ok',
      ],
);
const widths = header.map((_, column) => Math.max(...[header, ...lines].map((line) => line[column].length)));
const format = (line) =>
  line
    .map((cell, column) => (column === 0 ? cell.padEnd(widths[column]) : cell.padStart(widths[column])))
    .join('  ')
    .trimEnd();

console.log(`\nInitial JavaScript per page, gzipped (${shown(outDir)})`);
console.log(format(header));
for (const line of lines) console.log(format(line));

const failed = rows.filter((row) => row.missing || row.initialBytes > row.budgetKb * 1000);
if (failed.length > 0) {
  console.error(`\nbundle-report: ${failed.map((row) => `${row.entry} ${row.missing ? 'missing' : 'over budget'}`).join(', ')}`);
  process.exit(1);
}
