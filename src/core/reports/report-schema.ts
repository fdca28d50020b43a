/**
 * A report as a client sends it (API, importers): one raw observation or allegation from one
 * source. The TypeBox schema is the single definition; the API validates with it and the
 * importers build values of its type. Semantic checks (ranges, order of times) are in
 * check-report.ts.
 */
import { Type, type Static } from 'typebox';
import { INCIDENT_TYPES } from '../agreements/vocabulary.js';
import {
  CREDIBILITY_GRADES,
  LOCATION_PRECISION_NAMES,
  OBSERVATION_MODES,
  RELIABILITY_GRADES,
  SOURCE_KINDS,
  TIME_PRECISIONS,
} from './vocabulary.js';

function Enum<const T extends readonly (string | number)[]>(values: T, description?: string) {
  return Type.Unsafe<T[number]>({ enum: [...values], ...(description ? { description } : {}) });
}
const Count = Type.Integer({ minimum: 0, maximum: 1_000_000 });
const Estimate = Type.Object(
  { low: Type.Optional(Count), best: Type.Optional(Count), high: Type.Optional(Count) },
  { additionalProperties: false, description: 'low / best / high estimates, as UCDP gives them' },
);

export const ReportSourceSchema = Type.Object(
  {
    kind: Enum(SOURCE_KINDS),
    name: Type.String({ minLength: 1, maxLength: 200 }),
    reliability: Type.Optional(Enum(RELIABILITY_GRADES, 'Admiralty code A-F')),
    credibility: Type.Optional(Enum(CREDIBILITY_GRADES, 'Admiralty code 1-6')),
  },
  { additionalProperties: false },
);

export const ReportInputSchema = Type.Object(
  {
    clientId: Type.Optional(
      Type.String({
        minLength: 1,
        maxLength: 100,
        pattern: '^[\\x21-\\x7e]+$',
        description: 'chosen by the client; sending the same id again is a no-op',
      }),
    ),
    sourceRecordId: Type.Optional(
      Type.String({ minLength: 1, maxLength: 100, description: 'the id in the source data set' }),
    ),
    observedFrom: Type.String({ format: 'date-time', description: 'start of the time window' }),
    observedTo: Type.Optional(
      Type.String({ format: 'date-time', description: 'end of the window' }),
    ),
    timePrecision: Type.Optional(Enum(TIME_PRECISIONS)),
    location: Type.Optional(
      Type.Object(
        {
          lon: Type.Number({ minimum: -180, maximum: 180 }),
          lat: Type.Number({ minimum: -90, maximum: 90 }),
          precision: Type.Optional(Enum(LOCATION_PRECISION_NAMES)),
          radiusM: Type.Optional(Type.Number({ minimum: 0, maximum: 1_000_000 })),
        },
        { additionalProperties: false },
      ),
    ),
    placeName: Type.Optional(Type.String({ maxLength: 300 })),
    mode: Enum(OBSERVATION_MODES),
    type: Enum(INCIDENT_TYPES),
    subType: Type.Optional(Type.String({ maxLength: 100 })),
    counts: Type.Optional(
      Type.Object(
        {
          explosions: Type.Optional(Count),
          projectiles: Type.Optional(Count),
          bursts: Type.Optional(Count),
        },
        { additionalProperties: false },
      ),
    ),
    weaponClass: Type.Optional(Type.String({ maxLength: 100 })),
    direction: Type.Optional(Type.String({ maxLength: 100 })),
    fatalities: Type.Optional(Estimate),
    injured: Type.Optional(Estimate),
    actors: Type.Optional(
      Type.Array(Type.String({ minLength: 1, maxLength: 200 }), { maxItems: 10 }),
    ),
    source: ReportSourceSchema,
    language: Type.Optional(Type.String({ pattern: '^[a-z]{2,3}$' })),
    text: Type.Optional(Type.String({ maxLength: 20_000 })),
    evidence: Type.Optional(
      Type.Array(
        Type.String({ pattern: '^[0-9a-f]{64}$', description: 'SHA-256 of uploaded evidence' }),
        {
          maxItems: 50,
        },
      ),
    ),
    correctionOf: Type.Optional(
      Type.String({ maxLength: 64, description: 'the report this corrects' }),
    ),
  },
  { $id: 'ReportInput', additionalProperties: false },
);

export type ReportInput = Static<typeof ReportInputSchema>;
export type ReportSource = Static<typeof ReportSourceSchema>;
