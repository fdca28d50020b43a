import { afterEach, beforeEach, expect, it } from 'vitest';
import { systemPrincipal } from '../core/auth/principal.js';
import type { RecordedEvent } from '../core/events.js';
import { createServices, type Services } from '../services.js';
import { migrateToLatest, openStore } from '../store/database.js';
import { applyEvents } from '../store/record.js';
import { inTransaction } from '../store/transactions.js';
import { rebuildProjections } from './record-rebuild.js';
import {
  createTestDatabase,
  describeEachDialect,
  type TestDatabase,
} from '../../test/support/dialects.js';

const by = systemPrincipal('test');

/** A report near the Kramatorsk station, `metres` east of it, at 10:00 on 2022-04-08. */
function near(metres: number, overrides: Record<string, unknown> = {}) {
  return {
    value: {
      observedFrom: '2022-04-08T10:00:00Z',
      location: { lon: 37.5606 + metres / 73_500, lat: 48.7232, precision: 'vicinity' },
      mode: 'reported',
      type: 'missile_strike',
      source: { kind: 'monitor', name: `patrol ${metres}` },
      ...overrides,
    },
  };
}

describeEachDialect('grouping with the index kept in memory', (dialect) => {
  let database: TestDatabase;
  let first: Services;
  beforeEach(async () => {
    database = await createTestDatabase(dialect);
    first = await createServices(database.url);
  });
  afterEach(async () => {
    await first.close();
    await database.drop();
  });

  const incidentsOf = async (services: Services) =>
    (await services.incidents.list({ limit: 100 })).incidents.map((i) => i.reports);

  it('sees the reports another process wrote before grouping a new one', async () => {
    await first.reports.submit([near(0)], by);
    const second = await createServices(database.url);
    try {
      // The second process writes a report that bridges to the next one.
      await second.reports.submit([near(150)], by);
    } finally {
      await second.close();
    }
    // 300 m from the first, 150 m from the second's: it joins only through the second's report.
    await first.reports.submit([near(300)], by);
    expect(await incidentsOf(first)).toEqual([3]);
  });

  it('forgets the reports of a transaction that rolled back', async () => {
    const refused = await first.reports.submit(
      [near(0), { value: { observedFrom: 'not a date' } }],
      by,
      { allOrNothing: true },
    );
    expect(refused.map((r) => r.status)).toEqual(['accepted', 'rejected']);
    await first.reports.submit([near(50)], by);
    // Had the rolled-back report stayed in the index, the new one would be linked to a report
    // that does not exist.
    expect(await incidentsOf(first)).toEqual([1]);
    const [only] = (await first.incidents.list({ limit: 10 })).incidents;
    const detail = await first.incidents.get(only?.id ?? '');
    expect(detail.groupings).toEqual([]);
  });

  it('groups within a batch, across batches and with stored incidents alike', async () => {
    // One batch: a chain a-b-c founded together, d far away, and e joining a stored incident.
    await first.reports.submit([near(0, { source: { kind: 'monitor', name: 'early' } })], by);
    await first.reports.submit(
      [near(5_000), near(5_150), near(5_300), near(20_000), near(100)],
      by,
    );
    expect((await incidentsOf(first)).sort()).toEqual([1, 2, 3]);
  });
});

describeEachDialect('the grouping index after failures and rebuilds', (dialect) => {
  let database: TestDatabase;
  beforeEach(async () => {
    database = await createTestDatabase(dialect);
  });
  afterEach(() => database.drop());

  let n = 0;
  /** A stored report as a `reports.received` event carries it, `metres` east of the station. */
  const stored = (id: string, metres: number, clientId?: string) => ({
    id,
    receivedAt: '2024-01-01T00:00:00.000Z',
    submittedBy: 'system:test',
    ...(clientId === undefined ? {} : { clientId }),
    observedFrom: '2022-04-08T10:00:00.000Z',
    observedTo: '2022-04-08T10:00:00.000Z',
    timePrecision: 'exact',
    mode: 'reported',
    type: 'missile_strike',
    source: { kind: 'monitor', name: id },
    location: { lon: 37.5606 + metres / 73_500, lat: 48.7232, precision: 'vicinity', radiusM: 100 },
  });
  const received = (...reports: object[]) =>
    [
      {
        id: `event-${(n += 1)}`,
        type: 'reports.received',
        version: 1,
        at: '2024-01-01T00:00:00.000Z',
        by: 'system:test',
        payload: { reports },
      },
    ] as unknown as RecordedEvent[];

  it('forgets what a transaction that failed half-way put in it', async () => {
    const store = await openStore(database.url);
    await migrateToLatest(store);
    try {
      await inTransaction(store.db, (tx) => applyEvents(tx, received(stored('a', 5000, 'k'))));
      // The ghost is indexed, then its row clashes with a's client key: the batch rolls back.
      await expect(
        inTransaction(store.db, (tx) => applyEvents(tx, received(stored('ghost', 0, 'k')))),
      ).rejects.toThrow();
      await inTransaction(store.db, (tx) => applyEvents(tx, received(stored('b', 50))));
      expect(await store.db.selectFrom('grouping_links').selectAll().execute()).toEqual([]);
    } finally {
      await store.close();
    }
  });

  it('is rebuilt after the projections are', async () => {
    const one = await createServices(database.url);
    await one.reports.submit([near(0)], by);
    // Drift: the rows are lost from the projections (a bad restore, a manual delete).
    await one.store.db.deleteFrom('reports').execute();
    await one.store.db.deleteFrom('incidents').execute();
    await one.close();
    const two = await createServices(database.url);
    try {
      await two.reports.submit([near(50_000)], by);
      await rebuildProjections(two.store);
      await two.reports.submit([near(50)], by);
      const sizes = (await two.incidents.list({ limit: 10 })).incidents.map((i) => i.reports);
      expect(sizes.sort()).toEqual([1, 2]);
    } finally {
      await two.close();
    }
  });
});
