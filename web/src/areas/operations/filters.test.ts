import { describe, expect, it } from 'vitest';
import {
  apiParams,
  atLeast,
  filtersKey,
  NO_FILTERS,
  operationsPath,
  parseMapPosition,
  parseOpsFilters,
} from './filters';

describe('the operations filters in the address', () => {
  it('round-trips every filter through the canonical query string, keys sorted', () => {
    const filters = {
      from: '2015-02-15T00:00:00.000Z',
      to: '2015-02-20T00:00:00.000Z',
      type: 'shelling',
      status: 'corroborated,verified',
      sourceKind: 'monitor',
      zone: 'minsk-ii-2015/security-zone-artillery-50km',
      q: 'water station',
    };
    const key = filtersKey(filters);
    expect(key.split('&').map((pair) => pair.split('=')[0])).toEqual([
      'from',
      'q',
      'sourceKind',
      'status',
      'to',
      'type',
      'zone',
    ]);
    expect(parseOpsFilters(key)).toEqual(filters);
    expect(parseOpsFilters(`?${key}`)).toEqual(filters);
  });

  it('drops unknown or malformed values without throwing', () => {
    expect(
      parseOpsFilters(
        '?type=fireworks&status=lost,verified,reported,verified&sourceKind=rumour&from=yesterday&to=2015-13-45T00:00:00Z&zone=../../etc&q=%E0%A4',
      ),
    ).toEqual({ ...NO_FILTERS, status: 'reported,verified', q: '\uFFFD' });
    expect(parseOpsFilters('%%%&&=')).toEqual(NO_FILTERS);
  });

  it('puts a reversed time range the right way round', () => {
    const parsed = parseOpsFilters('from=2015-03-01T00:00:00Z&to=2015-02-01T00:00:00Z');
    expect(parsed.from).toBe('2015-02-01T00:00:00.000Z');
    expect(parsed.to).toBe('2015-03-01T00:00:00.000Z');
  });

  it('keeps the map position out of the filter key but in the path', () => {
    const path = operationsPath({ ...NO_FILTERS, type: 'mining' }, { zoom: 7, lat: 48, lon: 38 });
    expect(path).toBe('/operations?type=mining&map=7.00%2F48.00000%2F38.00000');
    const search = path.slice(path.indexOf('?'));
    expect(filtersKey(parseOpsFilters(search))).toBe('type=mining');
    expect(parseMapPosition(search)).toEqual({ zoom: 7, lat: 48, lon: 38 });
    expect(parseMapPosition('?map=99/0/0')).toBeNull();
    expect(parseMapPosition('?map=nonsense')).toBeNull();
    expect(operationsPath(NO_FILTERS)).toBe('/operations');
  });

  it('expands "at least" a rung of the ladder and leaves times out of untimed queries', () => {
    expect(atLeast('corroborated')).toBe('corroborated,verified');
    expect(atLeast('rejected')).toBe('');
    const params = apiParams(
      { ...NO_FILTERS, from: '2015-02-15T00:00:00.000Z', type: 'shelling' },
      { untimed: true },
    );
    expect(params.toString()).toBe('type=shelling');
  });
});
