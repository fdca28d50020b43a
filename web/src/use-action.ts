/** A hook for a form's one action: whether it runs, its last error, and what it last achieved. */
import { useCallback, useEffect, useRef, useState } from 'react';

/** Where a form's action stands. */
export interface ActionState {
  readonly busy: boolean;
  /** The last failure, shown until the next attempt; null otherwise. */
  readonly error: unknown;
  /** The message of the last success, for a status line; null otherwise. */
  readonly done: string | null;
  /**
   * Runs `work`; on success remembers the done message (`done`, or `done` of the result) and
   * answers true, on failure keeps the error and answers false. Answers that arrive after
   * unmount are dropped.
   */
  readonly run: <T>(
    work: () => Promise<T>,
    done: string | ((result: T) => string),
  ) => Promise<boolean>;
}

/** Tracks one action of a form. */
export function useAction(): ActionState {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [doneMessage, setDone] = useState<string | null>(null);
  const mounted = useRef(true);

  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);

  const run = useCallback(
    async <T>(work: () => Promise<T>, done: string | ((result: T) => string)) => {
      setBusy(true);
      setError(null);
      setDone(null);
      try {
        const result = await work();
        if (mounted.current) setDone(typeof done === 'string' ? done : done(result));
        return true;
      } catch (failure) {
        if (mounted.current) setError(failure);
        return false;
      } finally {
        if (mounted.current) setBusy(false);
      }
    },
    [],
  );

  return { busy, error, done: doneMessage, run };
}
