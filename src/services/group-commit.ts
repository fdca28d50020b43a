/**
 * Group commit: callers that arrive while a write is in progress wait together and are written
 * in the next transaction, so N concurrent single-report requests cost one fsync, not N. Each
 * caller still gets its own result, and only after the transaction holding its item committed.
 */

/** Queues items per key and writes each key's queue in batches with `write`. */
export function createGroupCommit<K, T, R>(
  write: (key: K, items: T[]) => Promise<R[]>,
  keyOf: (key: K) => string,
  maxBatch = 1000,
): (key: K, item: T) => Promise<R> {
  const queues = new Map<
    string,
    { key: K; waiting: { item: T; settle: (r: R | Error) => void }[] }
  >();
  const running = new Set<string>();

  async function drain(id: string): Promise<void> {
    running.add(id);
    try {
      for (;;) {
        const queue = queues.get(id);
        if (queue === undefined || queue.waiting.length === 0) break;
        const batch = queue.waiting.splice(0, maxBatch);
        try {
          const results = await write(
            queue.key,
            batch.map((b) => b.item),
          );
          batch.forEach((b, i) => b.settle(results[i] ?? new Error('no result for a queued item')));
        } catch (error) {
          for (const b of batch)
            b.settle(error instanceof Error ? error : new Error(String(error)));
        }
      }
    } finally {
      running.delete(id);
      if (queues.get(id)?.waiting.length === 0) queues.delete(id);
    }
  }

  return (key, item) =>
    new Promise<R>((resolve, reject) => {
      const id = keyOf(key);
      const queue = queues.get(id) ?? { key, waiting: [] };
      queues.set(id, queue);
      queue.waiting.push({
        item,
        settle: (r) => (r instanceof Error ? reject(r) : resolve(r)),
      });
      if (!running.has(id)) {
        // Start on the next turn of the event loop, so requests read in this one join in.
        running.add(id);
        setImmediate(() => void drain(id));
      }
    });
}
