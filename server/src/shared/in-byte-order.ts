/**
 * A comparator in the order PostgreSQL's "C" collation gives (code points), key after key: for
 * the lists both the resolvers (JavaScript) and the compiled reads (SQL, `collate "C"`) sort, so
 * that both answer the same order on every database.
 */
export function inByteOrder<T>(...keys: (keyof T)[]): (a: T, b: T) => number {
  return (a, b) => {
    for (const key of keys) {
      const x = String(a[key]);
      const y = String(b[key]);
      if (x !== y) return x < y ? -1 : 1;
    }
    return 0;
  };
}
