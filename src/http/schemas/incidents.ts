/**
 * The incidents API's shapes: incidents, their filters as query parameters, one incident with
 * its zones and people's merges and splits, the timeline, and merge and split decisions.
 * Lists and clusters are also served as GeoJSON, which is not described field by field.
 */
import { Type, type Static } from 'typebox';
import { VERIFICATION_STATUSES } from '../../core/accountability/model.js';
import { SOURCE_KINDS } from '../../core/reports/vocabulary.js';
import { Enum, Loose } from './common.js';

/** Where an incident is: a point and the radius its precision allows. */
export const IncidentPlace = Type.Object({
  lon: Type.Number(),
  lat: Type.Number(),
  radiusM: Type.Number(),
});
export type IncidentPlace = Static<typeof IncidentPlace>;

export const Incident = Type.Object({
  id: Type.String(),
  type: Type.String(),
  status: Type.String(),
  observedFrom: Type.String(),
  observedTo: Type.String(),
  location: Type.Union([IncidentPlace, Type.Null()]),
  reports: Type.Integer(),
  sources: Type.Integer(),
});
export type Incident = Static<typeof Incident>;

/** The filters incident lists, clusters and the timeline share, as query parameters. */
export const IncidentFilters = {
  bbox: Type.Optional(Type.String({ description: 'west,south,east,north (WGS 84)' })),
  from: Type.Optional(Type.String({ format: 'date-time' })),
  to: Type.Optional(Type.String({ format: 'date-time' })),
  type: Type.Optional(Type.String({ description: 'incident types, comma-separated' })),
  status: Type.Optional(
    Type.String({
      maxLength: 200,
      description: `statuses, comma-separated: any of ${VERIFICATION_STATUSES.join(', ')}`,
    }),
  ),
  source: Type.Optional(Type.String({ maxLength: 200, description: 'a source by name' })),
  sourceKind: Type.Optional(
    Type.Unsafe<string>({
      type: 'string',
      enum: [...SOURCE_KINDS],
      description: 'only incidents with a report from a source of this kind',
    }),
  ),
  q: Type.Optional(Type.String({ maxLength: 200, description: 'words in report texts' })),
  zone: Type.Optional(
    Type.String({
      maxLength: 130,
      description:
        'only incidents inside a zone or whose precision crosses its edge: <document>/<zone>',
    }),
  ),
};

export const IncidentFilterQuery = Type.Object(IncidentFilters);
export type IncidentFilterQuery = Static<typeof IncidentFilterQuery>;

export const ClusterQuery = Type.Object({
  zoom: Type.Integer({ minimum: 0, maximum: 22 }),
  ...IncidentFilters,
});
export type ClusterQuery = Static<typeof ClusterQuery>;

const { from: _from, to: _to, ...UntimedFilters } = IncidentFilters;

export const TimelineQuery = Type.Object({
  ...UntimedFilters,
  bins: Type.Optional(
    Type.Integer({
      minimum: 1,
      maximum: 1000,
      default: 100,
      description: 'at most this many bins',
    }),
  ),
});
export type TimelineQuery = Static<typeof TimelineQuery>;

export const Timeline = Type.Object({
  from: Type.Union([Type.String({ format: 'date-time' }), Type.Null()], {
    description: 'start of the first bin; null when no incident matches',
  }),
  to: Type.Union([Type.String({ format: 'date-time' }), Type.Null()], {
    description: 'end of the last bin (exclusive); null when no incident matches',
  }),
  binMs: Type.Integer({ minimum: 1, description: 'the width of every bin, in ms' }),
  bins: Type.Array(
    Type.Object({
      start: Type.String({ format: 'date-time' }),
      count: Type.Integer({ minimum: 0 }),
    }),
  ),
  unlocated: Type.Integer({
    minimum: 0,
    description: 'how many of the incidents counted have no place (not on maps)',
  }),
});
export type Timeline = Static<typeof Timeline>;

/** A zone an incident is in, near or may be in. */
export const IncidentZone = Type.Object({
  documentId: Type.String(),
  zoneId: Type.String(),
  name: Type.String(),
  kind: Type.String(),
  approximate: Type.Boolean(),
  inForce: Enum(['yes', 'indeterminate'] as const),
  relation: Enum(['inside', 'outside', 'indeterminate', 'near'] as const),
  distanceM: Type.Number(),
});
export type IncidentZone = Static<typeof IncidentZone>;

/** A person's merge or split. */
export const GroupingDecision = Type.Object({
  eventId: Type.String({
    description: 'the record event, for /api/v1/record/events/{eventId}',
  }),
  kind: Type.Union([Type.Literal('merge'), Type.Literal('split')]),
  reason: Type.String(),
  incidentIds: Type.Array(Type.String(), {
    description: 'the incidents as the decision named them',
  }),
  movedReportIds: Type.Array(Type.String(), {
    description: 'for a split, the reports taken out',
  }),
  by: Type.String(),
  at: Type.String(),
});
export type GroupingDecision = Static<typeof GroupingDecision>;

/** One incident with its zones, reports, people's decisions and the groupings' explanations. */
export const IncidentDetail = Type.Object({
  incident: Incident,
  zones: Type.Array(IncidentZone),
  reports: Type.Array(Loose),
  decisions: Type.Array(GroupingDecision, {
    description: 'people’s merges and splits that concerned these reports, oldest first',
  }),
  names: Type.Record(Type.String(), Type.String(), {
    description: 'user names of the principal ids in decisions',
  }),
  groupings: Type.Array(Loose),
});
export type IncidentDetail = Static<typeof IncidentDetail>;

const Reason = Type.String({
  minLength: 1,
  maxLength: 2000,
  description: 'why; kept in the record',
});

export const MergeInput = Type.Object(
  {
    incidentIds: Type.Array(Type.String({ maxLength: 64 }), { minItems: 2, maxItems: 100 }),
    reason: Reason,
  },
  { additionalProperties: false },
);
export type MergeInput = Static<typeof MergeInput>;

export const SplitInput = Type.Object(
  {
    reportIds: Type.Array(Type.String({ maxLength: 64 }), { minItems: 1, maxItems: 1000 }),
    reason: Reason,
  },
  { additionalProperties: false },
);
export type SplitInput = Static<typeof SplitInput>;

/** Incidents as CSV (RFC 4180). */
export const IncidentCsv = Type.Unsafe<unknown>({ type: 'string', description: 'CSV, RFC 4180' });

/**
 * A page of incidents as JSON or as GeoJSON (Accept: application/geo+json); the API document
 * leaves it open, IncidentList is the JSON form.
 */
export const IncidentPage = Loose;
export type IncidentPage = Static<typeof IncidentPage>;

/** A page of incidents as JSON: `next` is the cursor of the next page, null at the end. */
export const IncidentList = Type.Object({
  incidents: Type.Array(Incident),
  next: Type.Union([Type.String(), Type.Null()]),
  nextUrl: Type.Union([Type.String(), Type.Null()]),
});
export type IncidentList = Static<typeof IncidentList>;

/** Clusters of incidents as GeoJSON points with counts. */
export const ClusterCollection = Loose;
export type ClusterCollection = Static<typeof ClusterCollection>;
