/**
 * The webhook dispatcher: queues each alert for the endpoints whose filters it passes, in the
 * transaction that issues it (so none is lost to a crash), POSTs it signed the Standard
 * Webhooks way, retries with exponential backoff, gives up after MAX_ATTEMPTS, and disables an
 * endpoint after DISABLE_AFTER failures in a row.
 */
import type { AlertFacts } from '../core/alerts/webhook-filters.js';
import {
  insideAnyZone,
  passesFilters,
  type WebhookFilters,
} from '../core/alerts/webhook-filters.js';
import type { Geometry } from '../core/geo/geojson.js';
import type { Tx } from '../store/transactions.js';
import {
  dueDeliveries,
  findEndpoint,
  insertDelivery,
  listEndpoints,
  nextDeliveryDue,
  setDeliveryState,
  setEndpointState,
  type WebhookDelivery,
} from '../store/webhook-store.js';
import { signWebhook } from './alerts/webhook-signature.js';
import type { ServiceContext } from './context.js';
import { startWakeLoop } from './wake-loop.js';

/** Attempts before a delivery is given up. */
export const MAX_ATTEMPTS = 8;
/** Failed attempts in a row after which an endpoint is disabled. */
export const DISABLE_AFTER = 20;
/** The first retry waits this long; each next one twice as long, up to an hour. */
const FIRST_RETRY_MS = 5000;
const LONGEST_RETRY_MS = 3_600_000;

/** How the dispatcher reaches zones and endpoints. */
export interface DispatcherOptions {
  /** Looks up a zone's geometry by `<document>/<zone>` (for zone filters). */
  readonly zoneGeometry: (tx: Tx, key: string) => Promise<Geometry | undefined>;
  readonly timeoutMs?: number;
  /** Failed attempts in a row that disable an endpoint (DISABLE_AFTER unless given). */
  readonly disableAfter?: number;
}

export function createWebhookDispatcher(ctx: ServiceContext, options: DispatcherOptions) {
  const db = ctx.store.db;
  const nowIso = () => ctx.now().toISOString();
  const timeoutMs = options.timeoutMs ?? 5000;
  const disableAfter = options.disableAfter ?? DISABLE_AFTER;
  const wakers = new Set<() => void>();

  /** Sends one delivery attempt and records its outcome. */
  async function attempt(delivery: WebhookDelivery): Promise<void> {
    const endpoint = await findEndpoint(db, delivery.endpointId);
    if (endpoint === undefined || endpoint.disabledAt !== null) return;
    const headers = signWebhook({
      id: delivery.id,
      timestamp: ctx.now(),
      body: delivery.payload,
      secret: endpoint.secret,
    });
    let status: number | null = null;
    let error: string | null = null;
    try {
      const response = await fetch(endpoint.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: delivery.payload,
        // A registered URL may not send us elsewhere.
        redirect: 'manual',
        signal: AbortSignal.timeout(timeoutMs),
      });
      status = response.status;
      await response.body?.cancel();
      if (status < 200 || status > 299) error = `answered ${status}`;
    } catch (caught) {
      error = caught instanceof Error ? `${caught.name}: ${caught.message}` : String(caught);
    }
    const attempts = delivery.attempts + 1;
    if (error === null) {
      await setDeliveryState(db, delivery.id, {
        status: 'delivered',
        attempts,
        nextAttemptAt: null,
        lastStatus: status,
        lastError: null,
        deliveredAt: nowIso(),
      });
      await setEndpointState(db, endpoint.id, { failures: 0 });
      return;
    }
    const gaveUp = attempts >= MAX_ATTEMPTS;
    const wait = Math.min(FIRST_RETRY_MS * 2 ** (attempts - 1), LONGEST_RETRY_MS);
    await setDeliveryState(db, delivery.id, {
      status: gaveUp ? 'gave_up' : 'pending',
      attempts,
      nextAttemptAt: gaveUp ? null : new Date(ctx.now().getTime() + wait).toISOString(),
      lastStatus: status,
      lastError: error,
    });
    const failures = endpoint.failures + 1;
    await setEndpointState(
      db,
      endpoint.id,
      failures >= disableAfter
        ? {
            failures,
            disabled: {
              at: nowIso(),
              reason: `disabled after ${failures} failed attempts in a row; the last: ${error}`,
            },
          }
        : { failures },
    );
  }

  /** Whether an alert passes an endpoint's filters. */
  async function matches(tx: Tx, filters: WebhookFilters, alert: AlertFacts): Promise<boolean> {
    if (!passesFilters(filters, alert)) return false;
    if (filters.zones === undefined) return true;
    const place = alert.incident.location;
    if (place === null) return false;
    const zones: Geometry[] = [];
    for (const key of filters.zones) {
      const geometry = await options.zoneGeometry(tx, key);
      if (geometry !== undefined) zones.push(geometry);
    }
    return insideAnyZone(place, zones);
  }

  const dispatcher = {
    /**
     * Queues an alert for every enabled endpoint whose filters match, in the caller's
     * transaction (the one that issues the alert).
     */
    async enqueue(tx: Tx, alert: AlertFacts): Promise<number> {
      let queued = 0;
      for (const endpoint of await listEndpoints(tx, { enabledOnly: true })) {
        if (!(await matches(tx, endpoint.filters, alert))) continue;
        const payload = JSON.stringify({
          type: 'alert.issued',
          timestamp: alert.sent,
          data: {
            alertId: alert.alertId,
            activationId: alert.activationId,
            documentId: alert.documentId,
            commitmentId: alert.commitmentId,
            obligor: alert.obligor,
            incidentId: alert.incident.id,
            incidentType: alert.incident.type,
            msgType: alert.msgType,
            headline: alert.headline,
            sent: alert.sent,
            cap: alert.cap,
          },
        });
        await insertDelivery(tx, {
          id: `msg_${ctx.newId()}`,
          endpointId: endpoint.id,
          alertId: alert.alertId,
          payload,
          status: 'pending',
          attempts: 0,
          nextAttemptAt: alert.sent,
          lastStatus: null,
          lastError: null,
          createdAt: alert.sent,
          deliveredAt: null,
        });
        queued += 1;
      }
      return queued;
    },

    /** Sends every delivery that is due now; returns how many attempts were made. */
    async deliverDue(): Promise<number> {
      const due = await dueDeliveries(db, nowIso(), 20);
      await Promise.all(due.map(attempt));
      return due.length;
    },

    /** Asks a running dispatcher to look for due deliveries now. */
    wake(): void {
      for (const waker of wakers) waker();
    },

    /**
     * Runs deliveries: at once when woken, otherwise when the next retry is due (at most ten
     * seconds later, so deliveries queued by another process go out too). Returns the stop.
     */
    startDispatcher(onError: (error: unknown) => void = () => undefined): () => void {
      const loop = startWakeLoop({
        run: async () => {
          while ((await dispatcher.deliverDue()) > 0);
          const next = await nextDeliveryDue(db);
          return next === undefined ? undefined : Date.parse(next);
        },
        now: () => ctx.now().getTime(),
        longestWaitMs: 10_000,
        shortestWaitMs: 50,
        onError,
      });
      const waker = () => loop.wake();
      wakers.add(waker);
      return () => {
        loop.stop();
        wakers.delete(waker);
      };
    },
  };
  return dispatcher;
}
