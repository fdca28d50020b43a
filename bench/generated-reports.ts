// Generated reports for the benchmarks: a seeded generator, so every run measures the same
// data, and its CSV file in the columns `truce import` maps.
import { closeSync, openSync, writeSync } from 'node:fs';
import type { Principal } from '../src/core/auth/principal.js';
import { importReportFile } from '../src/services/import-service.js';
import type { ReportsService } from '../src/services/reports-service.js';
import { seeded } from '../test/support/seeded.js';

const TYPES = ['shelling', 'air_strike', 'drone_strike', 'missile_strike', 'armed_clash'];

export interface Generated {
  id: string;
  at: string;
  lat: number;
  lon: number;
  type: string;
  text: string;
}

/**
 * Reports over eastern Ukraine and a year, in date order (hours shuffled within each day); one
 * in ten is a second report of the event before it (30 m and minutes away), which groups.
 */
export function* generate(count: number): Generator<Generated, void, undefined> {
  const random = seeded(42);
  const start = Date.parse('2022-03-01T00:00:00Z');
  let previous: Generated | undefined;
  for (let i = 0; i < count; i += 1) {
    const id = `g${String(i).padStart(8, '0')}`;
    let report: Generated;
    if (previous !== undefined && random() < 0.1) {
      report = {
        ...previous,
        id,
        lat: previous.lat + 0.0002,
        at: new Date(Date.parse(previous.at) + 600_000).toISOString(),
        text: `second report of ${previous.id}`,
      };
    } else {
      const day = Math.floor((i / count) * 365);
      const at = start + day * 86_400_000 + Math.floor(random() * 86_400) * 1000;
      report = {
        id,
        at: new Date(at).toISOString(),
        lat: 47 + random() * 3,
        lon: 35 + random() * 5,
        type: TYPES[Math.floor(random() * TYPES.length)] ?? 'shelling',
        text: `generated report ${i}`,
      };
    }
    previous = report;
    yield report;
  }
}

export function writeCsv(path: string, count: number): void {
  const fd = openSync(path, 'w');
  let buffer = 'id,date,lat,lon,precision,type,text\n';
  for (const r of generate(count)) {
    buffer += `${r.id},${r.at},${r.lat.toFixed(6)},${r.lon.toFixed(6)},vicinity,${r.type},${r.text}\n`;
    if (buffer.length > 1 << 20) {
      writeSync(fd, buffer);
      buffer = '';
    }
  }
  writeSync(fd, buffer);
  closeSync(fd);
}

/** Imports a file writeCsv wrote, through `truce import`'s code path, its columns mapped. */
export function importGenerated(reports: ReportsService, path: string, by: Principal) {
  return importReportFile(
    reports,
    {
      path,
      format: 'csv',
      source: 'bench generator',
      map: {
        id: 'sourceRecordId',
        date: 'observedFrom',
        lat: 'lat',
        lon: 'lon',
        precision: 'precision',
        type: 'type',
        text: 'text',
      },
    },
    by,
  );
}
