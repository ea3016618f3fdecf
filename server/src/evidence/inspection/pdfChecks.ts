import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { CheckCode } from '../../catalog';
import { finding } from './findingTexts';
import type { Finding } from './findings';
import { decodeThumbnail, isGreyscale } from './imageChecks';
import type { InspectionLimits } from './limits';
import { parsePdf, type PdfCandidate } from './pdfParser';
import { countPdfObjects } from './pdfStructure';
import { refuse } from './refusedFile';

export type PdfInspection = { sha256: string; pages: number | null; findings: Finding[] };

// Scanned PDFs hold one picture per page; these are enough to judge colour without rendering anything.
const MAX_PAGES_FOR_COLOUR = 20;
const MAX_PICTURES_DECODED = 4;

type Verdict = { kind: 'colour' | 'grey'; chroma: number; colouredShare: number } | { kind: 'unknown' };

async function judge(candidate: PdfCandidate, limits: InspectionLimits): Promise<Verdict> {
  if (candidate.kind === 'grey') return { kind: 'grey', chroma: 0, colouredShare: 0 };
  if (candidate.kind === 'unknown') return { kind: 'unknown' };
  // A JPEG inside the PDF is a whole JPEG file: judge its pixels like any upload's, under the same limits.
  try {
    const { jpeg } = candidate;
    const thumbnail = await decodeThumbnail(Buffer.from(jpeg.buffer, jpeg.byteOffset, jpeg.byteLength), 'image/jpeg', limits);
    const { greyscale, facts } = isGreyscale(candidate.components, thumbnail, limits);
    return { kind: greyscale ? 'grey' : 'colour', chroma: facts.chroma, colouredShare: facts.colouredShare };
  } catch {
    return { kind: 'unknown' };
  }
}

/** Colour of a PDF judged by its pictures; logos and icons (under a quarter of the largest picture) were left out. */
async function colourFinding(images: number, candidates: readonly PdfCandidate[], limits: InspectionLimits): Promise<Finding> {
  const verdicts: Verdict[] = [];
  for (const candidate of candidates) verdicts.push(await judge(candidate, limits));
  const colour = verdicts.find((v) => v.kind === 'colour');
  if (colour && colour.kind === 'colour') return finding('colour.ok', { chroma: colour.chroma, colouredShare: colour.colouredShare });
  if (verdicts.length > 0 && verdicts.every((v) => v.kind === 'grey')) {
    const chroma = Math.max(...verdicts.map((v) => (v.kind === 'grey' ? v.chroma : 0)));
    return finding('colour.greyscale', { chroma, colouredShare: 0, channels: 1 });
  }
  return finding('colour.unchecked', { images });
}

/**
 * Objects are counted in the bytes first, so an object bomb is refused before pdf-lib sees it; the parse itself
 * runs in a worker thread under the object, value, decompression, time and heap bounds (pdfParser.ts).
 */
export async function inspectPdf(filePath: string, checks: readonly CheckCode[], limits: InspectionLimits): Promise<PdfInspection> {
  if ((await countPdfObjects(filePath, limits.pdfMaxObjects)) > limits.pdfMaxObjects) throw refuse.pdfTooComplex(limits.pdfMaxObjects);
  const budget = { maxObjects: limits.pdfMaxObjects, maxValues: limits.pdfMaxValues, maxDecodedBytes: limits.pdfMaxDecodedBytes, timeoutMs: limits.pdfTimeoutMs };
  const wanted = checks.includes('colour') ? { maxPages: MAX_PAGES_FOR_COLOUR, maxDecoded: MAX_PICTURES_DECODED } : null;
  let sha256 = '';
  const parsed = await parsePdf(
    async () => {
      // Whole file in memory, once a worker is free: pdf-lib needs the bytes, and slot.maxBytes (at most 10 MB) was
      // enforced before this. Hashed here, before the bytes move to the worker.
      const bytes = await readFile(filePath);
      sha256 = createHash('sha256').update(bytes).digest('hex');
      return bytes;
    },
    budget,
    wanted,
  );
  if (!parsed.ok) throw parsed.reason === 'corrupt' ? refuse.corrupt('application/pdf') : refuse.pdfTooComplex(parsed.bound === 'objects' ? limits.pdfMaxObjects : null);
  const { pages, encrypted, images, candidates } = parsed.pdf;
  const findings: Finding[] = [];
  if (encrypted) {
    if (checks.includes('pdf_readable')) findings.push(finding('pdf.encrypted', { pages: pages || null }));
    return { sha256, pages: pages || null, findings };
  }
  if (pages === 0) throw refuse.corrupt('application/pdf');
  if (checks.includes('pdf_readable')) findings.push(finding('pdf.pages', { pages }));
  if (checks.includes('colour')) findings.push(await colourFinding(images, candidates, limits));
  return { sha256, pages, findings };
}
