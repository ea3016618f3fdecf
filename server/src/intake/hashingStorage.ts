import { createHash } from 'node:crypto';
import fs from 'node:fs';
import type { Request } from 'express';
import type multer from 'multer';

/** Hears of each file written: the request, where the file is, and its SHA-256. */
export type DigestTaken = (req: Request, path: string, sha256: string) => void;

// Bytes a file's write stream holds before it asks the upload to wait: at the default (16 KiB) each 64 KiB read from
// the socket waited for its write to finish before the next was read.
const WRITE_BUFFER = 1024 * 1024;

/**
 * multer storage writing each file to `pathFor(req)`, taking its SHA-256 from the bytes as they are written, so the
 * file is not read again to hash it.
 */
export function hashingStorage(pathFor: (req: Request) => string, taken: DigestTaken): multer.StorageEngine {
  return {
    _handleFile(req, file, cb) {
      const target = pathFor(req as Request);
      const hash = createHash('sha256');
      const out = fs.createWriteStream(target, { flags: 'wx', mode: 0o600, highWaterMark: WRITE_BUFFER });
      let failed = false;
      const fail = (error: Error) => {
        if (failed) return;
        failed = true;
        file.stream.unpipe(out);
        out.destroy();
        cb(error);
      };
      file.stream.on('data', (chunk: Buffer) => hash.update(chunk));
      file.stream.on('error', fail);
      out.on('error', fail);
      out.on('finish', () => {
        if (failed) return;
        const sha256 = hash.digest('hex');
        taken(req as Request, target, sha256);
        cb(null, { path: target, size: out.bytesWritten });
      });
      file.stream.pipe(out);
    },
    _removeFile: (_req, file, cb) => fs.rm(file.path, { force: true }, (error) => cb(error)),
  };
}
