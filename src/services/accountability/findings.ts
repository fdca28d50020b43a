/**
 * Findings and the trigger engine: recording a finding, and running the engine over every
 * finding of an incident after each change that can alter its answer, then opening, reopening
 * or withdrawing activations to match.
 */
import type { Principal } from '../../core/auth/principal.js';
import type { Commitment } from '../../core/agreements/file-schema.js';
import type { StoredZone } from '../../core/agreements/stored.js';
import type { Severity } from '../../core/agreements/vocabulary.js';
import type { IncidentFacts, VerificationStatus } from '../../core/accountability/model.js';
import { attributionFacts } from '../../core/accountability/records.js';
import { responseClock } from '../../core/accountability/response.js';
import { CommitmentIndex } from '../../core/accountability/trigger.js';
import { words } from '../../core/accountability/verification.js';
import { DomainError, invalid } from '../../core/errors.js';
import type { EventBody } from '../../core/events.js';
import {
  incidentsWithFindings,
  readActivationFor,
  readAttributions,
  readFindings,
  readRunningActivations,
} from '../../store/accountability-reads.js';
import { findDocument, listParts, partsToken, stampParts } from '../../store/agreement-store.js';
import { placeOfIncident } from '../../store/incident-store.js';
import type { Tx } from '../../store/transactions.js';
import type { AlertCause, IssueAlerts } from './alerts.js';
import {
  requireIncident,
  requireUnlocked,
  statusBody,
  type AccountabilityContext,
} from './context.js';

/** A finding as asked for. */
export interface FindingInput {
  readonly incidentId: string;
  readonly documentId: string;
  readonly provisionId: string;
  readonly severity: Severity;
  readonly notes?: string | undefined;
}

/** Runs the engine for an incident's findings in the caller's transaction. */
export type EvaluateIncident = (tx: Tx, incidentId: string) => Promise<void>;

/** The trigger engine's index of every commitment, and the commitments by their index key. */
interface CommitmentsIndexed {
  readonly index: CommitmentIndex;
  readonly commitments: Map<string, { documentId: string; commitment: Commitment }>;
}

/** The engine run, kept with the commitment index it reuses while the agreements stand. */
export function createTriggerRuns(
  actx: AccountabilityContext,
  issueAlerts: IssueAlerts,
): EvaluateIncident {
  const { ctx } = actx;
  /** The commitment index and the document-parts token it was built at. */
  let cachedIndex: { token: string; indexed: CommitmentsIndexed } | undefined;

  /**
   * Every commitment of every document, indexed for the engine. Built once and kept while the
   * document parts do not change (their token in `projection_marks`, which every part change
   * and every rebuild moves, in this process or another): a decision does not read and prepare
   * thousands of commitments again.
   */
  async function commitmentIndex(tx: Tx): Promise<CommitmentsIndexed> {
    let token = await partsToken(tx);
    if (token === null) {
      // A database from before the token: give it one, so the index can be kept from now on.
      token = ctx.newId();
      await stampParts(tx, token);
    }
    if (cachedIndex?.token === token) return cachedIndex.indexed;
    const indexed = await buildCommitmentIndex(tx);
    cachedIndex = { token, indexed };
    return indexed;
  }

  /**
   * Runs the engine for every finding on the incident, records what it answered, and opens,
   * reopens or withdraws activations to match: a commitment is activated for an incident while
   * at least one of its findings meets the trigger.
   */
  return async function evaluateIncident(tx, incidentId) {
    const findings = await readFindings(tx, incidentId);
    if (findings.length === 0) return;
    const incident = await incidentFacts(tx, incidentId);
    const { index, commitments } = await commitmentIndex(tx);
    const commitmentAt = (key: string) =>
      commitments.get(key) as { documentId: string; commitment: Commitment };
    const triggering = new Map<string, string[]>();
    const bodies: EventBody[] = [];
    const considered = new Set<string>();
    for (const finding of findings) {
      // Explained in the record: what fired or is undecided, and every commitment of the
      // agreement the finding qualifies against. The others are counted.
      const decisions = index.decide(
        incident,
        {
          id: finding.id,
          incidentId: finding.incidentId,
          documentId: finding.documentId,
          provisionId: finding.provisionId,
          severity: finding.severity,
        },
        (key, result) =>
          result !== 'not_triggered' || commitments.get(key)?.documentId === finding.documentId,
      );
      const evaluations = [];
      for (const { key, result, evaluation } of decisions) {
        considered.add(key);
        if (result === 'triggered')
          triggering.set(key, [...(triggering.get(key) ?? []), finding.id]);
        if (evaluation === undefined) continue;
        const { documentId, commitment } = commitmentAt(key);
        evaluations.push({
          documentId,
          commitmentId: commitment.id,
          result,
          met: [...evaluation.met],
          unmet: [...evaluation.unmet],
        });
      }
      bodies.push({
        type: 'commitments.evaluated',
        payload: {
          findingId: finding.id,
          evaluations,
          notTriggeredElsewhere: decisions.length - evaluations.length,
        },
      });
    }
    const at = ctx.now();
    const changed: AlertCause[] = [];
    for (const key of considered) {
      const { documentId, commitment } = commitmentAt(key);
      const existing = await readActivationFor(tx, documentId, commitment.id, incidentId);
      const findingIds = triggering.get(key);
      if (findingIds !== undefined && existing === undefined) {
        const clock = responseClock(commitment, at);
        const activationId = ctx.newId();
        changed.push({ activationId });
        bodies.push({
          type: 'activation.opened',
          payload: {
            activationId,
            documentId,
            commitmentId: commitment.id,
            obligor: commitment.obligor,
            incidentId,
            findingIds,
            deadline: clock.deadline,
            breachAt: clock.breachAt,
            tier: 1,
          },
        });
      } else if (findingIds !== undefined && existing?.status === 'withdrawn') {
        changed.push({ activationId: existing.id, reason: 'the trigger is met again' });
        bodies.push(statusBody(existing, 'open', existing.tier, 'the trigger is met again'));
      } else if (
        findingIds === undefined &&
        existing !== undefined &&
        (existing.status === 'open' || existing.status === 'overdue')
      ) {
        const reason = 'no finding meets the trigger any more';
        changed.push({ activationId: existing.id, reason });
        bodies.push(statusBody(existing, 'withdrawn', existing.tier, reason));
      }
    }
    // A running activation whose commitment the engine no longer weighs for this incident (the
    // commitment was removed, or its trigger no longer names the incident's type) is withdrawn.
    for (const activation of await readRunningActivations(tx, incidentId)) {
      if (considered.has(`${activation.documentId}/${activation.commitmentId}`)) continue;
      const reason = 'the commitment no longer concerns this incident';
      changed.push({ activationId: activation.id, reason });
      bodies.push(statusBody(activation, 'withdrawn', activation.tier, reason));
    }
    await actx.write('system:trigger-engine', bodies, tx);
    await issueAlerts(tx, changed);
  };
}

/** Recording findings, and running the engine again over every incident with findings. */
export function createFindings(actx: AccountabilityContext, evaluateIncident: EvaluateIncident) {
  const { ctx, decide, nowIso } = actx;
  return {
    /** Qualifies an incident against a provision; the engine evaluates every commitment. */
    recordFinding: (input: FindingInput, by: Principal) =>
      decide(async (tx) => {
        const incident = await requireIncident(tx, input.incidentId);
        if (['rejected', 'not_a_violation'].includes(incident.status)) {
          throw new DomainError(
            'INCIDENT_DISMISSED',
            `incident "${incident.id}" is ${words(incident.status as VerificationStatus)}: it cannot be a violation`,
            [{ path: 'incidentId', message: 'reopen the incident first' }],
          );
        }
        await requireUnlocked(tx, input.incidentId, by, nowIso());
        if ((await findDocument(tx, input.documentId)) === undefined) {
          throw invalid('documentId', `no document "${input.documentId}"`);
        }
        const provisions = await listParts(tx, input.documentId, 'provision');
        if (!provisions.some((p) => p.id === input.provisionId)) {
          throw invalid(
            'provisionId',
            `document "${input.documentId}" has no provision "${input.provisionId}"`,
          );
        }
        const findingId = ctx.newId();
        await actx.write(
          by,
          [
            {
              type: 'finding.recorded',
              payload: {
                findingId,
                incidentId: input.incidentId,
                documentId: input.documentId,
                provisionId: input.provisionId,
                severity: input.severity,
                notes: input.notes?.trim() || null,
              },
            },
          ],
          tx,
        );
        await evaluateIncident(tx, input.incidentId);
        return { findingId };
      }),

    /** Re-runs the engine for every incident with findings (after commitments changed). */
    reevaluateAll: () =>
      decide(async (tx) => {
        const incidents = await incidentsWithFindings(tx);
        for (const incidentId of incidents) await evaluateIncident(tx, incidentId);
        return incidents.length;
      }),
  };
}

/** What the trigger engine needs of an incident, from the tables. */
async function incidentFacts(tx: Tx, id: string): Promise<IncidentFacts> {
  const row = await requireIncident(tx, id);
  const current = (await readAttributions(tx, id)).at(-1);
  return {
    id,
    type: row.type,
    observedFrom: row.observed_from,
    observedTo: row.observed_to,
    location: placeOfIncident(row),
    verification: row.status as VerificationStatus,
    attribution: attributionFacts(current),
  };
}

async function buildCommitmentIndex(tx: Tx): Promise<CommitmentsIndexed> {
  const zones = new Map<string, StoredZone[]>();
  for (const part of await listParts(tx, undefined, 'zone')) {
    const list = zones.get(part.documentId) ?? [];
    list.push(part.body as StoredZone);
    zones.set(part.documentId, list);
  }
  const entries = (await listParts(tx, undefined, 'commitment')).map((part) => {
    const commitment = part.body as Commitment;
    return {
      key: `${part.documentId}/${commitment.id}`,
      documentId: part.documentId,
      commitment,
      documentZones: zones.get(part.documentId) ?? [],
    };
  });
  return {
    index: new CommitmentIndex(entries),
    commitments: new Map(entries.map((e) => [e.key, e])),
  };
}
