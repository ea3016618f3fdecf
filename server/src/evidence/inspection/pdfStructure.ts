// What a PDF is built from, counted in its bytes before any parser sees it: an object bomb (hundreds of thousands
// of tiny objects, in the open or packed into object streams) is refused here in milliseconds, reading the file
// through a small window so that many bombs at once cost no more memory than their uploads did.
import { open } from 'node:fs/promises';

const OBJ = Buffer.from('obj', 'latin1');
const OBJECT_STREAM = Buffer.from('/ObjStm', 'latin1');
const STREAM = Buffer.from('stream', 'latin1');
// How far around "/ObjStm" its dictionary's /N is looked for: the dictionary of an object stream is a few dozen bytes.
const DICTIONARY_REACH = 4096;

const isSpace = (b: number | undefined) => b === 0x20 || b === 0x0a || b === 0x0d || b === 0x09 || b === 0x0c || b === 0x00;
const isDigit = (b: number | undefined) => b !== undefined && b >= 0x30 && b <= 0x39;

/** "12 0 obj": the keyword after whitespace after a digit, which leaves out "endobj" and names such as "/Subobj". */
function isObjectHeader(bytes: Buffer, at: number): boolean {
  let i = at - 1;
  if (!isSpace(bytes[i])) return false;
  while (i > 0 && isSpace(bytes[i])) i--;
  return isDigit(bytes[i]);
}

/** The /N (object count) of the object stream whose dictionary names /ObjStm at `at`; 0 when it is not written as a number. */
function objectStreamCount(bytes: Buffer, at: number): number {
  const header = bytes.lastIndexOf(OBJ, at);
  const start = Math.max(0, header, at - DICTIONARY_REACH);
  const data = bytes.indexOf(STREAM, at);
  const end = Math.min(bytes.length, data === -1 ? Infinity : data, at + DICTIONARY_REACH);
  const dictionary = bytes.toString('latin1', start, end);
  let most = 0;
  for (const match of dictionary.matchAll(/\/N[\0\t\n\f\r ]+(\d{1,12})(?![\0\t\n\f\r ]+\d+[\0\t\n\f\r ]+R)/g))
    most = Math.max(most, Number(match[1]));
  return most;
}

const CHUNK = 512 * 1024;
// A match is judged once it has DICTIONARY_REACH bytes after it in the buffer; the carry keeps as many before it.
const TAIL = DICTIONARY_REACH + OBJECT_STREAM.length;
const CARRY = TAIL + DICTIONARY_REACH;

/** Objects in bytes[from, to): headers plus the /N of every object stream, stopping once past `max`. */
function countIn(bytes: Buffer, from: number, to: number, max: number, count: number): number {
  for (
    let at = bytes.indexOf(OBJECT_STREAM, from);
    at !== -1 && at < to && count <= max;
    at = bytes.indexOf(OBJECT_STREAM, at + OBJECT_STREAM.length)
  ) {
    count += objectStreamCount(bytes, at);
  }
  for (let at = bytes.indexOf(OBJ, from); at !== -1 && at < to && count <= max; at = bytes.indexOf(OBJ, at + OBJ.length)) {
    if (isObjectHeader(bytes, at)) count += 1;
  }
  return count;
}

/**
 * Indirect objects in a PDF file: object headers plus the /N of every object stream. Counting stops once it
 * passes `max`, so a bomb costs a read of its first `max` objects only. Errs high (a header quoted inside a string
 * counts too), never low for what pdf-lib would parse; names spelled with #-escapes and headers split by kilobytes
 * of whitespace are left to the parse's own budget.
 */
export async function countPdfObjects(filePath: string, max: number): Promise<number> {
  const file = await open(filePath, 'r');
  try {
    const { size } = await file.stat();
    const chunk = Buffer.alloc(CHUNK);
    let carry = Buffer.alloc(0);
    let read = 0; // bytes of the file read so far
    let count = 0;
    for (;;) {
      const { bytesRead } = await file.read(chunk, 0, CHUNK, read);
      const last = bytesRead === 0 || read + bytesRead >= size;
      const bytes = Buffer.concat([carry, chunk.subarray(0, bytesRead)]);
      // Matches in the carry's first part were judged in the previous round; those in the tail wait for the next.
      const from = Math.max(0, carry.length - TAIL);
      const to = last ? bytes.length : bytes.length - TAIL;
      count = countIn(bytes, from, Math.max(from, to), max, count);
      read += bytesRead;
      if (last || count > max) return count;
      carry = Buffer.from(bytes.subarray(Math.max(0, bytes.length - CARRY)));
    }
  } finally {
    await file.close();
  }
}
