/**
 * `work` on each item, at most `limit` at once, results in the items' order. Once one fails no more are started;
 * the error thrown is the earliest item's, as a loop taking them one at a time would have thrown.
 */
export async function mapFewAtOnce<T, R>(items: readonly T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const settled: PromiseSettledResult<R>[] = [];
  let next = 0;
  let failed = false;
  const worker = async () => {
    while (!failed && next < items.length) {
      const i = next++;
      try {
        settled[i] = { status: 'fulfilled', value: await work(items[i]!) };
      } catch (reason) {
        settled[i] = { status: 'rejected', reason };
        failed = true;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  // Items are taken in order, so every one before the earliest failure ran.
  return settled.map((s) => {
    if (s.status === 'rejected') throw s.reason;
    return s.value;
  });
}
