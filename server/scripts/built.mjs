// The compiled app in dist/: built again when its sources changed (or it is missing), so `npm start` on a fresh clone
// builds once and later starts straight away. Building needs the dev dependencies; running does not.
import { spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

export const root = path.resolve(import.meta.dirname, '../..');

/** Every file under the sources (the generated Prisma client aside: it follows the schema, listed itself), sorted. */
function sourceFiles(sources) {
  const files = [];
  const walk = (p) => {
    if (!fs.existsSync(p)) return;
    if (!fs.statSync(p).isDirectory()) return files.push(p);
    for (const entry of fs.readdirSync(p)) if (entry !== 'generated' && entry !== 'node_modules') walk(path.join(p, entry));
  };
  sources.forEach(walk);
  return files.sort();
}

/** A digest of the sources' names and contents: unlike file times, it survives a copy, a checkout or an install. */
function sourceDigest(sources) {
  const hash = crypto.createHash('sha256');
  for (const file of sourceFiles(sources)) hash.update(path.relative(root, file)).update('\0').update(fs.readFileSync(file)).update('\0');
  return hash.digest('hex');
}

const parts = [
  {
    label: 'the console and the appeal form',
    stamp: path.join(root, 'dist/admin-ui/.sources'),
    // The bundles import the server's zod-free rules and shared types.
    sources: [path.join(root, 'admin-ui'), path.join(root, 'server/src')],
    tool: 'vite',
    // Always a production build (React's development build is twice the size), then the bundle budgets.
    steps: [
      ['npx', ['vite', 'build', '--config', 'admin-ui/vite.config.ts', '--logLevel', 'warn']],
      [process.execPath, ['server/scripts/bundle-report.mjs']],
    ],
  },
  {
    label: 'the server',
    stamp: path.join(root, 'dist/server/.sources'),
    sources: [path.join(root, 'server/src'), path.join(root, 'server/scripts/admin-create.ts'), path.join(root, 'prisma/schema.prisma')],
    tool: 'esbuild',
    steps: [[process.execPath, ['server/scripts/build-server.mjs']]],
  },
];

/**
 * Builds what is missing or was built from other sources (only the server when `serverOnly`, everything when
 * `always`), and notes the sources' digest beside each build; exits with a clear message when the build tools are absent.
 */
export function ensureBuilt({ serverOnly = false, always = false } = {}) {
  for (const part of serverOnly ? parts.filter((p) => p.label === 'the server') : parts) {
    const digest = sourceDigest(part.sources);
    if (!always && fs.existsSync(part.stamp) && fs.readFileSync(part.stamp, 'utf8') === digest) continue;
    if (!fs.existsSync(path.join(root, 'node_modules', part.tool))) {
      console.error(
        `The build of ${part.label} is missing or was made from other sources, and ${part.tool} is not installed.\n` +
          'Run `npm run build` where the dev dependencies are installed, then copy dist/ here.',
      );
      process.exit(1);
    }
    console.log(`Building ${part.label}…`);
    for (const [command, args] of part.steps) {
      const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } });
      if (result.status !== 0) process.exit(result.status ?? 1);
    }
    fs.writeFileSync(part.stamp, digest);
  }
}
