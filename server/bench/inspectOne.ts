// npx tsx server/bench/inspectOne.ts <slot> <warm-up file> <file> <runs> <inspect|decode> [limits JSON]
// One file inspected `runs` times in a process of its own, after a warm-up on an ordinary file (libvips loads its
// decoders on first use). Prints one JSON line: the median time, the peak memory growth over the warmed-up process,
// and what the inspection answered. `decode` only decodes the file to raw pixels: the floor of any inspection.
import sharp from 'sharp';
import { businessLicenceSlot, holdingIdSlots } from '../src/catalog/slots';
import { inspectFile, RefusedFile, type InspectionLimits } from '../src/evidence/inspection';
import { median, memoryOf } from './support';

const slots = { holdingIdFront: holdingIdSlots('applicant')[0]!, licence: businessLicenceSlot() };
const [slotName, warmUp, file, runs, mode, limitsJson] = process.argv.slice(2);
const slot = slots[slotName as keyof typeof slots];
if (!slot || !warmUp || !file || !(Number(runs) > 0) || (mode !== 'inspect' && mode !== 'decode'))
  throw new Error('usage: <slot> <warm-up file> <file> <runs> <inspect|decode> [limits JSON]');
const limits = limitsJson ? (JSON.parse(limitsJson) as Partial<InspectionLimits>) : undefined;

async function once(path: string): Promise<string> {
  if (mode === 'decode') {
    await sharp(path).raw().toBuffer();
    return 'decoded';
  }
  try {
    return (await inspectFile(path, slot, limits)).state;
  } catch (e) {
    if (e instanceof RefusedFile) return `${e.status} ${e.code}`;
    throw e;
  }
}

await once(warmUp);
const before = memoryOf(process.pid);
const times: number[] = [];
let outcome = '';
for (let i = 0; i < Number(runs); i += 1) {
  const started = performance.now();
  outcome = await once(file);
  times.push(performance.now() - started);
}
console.log(JSON.stringify({ ms: median(times), growthMiB: Math.max(0, memoryOf(process.pid).peak - before.peak), outcome }));
