/**
 * Every page of a paged list, for its export: the list's own service function asked page by page (so its scope, its
 * own-record narrowing and its filters hold), `pageSize` rows at a time, until its total is read or `max` rows are.
 */
export async function* allPages<T>(page: (page: number, pageSize: number) => Promise<{ items: T[]; total: number }>, pageSize = 2000, max = 100_000): AsyncGenerator<T[]> {
  for (let n = 1; (n - 1) * pageSize < max; n++) {
    const { items, total } = await page(n, pageSize);
    yield items;
    if (n * pageSize >= total) return;
  }
}
