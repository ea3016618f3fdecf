import { createHash } from 'node:crypto';
import fs from 'node:fs';
import type { Request } from 'express';
import type multer from 'multer';

// Bytes a file's write stream holds before it asks the upload to wait: at the default (16 KiB) each 64 KiB read from
// the socket waited for its write to finish before the next was read.
const WRITE_BUFFER = 1024 * 1024;

/** What multer adds to each file it hands over: the SHA-256 of the bytes as they were written. */
export type HashedFile = Express.Multer.File & { sha256?: string };

/**
 * multer storage writing each file to `pathFor(req)`, taking its SHA-256 from the bytes as they are written, so the
 * file is not read again to hash it. multer spreads the info into the file it hands over (`HashedFile`).
 */
export function hashingStorage(pathFor: (req: Request) => string): multer.StorageEngine {
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
        const info: Partial<HashedFile> = { path: target, size: out.bytesWritten, sha256: hash.digest('hex') };
        cb(null, info);
      });
      file.stream.pipe(out);
    },
    _removeFile: (_req, file, cb) => fs.rm(file.path, { force: true }, (error) => cb(error)),
  };
}
