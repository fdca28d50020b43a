/**
 * One run at a time for work that is woken from several places (a change notice, a timer, a new
 * listener): a call made while a run is in progress starts nothing but asks the running one to go
 * round once more, so that no wake-up during a run is missed and no two runs overlap.
 */

/**
 * Returns a function that runs `step` in rounds: once per call, and once more for every call
 * made meanwhile (however many) or whenever `step` answers true (a full page with more behind
 * it). Rounds stop once `keepGoing` answers false. A call during a run resolves at once; an error
 * of `step` ends the run and rejects the call that started it.
 */
export function serialRuns(
  step: () => Promise<boolean | void>,
  keepGoing: () => boolean,
): () => Promise<void> {
  let busy = false;
  let again = false;
  return async () => {
    if (busy) {
      again = true;
      return;
    }
    busy = true;
    try {
      do {
        again = false;
        if ((await step()) === true) again = true;
      } while (again && keepGoing());
    } finally {
      busy = false;
    }
  };
}
