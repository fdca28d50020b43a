/**
 * Webhook endpoints and deliveries: operational tables, not in the record. An endpoint's
 * filters are JSON in the table and a `WebhookFilters` here; its secret never leaves the
 * services that sign with it.
 */
import type { WebhookFilters } from '../core/alerts/webhook-filters.js';
import type { Db } from './transactions.js';
import type { WebhookDeliveryRow, WebhookEndpointRow } from './schema.js';

/** A registered endpoint. */
export interface WebhookEndpoint {
  readonly id: string;
  readonly url: string;
  /** `whsec_<base64>`: the signing secret. */
  readonly secret: string;
  readonly description: string;
  readonly filters: WebhookFilters;
  readonly createdBy: string;
  readonly createdAt: string;
  /** Failed attempts in a row; a success resets it. */
  readonly failures: number;
  readonly disabledAt: string | null;
  readonly disabledReason: string | null;
}

/** One alert to one endpoint, with its attempts so far. */
export interface WebhookDelivery {
  readonly id: string;
  readonly endpointId: string;
  readonly alertId: string;
  /** The JSON body, exactly as signed and sent. */
  readonly payload: string;
  readonly status: string;
  readonly attempts: number;
  readonly nextAttemptAt: string | null;
  readonly lastStatus: number | null;
  readonly lastError: string | null;
  readonly createdAt: string;
  readonly deliveredAt: string | null;
}

/** Adds an endpoint. */
export async function insertEndpoint(db: Db, endpoint: WebhookEndpoint): Promise<void> {
  await db
    .insertInto('webhook_endpoints')
    .values({
      id: endpoint.id,
      url: endpoint.url,
      secret: endpoint.secret,
      description: endpoint.description,
      filters: JSON.stringify(endpoint.filters),
      created_by: endpoint.createdBy,
      created_at: endpoint.createdAt,
      failures: endpoint.failures,
      disabled_at: endpoint.disabledAt,
      disabled_reason: endpoint.disabledReason,
    })
    .execute();
}

/** One endpoint, or undefined. */
export async function findEndpoint(db: Db, id: string): Promise<WebhookEndpoint | undefined> {
  const row = await db
    .selectFrom('webhook_endpoints')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirst();
  return row === undefined ? undefined : toEndpoint(row);
}

/** Every endpoint, oldest first; only the enabled ones when asked. */
export async function listEndpoints(
  db: Db,
  options: { enabledOnly?: boolean } = {},
): Promise<WebhookEndpoint[]> {
  let q = db.selectFrom('webhook_endpoints').selectAll();
  if (options.enabledOnly === true) q = q.where('disabled_at', 'is', null);
  return (await q.orderBy('created_at').orderBy('id').execute()).map(toEndpoint);
}

/**
 * Sets an endpoint's count of failures in a row, and disables it (with the reason) when
 * `disabled` is given; null enables it again.
 */
export async function setEndpointState(
  db: Db,
  id: string,
  state: {
    failures?: number;
    disabled?: { at: string; reason: string } | null;
  },
): Promise<void> {
  const { failures, disabled } = state;
  await db
    .updateTable('webhook_endpoints')
    .set({
      ...(failures === undefined ? {} : { failures }),
      ...(disabled === undefined
        ? {}
        : { disabled_at: disabled?.at ?? null, disabled_reason: disabled?.reason ?? null }),
    })
    .where('id', '=', id)
    .execute();
}

/** Queues a delivery. */
export async function insertDelivery(db: Db, delivery: WebhookDelivery): Promise<void> {
  await db
    .insertInto('webhook_deliveries')
    .values({
      id: delivery.id,
      endpoint_id: delivery.endpointId,
      alert_id: delivery.alertId,
      payload: delivery.payload,
      status: delivery.status,
      attempts: delivery.attempts,
      next_attempt_at: delivery.nextAttemptAt,
      last_status: delivery.lastStatus,
      last_error: delivery.lastError,
      created_at: delivery.createdAt,
      delivered_at: delivery.deliveredAt,
    })
    .execute();
}

/** An endpoint's deliveries, newest first. */
export async function deliveriesOf(
  db: Db,
  endpointId: string,
  limit: number,
): Promise<WebhookDelivery[]> {
  const rows = await db
    .selectFrom('webhook_deliveries')
    .selectAll()
    .where('endpoint_id', '=', endpointId)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
  return rows.map(toDelivery);
}

/** Pending deliveries to enabled endpoints due at `now`, the longest due first. */
export async function dueDeliveries(
  db: Db,
  now: string,
  limit: number,
): Promise<WebhookDelivery[]> {
  const rows = await db
    .selectFrom('webhook_deliveries')
    .innerJoin('webhook_endpoints', 'webhook_endpoints.id', 'webhook_deliveries.endpoint_id')
    .selectAll('webhook_deliveries')
    .where('webhook_deliveries.status', '=', 'pending')
    .where('webhook_deliveries.next_attempt_at', '<=', now)
    .where('webhook_endpoints.disabled_at', 'is', null)
    .orderBy('webhook_deliveries.next_attempt_at')
    .limit(limit)
    .execute();
  return rows.map(toDelivery);
}

/** When the next pending delivery is due, or undefined when none is pending. */
export async function nextDeliveryDue(db: Db): Promise<string | undefined> {
  const next = await db
    .selectFrom('webhook_deliveries')
    .select((eb) => eb.fn.min('next_attempt_at').as('next'))
    .where('status', '=', 'pending')
    .executeTakeFirst();
  return next?.next ?? undefined;
}

/** Records an attempt's outcome on a delivery. */
export async function setDeliveryState(
  db: Db,
  id: string,
  state: Pick<WebhookDelivery, 'status' | 'attempts' | 'nextAttemptAt' | 'lastError'> &
    Partial<Pick<WebhookDelivery, 'lastStatus' | 'deliveredAt'>>,
): Promise<boolean> {
  const result = await db
    .updateTable('webhook_deliveries')
    .set({
      status: state.status,
      attempts: state.attempts,
      next_attempt_at: state.nextAttemptAt,
      ...(state.lastStatus === undefined ? {} : { last_status: state.lastStatus }),
      last_error: state.lastError,
      ...(state.deliveredAt === undefined ? {} : { delivered_at: state.deliveredAt }),
    })
    .where('id', '=', id)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

function toEndpoint(row: WebhookEndpointRow): WebhookEndpoint {
  return {
    id: row.id,
    url: row.url,
    secret: row.secret,
    description: row.description,
    filters: JSON.parse(row.filters) as WebhookFilters,
    createdBy: row.created_by,
    createdAt: row.created_at,
    failures: row.failures,
    disabledAt: row.disabled_at,
    disabledReason: row.disabled_reason,
  };
}

function toDelivery(row: WebhookDeliveryRow): WebhookDelivery {
  return {
    id: row.id,
    endpointId: row.endpoint_id,
    alertId: row.alert_id,
    payload: row.payload,
    status: row.status,
    attempts: row.attempts,
    nextAttemptAt: row.next_attempt_at,
    lastStatus: row.last_status,
    lastError: row.last_error,
    createdAt: row.created_at,
    deliveredAt: row.delivered_at,
  };
}
