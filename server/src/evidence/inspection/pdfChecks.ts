import { readFile } from 'node:fs/promises';
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFNumber, PDFRawStream, type PDFObject } from 'pdf-lib';
import type { CheckCode } from '../../catalog';
import { finding } from './findingTexts';
import type { Finding } from './findings';
import { decodeThumbnail, isGreyscale } from './imageChecks';
import type { InspectionLimits } from './limits';
import { refuse } from './refusedFile';

export type PdfInspection = { pages: number | null; findings: Finding[] };

const name = (object: PDFObject | undefined) => (object instanceof PDFName ? object.decodeText() : null);

const names = (object: PDFObject | undefined): string[] =>
  object instanceof PDFArray ? object.asArray().map((item) => name(item) ?? '') : [name(object) ?? ''];

// Scanned PDFs hold one picture per page; these are enough to judge colour without rendering anything.
const MAX_PAGES_FOR_COLOUR = 20;
const MAX_PICTURES_DECODED = 4;
const BILEVEL_FILTERS = new Set(['CCITTFaxDecode', 'JBIG2Decode']);

type Picture = { stream: PDFRawStream; area: number };
type Verdict = { kind: 'colour' | 'grey'; chroma: number; colouredShare: number } | { kind: 'unknown' };

/** Colour components a colour space carries: 1 for greys, 3 or 4 for colour, null when it cannot be told. */
function components(doc: PDFDocument, space: PDFObject | undefined): number | null {
  const resolved = space === undefined ? undefined : doc.context.lookup(space);
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
  if (family === 'Indexed') return components(doc, resolved.get(1));
  if (family === 'CalGray') return 1;
  if (family === 'CalRGB' || family === 'Lab') return 3;
  return null;
}

function pictures(doc: PDFDocument): Picture[] {
  const found: Picture[] = [];
  for (const page of doc.getPages().slice(0, MAX_PAGES_FOR_COLOUR)) {
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
  return found.sort((a, b) => b.area - a.area);
}

async function judge(doc: PDFDocument, { stream }: Picture, limits: InspectionLimits, decode: boolean): Promise<Verdict> {
  const filters = names(stream.dict.lookup(PDFName.of('Filter')));
  const depth = stream.dict.lookup(PDFName.of('BitsPerComponent'));
  const grey = { kind: 'grey', chroma: 0, colouredShare: 0 } as const;
  if (filters.some((f) => BILEVEL_FILTERS.has(f)) || (depth instanceof PDFNumber && depth.asNumber() === 1)) return grey;
  const count = components(doc, stream.dict.lookup(PDFName.of('ColorSpace')));
  if (count === 1) return grey;
  // A JPEG inside the PDF is a whole JPEG file: judge its pixels like any upload's, under the same limits.
  if (count === null || !decode || filters.length !== 1 || filters[0] !== 'DCTDecode') return { kind: 'unknown' };
  try {
    const thumbnail = await decodeThumbnail(Buffer.from(stream.contents), 'image/jpeg', limits);
    const { greyscale, facts } = isGreyscale(count, thumbnail, limits);
    return { kind: greyscale ? 'grey' : 'colour', chroma: facts.chroma, colouredShare: facts.colouredShare };
  } catch {
    return { kind: 'unknown' };
  }
}

/** Colour of a PDF judged by its pictures; logos and icons (under a quarter of the largest picture) are ignored. */
async function colourFinding(doc: PDFDocument, limits: InspectionLimits): Promise<Finding> {
  const all = pictures(doc);
  const largest = all[0]?.area ?? 0;
  const candidates = all.filter((p) => p.area >= largest / 4);
  const verdicts: Verdict[] = [];
  for (const [index, picture] of candidates.entries()) verdicts.push(await judge(doc, picture, limits, index < MAX_PICTURES_DECODED));
  const colour = verdicts.find((v) => v.kind === 'colour');
  if (colour && colour.kind === 'colour') return finding('colour.ok', { chroma: colour.chroma, colouredShare: colour.colouredShare });
  if (verdicts.length > 0 && verdicts.every((v) => v.kind === 'grey')) {
    const chroma = Math.max(...verdicts.map((v) => (v.kind === 'grey' ? v.chroma : 0)));
    return finding('colour.greyscale', { chroma, colouredShare: 0, channels: 1 });
  }
  return finding('colour.unchecked', { images: all.length });
}

export async function inspectPdf(filePath: string, checks: readonly CheckCode[], limits: InspectionLimits): Promise<PdfInspection> {
  // Whole file in memory: pdf-lib needs the bytes, and slot.maxBytes (at most 10 MB) was enforced before this.
  const bytes = await readFile(filePath);
  let doc: PDFDocument;
  let pages: number;
  try {
    doc = await PDFDocument.load(bytes, { ignoreEncryption: true, updateMetadata: false });
    pages = doc.getPageCount();
  } catch {
    throw refuse.corrupt('application/pdf');
  }
  const findings: Finding[] = [];
  if (doc.isEncrypted) {
    if (checks.includes('pdf_readable')) findings.push(finding('pdf.encrypted', { pages: pages || null }));
    return { pages: pages || null, findings };
  }
  if (pages === 0) throw refuse.corrupt('application/pdf');
  if (checks.includes('pdf_readable')) findings.push(finding('pdf.pages', { pages }));
  if (checks.includes('colour')) findings.push(await colourFinding(doc, limits));
  return { pages, findings };
}
