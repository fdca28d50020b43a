/**
 * Factories for agreement documents, versions and commitments, for the concreteness tests: a
 * baseline that scores 2 on every point, and overrides that change or (with `undefined`) remove
 * single fields.
 */
import { scoreCommitment, type Scorecard } from '../../src/core/agreements/concreteness.js';
import type {
  AgreementDocument,
  Commitment,
  DocumentVersion,
} from '../../src/core/agreements/file-schema.js';

/** Overrides for a factory; a key set to `undefined` removes the field. */
export type Overrides<T> = { [K in keyof T]?: T[K] | undefined };

/** The base with the overrides applied; keys overridden with `undefined` are removed. */
export function withOverrides<T extends object>(base: T, overrides: Overrides<T>): T {
  const merged: Record<string, unknown> = { ...base, ...overrides };
  for (const [key, value] of Object.entries(merged)) if (value === undefined) delete merged[key];
  return merged as T;
}

/** A ratified treaty in one language, signed by its party (PTY) and its guarantor (GRT). */
export function buildDocument(overrides: Overrides<AgreementDocument> = {}): AgreementDocument {
  return withOverrides(
    {
      id: 'doc',
      title: 'Security Agreement',
      kind: 'security_agreement',
      legalForm: 'ratified_treaty',
      languages: ['en'],
      roles: [
        { actor: 'PTY', role: 'party', signature: 'signed' },
        { actor: 'GRT', role: 'guarantor', signature: 'signed' },
        { actor: 'BEN', role: 'beneficiary' },
      ],
    },
    overrides,
  );
}

/** The final English text of `buildDocument()`. */
export function buildVersion(overrides: Overrides<DocumentVersion> = {}): DocumentVersion {
  return withOverrides(
    { id: 'final-en', kind: 'final', language: 'en', text: 'The full text.' },
    overrides,
  );
}

/** A commitment that is concrete on every point (26/26) against `buildDocument()`. */
export function buildCommitment(overrides: Overrides<Commitment> = {}): Commitment {
  return withOverrides(
    {
      id: 'c1',
      obligor: 'GRT',
      beneficiary: 'BEN',
      text: 'GRT shall deploy two air defence batteries to the security zone within 72 hours of a verified missile strike by PTY, and keep them there for two years.',
      strength: 'shall',
      trigger: {
        eventTypes: ['missile_strike'],
        actors: ['PTY'],
        zones: ['security-zone'],
        minVerification: 'verified',
        mechanism: 'Joint Monitoring Mission',
        determinedBy: { body: 'Joint Monitoring Mission', actor: 'JMM' },
      },
      responses: [
        {
          kind: 'air_defence',
          quantity: { amount: 2, unit: 'batteries' },
          period: 'P2Y',
          appropriation: 'not_required',
        },
      ],
      deadline: { duration: 'PT72H', binds: 'response' },
      validity: { start: '2025-01-01', duration: 'P10Y' },
      backing: { level: 'in_place', description: 'batteries stationed 40 km away' },
    },
    overrides,
  );
}

/** The baseline trigger with some fields changed or (set to undefined) removed. */
export function buildTrigger(overrides: Overrides<NonNullable<Commitment['trigger']>>) {
  return withOverrides(buildCommitment().trigger ?? {}, overrides);
}

/** The baseline air defence response: 2 batteries for two years, funds secured. */
export function buildResponse() {
  const [response] = buildCommitment().responses ?? [];
  if (!response) throw new Error('the baseline has a response');
  return response;
}

/** One scoring case: overrides of the baseline commitment and document, and the versions. */
export interface Case {
  commitment?: Overrides<Commitment>;
  document?: Overrides<AgreementDocument>;
  versions?: DocumentVersion[];
}

/** Scores the baseline commitment with the case's overrides (default versions: `buildVersion()`). */
export function scoreCase({
  commitment = {},
  document = {},
  versions = [buildVersion()],
}: Case = {}) {
  return scoreCommitment(buildCommitment(commitment), {
    document: buildDocument(document),
    versions,
  });
}

/** The score of one point (1..13) of a card. */
export const pointOf = (card: Scorecard, point: number) => card.points[point - 1];
