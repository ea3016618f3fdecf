// pdf-lib on one uploaded PDF at a time, in a worker thread: its heap is capped by the thread's resource limits, a
// parse past its time is stopped by terminating the thread (pdfParser.ts), and the budgets below stop it earlier and
// deterministically. Plain JavaScript, so the thread starts without a TypeScript loader, under tsx and vitest alike.
//
// In:  { id, bytes: Uint8Array, budget: { maxObjects, maxValues, maxDecodedBytes }, pictures: null | { maxPages, maxDecoded, cameraProbes } }
// Out: { id, ok: true, pages, encrypted, images, pictures } | { id, ok: false, reason: 'too_complex', bound } | { id, ok: false, reason: 'corrupt' }
//      pictures: one per page looked at, its largest picture (PagePicture in pdfParser.ts), with the page's other JPEGs
//      copied out whole as `probes` (at most `cameraProbes` in all) for their camera information
import { parentPort } from 'node:worker_threads';
import pdfLib from 'pdf-lib';
import decodeStreamModule from 'pdf-lib/cjs/core/streams/DecodeStream.js';

const { decodePDFRawStream, PDFArray, PDFContext, PDFDict, PDFDocument, PDFName, PDFNumber, PDFObjectParser, PDFRawStream } = pdfLib;
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

const key = (text) => PDFName.of(text);
const whole = (object) =>
  object instanceof PDFNumber && Number.isSafeInteger(object.asNumber()) && object.asNumber() > 0 ? object.asNumber() : null;
const filtersOf = (stream) => {
  const filter = stream.dict.lookup(key('Filter'));
  return filter === undefined ? [] : names(filter);
};

/** Channels of samples that are the pixels shown, 1 (grey) or 3 (RGB); null for Lab, Indexed, CMYK and the rest. */
const SHOWN_AS_STORED = new Map([
  ['DeviceGray', 1],
  ['CalGray', 1],
  ['G', 1],
  ['DeviceRGB', 3],
  ['CalRGB', 3],
  ['RGB', 3],
]);
function pixelChannels(doc, space) {
  const resolved = space === undefined ? undefined : doc.context.lookup(space);
  if (resolved instanceof PDFName) return SHOWN_AS_STORED.get(resolved.decodeText()) ?? null;
  if (!(resolved instanceof PDFArray) || resolved.size() === 0) return null;
  const family = name(resolved.get(0));
  if (family === 'CalGray' || family === 'CalRGB') return SHOWN_AS_STORED.get(family);
  const count = family === 'ICCBased' ? components(doc, resolved) : null;
  return count === 1 || count === 3 ? count : null;
}

/** The page's largest image XObject (masks left out), how many it has, and all of them. */
function largestPicture(doc, page) {
  const xObjects = page.node.Resources()?.lookupMaybe(key('XObject'), PDFDict);
  let largest = null;
  const all = [];
  for (const [, ref] of xObjects?.entries() ?? []) {
    const stream = doc.context.lookup(ref);
    if (!(stream instanceof PDFRawStream) || name(stream.dict.lookup(key('Subtype'))) !== 'Image') continue;
    if (stream.dict.lookup(key('ImageMask'))?.toString() === 'true') continue;
    all.push(stream);
    const width = whole(stream.dict.lookup(key('Width'))) ?? 0;
    const height = whole(stream.dict.lookup(key('Height'))) ?? 0;
    if (!largest || width * height > largest.width * largest.height) largest = { stream, width, height };
  }
  return { largest, count: all.length, all };
}

const isJpeg = (stream) => {
  const filters = filtersOf(stream);
  return filters.length === 1 && filters[0] === 'DCTDecode';
};

const paeth = (left, above, corner) => {
  const p = left + above - corner;
  const [a, b, c] = [Math.abs(p - left), Math.abs(p - above), Math.abs(p - corner)];
  return a <= b && a <= c ? left : b <= c ? above : corner;
};

/** PNG row filters (predictors 10-15) undone: each stored row is one filter byte, then the row; null on an unknown filter. */
function unfilterRows(stored, rowBytes, channels, rows) {
  const out = new Uint8Array(rowBytes * rows);
  for (let y = 0; y < rows; y++) {
    const type = stored[y * (rowBytes + 1)];
    const from = y * (rowBytes + 1) + 1;
    const at = y * rowBytes;
    for (let x = 0; x < rowBytes; x++) {
      const left = x >= channels ? out[at + x - channels] : 0;
      const above = y > 0 ? out[at + x - rowBytes] : 0;
      const corner = x >= channels && y > 0 ? out[at + x - rowBytes - channels] : 0;
      const sample = stored[from + x];
      if (type === 0) out[at + x] = sample;
      else if (type === 1) out[at + x] = sample + left;
      else if (type === 2) out[at + x] = sample + above;
      else if (type === 3) out[at + x] = sample + ((left + above) >> 1);
      else if (type === 4) out[at + x] = sample + paeth(left, above, corner);
      else return null;
    }
  }
  return out;
}

/**
 * The 8-bit grey or RGB pixels of a Flate (or unfiltered) picture, inflated only when they fit in what is left of
 * the decompression budget, and no further than the picture's own size.
 */
function inflatePixels(doc, { stream, width, height }) {
  const channels = pixelChannels(doc, stream.dict.lookup(key('ColorSpace')));
  if (channels === null || whole(stream.dict.lookup(key('BitsPerComponent'))) !== 8 || width === 0 || height === 0)
    return { kind: 'unreadable', reason: 'format' };
  const parms = stream.dict.lookup(key('DecodeParms'));
  const parameters = parms instanceof PDFArray ? doc.context.lookup(parms.get(0)) : parms;
  const parameter = (field, fallback) => (parameters instanceof PDFDict ? (whole(parameters.lookup(key(field))) ?? fallback) : fallback);
  const predictor = parameter('Predictor', 1);
  const filtered = predictor >= 10;
  if (predictor !== 1 && !filtered) return { kind: 'unreadable', reason: 'format' };
  if (filtered && (parameter('Colors', 1) !== channels || parameter('BitsPerComponent', 8) !== 8 || parameter('Columns', 1) !== width))
    return { kind: 'unreadable', reason: 'format' };
  const rowBytes = width * channels;
  const length = (rowBytes + (filtered ? 1 : 0)) * height;
  if (length > job.budget.maxDecodedBytes - job.decoded) return { kind: 'unreadable', reason: 'size' };
  let stored;
  try {
    stored = decodePDFRawStream(stream).getBytes(length);
  } catch (error) {
    // Past the budget here means the stream inflates beyond its picture: left to an agent, the parse itself was fine.
    if (!(error instanceof OverBudget)) return { kind: 'unreadable', reason: 'damaged' };
    job.exceeded = null;
    return { kind: 'unreadable', reason: 'size' };
  }
  if (stored.length < length) return { kind: 'unreadable', reason: 'damaged' };
  const pixels = filtered ? unfilterRows(stored, rowBytes, channels, height) : stored.slice(0, length);
  return pixels ? { kind: 'raw', width, height, channels, pixels } : { kind: 'unreadable', reason: 'damaged' };
}

/** What the server is given of a page's picture: a whole JPEG, inflated pixels, bilevel by its header, or why neither. */
function describe(doc, picture, mayDecode) {
  const { stream, width, height } = picture;
  const filters = filtersOf(stream);
  if (filters.some((f) => BILEVEL_FILTERS.has(f)) || whole(stream.dict.lookup(key('BitsPerComponent'))) === 1)
    return { kind: 'bilevel', width, height };
  if (!mayDecode) return { kind: 'skipped' };
  // A JPEG inside the PDF is a whole JPEG file (EXIF included): copied out, so the file's bytes are not sent back with it.
  if (filters.length === 1 && filters[0] === 'DCTDecode') {
    return {
      kind: 'jpeg',
      width,
      height,
      components: components(doc, stream.dict.lookup(key('ColorSpace'))),
      jpeg: new Uint8Array(stream.contents),
    };
  }
  if (filters.length === 0 || (filters.length === 1 && filters[0] === 'FlateDecode')) return inflatePixels(doc, picture);
  return { kind: 'unreadable', reason: 'format' };
}

/**
 * The largest picture of each of the first pages, as a scanned PDF holds one per page: at most `maxDecoded` of them
 * handed over whole (JPEG) or inflated (Flate), the later ones only named.
 */
function pagePictures(doc, { maxPages, maxDecoded, cameraProbes = 0 }) {
  const pictures = [];
  let images = 0;
  let decoded = 0;
  let probesLeft = cameraProbes;
  for (const [index, page] of doc.getPages().slice(0, maxPages).entries()) {
    let found;
    try {
      found = largestPicture(doc, page);
    } catch {
      // A page whose resources are not what they claim to be: left to an agent.
      pictures.push({ page: index + 1, kind: 'unreadable', reason: 'damaged' });
      continue;
    }
    images += found.count;
    if (!found.largest) {
      pictures.push({ page: index + 1, kind: 'none' });
      continue;
    }
    const picture = describe(doc, found.largest, decoded < maxDecoded);
    if (picture.kind === 'jpeg' || picture.kind === 'raw') decoded += 1;
    // A small selfie beside a large decoy is still a photo on the page: every other JPEG's camera is read too. Their
    // bytes are the file's own (at most its size in all), copied so that only they travel back.
    const others = cameraProbes > 0 ? found.all.filter((s) => s !== found.largest.stream && isJpeg(s)) : [];
    const probes = others.slice(0, probesLeft).map((s) => new Uint8Array(s.contents));
    probesLeft -= probes.length;
    pictures.push({ page: index + 1, ...picture, ...(others.length > 0 && { probes, probesSkipped: others.length - probes.length }) });
  }
  return { images, pictures };
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
    let seen = { images: 0, pictures: [] };
    try {
      if (wanted && !encrypted && pages > 0) seen = pagePictures(doc, wanted);
    } catch {
      // The page tree itself is not what it claims to be: every page is left to an agent.
      if (job.exceeded) return { ok: false, reason: 'too_complex', bound: job.exceeded };
    }
    return { ok: true, pages, encrypted, ...seen };
  } finally {
    job = null;
  }
}

parentPort.on('message', async (message) => {
  const answer = { id: message.id, ...(await inspect(message)) };
  const transfer = answer.ok
    ? answer.pictures.flatMap((p) => [
        ...(p.kind === 'jpeg' ? [p.jpeg.buffer] : p.kind === 'raw' ? [p.pixels.buffer] : []),
        ...(p.probes ?? []).map((b) => b.buffer),
      ])
    : [];
  parentPort.postMessage(answer, transfer);
});
