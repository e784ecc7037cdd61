/** Runs `fn(0)` … `fn(count - 1)` with at most `width` calls in flight; rejects on the first failure. */
export async function concurrently(count: number, width: number, fn: (i: number) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(width, count) }, async () => {
      while (next < count) await fn(next++);
    }),
  );
}
