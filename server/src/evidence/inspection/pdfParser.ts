// pdf-lib runs in worker threads (pdfWorker.mjs), never on the server's own heap or event loop: at most PDF_WORKERS
// PDFs are parsed at once, each thread's heap is capped, and a parse past its time is stopped by ending its thread.
// Idle threads are kept for the next upload (pdf-lib takes a few hundred milliseconds to load) and end after a while.
import { Worker } from 'node:worker_threads';

export type PdfBudget = { maxObjects: number; maxValues: number; maxDecodedBytes: number; timeoutMs: number };
/** `cameraProbes`: how many of the pages' other JPEGs to copy out for their camera information (0: none). */
export type PictureRequest = { maxPages: number; maxDecoded: number; cameraProbes: number };
/**
 * The largest picture of one page (numbered from 1): a whole embedded JPEG, inflated 8-bit grey or RGB pixels,
 * bilevel by its header (fax, JBIG2, 1-bit), none at all, one past the pictures decoded, or one that cannot be read.
 */
/** `probes`: the page's other JPEGs, whole; `probesSkipped`: how many more there were past the request's number. */
export type PagePicture = { page: number; probes?: Uint8Array[]; probesSkipped?: number } & (
  | { kind: 'jpeg'; width: number; height: number; components: number | null; jpeg: Uint8Array }
  | { kind: 'raw'; width: number; height: number; channels: 1 | 3; pixels: Uint8Array }
  | { kind: 'bilevel'; width: number; height: number }
  | { kind: 'none' }
  | { kind: 'skipped' }
  | { kind: 'unreadable'; reason: 'format' | 'size' | 'damaged' }
);
/** `images`: image XObjects on the pages looked at; `pictures`: one per page looked at, none when the page tree was unreadable. */
export type ParsedPdf = { pages: number; encrypted: boolean; images: number; pictures: PagePicture[] };
/** Which bound a PDF went past: counted by the worker's budgets, or enforced on the thread (time, heap). */
export type PdfBound = 'objects' | 'values' | 'decoded' | 'time' | 'memory';
export type PdfParse =
  { ok: true; pdf: ParsedPdf } | { ok: false; reason: 'corrupt' } | { ok: false; reason: 'too_complex'; bound: PdfBound };

const PDF_WORKERS = 2;
// Old-generation heap of one thread: the values budget keeps a parse near 60 MB, this is the backstop.
const WORKER_HEAP_MB = 128;
const IDLE_MS = 30_000;

let started = 0;
/** PDFs handed to pdf-lib since the process started: a refusal made from the bytes alone leaves it unchanged. */
export const pdfParsesStarted = () => started;

let running = 0;
const waiting: (() => void)[] = [];
const idle: { worker: Worker; timer: NodeJS.Timeout }[] = [];

async function turn(): Promise<void> {
  if (running < PDF_WORKERS) {
    running += 1;
    return;
  }
  await new Promise<void>((resolve) => waiting.push(resolve)); // the finishing parse hands its turn over
}

function release(): void {
  const next = waiting.shift();
  if (next) next();
  else running -= 1;
}

/** Drops a thread from the idle list, once it has ended or failed on its own. */
function forget(worker: Worker): void {
  const at = idle.findIndex((k) => k.worker === worker);
  if (at === -1) return;
  clearTimeout(idle[at]!.timer);
  idle.splice(at, 1);
}

function take(): Worker {
  const kept = idle.pop();
  if (!kept) {
    const worker = new Worker(new URL('./pdfWorker.mjs', import.meta.url), {
      execArgv: [], // plain JavaScript: no TypeScript loader, whatever started this process
      resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB, maxYoungGenerationSizeMb: 16, stackSizeMb: 4 },
    });
    // Always listened to: an 'error' nobody hears would end the server, and a thread that ended is not kept.
    worker.on('error', () => forget(worker)).on('exit', () => forget(worker));
    return worker;
  }
  clearTimeout(kept.timer);
  kept.worker.ref();
  return kept.worker;
}

function keep(worker: Worker): void {
  worker.unref(); // an idle thread never holds the process open
  const timer = setTimeout(() => {
    forget(worker);
    void worker.terminate();
  }, IDLE_MS);
  timer.unref();
  idle.push({ worker, timer });
}

type Answer = { id: number } & (
  ({ ok: true } & ParsedPdf) | { ok: false; reason: 'corrupt' } | { ok: false; reason: 'too_complex'; bound: PdfBound }
);

let lastId = 0;

/**
 * Parses a PDF under `budget` in a worker thread and hands over the pictures of its pages that `pictures` asks for. `load` gives the bytes
 * once a thread is free, so PDFs waiting their turn hold no memory; their memory then moves to the thread. Rejects
 * only on a fault of our own (the worker could not start or died for another reason than its heap): a 500, not
 * the customer's file.
 */
export async function parsePdf(load: () => Promise<Uint8Array>, budget: PdfBudget, pictures: PictureRequest | null): Promise<PdfParse> {
  await turn();
  try {
    const bytes = await load();
    const owned = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength ? bytes : new Uint8Array(bytes);
    const worker = take();
    started += 1;
    const id = ++lastId;
    return await new Promise<PdfParse>((resolve, reject) => {
      const finish = (outcome: PdfParse | Error, reuse: boolean) => {
        clearTimeout(timer);
        worker.off('message', onMessage).off('error', onError).off('exit', onExit);
        if (reuse) keep(worker);
        else void worker.terminate();
        if (outcome instanceof Error) reject(outcome);
        else resolve(outcome);
      };
      const onMessage = (answer: Answer) => {
        if (answer.id !== id) return;
        if (!answer.ok)
          finish(
            answer.reason === 'corrupt' ? { ok: false, reason: 'corrupt' } : { ok: false, reason: 'too_complex', bound: answer.bound },
            true,
          );
        else
          finish(
            { ok: true, pdf: { pages: answer.pages, encrypted: answer.encrypted, images: answer.images, pictures: answer.pictures } },
            true,
          );
      };
      const onError = (error: Error & { code?: string }) =>
        finish(error.code === 'ERR_WORKER_OUT_OF_MEMORY' ? { ok: false, reason: 'too_complex', bound: 'memory' } : error, false);
      const onExit = (code: number) => finish(new Error(`the PDF worker stopped with exit code ${code}`), false);
      const timer = setTimeout(() => finish({ ok: false, reason: 'too_complex', bound: 'time' }, false), budget.timeoutMs);
      worker.on('message', onMessage).on('error', onError).on('exit', onExit);
      const { maxObjects, maxValues, maxDecodedBytes } = budget;
      worker.postMessage({ id, bytes: owned, budget: { maxObjects, maxValues, maxDecodedBytes }, pictures }, [owned.buffer as ArrayBuffer]);
    });
  } finally {
    release();
  }
}
