/**
 * Group commit: callers ask for one item each, and the items are written together — every item that arrives while a
 * write is under way goes into the next one. One write is in flight at a time, so under load a write carries as
 * many items as arrived during the previous round trip, and a lone caller waits for one round trip only.
 *
 * With `gatherMs`, each write first waits that long for more items: for writes nobody waits on (a caller that goes
 * on without the answer), so that items arriving one by one — a slow stream, or a database in the same thread, where
 * nothing arrives during a write — still share a write instead of each paying a commit of its own.
 *
 * `write` answers, per item and in order, what that item's caller receives. If it throws, every caller of that
 * write gets the error (and knows nothing of whether it was committed: the ledger's guards make a repeat harmless).
 */
export function groupCommit<I, O>(
  write: (items: I[]) => Promise<O[]>,
  options: { gatherMs?: number } = {},
): (item: I) => Promise<O> {
  type Waiting = { item: I; resolve: (value: O) => void; reject: (error: unknown) => void };
  const gatherMs = options.gatherMs ?? 0;
  let queue: Waiting[] = [];
  let writing = false;

  async function flush(): Promise<void> {
    writing = true;
    while (queue.length > 0) {
      if (gatherMs > 0) await new Promise((resolve) => setTimeout(resolve, gatherMs));
      const batch = queue;
      queue = [];
      try {
        const results = await write(batch.map((waiting) => waiting.item));
        batch.forEach((waiting, i) => waiting.resolve(results[i] as O));
      } catch (error) {
        for (const waiting of batch) waiting.reject(error);
      }
    }
    writing = false;
  }

  return (item) =>
    new Promise<O>((resolve, reject) => {
      queue.push({ item, resolve, reject });
      // After the current microtasks: the callers that ask in the same turn share the first write.
      if (!writing) {
        writing = true;
        queueMicrotask(() => void flush());
      }
    });
}
