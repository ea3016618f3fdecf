// A file is checked before it is sent: by its declared type, by its first bytes, and by its size.
// The server checks again by content; this only spares the customer a refused upload.
import type { AcceptedType, CatalogSlot } from './catalog';

export type FileProblem =
  { code: 'empty' } | { code: 'too_large'; size: number; maxBytes: number } | { code: 'wrong_type'; accept: AcceptedType[] };

const startsWith = (bytes: Uint8Array, signature: readonly number[], at = 0) => signature.every((b, i) => bytes[at + i] === b);
const ascii = (text: string) => [...text].map((c) => c.charCodeAt(0));

/** The accepted type the first bytes say, or null: JPEG FF D8 FF, PNG 89 50 4E 47, WebP RIFF....WEBP, PDF %PDF. */
export function typeFromBytes(bytes: Uint8Array): AcceptedType | null {
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47])) return 'image/png';
  if (startsWith(bytes, ascii('RIFF')) && startsWith(bytes, ascii('WEBP'), 8)) return 'image/webp';
  if (startsWith(bytes, ascii('%PDF'))) return 'application/pdf';
  return null;
}

async function firstBytes(file: Blob, count: number): Promise<Uint8Array> {
  const head = file.slice(0, count);
  if (typeof head.arrayBuffer === 'function') return new Uint8Array(await head.arrayBuffer());
  // Older engines (and some test DOMs) have Blob without arrayBuffer().
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(new Uint8Array(reader.result as ArrayBuffer));
    reader.onerror = () => reject(reader.error ?? new Error('The file could not be read'));
    reader.readAsArrayBuffer(head);
  });
}

export type CheckedFile = { ok: true; type: AcceptedType } | { ok: false; problem: FileProblem };

// Names some systems give the accepted types.
const declaredAliases: Record<string, string> = { 'image/jpg': 'image/jpeg', 'image/pjpeg': 'image/jpeg', 'image/x-png': 'image/png' };

export async function checkFile(file: File, slot: Pick<CatalogSlot, 'accept' | 'maxBytes'>): Promise<CheckedFile> {
  if (file.size === 0) return { ok: false, problem: { code: 'empty' } };
  if (file.size > slot.maxBytes) return { ok: false, problem: { code: 'too_large', size: file.size, maxBytes: slot.maxBytes } };
  const wrongType: CheckedFile = { ok: false, problem: { code: 'wrong_type', accept: slot.accept } };
  // A declared type outside the list (HEIC, GIF, an .exe) is refused; no type or a generic one leaves it to the bytes.
  const declared = declaredAliases[file.type] ?? file.type;
  if (declared !== '' && declared !== 'application/octet-stream' && !(slot.accept as string[]).includes(declared)) return wrongType;
  const type = typeFromBytes(await firstBytes(file, 16));
  return type && slot.accept.includes(type) ? { ok: true, type } : wrongType;
}

/** "1.5 MB", "320 KB" */
export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(1).replace(/\.0$/, '')} MB`;
  return `${Math.max(1, Math.ceil(bytes / 1024))} KB`;
}
