import fsp from 'node:fs/promises';
import path from 'node:path';
import type { Db } from '../db/client';
import type { EvidenceStore } from '../storage/evidenceStore';

export type SweepReport = { orphansRemoved: number; staleUploadsRemoved: number; missingFiles: number[] };

/**
 * Reconciles storage with the database after a crash: a file no evidence row points to is removed once it is
 * older than the grace period (a submission in another process may be about to commit it), and so are
 * temporary uploads left in flight. Evidence rows whose file is gone are reported, never silently dropped.
 */
export async function sweepStorage(db: Db, store: EvidenceStore, graceMs = 15 * 60_000, now = new Date()): Promise<SweepReport> {
  const cutoff = now.getTime() - graceMs;
  let orphansRemoved = 0;
  for await (const key of store.keys()) {
    if ((await db.evidence.count({ where: { storageKey: key } })) > 0) continue;
    const written = await store.modifiedAt(key);
    if (written && written.getTime() < cutoff) {
      await store.remove(key);
      orphansRemoved += 1;
    }
  }
  let staleUploadsRemoved = 0;
  for (const name of await fsp.readdir(store.incomingDir).catch(() => [] as string[])) {
    const file = path.join(store.incomingDir, name);
    const stat = await fsp.stat(file).catch(() => null);
    if (stat?.isFile() && stat.mtime.getTime() < cutoff) {
      await fsp.rm(file, { force: true });
      staleUploadsRemoved += 1;
    }
  }
  const missingFiles: number[] = [];
  for (const e of await db.evidence.findMany({ where: { purgedAt: null }, select: { id: true, storageKey: true } })) {
    if (!(await store.exists(e.storageKey))) missingFiles.push(e.id);
  }
  return { orphansRemoved, staleUploadsRemoved, missingFiles };
}
