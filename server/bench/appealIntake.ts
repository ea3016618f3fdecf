// npm run bench: the time and peak memory to accept an appeal of six 4 MB photos, as a ratio against only
// writing and hashing the same bytes, both measured in this run on this machine.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { fieldsFor, slotsFor } from '../src/catalog';
import { declareFields } from '../src/seed/declared';
import { creditCode, residentId } from '../src/seed/identities';
import { seededRandom } from '../src/seed/random';
import { freePort, median, memoryOf, startChild } from './support';

const runs = Number(process.env.BENCH_RUNS ?? 5);
const root = path.resolve(import.meta.dirname, '../..');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'helpdesk-bench-'));

/** A 12-megapixel colour photo of about 4 MB: a gradient with grain, as a phone camera writes it. */
async function photo(file: string, seed: number): Promise<string> {
  const width = 4000;
  const height = 3000;
  const raw = Buffer.alloc(width * height * 3);
  const r = seededRandom(seed);
  for (let i = 0; i < raw.length; i += 3) {
    const px = i / 3;
    const x = px % width;
    const y = Math.floor(px / width);
    const grain = r.int(-40, 40);
    raw[i] = Math.max(0, Math.min(255, (x * 255) / width + grain));
    raw[i + 1] = Math.max(0, Math.min(255, (y * 255) / height + grain));
    raw[i + 2] = Math.max(0, Math.min(255, 128 + grain));
  }
  await sharp(raw, { raw: { width, height, channels: 3 } }).jpeg({ quality: 80 }).toFile(file);
  return file;
}

const kind = 'security_phone_change';
const subjectType = 'enterprise';
const slots = slotsFor(kind, subjectType);
const r = seededRandom(7);
const idNumber = residentId('440305', new Date(Date.UTC(1985, 2, 12)), 36);
const fields = declareFields(kind, fieldsFor(kind, subjectType), {
  idNumber,
  phone: '13912345678',
  data: { uin: '100012345', subjectType, companyName: '深圳市星河云科技有限公司', creditCode: creditCode('440305', 123456), realName: '张伟', securityPhone: '13912345678', loginMethods: [], protection: {} },
}, r);
const payload = JSON.stringify({ kind, subjectType, fields, contact: { name: '张伟', email: 'bench@example.cn', locale: 'zh-CN' } });

console.log(`Drawing ${slots.length} photos…`);
const photos: string[] = [];
for (const [i] of slots.entries()) photos.push(await photo(path.join(dir, `photo-${i}.jpg`), i + 1));
const bytes = photos.reduce((s, p) => s + fs.statSync(p).size, 0);
console.log(`${photos.length} photos, ${(bytes / 1048576).toFixed(1)} MiB in all (${photos.map((p) => (fs.statSync(p).size / 1048576).toFixed(1)).join(', ')} MiB)`);

// The server, as `npm start` runs it, in a process of its own so its memory is its own.
const port = await freePort();
const server = await startChild(['--import', 'tsx', path.join(root, 'server/src/main.ts')], {
  PORT: String(port), HOST: '127.0.0.1', NODE_ENV: 'test', LOG_LEVEL: 'warn',
  DATABASE_URL: `file:${path.join(dir, 'bench.db')}`, UPLOAD_DIR: path.join(dir, 'uploads'), APPEALS_PER_HOUR: '100000', APPEALS_PER_DAY: '100000',
}, 'Helpdesk console:');

async function fileAppeal(): Promise<number> {
  const form = new FormData();
  form.set('payload', payload);
  for (const [i, slot] of slots.entries()) form.set(slot.key, new Blob([fs.readFileSync(photos[i]!)], { type: 'image/jpeg' }), `photo-${i}.jpg`);
  const started = performance.now();
  const res = await fetch(`http://127.0.0.1:${port}/api/public/appeals`, { method: 'POST', body: form });
  const ms = performance.now() - started;
  if (res.status !== 201) throw new Error(`appeal refused: ${res.status} ${await res.text()}`);
  const body = (await res.json()) as { checklist: { complete: boolean } };
  if (!body.checklist.complete) throw new Error('the bench appeal should be complete');
  return ms;
}

// The first appeal warms up (its memory counts: the idle size is read before it); later ones send the same bytes, which content addressing stores once, so the
// timed runs measure receiving, inspecting and recording, and the baseline likewise rewrites the same bytes.
const serverBefore = memoryOf(server.child.pid!);
await fileAppeal();
const appealMs: number[] = [];
for (let i = 0; i < runs; i += 1) appealMs.push(await fileAppeal());
const serverAfter = memoryOf(server.child.pid!);
server.child.kill('SIGTERM');

const baseline = await startChild(['--import', 'tsx', path.join(import.meta.dirname, 'writeAndHash.ts'), fs.mkdtempSync(path.join(dir, 'copy-')), String(runs + 1), ...photos], {}, 'ready');
await new Promise((resolve) => baseline.child.once('exit', resolve));
const lines = baseline.output().split('\n').filter((l) => l.startsWith('{')).map((l) => JSON.parse(l) as { ms?: number; startRssMiB?: number; peakMiB?: number });
const baselineMs = lines.flatMap((l) => (l.ms === undefined ? [] : [l.ms])).slice(1);
const baselineMemory = lines.find((l) => l.peakMiB !== undefined)!;

const appealMedian = median(appealMs);
const baseMedian = median(baselineMs);
console.log('\n| measure | accept an appeal (HTTP, multipart, inspection, storage, database) | write and hash the same bytes | ratio |');
console.log('| --- | --- | --- | --- |');
console.log(`| median time, ${runs} runs | ${appealMedian.toFixed(0)} ms | ${baseMedian.toFixed(0)} ms | ${(appealMedian / baseMedian).toFixed(1)}× |`);
const appealGrowth = serverAfter.peak - serverBefore.rss;
const baselineGrowth = baselineMemory.peakMiB! - baselineMemory.startRssMiB!;
console.log(`| peak memory above the idle process | ${appealGrowth.toFixed(0)} MiB (peak ${serverAfter.peak.toFixed(0)}, idle ${serverBefore.rss.toFixed(0)}) | ${baselineGrowth.toFixed(0)} MiB (peak ${baselineMemory.peakMiB!.toFixed(0)}, idle ${baselineMemory.startRssMiB!.toFixed(0)}) | ${(appealGrowth / Math.max(1, baselineGrowth)).toFixed(1)}× |`);
console.log(`\nThe appeal carries ${(bytes / 1048576).toFixed(1)} MiB; a process that held it whole would grow by at least that much.`);
fs.rmSync(dir, { recursive: true, force: true });
