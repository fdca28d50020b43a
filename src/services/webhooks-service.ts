/**
 * Webhooks: an admin registers an endpoint (and only registered URLs are ever called), with
 * filters; each alert that matches is queued for it in the transaction that issues the alert,
 * so none is lost to a crash; a dispatcher POSTs it signed the Standard Webhooks way, retries
 * with exponential backoff, gives up after MAX_ATTEMPTS, and disables an endpoint after
 * DISABLE_AFTER failures in a row. The delivery log can be read and any delivery replayed.
 */
import { principalId, type Principal } from '../core/auth/principal.js';
import type { Geometry } from '../core/geo/geojson.js';
import { relateToZone } from '../core/geo/relate.js';
import { INCIDENT_CATEGORIES } from '../core/agreements/vocabulary.js';
import { DomainError, invalid } from '../core/errors.js';
import type { Tx } from '../store/transactions.js';
import type { WebhookDeliveryRow, WebhookEndpointRow } from '../store/schema.js';
import { newWebhookSecret, signWebhook } from './alerts/webhook-signature.js';
import type { ServiceContext } from './context.js';
import { startWakeLoop } from './wake-loop.js';

/** Attempts before a delivery is given up. */
export const MAX_ATTEMPTS = 8;
/** Failed attempts in a row after which an endpoint is disabled. */
export const DISABLE_AFTER = 20;
/** The first retry waits this long; each next one twice as long, up to an hour. */
const FIRST_RETRY_MS = 5000;
const LONGEST_RETRY_MS = 3_600_000;

/** Which alerts an endpoint wants; each filter left out matches everything. */
export interface WebhookFilters {
  /** Guarantors (actor ids) whose commitments' alerts are sent. */
  readonly obligors?: string[] | undefined;
  /** Commitments as `<document>/<commitment>`. */
  readonly commitments?: string[] | undefined;
  /** Zones as `<document>/<zone>`: the incident inside one (or its precision crossing the edge). */
  readonly zones?: string[] | undefined;
  /** [west, south, east, north]: the incident's place inside. */
  readonly bbox?: [number, number, number, number] | undefined;
  /** Incident types or categories. */
  readonly incidentTypes?: string[] | undefined;
}

/** What an alert is about, for filtering and for the payload. */
export interface AlertFacts {
  readonly alertId: string;
  readonly activationId: string;
  readonly documentId: string;
  readonly commitmentId: string;
  readonly obligor: string;
  readonly msgType: string;
  readonly headline: string;
  readonly sent: string;
  readonly cap: string;
  readonly incident: {
    readonly id: string;
    readonly type: string;
    readonly location: {
      readonly lon: number;
      readonly lat: number;
      readonly radiusM: number;
    } | null;
  };
}

/** An endpoint as the API shows it: never its secret after registration. */
export interface WebhookEndpointView {
  readonly id: string;
  readonly url: string;
  readonly description: string;
  readonly filters: WebhookFilters;
  readonly createdAt: string;
  readonly failures: number;
  readonly disabledAt: string | null;
  readonly disabledReason: string | null;
}

export type WebhooksService = ReturnType<typeof createWebhooksService>;

export function createWebhooksService(
  ctx: ServiceContext,
  options: {
    /** Looks up a zone's geometry by `<document>/<zone>` (for zone filters). */
    readonly zoneGeometry: (tx: Tx, key: string) => Promise<Geometry | undefined>;
    readonly timeoutMs?: number;
    /** Failed attempts in a row that disable an endpoint (DISABLE_AFTER unless given). */
    readonly disableAfter?: number;
  },
) {
  const db = ctx.store.db;
  const nowIso = () => ctx.now().toISOString();
  const timeoutMs = options.timeoutMs ?? 5000;
  const disableAfter = options.disableAfter ?? DISABLE_AFTER;
  const wakers = new Set<() => void>();

  async function requireEndpoint(id: string): Promise<WebhookEndpointRow> {
    const row = await db
      .selectFrom('webhook_endpoints')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirst();
    if (row === undefined) {
      throw new DomainError('NOT_FOUND', `no webhook endpoint "${id}"`, [
        { path: 'id', message: 'no such endpoint' },
      ]);
    }
    return row;
  }

  /** Sends one delivery attempt and records its outcome. */
  async function attempt(delivery: WebhookDeliveryRow): Promise<void> {
    const endpoint = await requireEndpoint(delivery.endpoint_id);
    if (endpoint.disabled_at !== null) return;
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
      await db
        .updateTable('webhook_deliveries')
        .set({
          status: 'delivered',
          attempts,
          next_attempt_at: null,
          last_status: status,
          last_error: null,
          delivered_at: nowIso(),
        })
        .where('id', '=', delivery.id)
        .execute();
      await db
        .updateTable('webhook_endpoints')
        .set({ failures: 0 })
        .where('id', '=', endpoint.id)
        .execute();
      return;
    }
    const gaveUp = attempts >= MAX_ATTEMPTS;
    const wait = Math.min(FIRST_RETRY_MS * 2 ** (attempts - 1), LONGEST_RETRY_MS);
    await db
      .updateTable('webhook_deliveries')
      .set({
        status: gaveUp ? 'gave_up' : 'pending',
        attempts,
        next_attempt_at: gaveUp ? null : new Date(ctx.now().getTime() + wait).toISOString(),
        last_status: status,
        last_error: error,
      })
      .where('id', '=', delivery.id)
      .execute();
    const failures = endpoint.failures + 1;
    await db
      .updateTable('webhook_endpoints')
      .set(
        failures >= disableAfter
          ? {
              failures,
              disabled_at: nowIso(),
              disabled_reason: `disabled after ${failures} failed attempts in a row; the last: ${error}`,
            }
          : { failures },
      )
      .where('id', '=', endpoint.id)
      .execute();
  }

  const service = {
    /** Registers an endpoint; the secret is in the answer only. Admins only (route verb). */
    async register(
      input: { url: string; description?: string | undefined; filters?: WebhookFilters },
      by: Principal,
    ): Promise<WebhookEndpointView & { secret: string }> {
      const url = checkUrl(input.url);
      const filters = checkFilters(input.filters ?? {});
      const row: WebhookEndpointRow = {
        id: ctx.newId(),
        url,
        secret: newWebhookSecret(),
        description: input.description?.trim() ?? '',
        filters: JSON.stringify(filters),
        created_by: principalId(by),
        created_at: nowIso(),
        failures: 0,
        disabled_at: null,
        disabled_reason: null,
      };
      await db.insertInto('webhook_endpoints').values(row).execute();
      return { ...endpointView(row), secret: row.secret };
    },

    async list(): Promise<WebhookEndpointView[]> {
      const rows = await db
        .selectFrom('webhook_endpoints')
        .selectAll()
        .orderBy('created_at')
        .orderBy('id')
        .execute();
      return rows.map(endpointView);
    },

    /** Stops deliveries to an endpoint (queued ones wait until it is enabled again). */
    async disable(id: string, reason: string): Promise<WebhookEndpointView> {
      await requireEndpoint(id);
      await db
        .updateTable('webhook_endpoints')
        .set({ disabled_at: nowIso(), disabled_reason: reason.trim() || 'disabled by an admin' })
        .where('id', '=', id)
        .execute();
      return endpointView(await requireEndpoint(id));
    },

    async enable(id: string): Promise<WebhookEndpointView> {
      await requireEndpoint(id);
      await db
        .updateTable('webhook_endpoints')
        .set({ disabled_at: null, disabled_reason: null, failures: 0 })
        .where('id', '=', id)
        .execute();
      service.wake();
      return endpointView(await requireEndpoint(id));
    },

    /** The delivery log of an endpoint, newest first. */
    async deliveries(endpointId: string, limit = 100) {
      await requireEndpoint(endpointId);
      const rows = await db
        .selectFrom('webhook_deliveries')
        .selectAll()
        .where('endpoint_id', '=', endpointId)
        .orderBy('created_at', 'desc')
        .orderBy('id', 'desc')
        .limit(limit)
        .execute();
      return rows.map((r) => ({
        id: r.id,
        alertId: r.alert_id,
        status: r.status,
        attempts: r.attempts,
        nextAttemptAt: r.next_attempt_at,
        lastStatus: r.last_status,
        lastError: r.last_error,
        createdAt: r.created_at,
        deliveredAt: r.delivered_at,
      }));
    },

    /** Sends a delivery again from its first attempt (same webhook-id: receivers deduplicate). */
    async replay(deliveryId: string): Promise<void> {
      const updated = await db
        .updateTable('webhook_deliveries')
        .set({ status: 'pending', attempts: 0, next_attempt_at: nowIso(), last_error: null })
        .where('id', '=', deliveryId)
        .executeTakeFirst();
      if (Number(updated.numUpdatedRows) === 0) {
        throw new DomainError('NOT_FOUND', `no delivery "${deliveryId}"`, [
          { path: 'id', message: 'no such delivery' },
        ]);
      }
      service.wake();
    },

    /**
     * Queues an alert for every enabled endpoint whose filters match, in the caller's
     * transaction (the one that issues the alert).
     */
    async enqueue(tx: Tx, alert: AlertFacts): Promise<number> {
      const endpoints = await tx
        .selectFrom('webhook_endpoints')
        .selectAll()
        .where('disabled_at', 'is', null)
        .execute();
      let queued = 0;
      for (const endpoint of endpoints) {
        const filters = JSON.parse(endpoint.filters) as WebhookFilters;
        if (!(await matches(tx, filters, alert))) continue;
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
        await tx
          .insertInto('webhook_deliveries')
          .values({
            id: `msg_${ctx.newId()}`,
            endpoint_id: endpoint.id,
            alert_id: alert.alertId,
            payload,
            status: 'pending',
            attempts: 0,
            next_attempt_at: alert.sent,
            last_status: null,
            last_error: null,
            created_at: alert.sent,
            delivered_at: null,
          })
          .execute();
        queued += 1;
      }
      return queued;
    },

    /** Sends every delivery that is due now; returns how many attempts were made. */
    async deliverDue(): Promise<number> {
      const due = await db
        .selectFrom('webhook_deliveries')
        .innerJoin('webhook_endpoints', 'webhook_endpoints.id', 'webhook_deliveries.endpoint_id')
        .selectAll('webhook_deliveries')
        .where('webhook_deliveries.status', '=', 'pending')
        .where('webhook_deliveries.next_attempt_at', '<=', nowIso())
        .where('webhook_endpoints.disabled_at', 'is', null)
        .orderBy('webhook_deliveries.next_attempt_at')
        .limit(20)
        .execute();
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
          while ((await service.deliverDue()) > 0);
          const next = await db
            .selectFrom('webhook_deliveries')
            .select((eb) => eb.fn.min('next_attempt_at').as('next'))
            .where('status', '=', 'pending')
            .executeTakeFirst();
          return next?.next == null ? undefined : Date.parse(next.next);
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

  /** Whether an alert passes an endpoint's filters. */
  async function matches(tx: Tx, filters: WebhookFilters, alert: AlertFacts): Promise<boolean> {
    if (filters.obligors !== undefined && !filters.obligors.includes(alert.obligor)) return false;
    if (
      filters.commitments !== undefined &&
      !filters.commitments.includes(`${alert.documentId}/${alert.commitmentId}`)
    ) {
      return false;
    }
    if (filters.incidentTypes !== undefined) {
      const types = filters.incidentTypes.flatMap((t) =>
        t in INCIDENT_CATEGORIES
          ? [...INCIDENT_CATEGORIES[t as keyof typeof INCIDENT_CATEGORIES]]
          : [t],
      );
      if (!types.includes(alert.incident.type)) return false;
    }
    const place = alert.incident.location;
    if (filters.bbox !== undefined) {
      const [west, south, east, north] = filters.bbox;
      if (place === null || place.lat < south || place.lat > north) return false;
      const inLongitude =
        west <= east
          ? place.lon >= west && place.lon <= east
          : place.lon >= west || place.lon <= east;
      if (!inLongitude) return false;
    }
    if (filters.zones !== undefined) {
      if (place === null) return false;
      let any = false;
      for (const key of filters.zones) {
        const geometry = await options.zoneGeometry(tx, key);
        if (geometry === undefined) continue;
        const { relation } = relateToZone(place, geometry);
        if (relation === 'inside' || relation === 'indeterminate') any = true;
      }
      if (!any) return false;
    }
    return true;
  }

  return service;
}

/** Only absolute http(s) URLs without credentials or fragments are registered. */
function checkUrl(text: string): string {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw invalid('url', `"${text}" is not an absolute URL`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw invalid('url', `only http and https URLs can receive webhooks, not ${url.protocol}`);
  }
  if (url.username !== '' || url.password !== '') {
    throw invalid('url', 'put no credentials in the URL; verify the signature instead');
  }
  if (url.hash !== '') throw invalid('url', 'a webhook URL has no fragment (#...)');
  return url.toString();
}

function checkFilters(filters: WebhookFilters): WebhookFilters {
  const known = new Set(['obligors', 'commitments', 'zones', 'bbox', 'incidentTypes']);
  for (const key of Object.keys(filters)) {
    if (!known.has(key)) throw invalid(`filters/${key}`, 'not a filter');
  }
  if (filters.bbox !== undefined) {
    const [west, south, east, north] = filters.bbox;
    if (
      filters.bbox.length !== 4 ||
      [west, east].some((v) => v < -180 || v > 180) ||
      [south, north].some((v) => v < -90 || v > 90) ||
      south > north
    ) {
      throw invalid('filters/bbox', 'give west,south,east,north in degrees, south <= north');
    }
  }
  for (const key of ['commitments', 'zones'] as const) {
    for (const value of filters[key] ?? []) {
      if (!/^[^/]+\/[^/]+$/.test(value)) {
        throw invalid(`filters/${key}`, `"${value}" is not <document>/<id>`);
      }
    }
  }
  return Object.fromEntries(
    Object.entries(filters).filter(([, value]) => value !== undefined),
  ) as WebhookFilters;
}

function endpointView(row: WebhookEndpointRow): WebhookEndpointView {
  return {
    id: row.id,
    url: row.url,
    description: row.description,
    filters: JSON.parse(row.filters) as WebhookFilters,
    createdAt: row.created_at,
    failures: row.failures,
    disabledAt: row.disabled_at,
    disabledReason: row.disabled_reason,
  };
}
