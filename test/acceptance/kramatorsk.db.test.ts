// Acceptance on the full real files of ../shared/data (not shipped: CIR and Bellingcat carry no
// licence to redistribute). Skipped when the folder is absent, as on a fresh clone elsewhere.
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { systemPrincipal } from '../../src/core/auth/principal.js';
import { readReports, type ImportFormat } from '../../src/importers/index.js';
import { createTestApp } from '../support/test-app.js';

const shared = new URL('../../../shared/data/', import.meta.url).pathname;
const cir = `${shared}cir-russia-ukraine-monitor/events.csv`;
const bellingcat = `${shared}bellingcat-civharm/ukr-civharm-2024-06-02.json`;

describe.skipIf(!existsSync(cir) || !existsSync(bellingcat))(
  'real data: the Kramatorsk station strike',
  () => {
    it('is one incident with reports from both CIR and Bellingcat after importing both files', async () => {
      const t = await createTestApp('sqlite');
      try {
        const by = systemPrincipal('import');
        const load = async (path: string, format: ImportFormat) => {
          let batch: { value: unknown; original: unknown }[] = [];
          for await (const row of readReports({ path, format })) {
            if (row.report) batch.push({ value: row.report, original: row.original });
            if (batch.length === 1000) {
              await t.services.reports.submit(batch, by);
              batch = [];
            }
          }
          await t.services.reports.submit(batch, by);
        };
        await load(cir, 'cir');
        await load(bellingcat, 'bellingcat');
        const row = await t.services.store.db
          .selectFrom('reports')
          .select('incident_id')
          .where('source_key', 'like', '%:CIV0722')
          .executeTakeFirstOrThrow();
        const { incident, reports } = await t.services.incidents.get(row.incident_id ?? '');
        const sources = new Set(
          reports.map((r) => r.source.kind + ':' + r.source.name.split(' ')[0]),
        );
        expect(incident.sources).toBeGreaterThanOrEqual(2);
        expect([...sources].some((s) => /bellingcat/i.test(s))).toBe(true);
        expect(reports.some((r) => r.sourceRecordId === 'UW5034')).toBe(true);
      } finally {
        await t.close();
      }
    }, 120_000);
  },
);
