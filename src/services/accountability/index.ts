/**
 * Accountability: verification steps, assignment and edit locks, attribution claims, findings,
 * the trigger engine run on every change that can alter its answer, activations with their
 * response clock, guarantors' responses, and the scheduler that marks activations overdue and
 * breached. Every decision is an event in the record; a refused one changes nothing.
 *
 * One service composed of parts that share a context (context.ts): decisions.ts (ladder,
 * assignment, locks, attribution), findings.ts (findings and the engine runs), alerts.ts (CAP
 * alerts), responses.ts, clock.ts (tick and scheduler) and views.ts (reads).
 */
import type { ServiceContext } from '../context.js';
import { createAlertIssuer } from './alerts.js';
import { createClock } from './clock.js';
import { createAccountabilityContext, type AccountabilityOptions } from './context.js';
import { createDecisions } from './decisions.js';
import { createFindings, createTriggerRuns } from './findings.js';
import { createResponses } from './responses.js';
import { createViews } from './views.js';

export { MAX_BULK } from './decisions.js';

export function createAccountabilityService(ctx: ServiceContext, options: AccountabilityOptions) {
  const actx = createAccountabilityContext(ctx, options);
  const issueAlerts = createAlertIssuer(actx);
  const evaluateIncident = createTriggerRuns(actx, issueAlerts);
  return {
    onChange: actx.onChange,
    ...createDecisions(actx, evaluateIncident),
    ...createFindings(actx, evaluateIncident),
    ...createResponses(actx, issueAlerts),
    ...createClock(actx, issueAlerts),
    ...createViews(actx),
  };
}
