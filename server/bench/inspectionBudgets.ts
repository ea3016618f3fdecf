// The inspection's time and memory budgets, measured beside a baseline in the same run: hostile files (a PNG
// declaring 144 million pixels, a looping EXIF block, a PDF picture inflating to 64 MiB) against the ordinary file
// they imitate, and a 12-megapixel photo against only decoding it. Each measurement runs in a process of its own
// (inspectOne.ts), so its peak memory is its own. A benchmark: it prints ratios and never fails on one.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { deflateSync } from 'node:zlib';
import { concatTransformationMatrix, drawObject, PDFDocument, popGraphicsState, pushGraphicsState } from 'pdf-lib';
import {
  colourIdCard,
  colourIdCardBytes,
  loopingExifTiff,
  pngBomb,
  pngCard,
  twelveMegapixelPhoto,
  withRawExifBlock,
} from '../../test/fixtures/evidence';

type Measured = { ms: number; growthMiB: number; outcome: string };
type Pair = {
  name: string;
  slot: 'holdingIdFront' | 'licence';
  file: string;
  baseline: string;
  baselineName: string;
  mode?: 'decode';
  limits?: string;
};

/** A one-page PDF whose picture is an image XObject written as given: its dictionary and its stored bytes. */
async function pdfWithPicture(file: string, dict: Record<string, unknown>, bytes: Uint8Array): Promise<string> {
  const doc = await PDFDocument.create();
  const page = doc.addPage([595, 842]);
  const ref = doc.context.register(doc.context.stream(bytes, { Type: 'XObject', Subtype: 'Image', ...dict }));
  page.pushOperators(
    pushGraphicsState(),
    concatTransformationMatrix(515, 0, 0, 322, 40, 200),
    drawObject(page.node.newXObject('Scan', ref)),
    popGraphicsState(),
  );
  fs.writeFileSync(file, await doc.save());
  return file;
}

/** A script of this folder run to its end in a Node child; its output, or an error carrying it. */
function runChild(script: string, args: string[], onSpawn?: (child: ChildProcess) => void): Promise<string> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(import.meta.dirname, script), ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  onSpawn?.(child);
  let log = '';
  child.stdout!.on('data', (d) => (log += d));
  child.stderr!.on('data', (d) => (log += d));
  return new Promise((resolve, reject) => {
    child.once('exit', (code, signal) =>
      code === 0 ? resolve(log) : reject(new Error(`${script} exited with ${code ?? signal}:\n${log}`)),
    );
  });
}

/** Measures every pair in `dir`; `onSpawn` sees each child, so the caller can stop them on an interrupt. */
export async function inspectionBudgets(dir: string, onSpawn?: (child: ChildProcess) => void, runs = 5): Promise<void> {
  const files = fs.mkdtempSync(path.join(dir, 'inspection-'));
  const warmUp = await colourIdCard(files, { variant: 3, fileName: 'warm-up.jpg' });
  const card = await colourIdCardBytes({ variant: 0, width: 1300 });
  const plainJpeg = path.join(files, 'plain.jpg');
  fs.writeFileSync(plainJpeg, card);
  const exifBomb = path.join(files, 'exif-bomb.jpg');
  fs.writeFileSync(exifBomb, withRawExifBlock(card, loopingExifTiff()));
  const grey = { Width: 100, Height: 100, BitsPerComponent: 8, ColorSpace: 'DeviceGray', Filter: 'FlateDecode' };
  const photo = await twelveMegapixelPhoto(files);
  const twoMiB = JSON.stringify({ pdfMaxDecodedBytes: 2 * 1024 * 1024 });
  const pairs: Pair[] = [
    {
      name: 'PNG declaring 12000×12000 pixels (refused by the pixel limit)',
      slot: 'holdingIdFront',
      file: await pngBomb(files),
      baseline: await pngCard(files),
      baselineName: 'a 1600×1000 PNG card inspected',
    },
    {
      name: 'JPEG with a looping 4,000-entry EXIF block (refused)',
      slot: 'holdingIdFront',
      file: exifBomb,
      baseline: plainJpeg,
      baselineName: 'the same JPEG without it',
    },
    {
      name: 'PDF picture inflating to 64 MiB, 2 MiB budget (stopped at the budget)',
      slot: 'licence',
      limits: twoMiB,
      file: await pdfWithPicture(path.join(files, 'picture-bomb.pdf'), grey, deflateSync(Buffer.alloc(64 * 1024 * 1024))),
      baseline: await pdfWithPicture(path.join(files, 'picture.pdf'), grey, deflateSync(Buffer.alloc(100 * 100, 0x80))),
      baselineName: 'the same PDF, its picture 100×100 as declared',
    },
    {
      name: '12-megapixel 4 MB JPEG inspected',
      slot: 'holdingIdFront',
      file: photo,
      baseline: photo,
      baselineName: 'decoding it to raw pixels (sharp)',
      mode: 'decode',
    },
  ];
  const measure = async (slot: string, file: string, mode: string, limits?: string): Promise<Measured> => {
    const out = await runChild('inspectOne.ts', [slot, warmUp, file, String(runs), mode, ...(limits ? [limits] : [])], onSpawn);
    return JSON.parse(out.split('\n').findLast((l) => l.startsWith('{'))!) as Measured;
  };
  const rows: string[] = [];
  for (const pair of pairs) {
    console.log(`inspection: ${pair.name}…`);
    const baseline = await measure(pair.slot, pair.baseline, pair.mode ?? 'inspect', pair.limits);
    const scenario = await measure(pair.slot, pair.file, 'inspect', pair.limits);
    const ms = (x: number) => (x >= 100 ? x.toFixed(0) : x.toFixed(1));
    rows.push(
      `| ${pair.name} | ${scenario.outcome} | ${ms(scenario.ms)} | ${scenario.growthMiB.toFixed(0)} | ${pair.baselineName} | ${ms(baseline.ms)} | ${baseline.growthMiB.toFixed(0)} | ${(scenario.ms / baseline.ms).toFixed(2)}× |`,
    );
  }
  console.log(`\nInspection budgets (median of ${runs} runs each, peak memory growth over a warmed-up process):\n`);
  console.log('| scenario | answer | ms | peak growth MiB | baseline | baseline ms | baseline growth MiB | time ratio |');
  console.log('| --- | --- | ---: | ---: | --- | ---: | ---: | ---: |');
  for (const row of rows) console.log(row);
}

// On its own: npx tsx server/bench/inspectionBudgets.ts
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'helpdesk-inspection-'));
  try {
    await inspectionBudgets(dir);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
