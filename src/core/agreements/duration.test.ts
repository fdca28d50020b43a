import { describe, expect, it } from 'vitest';
import { addDuration, describeDuration, parseDuration, type Duration } from './duration.js';

describe('ISO 8601 durations', () => {
  it('parses the forms agreements use', () => {
    expect(parseDuration('P15Y')).toMatchObject({ years: 15, days: 0 });
    expect(parseDuration('PT24H')).toMatchObject({ hours: 24 });
    expect(parseDuration('P1DT12H')).toMatchObject({ days: 1, hours: 12 });
    expect(parseDuration('P2W')).toMatchObject({ weeks: 2 });
  });

  it.each(['P', 'PT', 'P1DT', '15Y', 'P1H', 'P-1D', 'P1.5D', 'PT1S2M'])('refuses "%s"', (text) => {
    expect(parseDuration(text)).toMatch(/is not an ISO 8601 duration/);
  });

  it('adds years and months by the calendar and the rest by the clock', () => {
    const start = new Date('2015-02-15T00:00:00Z');
    expect(addDuration(start, parseDuration('P14D') as Duration).toISOString()).toBe(
      '2015-03-01T00:00:00.000Z',
    );
    expect(addDuration(start, parseDuration('P1Y') as Duration).toISOString()).toBe(
      '2016-02-15T00:00:00.000Z',
    );
    expect(addDuration(start, parseDuration('PT72H') as Duration).toISOString()).toBe(
      '2015-02-18T00:00:00.000Z',
    );
  });

  it('reads out a duration in words', () => {
    expect(describeDuration(parseDuration('P1DT12H') as Duration)).toBe('1 day 12 hours');
    expect(describeDuration(parseDuration('P15Y') as Duration)).toBe('15 years');
  });
});
