/**
 * Webhooks: an admin registers an endpoint (and only registered URLs are ever called), with
 * filters; each alert that matches is queued for it in the transaction that issues the alert,
 * and the dispatcher (webhook-dispatcher.ts) sends it. The delivery log can be read and any
 * delivery replayed.
 */
import { principalId, type Principal } from '../core/auth/principal.js';
import {
  checkWebhookFilters,
  checkWebhookUrl,
  type WebhookFilters,
} from '../core/alerts/webhook-filters.js';
import { DomainError } from '../core/errors.js';
import {
  deliveriesOf,
  findEndpoint,
  insertEndpoint,
  listEndpoints,
  setDeliveryState,
  setEndpointState,
  type WebhookEndpoint,
} from '../store/webhook-store.js';
import { newWebhookSecret } from './alerts/webhook-signature.js';
import type { ServiceContext } from './context.js';
import { createWebhookDispatcher, type DispatcherOptions } from './webhook-dispatcher.js';

export type { WebhookFilters } from '../core/alerts/webhook-filters.js';

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

export function createWebhooksService(ctx: ServiceContext, options: DispatcherOptions) {
  const db = ctx.store.db;
  const nowIso = () => ctx.now().toISOString();
  const dispatcher = createWebhookDispatcher(ctx, options);

  async function requireEndpoint(id: string): Promise<WebhookEndpoint> {
    const endpoint = await findEndpoint(db, id);
    if (endpoint === undefined) {
      throw new DomainError('NOT_FOUND', `no webhook endpoint "${id}"`, [
        { path: 'id', message: 'no such endpoint' },
      ]);
    }
    return endpoint;
  }

  return {
    /** Registers an endpoint; the secret is in the answer only. Admins only (route verb). */
    async register(
      input: { url: string; description?: string | undefined; filters?: WebhookFilters },
      by: Principal,
    ): Promise<WebhookEndpointView & { secret: string }> {
      // Checked before an id or a secret is taken, so a refused registration costs neither.
      const url = checkWebhookUrl(input.url);
      const filters = checkWebhookFilters(input.filters ?? {});
      const endpoint: WebhookEndpoint = {
        id: ctx.newId(),
        url,
        secret: newWebhookSecret(),
        description: input.description?.trim() ?? '',
        filters,
        createdBy: principalId(by),
        createdAt: nowIso(),
        failures: 0,
        disabledAt: null,
        disabledReason: null,
      };
      await insertEndpoint(db, endpoint);
      return { ...endpointView(endpoint), secret: endpoint.secret };
    },

    async list(): Promise<WebhookEndpointView[]> {
      return (await listEndpoints(db)).map(endpointView);
    },

    /** Stops deliveries to an endpoint (queued ones wait until it is enabled again). */
    async disable(id: string, reason: string): Promise<WebhookEndpointView> {
      await requireEndpoint(id);
      await setEndpointState(db, id, {
        disabled: { at: nowIso(), reason: reason.trim() || 'disabled by an admin' },
      });
      return endpointView(await requireEndpoint(id));
    },

    async enable(id: string): Promise<WebhookEndpointView> {
      await requireEndpoint(id);
      await setEndpointState(db, id, { disabled: null, failures: 0 });
      dispatcher.wake();
      return endpointView(await requireEndpoint(id));
    },

    /** The delivery log of an endpoint, newest first. */
    async deliveries(endpointId: string, limit = 100) {
      await requireEndpoint(endpointId);
      // The log shows each attempt's outcome, not the body (the alert is in the record).
      return (await deliveriesOf(db, endpointId, limit)).map(
        ({ endpointId: _endpoint, payload: _payload, ...delivery }) => delivery,
      );
    },

    /** Sends a delivery again from its first attempt (same webhook-id: receivers deduplicate). */
    async replay(deliveryId: string): Promise<void> {
      const found = await setDeliveryState(db, deliveryId, {
        status: 'pending',
        attempts: 0,
        nextAttemptAt: nowIso(),
        lastError: null,
      });
      if (!found) {
        throw new DomainError('NOT_FOUND', `no delivery "${deliveryId}"`, [
          { path: 'id', message: 'no such delivery' },
        ]);
      }
      dispatcher.wake();
    },

    ...dispatcher,
  };
}

/** An endpoint without its secret (and without who registered it). */
function endpointView({
  secret: _secret,
  createdBy: _createdBy,
  ...endpoint
}: WebhookEndpoint): WebhookEndpointView {
  return endpoint;
}
