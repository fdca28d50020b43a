/**
 * What the accountability services share: the clock, the one way to record events, decisions
 * run in one transaction that then tell the listeners (the response-clock scheduler, the
 * webhook dispatcher), and the lookups every decision starts with.
 */
import { principalId, type Principal } from '../../core/auth/principal.js';
import type { Commitment } from '../../core/agreements/file-schema.js';
import type { ActivationStatus } from '../../core/accountability/model.js';
import type { Activation } from '../../core/accountability/records.js';
import { DomainError } from '../../core/errors.js';
import { stampEvents, type EventBody } from '../../core/events.js';
import { readActivation } from '../../store/accountability-reads.js';
import { lockHolder } from '../../store/accountability-store.js';
import { listParts } from '../../store/agreement-store.js';
import { findIncident } from '../../store/incident-store.js';
import { record } from '../../store/record.js';
import { inTransaction, type Db, type Tx } from '../../store/transactions.js';
import type { ServiceContext } from '../context.js';
import type { AlertFacts } from '../../core/alerts/webhook-filters.js';

/** How alerts are sent, and who hears of them. */
export interface AccountabilityOptions {
  readonly alertSender: string;
  /** Called in the transaction that issues an alert (webhooks queue it there). */
  readonly onAlertIssued?: (tx: Tx, alert: AlertFacts) => Promise<unknown>;
}

export type AccountabilityContext = ReturnType<typeof createAccountabilityContext>;

/** The clock, the event writer and the change listeners of one accountability service. */
export function createAccountabilityContext(ctx: ServiceContext, options: AccountabilityOptions) {
  const listeners = new Set<() => void>();
  const nowIso = () => ctx.now().toISOString();

  /** Tells every listener that decisions were made (clocks may have moved). */
  function changed(): void {
    for (const listener of listeners) listener();
  }

  return {
    ctx,
    options,
    db: ctx.store.db,
    nowIso,
    changed,

    /** Records events stamped now, by a principal or a `system:<what>` id; none is no-op. */
    async write(by: Principal | string, bodies: EventBody[], tx: Tx): Promise<void> {
      if (bodies.length === 0) return;
      await record(
        tx,
        stampEvents(bodies, {
          at: nowIso(),
          by: typeof by === 'string' ? by : principalId(by),
          newId: ctx.newId,
        }),
      );
    },

    /** Runs a decision in one transaction, then tells the listeners that clocks may have moved. */
    async decide<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
      const result = await inTransaction(ctx.store.db, work);
      changed();
      return result;
    },

    /** Called after every decision that may move a response clock (the scheduler listens). */
    onChange(listener: () => void): () => void {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/** The incident, or NOT_FOUND naming `path`. */
export async function requireIncident(tx: Db, id: string, path = 'incidentId') {
  const incident = await findIncident(tx, id);
  if (incident === undefined) {
    throw new DomainError('NOT_FOUND', `no incident "${id}"`, [
      { path, message: 'no such incident' },
    ]);
  }
  return incident;
}

/** Refuses when another person holds the incident's edit lock at `now`. */
export async function requireUnlocked(
  tx: Tx,
  incidentId: string,
  by: Principal,
  now: string,
): Promise<void> {
  const holder = await lockHolder(tx, incidentId, now);
  if (holder !== undefined && (by.kind !== 'user' || holder.userId !== by.user.id)) {
    throw new DomainError(
      'INCIDENT_LOCKED',
      `incident "${incidentId}" is being decided by someone else until ${holder.expiresAt}`,
      [{ path: 'incidentId', message: 'locked by another person; try again later' }],
    );
  }
}

/** The activation, or NOT_FOUND. */
export async function requireActivation(db: Db, id: string): Promise<Activation> {
  const activation = await readActivation(db, id);
  if (activation === undefined) {
    throw new DomainError('NOT_FOUND', `no activation "${id}"`, [
      { path: 'id', message: 'no such activation' },
    ]);
  }
  return activation;
}

/** The commitment an activation is of, unless it was removed since. */
export async function commitmentOf(
  tx: Tx,
  activation: Activation,
): Promise<Commitment | undefined> {
  const parts = await listParts(tx, activation.documentId, 'commitment');
  return parts.find((p) => p.id === activation.commitmentId)?.body as Commitment | undefined;
}

/** The event that moves an activation to a status (and tier), saying why. */
export function statusBody(
  activation: Activation,
  status: ActivationStatus,
  tier: number,
  reason: string,
  late = activation.late,
): EventBody {
  return {
    type: 'activation.status_set',
    payload: { activationId: activation.id, status, tier, late, reason },
  };
}

/** The actor a guarantor user acts for: it sees only that actor's activations and alerts. */
export function ownActor(by: Principal): string | undefined {
  return by.kind === 'user' && by.user.role === 'guarantor'
    ? (by.user.actor ?? undefined)
    : undefined;
}
