/** The shape of a projector: what applies one type of event to the projection tables. */
import type { EventType, RecordedEvent } from '../../core/events.js';
import type { Db } from '../transactions.js';

/** The recorded event of one type. */
export type EventOf<K extends EventType> = Extract<RecordedEvent, { type: K }>;

/** Applies one event of type K to the projection tables, in the caller's transaction. */
export type Projector<K extends EventType> = (db: Db, event: EventOf<K>) => Promise<void>;

/** One projector for every event type: a type left out does not compile. */
export type Projectors = { readonly [K in EventType]: Projector<K> };
