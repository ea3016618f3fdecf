// Work that must finish before the process exits, even when its client has already hung up:
// an upload being inspected and stored is finished and recorded, or cleaned away, never abandoned.
const running = new Set<Promise<unknown>>();

export function finishBeforeExit<T>(work: Promise<T>): Promise<T> {
  running.add(work);
  void work.then(
    () => running.delete(work),
    () => running.delete(work),
  );
  return work;
}

export async function drainInFlight(): Promise<void> {
  while (running.size > 0) await Promise.allSettled([...running]);
}
