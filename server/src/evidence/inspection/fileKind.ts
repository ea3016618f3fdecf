import { open } from 'node:fs/promises';
import { fileTypeFromFile } from 'file-type';
import type { AcceptedMimeType, Localized } from '../../catalog';
import { foundKinds, otherKind, type FoundKind } from './findingTexts';

export type FileKind = { mime: AcceptedMimeType } | { mime: null; found: Localized };

const HEAD_BYTES = 1024;

async function readHead(filePath: string): Promise<Buffer> {
  const file = await open(filePath, 'r');
  try {
    const head = Buffer.alloc(HEAD_BYTES);
    const { bytesRead } = await file.read(head, 0, HEAD_BYTES, 0);
    return head.subarray(0, bytesRead);
  } finally {
    await file.close();
  }
}

/** The four accepted formats by their first bytes; a match must also start at byte 0, wherever file-type looked. */
function acceptedByMagic(head: Buffer): AcceptedMimeType | null {
  const ascii = (start: number, end: number) => head.toString('latin1', start, end);
  if (head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff) return 'image/jpeg';
  if (head.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'image/png';
  if (ascii(0, 4) === 'RIFF' && ascii(8, 12) === 'WEBP') return 'image/webp';
  if (ascii(0, 5) === '%PDF-') return 'application/pdf';
  return null;
}

const fromFileType: Record<string, AcceptedMimeType> = {
  'image/jpeg': 'image/jpeg',
  'image/png': 'image/png',
  'image/apng': 'image/png', // an animated PNG is a PNG; sharp reads its first frame
  'image/webp': 'image/webp',
  'application/pdf': 'application/pdf',
};

const namedExtensions: Partial<Record<string, FoundKind>> = {
  elf: 'elf',
  exe: 'exe',
  macho: 'macho',
  zip: 'zip',
  rar: 'rar',
  '7z': '7z',
  gz: 'gz',
  gif: 'gif',
  tif: 'tif',
  heic: 'heic',
  avif: 'avif',
  bmp: 'bmp',
  docx: 'docx',
  xml: 'xml',
};

/** Text formats file-type leaves alone (or calls plain XML), told apart by their opening. */
function sniffText(head: Buffer): FoundKind {
  // A multi-byte character cut at the end of the head decodes as U+FFFD; drop it.
  const text = head
    .toString('utf8')
    .replace(/^\uFEFF/, '')
    .replace(/\uFFFD$/, '')
    .trimStart()
    .toLowerCase();
  if (/<svg[\s>]/.test(text)) return 'svg';
  if (/^<!doctype html|<html[\s>]|<head[\s>]|<body[\s>]|<script[\s>]|<iframe[\s>]/.test(text)) return 'html';
  if (text.startsWith('<?xml')) return 'xml';
  if (text.startsWith('#!')) return 'script';
  // Control characters other than tab, newline and carriage return mean binary.
  return /[\u0000-\u0008\u000e-\u001f\ufffd]/.test(text) ? 'unknown' : 'text';
}

export async function identifyFileKind(filePath: string): Promise<FileKind> {
  const [detected, head] = await Promise.all([fileTypeFromFile(filePath), readHead(filePath)]);
  if (head.length === 0) return { mime: null, found: foundKinds.empty };
  const accepted = detected ? fromFileType[detected.mime] : undefined;
  if (accepted && acceptedByMagic(head) === accepted) return { mime: accepted };
  if (detected && detected.ext !== 'xml') {
    const named = namedExtensions[detected.ext];
    return { mime: null, found: named ? foundKinds[named] : otherKind(detected.ext, detected.mime) };
  }
  return { mime: null, found: foundKinds[sniffText(head)] };
}
