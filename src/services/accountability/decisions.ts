/**
 * Decisions on an incident: steps on the verification ladder (one or many), assignment, the
 * edit lock, and attribution claims. Each is recorded in one transaction; a step or a claim
 * runs the trigger engine again in it.
 */
import { principalRole, type Principal } from '../../core/auth/principal.js';
import { INCIDENT_CATEGORIES } from '../../core/agreements/vocabulary.js';
import type { AttributionConfidence, VerificationStatus } from '../../core/accountability/model.js';
import { checkVerificationStep } from '../../core/accountability/verification.js';
import { DomainError, invalid } from '../../core/errors.js';
import { readAttributions, reportsOfIncident } from '../../store/accountability-reads.js';
import { releaseLock, reportersAndTriagers, setLock } from '../../store/accountability-store.js';
import { findActors } from '../../store/agreement-store.js';
import { findUserByName } from '../../store/user-store.js';
import { requireIncident, requireUnlocked, type AccountabilityContext } from './context.js';
import type { EvaluateIncident } from './findings.js';

/** How long an edit lock lasts unless renewed. */
export const LOCK_MINUTES = 15;
/** The most incidents one bulk action may name. */
export const MAX_BULK = 500;

/** A verification step as asked for. */
export interface VerificationInput {
  readonly status: VerificationStatus;
  readonly method?: string | undefined;
  readonly notes?: string | undefined;
  readonly obstructionIncidentId?: string | undefined;
}

/** An attribution claim as asked for: an actor with confidence, or a reasoned refusal. */
export type AttributionInput = {
  readonly basis: { reportIds?: string[]; evidence?: string[]; text: string };
  readonly dissent?: string | undefined;
} & (
  | { readonly actor: string; readonly confidence: AttributionConfidence }
  | { readonly declined: string }
);

export function createDecisions(actx: AccountabilityContext, evaluateIncident: EvaluateIncident) {
  const { ctx, decide, nowIso, write } = actx;

  /** Takes one step on the ladder; the engine then re-evaluates the incident's findings. */
  const setVerification = (incidentId: string, input: VerificationInput, by: Principal) =>
    decide(async (tx) => {
      const incident = await requireIncident(tx, incidentId, 'id');
      await requireUnlocked(tx, incidentId, by, nowIso());
      const people = await reportersAndTriagers(tx, incidentId);
      const role = principalRole(by);
      // The operator at the CLI acts as the mission's verifier of last resort.
      checkVerificationStep(
        {
          to: input.status,
          method: input.method,
          notes: input.notes,
          obstructionIncidentId: input.obstructionIncidentId,
        },
        {
          from: incident.status as VerificationStatus,
          role: role ?? 'verifier',
          userId: by.kind === 'user' ? by.user.id : '',
          reporters: people.reporters,
          triagers: people.triagers,
        },
      );
      if (input.obstructionIncidentId !== undefined) {
        const obstruction = await requireIncident(
          tx,
          input.obstructionIncidentId,
          'obstructionIncidentId',
        );
        if (!(INCIDENT_CATEGORIES.obstruction as readonly string[]).includes(obstruction.type)) {
          throw invalid(
            'obstructionIncidentId',
            `incident "${obstruction.id}" is of type ${obstruction.type}, not an obstruction of the mission`,
          );
        }
      }
      await write(
        by,
        [
          {
            type: 'incident.verification_set',
            payload: {
              incidentId,
              from: incident.status as VerificationStatus,
              to: input.status,
              method: input.method?.trim() || null,
              notes: input.notes?.trim() || null,
              obstructionIncidentId: input.obstructionIncidentId ?? null,
            },
          },
        ],
        tx,
      );
      await evaluateIncident(tx, incidentId);
    });

  return {
    setVerification,

    /** Sets the status of many incidents, each step checked and recorded on its own. */
    async setVerificationMany(
      incidentIds: readonly string[],
      input: VerificationInput,
      by: Principal,
    ): Promise<{ incidentId: string; ok: boolean; error?: string }[]> {
      if (incidentIds.length > MAX_BULK) throw invalid('incidentIds', `at most ${MAX_BULK}`);
      const results = [];
      for (const incidentId of new Set(incidentIds)) {
        try {
          await setVerification(incidentId, input, by);
          results.push({ incidentId, ok: true });
        } catch (error) {
          if (!(error instanceof DomainError)) throw error;
          results.push({ incidentId, ok: false, error: error.message });
        }
      }
      return results;
    },

    /** Gives incidents to a person (by user name), or to nobody; one event for the batch. */
    assign: (incidentIds: readonly string[], assignee: string | null, by: Principal) =>
      decide(async (tx) => {
        const ids = [...new Set(incidentIds)];
        if (ids.length === 0 || ids.length > MAX_BULK) {
          throw invalid('incidentIds', `name between 1 and ${MAX_BULK} incidents`);
        }
        for (const id of ids) await requireIncident(tx, id, 'incidentIds');
        let userId: string | null = null;
        if (assignee !== null) {
          const user = await findUserByName(tx, assignee);
          if (user === undefined || user.disabledAt !== null) {
            throw invalid('assignee', `no active user "${assignee}"`);
          }
          userId = user.id;
        }
        await write(
          by,
          [{ type: 'incidents.assigned', payload: { incidentIds: ids, assignee: userId } }],
          tx,
        );
      }),

    /** Takes (or renews) the edit lock of an incident for LOCK_MINUTES. */
    lock: (incidentId: string, by: Principal) =>
      decide(async (tx) => {
        await requireIncident(tx, incidentId, 'id');
        await requireUnlocked(tx, incidentId, by, nowIso());
        if (by.kind !== 'user') throw invalid('id', 'only a signed-in person can hold a lock');
        const expiresAt = new Date(ctx.now().getTime() + LOCK_MINUTES * 60_000).toISOString();
        await setLock(tx, incidentId, by.user.id, expiresAt);
        return { userId: by.user.id, expiresAt };
      }),

    /** Releases the edit lock; only its holder (or nobody, once expired) can. */
    unlock: (incidentId: string, by: Principal) =>
      decide(async (tx) => {
        await requireUnlocked(tx, incidentId, by, nowIso());
        await releaseLock(tx, incidentId);
      }),

    /** Records a new version of the incident's attribution; the engine then re-evaluates. */
    attribute: (incidentId: string, input: AttributionInput, by: Principal) =>
      decide(async (tx) => {
        await requireIncident(tx, incidentId, 'id');
        await requireUnlocked(tx, incidentId, by, nowIso());
        const declined = 'declined' in input ? input.declined.trim() : null;
        let actor: string | null = null;
        if ('actor' in input) {
          if ((await findActors(tx, [input.actor])).length === 0) {
            throw invalid(
              'actor',
              `no actor "${input.actor}"; add it with an agreement file first`,
            );
          }
          actor = input.actor;
        } else if (declined === '') {
          throw invalid('declined', 'say why attribution is declined');
        }
        const reportIds = [...new Set(input.basis.reportIds ?? [])];
        const known = await reportsOfIncident(tx, incidentId, reportIds);
        const strangers = reportIds.filter((id) => !known.has(id));
        if (strangers.length > 0) {
          throw invalid('basis/reportIds', `not reports of this incident: ${strangers.join(', ')}`);
        }
        if (input.basis.text.trim() === '') throw invalid('basis/text', 'give the basis in words');
        const version = ((await readAttributions(tx, incidentId)).at(-1)?.version ?? 0) + 1;
        await write(
          by,
          [
            {
              type: 'incident.attributed',
              payload: {
                incidentId,
                version,
                actor,
                declinedReason: declined,
                confidence: 'confidence' in input ? input.confidence : null,
                basis: {
                  reportIds,
                  evidence: [...new Set(input.basis.evidence ?? [])],
                  text: input.basis.text.trim(),
                },
                dissent: input.dissent?.trim() || null,
              },
            },
          ],
          tx,
        );
        await evaluateIncident(tx, incidentId);
        return { version };
      }),
  };
}
