import crypto from 'node:crypto';
import fsp from 'node:fs/promises';
import path from 'node:path';
import type { Request, Response } from 'express';
import multer from 'multer';
import { MAX_MATERIAL_BYTES } from '../catalog';
import { HttpError, badRequest } from '../http/errors';
import { hashingStorage, type HashedFile } from './hashingStorage';

export type UploadedPart = {
  slotKey: string;
  path: string;
  size: number;
  originalName: string;
  /** SHA-256 of the bytes as they were received. */
  sha256: string;
};

export const uploadLimits = { files: 20, parts: 30, fields: 4, fieldSize: 64 * 1024, fieldNameSize: 100, headerPairs: 100 } as const;

/** Names are shown to agents only; control characters, paths and overlong names are dropped. */
export function displayName(raw: string): string {
  const base = raw.split(/[\\/]/).pop() ?? '';
  const clean = base
    .normalize('NFC')
    .replace(/[\u0000-\u001f\u007f\u200b-\u200f\u202a-\u202e\u2066-\u2069]/g, '')
    .trim();
  return (clean || 'file').slice(0, 200);
}

// Messages as the inspection's refusals give them: English / 中文.
const multerMessages: Record<string, [number, string, string]> = {
  LIMIT_FILE_SIZE: [
    413,
    'FILE_TOO_LARGE',
    `Files may be at most ${MAX_MATERIAL_BYTES / 1048576} MB / 文件不能超过 ${MAX_MATERIAL_BYTES / 1048576} MB`,
  ],
  LIMIT_FILE_COUNT: [413, 'TOO_MANY_FILES', 'Too many files in one request / 一次上传的文件过多'],
  LIMIT_PART_COUNT: [413, 'TOO_MANY_PARTS', 'Too many parts in one request / 表单内容过多'],
  LIMIT_FIELD_COUNT: [400, 'TOO_MANY_FIELDS', 'Too many form fields / 表单字段过多'],
  LIMIT_FIELD_VALUE: [413, 'FIELD_TOO_LARGE', 'A form field is too large / 表单字段过长'],
  LIMIT_FIELD_KEY: [400, 'FIELD_NAME_TOO_LONG', 'A form field name is too long / 表单字段名过长'],
  LIMIT_UNEXPECTED_FILE: [400, 'UNEXPECTED_FILE', 'Unexpected file / 无法识别的文件'],
};

/**
 * Streams multipart files to temporary files (never whole in memory), then hands them over.
 * On a limit, multer removes what it had written; the caller removes the rest with `discard`.
 */
export function receiveUpload(incomingDir: string) {
  // Every temporary file a request starts, so a client that hangs up mid-file leaves none behind:
  // multer removes the files it finished, not the one it was writing.
  const started = new WeakMap<Request, string[]>();
  const middleware = multer({
    storage: hashingStorage((req) => {
      const file = path.join(incomingDir, `${crypto.randomUUID()}.upload`);
      started.get(req)?.push(file);
      return file;
    }),
    limits: { ...uploadLimits, fileSize: MAX_MATERIAL_BYTES },
    defParamCharset: 'utf8',
  }).any();

  return (req: Request, res: Response): Promise<{ parts: UploadedPart[]; fields: Record<string, unknown> }> =>
    new Promise((resolve, reject) => {
      if (!req.is('multipart/form-data')) {
        reject(new HttpError(415, 'MULTIPART_REQUIRED', 'Send the appeal as multipart/form-data'));
        return;
      }
      const inFlight: string[] = [];
      started.set(req, inFlight);
      const removeAll = () => void Promise.all(inFlight.map((f) => fsp.rm(f, { force: true })));
      let settled = false;
      req.once('close', () => {
        if (settled || req.complete) return;
        settled = true;
        removeAll();
        reject(badRequest('The upload was cut off before it ended', undefined, 'UPLOAD_ABORTED'));
      });
      middleware(req, res, (err: unknown) => {
        if (settled) return removeAll();
        settled = true;
        if (err) removeAll();
        if (err instanceof multer.MulterError) {
          const [status, code, message] = multerMessages[err.code] ?? [400, 'INVALID_UPLOAD', 'The upload could not be read'];
          const field = err.field ? displayName(err.field) : undefined;
          reject(new HttpError(status, code, field ? `${message}: ${field}` : message, field ? { [field]: message } : undefined));
          return;
        }
        if (err) {
          reject(badRequest('The upload could not be read', undefined, 'INVALID_UPLOAD'));
          return;
        }
        const files: HashedFile[] = Array.isArray(req.files) ? req.files : [];
        resolve({
          parts: files.map((f) => ({
            slotKey: f.fieldname,
            path: f.path,
            size: f.size,
            originalName: displayName(f.originalname),
            // Every file went through hashingStorage, which hands none over without its digest.
            sha256: f.sha256!,
          })),
          fields: (req.body ?? {}) as Record<string, unknown>,
        });
      });
    });
}

export async function discard(parts: readonly UploadedPart[]): Promise<void> {
  await Promise.all(parts.map((p) => fsp.rm(p.path, { force: true })));
}

export const isInside = (dir: string, file: string) => !path.relative(dir, file).startsWith('..');
