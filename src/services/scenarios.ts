/**
 * The built-in scenarios (scenarios/ in the project): agreement files that `truce demo` and a
 * demo start on an empty database load, so a new user sees real material at once.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { systemPrincipal } from '../core/auth/principal.js';
import type { AgreementsService } from './agreements-service.js';
import type { ImportOutcome } from './agreement-import.js';
import type { ReportsService } from './reports-service.js';
import { REPLAY_SCENARIOS, replayEvents } from './replay.js';

/** Where the scenario files are: `scenarios/` at the project root (next to src/ and dist/). */
export const SCENARIOS_DIR = fileURLToPath(new URL('../../scenarios/', import.meta.url));

/** One scenario: its directory name and agreement files (absolute paths, sorted). */
export interface Scenario {
  readonly name: string;
  readonly files: readonly string[];
}

/** The scenarios shipped with Truce, by name. */
export function listScenarios(dir = SCENARIOS_DIR): Scenario[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => ({
      name: entry.name,
      files: readdirSync(join(dir, entry.name))
        .filter((f) => /\.(ya?ml|json)$/.test(f))
        .sort()
        .map((f) => join(dir, entry.name, f)),
    }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

/**
 * Imports every scenario file (each file all-or-nothing; importing again records only what
 * changed). Returns what each file did, by path relative to the scenarios directory.
 */
export async function loadScenarios(
  agreements: AgreementsService,
  dir = SCENARIOS_DIR,
): Promise<{ file: string; outcome: ImportOutcome }[]> {
  const by = systemPrincipal('demo');
  const results: { file: string; outcome: ImportOutcome }[] = [];
  for (const scenario of listScenarios(dir)) {
    for (const path of scenario.files) {
      const name = relative(dir, path);
      const text = readFileSync(path, 'utf8');
      const format = path.endsWith('.json') ? 'json' : 'yaml';
      results.push({
        file: name,
        outcome: await agreements.importText({ text, format, name }, by),
      });
    }
  }
  return results;
}

/**
 * The replayable scenarios' real events (UCDP GED rows), submitted at once as reports, so a
 * demo's map and timeline show incidents from the start. They arrive as reports of an open
 * source and stay `reported`: nothing is verified or attributed on anyone's behalf. Returns how
 * many were new.
 */
export async function loadScenarioReports(reports: ReportsService): Promise<number> {
  const by = systemPrincipal('demo');
  let accepted = 0;
  for (const scenario of Object.values(REPLAY_SCENARIOS)) {
    const { events } = await replayEvents(scenario, {});
    const results = await reports.submit(
      events.map((event) => ({ value: event.report })),
      by,
    );
    accepted += results.filter((result) => result.status === 'accepted').length;
  }
  return accepted;
}
