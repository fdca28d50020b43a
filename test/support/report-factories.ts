/**
 * A report as clients send it to the intake API, for the route tests: the Kramatorsk station
 * strike of 8 April 2022 as one open source saw it; any field can be overridden.
 */
export function buildReport(overrides: Record<string, unknown> = {}) {
  return {
    observedFrom: '2022-04-08T07:25:00Z',
    observedTo: '2022-04-08T07:45:00Z',
    location: { lon: 37.5606, lat: 48.7232, precision: 'vicinity' },
    mode: 'reported',
    type: 'missile_strike',
    source: { kind: 'open_source', name: 'CIR' },
    text: 'Missile strike on the railway station',
    ...overrides,
  };
}
