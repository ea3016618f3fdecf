import { createHash } from 'node:crypto';
import type { Request } from 'express';
import type multer from 'multer';

/** Hears of each file written: the request, where the file is, and its SHA-256. */
export type DigestTaken = (req: Request, path: string, sha256: string) => void;

/**
 * multer's disk storage, taking each file's SHA-256 from the bytes as they are written, so the file is not read
 * again to hash it.
 */
export function hashingStorage(disk: multer.StorageEngine, taken: DigestTaken): multer.StorageEngine {
  return {
    _handleFile(req, file, cb) {
      const hash = createHash('sha256');
      // A second 'data' listener sees every chunk the disk storage's pipe writes, and pauses with it.
      file.stream.on('data', (chunk: Buffer) => hash.update(chunk));
      disk._handleFile(req, file, (error, info) => {
        if (!error && info?.path) taken(req, info.path, hash.digest('hex'));
        cb(error, info);
      });
    },
    _removeFile: (req, file, cb) => disk._removeFile(req, file, cb),
  };
}
