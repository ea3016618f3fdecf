// pdf-lib on one uploaded PDF at a time, in a worker thread: its heap is capped by the thread's resource limits, a
// parse past its time is stopped by terminating the thread (pdfParser.ts), and the budgets below stop it earlier and
// deterministically. Plain JavaScript, so the thread starts without a TypeScript loader, under tsx and vitest alike.
//
// In:  { id, bytes: Uint8Array, budget: { maxObjects, maxValues, maxDecodedBytes }, pictures: null | { maxPages, maxDecoded } }
// Out: { id, ok: true, pages, encrypted, images, candidates } | { id, ok: false, reason: 'too_complex', bound } | { id, ok: false, reason: 'corrupt' }
import { parentPort } from 'node:worker_threads';
import pdfLib from 'pdf-lib';
import decodeStreamModule from 'pdf-lib/cjs/core/streams/DecodeStream.js';

const { PDFArray, PDFContext, PDFDict, PDFDocument, PDFName, PDFNumber, PDFObjectParser, PDFRawStream } = pdfLib;
const DecodeStream = decodeStreamModule.default;

// pdf-lib warns on the console for every malformed object: a crafted file would write thousands of lines to our log.
console.warn = () => {};
console.log = () => {};

class OverBudget extends Error {
  constructor(bound) {
    super(`PDF over its ${bound} budget`);
    this.bound = bound;
  }
}

/** The job's budget and what it has used; `exceeded` sticks, because pdf-lib catches errors inside an object and carries on. */
let job = null;
const over = (bound) => {
  job.exceeded ??= bound;
  throw new OverBudget(job.exceeded);
};

// Every parsed indirect object, in the open or unpacked from an object stream, is assigned to the context.
const assign = PDFContext.prototype.assign;
PDFContext.prototype.assign = function (ref, object) {
  if (job && (job.exceeded || ++job.objects > job.budget.maxObjects)) over('objects');
  return assign.call(this, ref, object);
};
// Every value (number, name, string, array, dictionary, reference) goes through parseObject, nested ones included.
const parseObject = PDFObjectParser.prototype.parseObject;
PDFObjectParser.prototype.parseObject = function () {
  if (job && (job.exceeded || ++job.values > job.budget.maxValues)) over('values');
  return parseObject.call(this);
};
// Every decoder (Flate, LZW, RunLength, ASCII85, predictors) grows its output through ensureBuffer, block by block.
const decodedBy = new WeakMap();
const ensureBuffer = DecodeStream.prototype.ensureBuffer;
DecodeStream.prototype.ensureBuffer = function (requested) {
  if (job) {
    const before = decodedBy.get(this) ?? 0;
    if (requested > before) {
      job.decoded += requested - before;
      decodedBy.set(this, requested);
    }
    if (job.exceeded || job.decoded > job.budget.maxDecodedBytes) over('decoded');
  }
  return ensureBuffer.call(this, requested);
};

const name = (object) => (object instanceof PDFName ? object.decodeText() : null);
const names = (object) => (object instanceof PDFArray ? object.asArray().map((item) => name(item) ?? '') : [name(object) ?? '']);
const BILEVEL_FILTERS = new Set(['CCITTFaxDecode', 'JBIG2Decode']);

/** Colour components a colour space carries: 1 for greys, 3 or 4 for colour, null when it cannot be told. */
function components(doc, space, depth = 0) {
  const resolved = space === undefined || depth > 4 ? undefined : doc.context.lookup(space);
  if (resolved instanceof PDFName) {
    const spaceName = resolved.decodeText();
    if (['DeviceGray', 'CalGray', 'G'].includes(spaceName)) return 1;
    if (['DeviceRGB', 'CalRGB', 'RGB', 'Lab'].includes(spaceName)) return 3;
    if (['DeviceCMYK', 'CMYK'].includes(spaceName)) return 4;
    return null;
  }
  if (!(resolved instanceof PDFArray) || resolved.size() === 0) return null;
  const family = name(resolved.get(0));
  if (family === 'ICCBased') {
    const profile = doc.context.lookup(resolved.get(1));
    const count = profile instanceof PDFRawStream ? profile.dict.lookup(PDFName.of('N')) : undefined;
    return count instanceof PDFNumber ? count.asNumber() : null;
  }
  if (family === 'Indexed') return components(doc, resolved.get(1), depth + 1);
  if (family === 'CalGray') return 1;
  if (family === 'CalRGB' || family === 'Lab') return 3;
  return null;
}

/**
 * The pictures colour is judged on: image XObjects of the first pages, largest first, without the small ones (under
 * a quarter of the largest: logos, icons). Each is grey by its header, or a whole JPEG to decode (copied out, so
 * the file's bytes are not sent back with it), or unknown.
 */
function pictures(doc, { maxPages, maxDecoded }) {
  const found = [];
  for (const page of doc.getPages().slice(0, maxPages)) {
    const xObjects = page.node.Resources()?.lookupMaybe(PDFName.of('XObject'), PDFDict);
    for (const [, ref] of xObjects?.entries() ?? []) {
      const stream = doc.context.lookup(ref);
      if (!(stream instanceof PDFRawStream) || name(stream.dict.lookup(PDFName.of('Subtype'))) !== 'Image') continue;
      if (stream.dict.lookup(PDFName.of('ImageMask'))?.toString() === 'true') continue;
      const width = stream.dict.lookup(PDFName.of('Width'));
      const height = stream.dict.lookup(PDFName.of('Height'));
      const area = width instanceof PDFNumber && height instanceof PDFNumber ? width.asNumber() * height.asNumber() : 0;
      found.push({ stream, area });
    }
  }
  found.sort((a, b) => b.area - a.area);
  const largest = found[0]?.area ?? 0;
  const candidates = found.filter((p) => p.area >= largest / 4).map(({ stream }, index) => {
    const filters = names(stream.dict.lookup(PDFName.of('Filter')));
    const depth = stream.dict.lookup(PDFName.of('BitsPerComponent'));
    if (filters.some((f) => BILEVEL_FILTERS.has(f)) || (depth instanceof PDFNumber && depth.asNumber() === 1)) return { kind: 'grey' };
    const count = components(doc, stream.dict.lookup(PDFName.of('ColorSpace')));
    if (count === 1) return { kind: 'grey' };
    // A JPEG inside the PDF is a whole JPEG file: the server judges its pixels like any upload's.
    if (count === null || index >= maxDecoded || filters.length !== 1 || filters[0] !== 'DCTDecode') return { kind: 'unknown' };
    return { kind: 'jpeg', components: count, jpeg: new Uint8Array(stream.contents) };
  });
  return { images: found.length, candidates };
}

async function inspect({ bytes, budget, pictures: wanted }) {
  job = { budget, objects: 0, values: 0, decoded: 0, exceeded: null };
  try {
    let doc;
    let pages;
    try {
      doc = await PDFDocument.load(bytes, { ignoreEncryption: true, updateMetadata: false });
      pages = doc.getPageCount();
    } catch {
      if (job.exceeded) return { ok: false, reason: 'too_complex', bound: job.exceeded };
      return { ok: false, reason: 'corrupt' };
    }
    // pdf-lib recovers from errors inside an object, ours included: a budget passed is a refusal however it ended.
    if (job.exceeded) return { ok: false, reason: 'too_complex', bound: job.exceeded };
    const encrypted = doc.isEncrypted;
    let seen = { images: 0, candidates: [] };
    try {
      if (wanted && !encrypted && pages > 0) seen = pictures(doc, wanted);
    } catch {
      // A page whose resources are not what they claim to be: its colour is left to an agent (colour.unchecked).
      if (job.exceeded) return { ok: false, reason: 'too_complex', bound: job.exceeded };
    }
    return { ok: true, pages, encrypted, ...seen };
  } finally {
    job = null;
  }
}

parentPort.on('message', async (message) => {
  const answer = { id: message.id, ...(await inspect(message)) };
  const transfer = answer.ok ? answer.candidates.flatMap((c) => (c.kind === 'jpeg' ? [c.jpeg.buffer] : [])) : [];
  parentPort.postMessage(answer, transfer);
});
