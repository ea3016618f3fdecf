// The compiled app in dist/: built again when its sources are newer (or it is missing), so `npm start` on a fresh
// clone builds once and later starts straight away. Building needs the dev dependencies; running does not.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

export const root = path.resolve(import.meta.dirname, '../..');

function newestMtime(dir) {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestMtime(full));
    else newest = Math.max(newest, fs.statSync(full).mtimeMs);
  }
  return newest;
}

const isStale = (built, sources) =>
  !fs.existsSync(built) || sources.some((s) => fs.existsSync(s) && (fs.statSync(s).isDirectory() ? newestMtime(s) : fs.statSync(s).mtimeMs) > fs.statSync(built).mtimeMs);

const parts = [
  {
    label: 'the console and the appeal form',
    built: path.join(root, 'dist/admin-ui/index.html'),
    // The bundles import the server's zod-free rules and shared types.
    sources: [path.join(root, 'admin-ui'), path.join(root, 'server/src')],
    tool: 'vite',
    // Always a production build (React's development build is twice the size), then the bundle budgets.
    steps: [['npx', ['vite', 'build', '--config', 'admin-ui/vite.config.ts', '--logLevel', 'warn']], [process.execPath, ['server/scripts/bundle-report.mjs']]],
  },
  {
    label: 'the server',
    built: path.join(root, 'dist/server/main.js'),
    sources: [path.join(root, 'server/src'), path.join(root, 'server/scripts/admin-create.ts')],
    tool: 'esbuild',
    steps: [[process.execPath, ['server/scripts/build-server.mjs']]],
  },
];

/**
 * Builds what is missing or older than its sources (only the server when `serverOnly`); exits with a clear message
 * when the build tools are absent.
 */
export function ensureBuilt({ serverOnly = false } = {}) {
  for (const part of serverOnly ? parts.filter((p) => p.label === 'the server') : parts) {
    if (!isStale(part.built, part.sources)) continue;
    if (!fs.existsSync(path.join(root, 'node_modules', part.tool))) {
      console.error(`The build of ${part.label} is missing or older than its sources, and ${part.tool} is not installed.\n` +
        'Run `npm run build` where the dev dependencies are installed, then copy dist/ here.');
      process.exit(1);
    }
    console.log(`Building ${part.label}…`);
    for (const [command, args] of part.steps) {
      const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } });
      if (result.status !== 0) process.exit(result.status ?? 1);
    }
  }
}
