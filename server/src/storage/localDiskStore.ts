import crypto from 'node:crypto';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { isContentKey, type EvidenceStore } from './evidenceStore';

/** Files under `root/ab/cd/<sha256>`; incoming temporary files under `root/.incoming` on the same disk. */
export class LocalDiskStore implements EvidenceStore {
  readonly incomingDir: string;

  constructor(readonly root: string) {
    this.incomingDir = path.join(root, '.incoming');
    fs.mkdirSync(this.incomingDir, { recursive: true, mode: 0o700 });
  }

  private pathOf(key: string): string {
    if (!isContentKey(key)) throw new Error('Not a content key');
    return path.join(this.root, key.slice(0, 2), key.slice(2, 4), key);
  }

  async put(tempPath: string, sha256: string): Promise<string> {
    const final = this.pathOf(sha256);
    if (await this.exists(sha256)) {
      await fsp.rm(tempPath, { force: true });
      return sha256;
    }
    await fsp.mkdir(path.dirname(final), { recursive: true, mode: 0o700 });
    // Rename within one file system is atomic: readers see the whole file or none.
    const staging = `${final}.${crypto.randomBytes(6).toString('hex')}.part`;
    await fsp.rename(tempPath, staging).catch(async (e: NodeJS.ErrnoException) => {
      if (e.code !== 'EXDEV') throw e;
      await fsp.copyFile(tempPath, staging);
      await fsp.rm(tempPath, { force: true });
    });
    await fsp.chmod(staging, 0o600);
    await fsp.rename(staging, final);
    return sha256;
  }

  async open(key: string): Promise<Readable> {
    const file = this.pathOf(key);
    await fsp.access(file);
    return fs.createReadStream(file);
  }

  async exists(key: string): Promise<boolean> {
    return fsp.access(this.pathOf(key)).then(
      () => true,
      () => false,
    );
  }

  async remove(key: string): Promise<void> {
    await fsp.rm(this.pathOf(key), { force: true });
  }

  async modifiedAt(key: string): Promise<Date | null> {
    return fsp.stat(this.pathOf(key)).then(
      (s) => s.mtime,
      () => null,
    );
  }

  async *keys(): AsyncIterable<string> {
    for (const a of await fsp.readdir(this.root).catch(() => [])) {
      if (!/^[0-9a-f]{2}$/.test(a)) continue;
      for (const b of await fsp.readdir(path.join(this.root, a))) {
        for (const name of await fsp.readdir(path.join(this.root, a, b))) if (isContentKey(name)) yield name;
      }
    }
  }
}
