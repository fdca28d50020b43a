import { describe, expect, it } from 'vitest';
import { serialRuns } from './serial-runs.js';

/** A step that waits for the test to release each round, counting the rounds. */
function gatedStep(answers: (boolean | void)[] = []) {
  const state = { rounds: 0, running: 0, most: 0, release: () => {} };
  const step = async () => {
    state.rounds += 1;
    state.running += 1;
    state.most = Math.max(state.most, state.running);
    await new Promise<void>((resolve) => (state.release = resolve));
    state.running -= 1;
    return answers[state.rounds - 1];
  };
  return { state, step };
}

const turn = () => new Promise((resolve) => setImmediate(resolve));

describe('serialRuns', () => {
  it('runs once per call when the calls do not overlap', async () => {
    const { state, step } = gatedStep();
    const run = serialRuns(step, () => true);
    for (let i = 0; i < 3; i += 1) {
      const done = run();
      await turn();
      state.release();
      await done;
    }
    expect(state.rounds).toBe(3);
  });

  it('folds every call made during a run into one more round, never two at once', async () => {
    const { state, step } = gatedStep();
    const run = serialRuns(step, () => true);
    const first = run();
    await turn();
    await Promise.all([run(), run(), run()]);
    state.release();
    await turn();
    expect(state.rounds).toBe(2);
    state.release();
    await first;
    expect(state.rounds).toBe(2);
    expect(state.most).toBe(1);
  });

  it('goes round again while the step says there is more, and stops when told to', async () => {
    let open = true;
    const { state, step } = gatedStep([true, true, false]);
    const run = serialRuns(step, () => open);
    const done = run();
    for (let i = 0; i < 3; i += 1) {
      await turn();
      state.release();
    }
    await done;
    expect(state.rounds).toBe(3);

    const more = gatedStep([true, true, true]);
    const stopped = serialRuns(more.step, () => open);
    const ended = stopped();
    await turn();
    open = false;
    more.state.release();
    await ended;
    expect(more.state.rounds).toBe(1);
  });

  it('rejects the call that started a failed run, and runs again afterwards', async () => {
    let fail = true;
    const run = serialRuns(
      async () => {
        if (fail) throw new Error('read failed');
      },
      () => true,
    );
    await expect(run()).rejects.toThrow('read failed');
    fail = false;
    await expect(run()).resolves.toBeUndefined();
  });
});
