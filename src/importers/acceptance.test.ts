/**
 * Acceptance on the full data files of ../shared/data (see its README): skipped when that
 * folder is absent (a fresh clone), run wherever it sits beside the repository (CI does).
 */
import { existsSync, createWriteStream } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DateFormatAmbiguity, readReports, type ImportFormat, type ImportRow } from './index.js';

const DATA = join(import.meta.dirname, '../../../shared/data');
const UCDP_UTF8 = join(DATA, 'ucdp-ged-ukraine/UCDP-Ukraine_2014-01-22_to_2022-02-23_utf8.csv');
const UCDP_CP1252 = join(DATA, 'ucdp-ged-ukraine/UCDP-Ukraine_2014_to_2023_cp1252_mixed.csv');
const CIR = join(DATA, 'cir-russia-ukraine-monitor/events.csv');

async function collect(
  path: string,
  format: ImportFormat,
  dateFormat?: string,
): Promise<ImportRow[]> {
  const rows: ImportRow[] = [];
  const input = { path, format, ...(dateFormat ? { dateFormat } : {}) };
  for await (const row of readReports(input)) rows.push(row);
  return rows;
}

function day(instant: string | undefined): string {
  return instant?.slice(0, 10) ?? '';
}

describe.skipIf(!existsSync(DATA))('acceptance on the full files of ../shared/data', () => {
  it('stops on the Windows-1252 UCDP file until told the day/month order', async () => {
    await expect(collect(UCDP_CP1252, 'ucdp')).rejects.toThrow(DateFormatAmbiguity);
    await expect(collect(UCDP_CP1252, 'ucdp')).rejects.toThrow(
      /^column date_start: 1315 rows shaped nn\/nn\/yyyy hh:mm fit both DD\/MM and MM\/DD/,
    );
  });

  it('imports every row of the Windows-1252 UCDP file, each on its own line', async () => {
    const rows = await collect(UCDP_CP1252, 'ucdp', 'MM/DD/YYYY');
    expect(rows).toHaveLength(3883);
    expect(rows.filter((r) => r.report === undefined)).toEqual([]);
    expect(rows.every((r, i) => i === 0 || r.line > (rows[i - 1]?.line ?? 0))).toBe(true);
    expect(rows.at(-1)?.line).toBeLessThanOrEqual(4056);
  });

  it('gives rows found in both UCDP files the same dates, except records UCDP revised', async () => {
    const utf8 = new Map((await collect(UCDP_UTF8, 'ucdp')).map((r) => [r.sourceRecordId, r]));
    expect(utf8.size).toBe(3077);
    const mixed = await collect(UCDP_CP1252, 'ucdp', 'MM/DD/YYYY');
    const shared = mixed.filter((r) => utf8.has(r.sourceRecordId));
    expect(shared).toHaveLength(2987);
    const differ: string[] = [];
    for (const row of shared) {
      const twin = utf8.get(row.sourceRecordId)?.report;
      for (const key of ['observedFrom', 'observedTo'] as const) {
        const [ours, theirs] = [day(row.report?.[key]), day(twin?.[key])];
        if (ours === theirs) continue;
        // A day/month mix-up would show as the same date with day and month swapped.
        const swapped = `${ours.slice(0, 4)}-${ours.slice(8, 10)}-${ours.slice(5, 7)}`;
        expect(swapped, `${row.sourceRecordId} ${key}`).not.toBe(theirs);
        differ.push(`${row.sourceRecordId} ${key}`);
      }
    }
    // The 2023 file carries later UCDP revisions of 9 events (a day earlier or later, or a
    // year corrected); none is a day/month swap.
    expect(differ).toHaveLength(11);
  });

  it('reports the defects of the CIR file on their lines', async () => {
    const rows = await collect(CIR, 'cir');
    expect(rows).toHaveLength(6650);
    const lines = (field: string, pattern: RegExp) =>
      rows
        .filter((r) => r.problems.some((p) => p.field === field && pattern.test(p.message)))
        .map((r) => r.line);
    expect(lines('entry', /^is empty$/)).toEqual([73, 102, 127, 1389]);
    expect(lines('date', /^is empty$/)).toEqual([6648, 6649, 6650, 6651]);
    expect(lines('entry', /^id UW0523 also on line 492$/)).toEqual([493, 494]);
    expect(lines('violence level', /is not a level 1-5/)).toHaveLength(166);
    expect(lines('lat', /outside Ukraine/).length + lines('lon', /outside Ukraine/).length).toBe(
      40,
    );
    expect(lines('country', /Belaurs/)).toHaveLength(2);
    expect(rows.filter((r) => r.report).length).toBe(6420);
  });

  it('imports the GeoJSON, VIINA and Bellingcat files without a crash', async () => {
    const runs: [string, ImportFormat, number, number][] = [
      ['ucdp-ged-car/GEDEvent_v23_1.geojson', 'ucdp-geojson', 1848, 1848],
      ['viina-derived/VIINA_2022_REBUILD.csv', 'viina', 2060, 2060],
      ['viina-derived/VIINA_2023_REBUILD.csv', 'viina', 650, 650],
      ['viina-derived/VIINA_2024_REBUILD.csv', 'viina', 543, 543],
      ['viina-derived/VIINA_2025_REBUILD.csv', 'viina', 325, 325],
      ['bellingcat-civharm/ukr-civharm-2022-04-11.json', 'bellingcat', 341, 341],
      ['bellingcat-civharm/ukr-civharm-2024-06-02.json', 'bellingcat', 1790, 1789],
    ];
    for (const [file, format, total, reports] of runs) {
      const rows = await collect(join(DATA, file), format);
      expect([rows.length, rows.filter((r) => r.report).length], file).toEqual([total, reports]);
    }
  });

  it(
    'streams a CSV twenty times the largest file in bounded memory',
    { timeout: 180_000 },
    async () => {
      const bytes = await readFile(UCDP_CP1252);
      const headerEnd = bytes.indexOf(0x0a) + 1;
      const dir = await mkdtemp(join(tmpdir(), 'truce-acceptance-'));
      const path = join(dir, 'ucdp-x20.csv');
      const out = createWriteStream(path);
      out.write(bytes.subarray(0, headerEnd));
      for (let i = 0; i < 20; i += 1) out.write(bytes.subarray(headerEnd));
      out.end();
      await once(out, 'finish');
      const base = process.memoryUsage().heapUsed;
      let peak = base;
      let count = 0;
      try {
        const input = { path, format: 'ucdp', dateFormat: 'MM/DD/YYYY' } as const;
        for await (const row of readReports(input)) {
          count += 1;
          if (row.report === undefined) throw new Error(`line ${row.line} has no report`);
          if (count % 500 === 0) peak = Math.max(peak, process.memoryUsage().heapUsed);
        }
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
      expect(count).toBe(3883 * 20);
      // The file is 50 MB (100 MB as JS strings): holding it, or its rows, would need far more.
      expect(peak - base).toBeLessThan(150 * 1024 * 1024);
    },
  );
});
