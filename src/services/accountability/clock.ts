/**
 * The response clock: a tick marks activations whose clock ran out (open past the deadline
 * become overdue, overdue past the grace period become breached, each one tier up, with an
 * alert), and the scheduler runs ticks when the next clock runs out.
 */
import { readActivationsDue } from '../../store/accountability-reads.js';
import { nextActivationDue } from '../../store/accountability-store.js';
import { inTransaction } from '../../store/transactions.js';
import { startWakeLoop } from '../wake-loop.js';
import type { IssueAlerts } from './alerts.js';
import { statusBody, type AccountabilityContext } from './context.js';

export function createClock(actx: AccountabilityContext, issueAlerts: IssueAlerts) {
  const { ctx, db, nowIso } = actx;

  /** Marks activations whose clock ran out: open past the deadline, overdue past the grace. */
  async function tick(): Promise<number> {
    // Nothing due is the usual case: look first, without taking the write lock.
    if ((await readActivationsDue(db, nowIso())).length === 0) return 0;
    const changed = await inTransaction(db, async (tx) => {
      let changed = 0;
      // Twice at most: after a long stop, an activation may be past its deadline and its grace.
      for (let round = 0; round < 2; round += 1) {
        const due = await readActivationsDue(tx, nowIso());
        const steps = due.map((a) => {
          const reason =
            a.status === 'open'
              ? `no qualifying response by ${a.deadline}`
              : `still no qualifying response by ${a.breachAt}`;
          const status = a.status === 'open' ? 'overdue' : 'breached';
          return { activationId: a.id, reason, body: statusBody(a, status, a.tier + 1, reason) };
        });
        await actx.write(
          'system:scheduler',
          steps.map((s) => s.body),
          tx,
        );
        await issueAlerts(
          tx,
          steps.map(({ activationId, reason }) => ({ activationId, reason })),
        );
        changed += steps.length;
      }
      return changed;
    });
    // Only a change tells the listeners (webhooks; the scheduler itself, which would loop).
    if (changed > 0) actx.changed();
    return changed;
  }

  return {
    tick,

    /**
     * Runs the response clocks: catches up at once (deadlines that passed while stopped), then
     * wakes at the next deadline, at most a minute later (so activations another process opened
     * are seen), and after every decision here. Returns the stop function.
     */
    startScheduler(onError: (error: unknown) => void = () => undefined): () => void {
      const loop = startWakeLoop({
        run: async () => {
          await tick();
          const next = await nextActivationDue(db);
          return next === undefined ? undefined : Date.parse(next);
        },
        now: () => ctx.now().getTime(),
        longestWaitMs: 60_000,
        onError,
      });
      const unsubscribe = actx.onChange(() => loop.wake());
      return () => {
        loop.stop();
        unsubscribe();
      };
    },

    /** When the next response clock runs out, if any runs. */
    nextDue: (): Promise<string | undefined> => nextActivationDue(db),
  };
}
