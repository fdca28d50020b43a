/**
 * A background job that runs now and then: at once when woken, otherwise when its last run
 * said the next one is due (at most `longestWaitMs` later). Never two runs at a time: a wake
 * during a run makes one more run after it. The response-clock scheduler and the webhook
 * dispatcher both run this way.
 */
export interface WakeLoop {
  /** Run as soon as the current run (if any) ends. */
  wake(): void;
  stop(): void;
}

export function startWakeLoop(options: {
  /** One run; answers the instant (ms since the epoch) of the next due work, or undefined. */
  readonly run: () => Promise<number | undefined>;
  readonly now: () => number;
  readonly longestWaitMs: number;
  /** The shortest wait between timed runs (not between wakes). */
  readonly shortestWaitMs?: number;
  readonly onError: (error: unknown) => void;
}): WakeLoop {
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;
  let running = false;
  let again = false;
  const schedule = (ms: number) => {
    clearTimeout(timer);
    if (stopped) return;
    timer = setTimeout(() => void go(), ms);
    timer.unref();
  };
  const go = async (): Promise<void> => {
    if (stopped) return;
    if (running) {
      again = true;
      return;
    }
    running = true;
    try {
      const next = await options.run();
      const wait = next === undefined ? options.longestWaitMs : next - options.now();
      schedule(Math.min(options.longestWaitMs, Math.max(options.shortestWaitMs ?? 0, wait)));
    } catch (error) {
      options.onError(error);
      schedule(options.longestWaitMs);
    } finally {
      running = false;
      if (again) {
        again = false;
        void go();
      }
    }
  };
  void go();
  return {
    wake: () => void go(),
    stop: () => {
      stopped = true;
      clearTimeout(timer);
    },
  };
}
