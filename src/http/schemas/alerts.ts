/** CAP alerts about activations: the list, its filters, the Atom feed and the CAP messages. */
import { Type, type Static } from 'typebox';
import { Enum, Limit } from './common.js';

export const AlertFilters = Type.Object({
  obligor: Type.Optional(Type.String({ maxLength: 64 })),
  activationId: Type.Optional(Type.String({ maxLength: 64 })),
  msgType: Type.Optional(Enum(['Alert', 'Update', 'Cancel'] as const)),
  limit: Limit,
});
export type AlertFilters = Static<typeof AlertFilters>;

/** An alert as listed; its CAP message is at /api/v1/alerts/{id}.cap. */
export const Alert = Type.Object({
  id: Type.String(),
  activationId: Type.String(),
  obligor: Type.String(),
  msgType: Type.String(),
  headline: Type.String(),
  sent: Type.String(),
});
export type Alert = Static<typeof Alert>;

export const AlertList = Type.Object({ alerts: Type.Array(Alert) });
export type AlertList = Static<typeof AlertList>;

export const AtomFeed = Type.String({ description: 'Atom 1.0 XML (application/atom+xml)' });

export const AlertFileParams = Type.Object({
  file: Type.String({ maxLength: 80, pattern: '\\.cap$' }),
});
export type AlertFileParams = Static<typeof AlertFileParams>;

export const CapMessage = Type.String({ description: 'CAP 1.2 XML (application/cap+xml)' });

export const StreamQuery = Type.Object({
  obligor: Type.Optional(Type.String({ maxLength: 64, description: 'one guarantor only' })),
});
export type StreamQuery = Static<typeof StreamQuery>;

export const EventStream = Type.String({ description: 'text/event-stream' });
