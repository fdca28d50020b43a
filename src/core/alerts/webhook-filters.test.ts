import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors.js';
import {
  checkWebhookFilters,
  checkWebhookUrl,
  insideAnyZone,
  passesFilters,
  type AlertFacts,
} from './webhook-filters.js';

function buildAlert(fields: Partial<AlertFacts['incident']> = {}): AlertFacts {
  return {
    alertId: 'al1',
    activationId: 'ac1',
    documentId: 'doc',
    commitmentId: 'c1',
    obligor: 'guarantor-a',
    msgType: 'Alert',
    headline: 'h',
    sent: '2025-03-01T00:00:00.000Z',
    cap: '<alert/>',
    incident: {
      id: 'i1',
      type: 'armed_clash',
      location: { lon: 179.5, lat: -17, radiusM: 10 },
      ...fields,
    },
  };
}

function pathOf(work: () => unknown): string | undefined {
  try {
    work();
    return undefined;
  } catch (error) {
    if (error instanceof DomainError) return error.details[0]?.path;
    throw error;
  }
}

describe('passesFilters', () => {
  it('passes everything when no filter is set', () => {
    expect(passesFilters({}, buildAlert())).toBe(true);
  });

  it('matches the obligor and the commitment as <document>/<commitment>', () => {
    expect(passesFilters({ obligors: ['guarantor-b'] }, buildAlert())).toBe(false);
    expect(passesFilters({ commitments: ['doc/c1'] }, buildAlert())).toBe(true);
    expect(passesFilters({ commitments: ['doc/c2'] }, buildAlert())).toBe(false);
  });

  it('lets a category stand for its incident types', () => {
    expect(passesFilters({ incidentTypes: ['kinetic_direct'] }, buildAlert())).toBe(true);
    expect(passesFilters({ incidentTypes: ['obstruction'] }, buildAlert())).toBe(false);
    expect(passesFilters({ incidentTypes: ['armed_clash'] }, buildAlert())).toBe(true);
  });

  it('keeps both sides of a bbox that crosses the antimeridian, and no alert without a place', () => {
    expect(passesFilters({ bbox: [170, -20, -170, -10] }, buildAlert())).toBe(true);
    expect(passesFilters({ bbox: [-170, -20, 170, -10] }, buildAlert())).toBe(false);
    expect(passesFilters({ bbox: [170, -20, -170, -10] }, buildAlert({ location: null }))).toBe(
      false,
    );
  });
});

describe('insideAnyZone', () => {
  const square = {
    type: 'Polygon' as const,
    coordinates: [
      [
        [30, 50],
        [31, 50],
        [31, 51],
        [30, 51],
        [30, 50],
      ],
    ],
  };

  it('is true for a place inside one of the zones and false outside all', () => {
    expect(insideAnyZone({ lon: 30.5, lat: 50.5, radiusM: 10 }, [square])).toBe(true);
    expect(insideAnyZone({ lon: 35, lat: 50.5, radiusM: 10 }, [square])).toBe(false);
    expect(insideAnyZone({ lon: 30.5, lat: 50.5, radiusM: 10 }, [])).toBe(false);
  });
});

describe('checking an endpoint', () => {
  it('takes absolute http(s) URLs only, without credentials or fragment', () => {
    expect(checkWebhookUrl('https://example.org/hook')).toBe('https://example.org/hook');
    expect(pathOf(() => checkWebhookUrl('/hook'))).toBe('url');
    expect(pathOf(() => checkWebhookUrl('ftp://example.org/'))).toBe('url');
    expect(pathOf(() => checkWebhookUrl('https://u:p@example.org/'))).toBe('url');
    expect(pathOf(() => checkWebhookUrl('https://example.org/#x'))).toBe('url');
  });

  it('refuses unknown filters, a bbox out of range and ids without a document', () => {
    expect(pathOf(() => checkWebhookFilters({ colour: ['red'] } as never))).toBe('filters/colour');
    expect(pathOf(() => checkWebhookFilters({ bbox: [0, 10, 1, 5] }))).toBe('filters/bbox');
    expect(pathOf(() => checkWebhookFilters({ zones: ['zone-only'] }))).toBe('filters/zones');
  });

  it('drops the filters left undefined', () => {
    expect(checkWebhookFilters({ obligors: ['a'], zones: undefined })).toEqual({ obligors: ['a'] });
  });
});
