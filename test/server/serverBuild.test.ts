import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { builtinModules } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// Issue 16: production runs the compiled server with plain node, on the production dependencies alone.

const root = path.resolve(import.meta.dirname, '../..');
// Inside the repository, as dist/server is: the compiled server finds prisma/ by walking up from itself.
const out = fs.mkdtempSync(path.join(root, 'dist', 'build-test-'));
const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as {
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
};

/** The packages a compiled file imports (bare specifiers, subpaths cut to the package). */
function importedPackages(file: string): string[] {
  const text = fs.readFileSync(file, 'utf8');
  const specifiers = [...text.matchAll(/(?:\bfrom\s*|\bimport\s*\(\s*|^\s*import\s+)["']([^"'.][^"']*)["']/gm)].map((m) => m[1]!);
  return specifiers
    .filter((s) => !s.startsWith('node:') && !builtinModules.includes(s))
    .map((s) => (s.startsWith('@') ? s.split('/').slice(0, 2).join('/') : s.split('/')[0]!));
}

beforeAll(() => {
  fs.mkdirSync(path.dirname(out), { recursive: true });
  execFileSync(process.execPath, ['server/scripts/build-server.mjs', out], { cwd: root, stdio: 'pipe' });
}, 60_000);
afterAll(() => fs.rmSync(out, { recursive: true, force: true }));

describe('the compiled server', () => {
  it('is JavaScript that imports only production dependencies, none of them a TypeScript loader', () => {
    const files = fs.readdirSync(out).filter((f) => f.endsWith('.js') || f.endsWith('.mjs'));
    expect(files).toEqual(expect.arrayContaining(['main.js', 'seed.js', 'migrate.js', 'admin-create.js', 'pdfWorker.mjs']));
    const imported = new Set(files.flatMap((f) => importedPackages(path.join(out, f))));
    expect(imported.has('express')).toBe(true);
    expect([...imported].filter((p) => !(p in pkg.dependencies))).toEqual([]);
    for (const loader of ['tsx', 'typescript', 'esbuild', 'vite']) expect(pkg.dependencies).not.toHaveProperty(loader);
  });

  it("shares one copy of better-sqlite3 with Prisma's adapter: one native build, one SQLite version on the WAL file", () => {
    const lock = JSON.parse(fs.readFileSync(path.join(root, 'package-lock.json'), 'utf8')) as {
      packages: Record<string, { version?: string }>;
    };
    const copies = Object.keys(lock.packages).filter((p) => p.endsWith('node_modules/better-sqlite3'));
    expect(copies).toEqual(['node_modules/better-sqlite3']);
  });

  it('migrates a new database with node alone', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'compiled-'));
    try {
      const env = {
        PATH: process.env.PATH ?? '',
        NODE_ENV: 'production',
        DATABASE_URL: `file:${path.join(dir, 'new.db')}`,
        LOG_LEVEL: 'silent',
        IDENTITY_HASH_KEY: 'a-production-identity-key',
        OUTBOX_DIR: path.join(dir, 'outbox'),
      };
      const said = execFileSync(process.execPath, [path.join(out, 'migrate.js')], { cwd: os.tmpdir(), env, encoding: 'utf8' });
      const migrations = fs.readdirSync(path.join(root, 'prisma/migrations')).filter((m) => /^\d/.test(m));
      expect(said).toContain(migrations.at(-1));
      expect(fs.statSync(path.join(dir, 'new.db')).size).toBeGreaterThan(0);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
