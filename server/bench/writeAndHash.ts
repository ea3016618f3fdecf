// The baseline: only stream the same bytes to new files while hashing them. Prints one JSON line per run.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Transform } from 'node:stream';
import { memoryOf } from './support';

const [outDir, runs, ...files] = process.argv.slice(2);
const startRss = process.memoryUsage().rss / 1048576;
console.log('ready');
for (let run = 0; run < Number(runs); run += 1) {
  const started = performance.now();
  for (const [i, file] of files.entries()) {
    const hash = crypto.createHash('sha256');
    const tap = new Transform({
      transform(chunk, _enc, cb) {
        hash.update(chunk);
        cb(null, chunk);
      },
    });
    const target = path.join(outDir!, `run${run}-${i}`);
    await pipeline(fs.createReadStream(file), tap, fs.createWriteStream(target));
    await fs.promises.rename(target, path.join(outDir!, hash.digest('hex') + `-${run}`));
  }
  console.log(JSON.stringify({ ms: performance.now() - started }));
}
// VmHWM, not getrusage: after fork and exec the latter can report the parent's peak.
console.log(JSON.stringify({ startRssMiB: startRss, peakMiB: memoryOf(process.pid).peak }));
