/**
 * Maps over many items with at most `limit` calls in flight, results in input order: work over
 * ten thousand files must not open ten thousand files at once.
 */
export async function boundedMap<T, R>(items: readonly T[], limit: number, map: (item: T, index: number) => Promise<R>): Promise<R[]> {
  return (await boundedMapUntil(items, limit, undefined, map)) as R[];
}

/** As boundedMap, but no item starts once `signal` is aborted: the result of such an item is undefined. */
export async function boundedMapUntil<T, R>(
  items: readonly T[],
  limit: number,
  signal: AbortSignal | undefined,
  map: (item: T, index: number) => Promise<R>,
): Promise<Array<R | undefined>> {
  const results = new Array<R | undefined>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length && !signal?.aborted) {
      const index = next++;
      results[index] = await map(items[index] as T, index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
