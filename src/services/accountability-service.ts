/**
 * Accountability: verification steps, assignment and edit locks, attribution claims, findings,
 * the trigger engine run on every change that can alter its answer, activations with their
 * response clock, guarantors' responses, and the scheduler that marks activations overdue and
 * breached. Every decision is an event in the record; a refused one changes nothing.
 */
import { principalId, principalRole, type Principal } from '../core/auth/principal.js';
import type { Commitment } from '../core/agreements/file-schema.js';
import type { StoredZone } from '../core/agreements/stored.js';
import { INCIDENT_CATEGORIES, type Severity } from '../core/agreements/vocabulary.js';
import { activationAlert } from '../core/alerts/activation-alert.js';
import type {
  ActivationStatus,
  AttributionConfidence,
  FindingFacts,
  GuarantorResponseType,
  IncidentFacts,
  TriggerEvaluation,
  TriggerResult,
  VerificationStatus,
} from '../core/accountability/model.js';
import { qualifies, responseClock } from '../core/accountability/response.js';
import { summarizeGuarantors, worstSeverity } from '../core/accountability/summary.js';
import { CommitmentIndex } from '../core/accountability/trigger.js';
import { checkVerificationStep, nextStatuses, words } from '../core/accountability/verification.js';
import { DomainError, invalid } from '../core/errors.js';
import { stampEvents, type EventBody } from '../core/events.js';
import {
  activationFor,
  runningActivationsOf,
  alertsAfter,
  alertsOf,
  latestAlertPosition,
  findAlert,
  listAlerts,
  activationsDue,
  attributionsOf,
  evaluationsOf,
  findActivation,
  findFinding,
  findingsOf,
  listActivations,
  lockHolder,
  nextActivationDue,
  principalNames,
  releaseLock,
  reportersAndTriagers,
  responsesTo,
  setLock,
  verificationSteps,
} from '../store/accountability-store.js';
import {
  findActors,
  findDocument,
  listParts,
  partsToken,
  stampParts,
} from '../store/agreement-store.js';
import { findIncident, placeOfIncident } from '../store/incident-store.js';
import { inTransaction, record, type Tx } from '../store/record.js';
import type { ActivationRow, AttributionRow, FindingRow } from '../store/schema.js';
import { isDemoInstance } from '../store/instance-store.js';
import { findUserByName } from '../store/user-store.js';
import type { ServiceContext } from './context.js';
import { startWakeLoop } from './wake-loop.js';
import type { AlertFacts } from './webhooks-service.js';

/** An activation whose state changed, and why (none for a new one). */
interface AlertCause {
  readonly activationId: string;
  readonly reason?: string | undefined;
}

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

/** A finding as asked for. */
export interface FindingInput {
  readonly incidentId: string;
  readonly documentId: string;
  readonly provisionId: string;
  readonly severity: Severity;
  readonly notes?: string | undefined;
}

/** A guarantor's response as asked for. */
export interface ResponseInput {
  readonly type: GuarantorResponseType;
  readonly description: string;
  /** When the guarantor acted; defaults to now. Never in the future. */
  readonly respondedAt?: string | undefined;
  readonly evidence?: string[] | undefined;
}

/** An activation as the API shows it. */
export interface ActivationView {
  readonly id: string;
  readonly documentId: string;
  readonly commitmentId: string;
  readonly obligor: string;
  readonly incidentId: string;
  readonly findingIds: string[];
  readonly activatedAt: string;
  readonly deadline: string | null;
  readonly breachAt: string | null;
  readonly tier: number;
  readonly status: ActivationStatus;
  readonly late: boolean;
  readonly statusAt: string;
  /** The record event that opened it (null for activations older than migration 0010). */
  readonly eventId: string | null;
}

export type AccountabilityService = ReturnType<typeof createAccountabilityService>;

/** The trigger engine's index of every commitment, and the commitments by their index key. */
interface CommitmentsIndexed {
  readonly index: CommitmentIndex;
  readonly commitments: Map<string, { documentId: string; commitment: Commitment }>;
}

export function createAccountabilityService(
  ctx: ServiceContext,
  options: {
    readonly alertSender: string;
    /** Called in the transaction that issues an alert (webhooks queue it there). */
    readonly onAlertIssued?: (tx: Tx, alert: AlertFacts) => Promise<unknown>;
  },
) {
  const db = ctx.store.db;
  const nowIso = () => ctx.now().toISOString();
  const listeners = new Set<() => void>();
  /** The commitment index and the document-parts token it was built at. */
  let cachedIndex: { token: string; indexed: CommitmentsIndexed } | undefined;

  async function write(by: Principal | string, bodies: EventBody[], tx: Tx): Promise<void> {
    if (bodies.length === 0) return;
    await record(
      tx,
      stampEvents(bodies, {
        at: nowIso(),
        by: typeof by === 'string' ? by : principalId(by),
        newId: ctx.newId,
      }),
    );
  }

  /** Runs a decision in one transaction, then tells the scheduler that clocks may have moved. */
  async function decide<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    const result = await inTransaction(db, work);
    for (const listener of listeners) listener();
    return result;
  }

  async function requireIncident(tx: Tx, id: string, path = 'incidentId') {
    const incident = await findIncident(tx, id);
    if (incident === undefined) {
      throw new DomainError('NOT_FOUND', `no incident "${id}"`, [
        { path, message: 'no such incident' },
      ]);
    }
    return incident;
  }

  /** Refuses when another person holds the incident's edit lock. */
  async function requireUnlocked(tx: Tx, incidentId: string, by: Principal): Promise<void> {
    const holder = await lockHolder(tx, incidentId, nowIso());
    if (holder !== undefined && (by.kind !== 'user' || holder.userId !== by.user.id)) {
      throw new DomainError(
        'CONFLICT',
        `incident "${incidentId}" is being decided by someone else until ${holder.expiresAt}`,
        [{ path: 'incidentId', message: 'locked by another person; try again later' }],
      );
    }
  }

  /** What the trigger engine needs of an incident, from the tables. */
  async function incidentFacts(tx: Tx, id: string): Promise<IncidentFacts> {
    const row = await requireIncident(tx, id);
    const current = (await attributionsOf(tx, id)).at(-1);
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

  /**
   * Runs the engine for every finding on the incident, records what it answered, and opens,
   * reopens or withdraws activations to match: a commitment is activated for an incident while
   * at least one of its findings meets the trigger.
   */
  async function evaluateIncident(tx: Tx, incidentId: string): Promise<void> {
    const findings = await findingsOf(tx, incidentId);
    if (findings.length === 0) return;
    const incident = await incidentFacts(tx, incidentId);
    const { index, commitments } = await commitmentIndex(tx);
    const triggering = new Map<string, string[]>();
    const bodies: EventBody[] = [];
    const considered = new Set<string>();
    for (const finding of findings) {
      // Explained in the record: what fired or is undecided, and every commitment of the
      // agreement the finding qualifies against. The others are counted.
      const decisions = index.decide(
        incident,
        findingFacts(finding),
        (key, result) =>
          result !== 'not_triggered' || commitments.get(key)?.documentId === finding.document_id,
      );
      const evaluations = [];
      for (const { key, result, evaluation } of decisions) {
        considered.add(key);
        if (result === 'triggered')
          triggering.set(key, [...(triggering.get(key) ?? []), finding.id]);
        if (evaluation === undefined) continue;
        const { documentId, commitment } = commitments.get(key) as {
          documentId: string;
          commitment: Commitment;
        };
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
      const { documentId, commitment } = commitments.get(key) as {
        documentId: string;
        commitment: Commitment;
      };
      const existing = await activationFor(tx, documentId, commitment.id, incidentId);
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
    for (const activation of await runningActivationsOf(tx, incidentId)) {
      if (considered.has(`${activation.document_id}/${activation.commitment_id}`)) continue;
      const reason = 'the commitment no longer concerns this incident';
      changed.push({ activationId: activation.id, reason });
      bodies.push(statusBody(activation, 'withdrawn', activation.tier, reason));
    }
    await write('system:trigger-engine', bodies, tx);
    await issueAlerts(tx, changed);
  }

  /**
   * Sends (records) the CAP message for each activation that was opened or changed state,
   * built from the activation as it now stands.
   */
  async function issueAlerts(tx: Tx, causes: readonly AlertCause[]): Promise<void> {
    if (causes.length === 0) return;
    const exercise = await isDemoInstance(tx);
    const bodies: EventBody[] = [];
    const facts: AlertFacts[] = [];
    for (const { activationId, reason } of causes) {
      const activation = await requireActivation(tx, activationId);
      const commitment = await commitmentOf(tx, activation);
      const document = await findDocument(tx, activation.document_id);
      const incident = await requireIncident(tx, activation.incident_id);
      const findingIds = JSON.parse(activation.finding_ids) as string[];
      const findings = (await Promise.all(findingIds.map((id) => findFinding(tx, id)))).filter(
        (f) => f !== undefined,
      );
      const severity = worstSeverity(findings.map((f) => f.severity as Severity));
      const evaluation = await tx
        .selectFrom('trigger_evaluations')
        .select('explanation')
        .where('finding_id', 'in', findingIds.length > 0 ? findingIds : [''])
        .where('document_id', '=', activation.document_id)
        .where('commitment_id', '=', activation.commitment_id)
        .where('result', '=', 'triggered')
        .executeTakeFirst();
      const met =
        evaluation === undefined
          ? []
          : (JSON.parse(evaluation.explanation) as { met: string[] }).met;
      const earlier = (await alertsOf(tx, activation.id)).map((a) => ({
        sender: options.alertSender,
        identifier: a.id,
        sent: a.sent,
      }));
      const alertId = ctx.newId();
      const alert = activationAlert({
        alertId,
        sender: options.alertSender,
        sent: nowIso(),
        exercise,
        earlier,
        activation: {
          id: activation.id,
          status: activation.status as ActivationStatus,
          tier: activation.tier,
          deadline: activation.deadline,
          late: activation.late === 1,
          reason,
        },
        commitment: {
          documentId: activation.document_id,
          documentTitle: document?.document.title ?? activation.document_id,
          id: activation.commitment_id,
          obligor: activation.obligor,
          text: commitment?.text ?? '',
        },
        incident: {
          id: incident.id,
          type: incident.type,
          observedFrom: incident.observed_from,
          location: placeOfIncident(incident),
        },
        severity,
        met,
      });
      bodies.push({
        type: 'alert.issued',
        payload: {
          alertId,
          activationId: activation.id,
          obligor: activation.obligor,
          msgType: alert.msgType as 'Alert' | 'Update' | 'Cancel',
          headline: alert.headline,
          xml: alert.xml,
        },
      });
      facts.push({
        alertId,
        activationId: activation.id,
        documentId: activation.document_id,
        commitmentId: activation.commitment_id,
        obligor: activation.obligor,
        msgType: alert.msgType,
        headline: alert.headline,
        sent: nowIso(),
        cap: alert.xml,
        incident: {
          id: incident.id,
          type: incident.type,
          location: placeOfIncident(incident),
        },
      });
    }
    await write('system:alerts', bodies, tx);
    if (options.onAlertIssued !== undefined) {
      for (const alert of facts) await options.onAlertIssued(tx, alert);
    }
  }

  function statusBody(
    activation: ActivationRow,
    status: ActivationStatus,
    tier: number,
    reason: string,
    late = activation.late === 1,
  ): EventBody {
    return {
      type: 'activation.status_set',
      payload: { activationId: activation.id, status, tier, late, reason },
    };
  }

  /** Marks activations whose clock ran out: open past the deadline, overdue past the grace. */
  async function tick(): Promise<number> {
    // Nothing due is the usual case: look first, without taking the write lock.
    if ((await activationsDue(db, nowIso())).length === 0) return 0;
    const changed = await inTransaction(db, async (tx) => {
      let changed = 0;
      // Twice at most: after a long stop, an activation may be past its deadline and its grace.
      for (let round = 0; round < 2; round += 1) {
        const due = await activationsDue(tx, nowIso());
        const bodies = due.map((a) =>
          a.status === 'open'
            ? statusBody(a, 'overdue', a.tier + 1, `no qualifying response by ${a.deadline}`)
            : statusBody(
                a,
                'breached',
                a.tier + 1,
                `still no qualifying response by ${a.breach_at}`,
              ),
        );
        await write('system:scheduler', bodies, tx);
        await issueAlerts(
          tx,
          bodies.map((b) => ({
            activationId: (b.payload as { activationId: string }).activationId,
            reason: (b.payload as { reason: string }).reason,
          })),
        );
        changed += bodies.length;
      }
      return changed;
    });
    // Only a change tells the listeners (webhooks; the scheduler itself, which would loop).
    if (changed > 0) for (const listener of listeners) listener();
    return changed;
  }

  const service = {
    /** Called after every decision that may move a response clock (the scheduler listens). */
    onChange(listener: () => void): () => void {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },

    /** Takes one step on the ladder; the engine then re-evaluates the incident's findings. */
    setVerification: (incidentId: string, input: VerificationInput, by: Principal) =>
      decide(async (tx) => {
        const incident = await requireIncident(tx, incidentId, 'id');
        await requireUnlocked(tx, incidentId, by);
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
      }),

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
          await service.setVerification(incidentId, input, by);
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
        await requireUnlocked(tx, incidentId, by);
        if (by.kind !== 'user') throw invalid('id', 'only a signed-in person can hold a lock');
        const expiresAt = new Date(ctx.now().getTime() + LOCK_MINUTES * 60_000).toISOString();
        await setLock(tx, incidentId, by.user.id, expiresAt);
        return { userId: by.user.id, expiresAt };
      }),

    /** Releases the edit lock; only its holder (or nobody, once expired) can. */
    unlock: (incidentId: string, by: Principal) =>
      decide(async (tx) => {
        await requireUnlocked(tx, incidentId, by);
        await releaseLock(tx, incidentId);
      }),

    /** Records a new version of the incident's attribution; the engine then re-evaluates. */
    attribute: (incidentId: string, input: AttributionInput, by: Principal) =>
      decide(async (tx) => {
        await requireIncident(tx, incidentId, 'id');
        await requireUnlocked(tx, incidentId, by);
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
        if (reportIds.length > 0) {
          const members = await tx
            .selectFrom('reports')
            .select('id')
            .where('incident_id', '=', incidentId)
            .where('id', 'in', reportIds)
            .execute();
          const known = new Set(members.map((m) => m.id));
          const strangers = reportIds.filter((id) => !known.has(id));
          if (strangers.length > 0) {
            throw invalid(
              'basis/reportIds',
              `not reports of this incident: ${strangers.join(', ')}`,
            );
          }
        }
        if (input.basis.text.trim() === '') throw invalid('basis/text', 'give the basis in words');
        const version = ((await attributionsOf(tx, incidentId)).at(-1)?.version ?? 0) + 1;
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

    /** Qualifies an incident against a provision; the engine evaluates every commitment. */
    recordFinding: (input: FindingInput, by: Principal) =>
      decide(async (tx) => {
        const incident = await requireIncident(tx, input.incidentId);
        if (['rejected', 'not_a_violation'].includes(incident.status)) {
          throw new DomainError(
            'CONFLICT',
            `incident "${incident.id}" is ${words(incident.status as VerificationStatus)}: it cannot be a violation`,
            [{ path: 'incidentId', message: 'reopen the incident first' }],
          );
        }
        await requireUnlocked(tx, input.incidentId, by);
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
        await write(
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
        const incidents = await tx
          .selectFrom('findings')
          .select('incident_id')
          .distinct()
          .execute();
        for (const { incident_id } of incidents) await evaluateIncident(tx, incident_id);
        return incidents.length;
      }),

    /** A guarantor's response to an activation of its own commitment. */
    respond: (activationId: string, input: ResponseInput, by: Principal) =>
      decide(async (tx) => {
        const activation = await requireActivation(tx, activationId);
        const actor = by.kind === 'user' ? by.user.actor : null;
        if (by.kind === 'user' && actor !== activation.obligor) {
          throw new DomainError(
            'FORBIDDEN',
            `this activation is of a commitment of ${activation.obligor}; you act for ${actor ?? 'no guarantor'}`,
            [{ path: 'id', message: 'only the obligor’s guarantor users may respond' }],
          );
        }
        if (activation.status === 'withdrawn') {
          throw new DomainError('CONFLICT', 'the activation was withdrawn: nothing to respond to', [
            { path: 'id', message: 'withdrawn' },
          ]);
        }
        const description = input.description.trim();
        if (description === '') throw invalid('description', 'say what was done');
        const respondedAt = input.respondedAt ?? nowIso();
        if (Number.isNaN(Date.parse(respondedAt))) {
          throw invalid('respondedAt', 'not a date-time');
        }
        if (Date.parse(respondedAt) > ctx.now().getTime()) {
          throw invalid('respondedAt', 'a response cannot be dated in the future');
        }
        if (Date.parse(respondedAt) < Date.parse(activation.activated_at)) {
          throw invalid('respondedAt', 'a response cannot come before the activation');
        }
        const commitment = await commitmentOf(tx, activation);
        const qualifying = qualifies(input.type, commitment);
        const responseId = ctx.newId();
        const bodies: EventBody[] = [
          {
            type: 'response.recorded',
            payload: {
              responseId,
              activationId,
              actor: activation.obligor,
              type: input.type,
              description,
              respondedAt,
              evidence: [...new Set(input.evidence ?? [])],
              qualifying,
            },
          },
        ];
        if (qualifying && activation.status !== 'met') {
          const late = activation.deadline !== null && respondedAt > activation.deadline;
          bodies.push(
            statusBody(
              activation,
              'met',
              activation.tier,
              `a qualifying ${input.type} on ${respondedAt}`,
              late,
            ),
          );
        }
        await write(by, bodies, tx);
        if (bodies.length > 1) {
          await issueAlerts(tx, [
            { activationId, reason: `a qualifying ${input.type} on ${respondedAt}` },
          ]);
        }
        return { responseId, qualifying };
      }),

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
      const unsubscribe = service.onChange(() => loop.wake());
      return () => {
        loop.stop();
        unsubscribe();
      };
    },

    /** When the next response clock runs out, if any runs. */
    nextDue: (): Promise<string | undefined> => nextActivationDue(db),

    /** An incident's verification steps, assignment, lock, attributions and findings. */
    async incidentAccountability(incidentId: string) {
      const incident = await findIncident(db, incidentId);
      if (incident === undefined) {
        throw new DomainError('NOT_FOUND', `no incident "${incidentId}"`, [
          { path: 'id', message: 'no such incident' },
        ]);
      }
      const assignment = await db
        .selectFrom('incident_assignments')
        .innerJoin('users', 'users.id', 'incident_assignments.assignee')
        .select(['users.name as assignee', 'assigned_at'])
        .where('incident_id', '=', incidentId)
        .executeTakeFirst();
      const findings = await findingsOf(db, incidentId);
      const steps = await verificationSteps(db, incidentId);
      const attributions = await attributionsOf(db, incidentId);
      const lock = (await lockHolder(db, incidentId, nowIso())) ?? null;
      return {
        /** User names for the principal ids below (`user:<id>`, `token:<id>`). */
        names: await principalNames(db, [
          ...steps.map((step) => step.decided_by),
          ...attributions.map((a) => a.claimed_by),
          ...findings.map((f) => f.found_by),
          ...(lock === null ? [] : [`user:${lock.userId}`]),
        ]),
        status: incident.status as VerificationStatus,
        /** The steps the ladder allows from here (roles and four eyes are checked on the step). */
        nextStatuses: [...nextStatuses(incident.status as VerificationStatus)],
        steps: steps.map((s) => ({
          from: s.from_status,
          to: s.to_status,
          method: s.method,
          notes: s.notes,
          obstructionIncidentId: s.obstruction_incident_id,
          by: s.decided_by,
          at: s.decided_at,
          eventId: s.id,
        })),
        assignment:
          assignment === undefined
            ? null
            : { assignee: assignment.assignee, assignedAt: assignment.assigned_at },
        lock,
        attributions: attributions.map(attributionView),
        findings: await Promise.all(findings.map(findingView)),
        activations: (
          await db
            .selectFrom('activations')
            .selectAll()
            .where('incident_id', '=', incidentId)
            .orderBy('activated_at')
            .execute()
        ).map(activationView),
      };
    },

    /** One finding with the engine's latest answer for each commitment it could concern. */
    async finding(id: string) {
      const row = await findFinding(db, id);
      if (row === undefined) {
        throw new DomainError('NOT_FOUND', `no finding "${id}"`, [
          { path: 'id', message: 'no such finding' },
        ]);
      }
      return findingView(row);
    },

    /** Activations, newest first; a guarantor user sees only its own actor's. */
    async activations(
      filter: { obligor?: string | undefined; status?: string | undefined; limit?: number },
      by: Principal,
    ): Promise<ActivationView[]> {
      const own = ownActor(by);
      if (own !== undefined && filter.obligor !== undefined && filter.obligor !== own) return [];
      const rows = await listActivations(db, {
        obligor: own ?? filter.obligor,
        status: filter.status,
        limit: filter.limit ?? 100,
      });
      return rows.map(activationView);
    },

    /** One activation with its responses. */
    async activation(id: string, by: Principal) {
      const row = await requireActivation(db, id);
      const own = ownActor(by);
      if (own !== undefined && own !== row.obligor) {
        throw new DomainError('NOT_FOUND', `no activation "${id}"`, [
          { path: 'id', message: 'no such activation' },
        ]);
      }
      const responses = await responsesTo(db, id);
      return {
        ...activationView(row),
        names: await principalNames(
          db,
          responses.map((r) => r.recorded_by),
        ),
        responses: responses.map((r) => ({
          id: r.id,
          actor: r.actor,
          type: r.type as GuarantorResponseType,
          description: r.description,
          respondedAt: r.responded_at,
          evidence: JSON.parse(r.evidence) as string[],
          qualifying: r.qualifying === 1,
          recordedBy: r.recorded_by,
          recordedAt: r.recorded_at,
          eventId: r.event_id,
        })),
      };
    },

    /** Alerts (CAP messages), newest first; a guarantor user sees only its own actor's. */
    async alerts(
      filter: {
        obligor?: string | undefined;
        msgType?: string | undefined;
        activationId?: string | undefined;
        limit?: number;
      },
      by: Principal,
    ) {
      const own = ownActor(by);
      if (own !== undefined && filter.obligor !== undefined && filter.obligor !== own) return [];
      const rows = await listAlerts(db, {
        obligor: own ?? filter.obligor,
        msgType: filter.msgType,
        activationId: filter.activationId,
        limit: filter.limit ?? 100,
      });
      return rows.map(({ xml: _xml, ...row }) => ({
        id: row.id,
        activationId: row.activation_id,
        obligor: row.obligor,
        msgType: row.msg_type,
        headline: row.headline,
        sent: row.sent,
      }));
    },

    /**
     * Alerts after a stream position (oldest first), for live streams: `position` is the
     * previous alert's `sent|id` as given in each streamed alert, or undefined for "from now".
     */
    async alertsSince(position: string | undefined, by: Principal, obligor?: string) {
      const own = ownActor(by);
      if (own !== undefined && obligor !== undefined && obligor !== own) {
        return { alerts: [], position: position ?? '' };
      }
      let after: { sent: string; id: string };
      if (position === undefined || position === '') {
        after = await latestAlertPosition(db);
      } else {
        const [sent = '', id = ''] = position.split('|');
        after = { sent, id };
      }
      const rows = await alertsAfter(db, after, { obligor: own ?? obligor, limit: 500 });
      const last = rows.at(-1);
      return {
        alerts: rows.map((row) => ({
          id: row.id,
          position: `${row.sent}|${row.id}`,
          activationId: row.activation_id,
          obligor: row.obligor,
          msgType: row.msg_type,
          headline: row.headline,
          sent: row.sent,
        })),
        position: last === undefined ? `${after.sent}|${after.id}` : `${last.sent}|${last.id}`,
      };
    },

    /** One alert's CAP XML, exactly as sent. */
    async alertXml(id: string, by: Principal): Promise<string> {
      const row = await findAlert(db, id);
      const own = ownActor(by);
      if (row === undefined || (own !== undefined && row.obligor !== own)) {
        throw new DomainError('NOT_FOUND', `no alert "${id}"`, [
          { path: 'id', message: 'no such alert' },
        ]);
      }
      return row.xml;
    },

    /**
     * Per guarantor: activations by status and the median time from activation to the first
     * qualifying response, in hours (null when none responded).
     */
    async guarantorSummaries() {
      const rows = await db.selectFrom('activations').selectAll().execute();
      const responses = await db
        .selectFrom('guarantor_responses')
        .select(['activation_id', 'responded_at'])
        .where('qualifying', '=', 1)
        .orderBy('responded_at')
        .execute();
      const firstResponse = new Map<string, string>();
      for (const r of responses) {
        if (!firstResponse.has(r.activation_id)) firstResponse.set(r.activation_id, r.responded_at);
      }
      return summarizeGuarantors(
        rows.map((row) => ({
          id: row.id,
          obligor: row.obligor,
          status: row.status as ActivationStatus,
          late: row.late === 1,
          activatedAt: row.activated_at,
        })),
        firstResponse,
      );
    },
  };

  async function requireActivation(tx: Tx | typeof db, id: string): Promise<ActivationRow> {
    const row = await findActivation(tx, id);
    if (row === undefined) {
      throw new DomainError('NOT_FOUND', `no activation "${id}"`, [
        { path: 'id', message: 'no such activation' },
      ]);
    }
    return row;
  }

  async function commitmentOf(tx: Tx, activation: ActivationRow): Promise<Commitment | undefined> {
    const parts = await listParts(tx, activation.document_id, 'commitment');
    return parts.find((p) => p.id === activation.commitment_id)?.body as Commitment | undefined;
  }

  async function findingView(row: FindingRow) {
    return {
      id: row.id,
      incidentId: row.incident_id,
      documentId: row.document_id,
      provisionId: row.provision_id,
      severity: row.severity as Severity,
      notes: row.notes,
      by: row.found_by,
      at: row.found_at,
      eventId: row.event_id,
      evaluations: (await evaluationsOf(db, row.id)).map((e) => {
        const { met, unmet } = JSON.parse(e.explanation) as Pick<
          TriggerEvaluation,
          'met' | 'unmet'
        >;
        return {
          documentId: e.document_id,
          commitmentId: e.commitment_id,
          result: e.result as TriggerResult,
          met: [...met],
          unmet: [...unmet],
          evaluatedAt: e.evaluated_at,
        };
      }),
    };
  }

  return service;
}

/** The actor a guarantor user acts for: it sees only that actor's activations and alerts. */
function ownActor(by: Principal): string | undefined {
  return by.kind === 'user' && by.user.role === 'guarantor'
    ? (by.user.actor ?? undefined)
    : undefined;
}

function attributionFacts(row: AttributionRow | undefined): IncidentFacts['attribution'] {
  if (row === undefined) return undefined;
  if (row.actor === null) return { declined: true, reason: row.declined_reason ?? '' };
  return {
    declined: false,
    actor: row.actor,
    confidence: (row.confidence ?? 'low') as AttributionConfidence,
  };
}

function findingFacts(row: FindingRow): FindingFacts {
  return {
    id: row.id,
    incidentId: row.incident_id,
    documentId: row.document_id,
    provisionId: row.provision_id,
    severity: row.severity as Severity,
  };
}

function attributionView(row: AttributionRow) {
  return {
    version: row.version,
    actor: row.actor,
    declined: row.actor === null,
    declinedReason: row.declined_reason,
    confidence: row.confidence,
    basis: JSON.parse(row.basis) as { reportIds: string[]; evidence: string[]; text: string },
    dissent: row.dissent,
    by: row.claimed_by,
    at: row.claimed_at,
    eventId: row.event_id,
  };
}

function activationView(row: ActivationRow): ActivationView {
  return {
    id: row.id,
    documentId: row.document_id,
    commitmentId: row.commitment_id,
    obligor: row.obligor,
    incidentId: row.incident_id,
    findingIds: JSON.parse(row.finding_ids) as string[],
    activatedAt: row.activated_at,
    deadline: row.deadline,
    breachAt: row.breach_at,
    tier: row.tier,
    status: row.status as ActivationStatus,
    late: row.late === 1,
    statusAt: row.status_at,
    eventId: row.event_id,
  };
}
