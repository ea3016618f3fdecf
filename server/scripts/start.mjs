#!/usr/bin/env node
// `npm start`: builds what is stale (the two bundles, the compiled server), then runs the server with plain node.
// `node server/scripts/start.mjs seed|migrate|admin-create [args]` runs another compiled entry point the same way.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { ensureBuilt, root } from './built.mjs';

const [entry = 'main', ...args] = process.argv.slice(2);
ensureBuilt({ serverOnly: entry !== 'main' });
const child = spawn(process.execPath, ['--enable-source-maps', path.join(root, 'dist/server', `${entry}.js`), ...args], {
  cwd: root,
  stdio: 'inherit',
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
