/**
 * A section of a report, loaded on first use and once: a report runs only the statements of
 * the fields a client selects, and each at most once per request.
 */
export function lazy<T>(load: () => Promise<T>): () => Promise<T> {
  let loaded: Promise<T> | undefined;
  return () => {
    loaded ??= load();
    return loaded;
  };
}
