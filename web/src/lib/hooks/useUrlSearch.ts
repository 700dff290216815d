import { useCallback, useEffect, useRef, useState } from 'react';
import { useSearchParams } from 'react-router';
import { useDebouncedValue } from './useDebouncedValue';

/**
 * A search box kept in the URL (`?q=`): the input answers at once, the URL (and so the query)
 * follows once typing pauses. Typing replaces the history entry, so Back leaves the list
 * rather than stepping through every letter; a link or Back to a `?q=` restores the text.
 */
export function useUrlSearch(param = 'q', delay = 250) {
  const [params, setParams] = useSearchParams();
  const committed = params.get(param) ?? '';
  const [text, setText] = useState(committed);
  const debounced = useDebouncedValue(text, delay);

  // Back/forward or a link changed the URL: show its text.
  useEffect(() => {
    setText((current) => (current.trim() === committed ? current : committed));
  }, [committed]);

  // Only a pause in typing commits: a URL change on its own (Back) must not push old text again,
  // so the URL and its setter are read through refs rather than being dependencies.
  const latest = useRef({ committed, setParams });
  latest.current = { committed, setParams };
  useEffect(() => {
    const value = debounced.trim();
    if (value === latest.current.committed) return;
    latest.current.setParams(
      (current) => {
        const next = new URLSearchParams(current);
        if (value) next.set(param, value);
        else next.delete(param);
        return next;
      },
      { replace: true },
    );
  }, [debounced, param]);

  const clear = useCallback(() => setText(''), []);
  return { text, setText, search: committed, clear };
}

/** One URL parameter as a string ('' when absent); setting '' removes it. Each change is a history entry. */
export function useUrlParam(name: string): [string, (value: string) => void] {
  const [params, setParams] = useSearchParams();
  const value = params.get(name) ?? '';
  const set = useCallback(
    (next: string) =>
      setParams((current) => {
        const updated = new URLSearchParams(current);
        if (next) updated.set(name, next);
        else updated.delete(name);
        return updated;
      }),
    [name, setParams],
  );
  return [value, set];
}
