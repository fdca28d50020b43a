/** A hook that loads data when a screen mounts and keeps the result, the error and a reload. */
import { useCallback, useEffect, useState } from 'react';

/** Where a load stands. `data` keeps the last good value while reloading. */
export interface LoadState<T> {
  readonly data: T | undefined;
  readonly error: unknown;
  readonly loading: boolean;
  /** Loads again, keeping the current data on screen meanwhile. */
  readonly reload: () => void;
}

/**
 * Runs `load` on mount and on `reload()`; answers that arrive after unmount are dropped. Pass a
 * stable function (a module-level one), or every render starts a new load.
 */
export function useLoad<T>(load: () => Promise<T>): LoadState<T> {
  return useLoadInto(load, replace);
}

function replace<T>(_before: T | undefined, value: T): T {
  return value;
}

/**
 * Like {@link useLoad}, but each answer is folded into the data already loaded by `fold`
 * (for example a next page added to the pages before it) instead of replacing it. A new load
 * runs whenever `load` or `fold` changes, and only an answer to the latest load is folded in;
 * an error keeps the data as it was.
 */
export function useLoadInto<T, V>(
  load: () => Promise<V>,
  fold: (before: T | undefined, value: V) => T,
): LoadState<T> {
  const [data, setData] = useState<T | undefined>(undefined);
  const [error, setError] = useState<unknown>(null);
  const [loading, setLoading] = useState(true);
  const [generation, setGeneration] = useState(0);

  useEffect(() => {
    let current = true;
    setLoading(true);
    load().then(
      (value) => {
        if (!current) return;
        setData((before) => fold(before, value));
        setError(null);
        setLoading(false);
      },
      (reason: unknown) => {
        if (!current) return;
        setError(reason);
        setLoading(false);
      },
    );
    return () => {
      current = false;
    };
  }, [load, fold, generation]);

  const reload = useCallback(() => setGeneration((n) => n + 1), []);
  return { data, error, loading, reload };
}
