/** Webhook endpoints as the API shows them, their filters, and the delivery log. */
import { Type, type Static } from 'typebox';
import { Loose } from './common.js';

const Keys = (description: string) =>
  Type.Optional(
    Type.Array(Type.String({ minLength: 1, maxLength: 130 }), {
      minItems: 1,
      maxItems: 100,
      description,
    }),
  );

/** Which alerts an endpoint receives; every filter given must match. */
export const WebhookFilters = Type.Object(
  {
    obligors: Keys('guarantors (actor ids) whose activations are sent'),
    commitments: Keys('commitments as <document>/<commitment>'),
    zones: Keys('zones as <document>/<zone>: incidents inside (or crossing the edge)'),
    bbox: Type.Optional(
      Type.Array(Type.Number(), {
        minItems: 4,
        maxItems: 4,
        description: 'west, south, east, north (WGS 84)',
      }),
    ),
    incidentTypes: Keys('incident types or categories'),
  },
  { additionalProperties: false },
);
export type WebhookFilters = Static<typeof WebhookFilters>;

/** The filters an endpoint holds: those it was given (an unset one may be undefined). */
type HeldFilters = { [K in keyof WebhookFilters]?: WebhookFilters[K] | undefined };

export const WebhookEndpoint = Type.Object({
  id: Type.String(),
  url: Type.String(),
  description: Type.String(),
  filters: Type.Unsafe<HeldFilters>({ type: 'object', additionalProperties: true }),
  createdAt: Type.String(),
  failures: Type.Integer({ description: 'failed attempts in a row' }),
  disabledAt: Type.Union([Type.String(), Type.Null()]),
  disabledReason: Type.Union([Type.String(), Type.Null()]),
});
export type WebhookEndpoint = Static<typeof WebhookEndpoint>;

/** An endpoint just registered, with its signing secret (shown once). */
export const RegisteredEndpoint = Type.Intersect([
  WebhookEndpoint,
  Type.Object({ secret: Type.String() }),
]);
export type RegisteredEndpoint = Static<typeof RegisteredEndpoint>;

export const EndpointList = Type.Object({ endpoints: Type.Array(WebhookEndpoint) });
export type EndpointList = Static<typeof EndpointList>;

export const EndpointInput = Type.Object(
  {
    url: Type.String({ minLength: 1, maxLength: 2000 }),
    description: Type.Optional(Type.String({ maxLength: 500 })),
    filters: Type.Optional(WebhookFilters),
  },
  { additionalProperties: false },
);
export type EndpointInput = Static<typeof EndpointInput>;

export const DisableInput = Type.Object(
  { reason: Type.String({ minLength: 1, maxLength: 500 }) },
  { additionalProperties: false },
);
export type DisableInput = Static<typeof DisableInput>;

/** Webhook and delivery ids in paths. */
export const WebhookIdParams = Type.Object({ id: Type.String({ maxLength: 80 }) });
export type WebhookIdParams = Static<typeof WebhookIdParams>;

export const DeliveryList = Type.Object({ deliveries: Type.Array(Loose) });
export type DeliveryList = Static<typeof DeliveryList>;
