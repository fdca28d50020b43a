/**
 * Webhook endpoints as the API shows them. The service's views are the API's shapes; these
 * presenters are the typed boundary between them.
 */
import type * as Webhooks from '../schemas/webhooks.js';
import type { Resolved } from './resolved.js';

/** An endpoint just registered, with its secret. */
export function presentRegistered(
  endpoint: Resolved<'webhooks', 'register'>,
): Webhooks.RegisteredEndpoint {
  return endpoint;
}

/** One endpoint, without its secret. */
export function presentEndpoint(
  endpoint: Resolved<'webhooks', 'enable'>,
): Webhooks.WebhookEndpoint {
  return endpoint;
}

export function presentEndpoints(endpoints: Resolved<'webhooks', 'list'>): Webhooks.EndpointList {
  return { endpoints };
}

export function presentDeliveries(
  deliveries: Resolved<'webhooks', 'deliveries'>,
): Webhooks.DeliveryList {
  return { deliveries };
}
