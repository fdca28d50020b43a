import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ReportInputSchema } from '../core/reports/report-schema.js';
import { ImportUsageError, readReports, type ImportFormat, type ImportRow } from './index.js';
import { finishRow, LIMITS } from './row.js';

const FIXTURES = join(import.meta.dirname, '../../test/fixtures/data');

async function firstError(input: Parameters<typeof readReports>[0]): Promise<unknown> {
  try {
    for await (const _row of readReports(input)) return undefined;
  } catch (error) {
    return error;
  }
  return undefined;
}

describe('readReports', () => {
  it('refuses unknown formats, misplaced maps, bad sources and missing files', async () => {
    const path = join(FIXTURES, 'acled-synthetic.csv');
    const cases: [Parameters<typeof readReports>[0], RegExp][] = [
      [{ path, format: 'kml' as ImportFormat }, /unknown format "kml"/],
      [{ path, format: 'acled', map: { a: 'type' } }, /only for --format csv/],
      [{ path, format: 'csv' }, /needs a column map/],
      [{ path, format: 'acled', source: '' }, /--source must be 1-200 characters/],
      [{ path: join(FIXTURES, 'nope.csv'), format: 'acled' }, /is not a readable file/],
      [{ path, format: 'acled', dateFormat: 'YYYY/MM/DD' }, /--date-format "YYYY\/MM\/DD"/],
    ];
    for (const [input, message] of cases) {
      const error = await firstError(input);
      expect(error, String(message)).toBeInstanceOf(ImportUsageError);
      expect((error as Error).message).toMatch(message);
    }
  });

  it('refuses a file that lacks the columns of the chosen format', async () => {
    const error = await firstError({ path: join(FIXTURES, 'acled-synthetic.csv'), format: 'ucdp' });
    expect((error as Error).message).toMatch(
      /is not a UCDP GED file: it lacks the column\(s\) id, /,
    );
  });

  it('gives every report of every fixture a value the report schema accepts', async () => {
    const runs: [string, ImportFormat][] = [
      ['ucdp-ukraine-utf8-excerpt.csv', 'ucdp'],
      ['ucdp-car-excerpt.geojson', 'ucdp-geojson'],
      ['acled-synthetic.csv', 'acled'],
      ['viina-2025-excerpt.csv', 'viina'],
      ['cir-synthetic.csv', 'cir'],
      ['bellingcat-2024-synthetic.json', 'bellingcat'],
    ];
    for (const [file, format] of runs) {
      const rows: ImportRow[] = [];
      for await (const row of readReports({ path: join(FIXTURES, file), format })) rows.push(row);
      for (const row of rows) {
        const errors = row.problems.filter((p) => p.severity === 'error');
        expect(row.report === undefined, `${file}:${row.line}`).toBe(errors.length > 0);
        expect(
          errors.filter((p) => p.field.startsWith('report/')),
          `${file}:${row.line}`,
        ).toEqual([]);
      }
    }
  });

  it('turns a report the schema refuses into errors instead of passing it on', () => {
    const row = finishRow({
      line: 7,
      original: {},
      problems: [],
      report: {
        observedFrom: 'yesterday',
        mode: 'reported',
        type: 'shelling',
        source: { kind: 'dataset', name: 'x' },
      },
    });
    expect(row.report).toBeUndefined();
    expect(row.problems).toEqual([
      { field: 'report/observedFrom', message: 'must match format "date-time"', severity: 'error' },
    ]);
  });

  it('uses the length limits of the report schema', () => {
    const props = ReportInputSchema.properties as unknown as Record<
      string,
      Record<string, unknown>
    >;
    expect(props['text']?.['maxLength']).toBe(LIMITS.text);
    expect(props['placeName']?.['maxLength']).toBe(LIMITS.placeName);
    expect(props['subType']?.['maxLength']).toBe(LIMITS.subType);
    expect(props['weaponClass']?.['maxLength']).toBe(LIMITS.weaponClass);
    expect(props['direction']?.['maxLength']).toBe(LIMITS.direction);
    expect(props['sourceRecordId']?.['maxLength']).toBe(LIMITS.sourceRecordId);
    expect(props['actors']?.['maxItems']).toBe(LIMITS.actors);
    expect((props['actors']?.['items'] as Record<string, unknown>)['maxLength']).toBe(LIMITS.actor);
  });
});
