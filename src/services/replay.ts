/**
 * Replaying a scenario's real events as reports, in their original order and spacing (sped up),
 * into a Truce: the local database, or a running server over its API. With `autoVerify` (a demo
 * aid, and every step says so), each new incident is also taken up the ladder, its attribution
 * declined (UCDP records who fought whom, not who fired) and a finding recorded against the
 * ceasefire, so the scenario's commitments can activate while one watches.
 */
import type { ReportInput } from '../core/reports/report-schema.js';
import { readReports } from '../importers/index.js';

/** A scenario that can be replayed: its events file and what a finding qualifies them as. */
export interface ReplayScenario {
  readonly name: string;
  readonly description: string;
  /** A UCDP GED CSV file, shipped with Truce. */
  readonly eventsFile: string;
  /** The events start here (the ceasefire). */
  readonly from: string;
  readonly finding: { readonly documentId: string; readonly provisionId: string };
}

const SCENARIO_DIRECTORY = new URL('../../scenarios/', import.meta.url);

/** The scenarios `truce replay` knows. */
export const REPLAY_SCENARIOS: Readonly<Record<string, ReplayScenario>> = {
  minsk2: {
    name: 'minsk2',
    description:
      'UCDP GED events in Ukraine from the Minsk II ceasefire (2015-02-15) to the end of March 2015',
    eventsFile: new URL('minsk-2015/ucdp-ged-2015-02-15-to-03-31.csv', SCENARIO_DIRECTORY).pathname,
    from: '2015-02-14T22:00:00.000Z',
    finding: { documentId: 'minsk-ii-2015', provisionId: 'ceasefire' },
  },
};

/** One event to replay: the report, and the deaths UCDP counted (for the finding's severity). */
export interface ReplayEvent {
  readonly line: number;
  readonly report: ReportInput;
  readonly deaths: number;
}

/**
 * The scenario's events between `from` and `to` (ISO dates or instants), in time order (file
 * order among equals). Rows the importer rejects are skipped and counted.
 */
export async function replayEvents(
  scenario: ReplayScenario,
  window: { from?: string | undefined; to?: string | undefined } = {},
): Promise<{ events: ReplayEvent[]; skipped: number }> {
  const from = Date.parse(window.from ?? scenario.from);
  const to = window.to === undefined ? Infinity : endOf(window.to);
  const events: ReplayEvent[] = [];
  let skipped = 0;
  for await (const row of readReports({ path: scenario.eventsFile, format: 'ucdp' })) {
    if (row.report === undefined) {
      skipped += 1;
      continue;
    }
    const at = Date.parse(row.report.observedFrom);
    if (at < from || at > to) continue;
    events.push({ line: row.line, report: row.report, deaths: Number(row.original['best'] ?? 0) });
  }
  events.sort(
    (a, b) =>
      Date.parse(a.report.observedFrom) - Date.parse(b.report.observedFrom) || a.line - b.line,
  );
  return { events, skipped };
}

/** What a replay writes to: the local services, or a server's API. */
export interface ReplayTarget {
  /** Sends one report; answers its id and whether it was new. */
  submit(report: ReportInput): Promise<{ status: 'accepted' | 'duplicate'; id: string }>;
  /** The incident a report is in. */
  incidentOf(reportId: string): Promise<string>;
  /** One verification step (`verified` by a verifier, the others by an analyst). */
  step(incidentId: string, status: string, method: string): Promise<void>;
  declineAttribution(incidentId: string, reason: string): Promise<void>;
  finding(input: {
    incidentId: string;
    documentId: string;
    provisionId: string;
    severity: 'minor' | 'major' | 'grave';
    notes: string;
  }): Promise<void>;
}

/** How a replay went. */
export interface ReplaySummary {
  readonly events: number;
  readonly accepted: number;
  readonly duplicates: number;
  readonly skipped: number;
  readonly verified: number;
}

/** The label every automatic step carries, so nobody mistakes it for a person's judgement. */
export const AUTO_VERIFY_LABEL = 'auto-verified by truce replay --auto-verify (demo only)';

/**
 * Sends the events to the target, waiting between them as long as their times differ divided
 * by `speed` (0 sends without waiting). `sleep` is injected so tests do not wait.
 */
export async function replay(
  scenario: ReplayScenario,
  events: readonly ReplayEvent[],
  target: ReplayTarget,
  options: {
    readonly speed: number;
    readonly autoVerify: boolean;
    readonly sleep?: (ms: number) => Promise<void>;
    readonly onEvent?: (event: ReplayEvent, outcome: string) => void;
  },
): Promise<Omit<ReplaySummary, 'skipped'>> {
  const sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
  let accepted = 0;
  let duplicates = 0;
  let verified = 0;
  const handled = new Set<string>();
  let previous: number | undefined;
  for (const event of events) {
    const at = Date.parse(event.report.observedFrom);
    if (previous !== undefined && options.speed > 0 && at > previous) {
      await sleep((at - previous) / options.speed);
    }
    previous = at;
    const result = await target.submit(event.report);
    if (result.status === 'duplicate') duplicates += 1;
    else accepted += 1;
    let outcome: string = result.status;
    if (options.autoVerify) {
      const incidentId = await target.incidentOf(result.id);
      if (!handled.has(incidentId)) {
        handled.add(incidentId);
        const done = await verifyOnce(target, scenario, incidentId, event);
        if (done) {
          verified += 1;
          outcome = `${outcome}, verified (auto)`;
        }
      }
    }
    options.onEvent?.(event, outcome);
  }
  return { events: events.length, accepted, duplicates, verified };
}

/**
 * Takes a new incident up the ladder with the demo label, declines attribution, and records the
 * finding. An incident already past `reported` (a second run) is left as it is.
 */
async function verifyOnce(
  target: ReplayTarget,
  scenario: ReplayScenario,
  incidentId: string,
  event: ReplayEvent,
): Promise<boolean> {
  try {
    await target.step(incidentId, 'corroborated', AUTO_VERIFY_LABEL);
  } catch (error) {
    if (error instanceof ReplayConflict) return false;
    throw error;
  }
  await target.step(incidentId, 'verified', AUTO_VERIFY_LABEL);
  await target.declineAttribution(
    incidentId,
    'UCDP records the sides of a fight, not which side fired; the replay does not attribute',
  );
  await target.finding({
    incidentId,
    ...scenario.finding,
    severity: event.deaths >= 10 ? 'grave' : event.deaths >= 1 ? 'major' : 'minor',
    notes: `${AUTO_VERIFY_LABEL}; UCDP counted ${event.deaths} deaths (best estimate)`,
  });
  return true;
}

/** A target refused a step because of the incident's state (it was decided before). */
export class ReplayConflict extends Error {
  override readonly name = 'ReplayConflict';
}

/** The end of a date given alone (the whole day), or the instant itself. */
function endOf(text: string): number {
  return /^\d{4}-\d{2}-\d{2}$/.test(text) ? Date.parse(`${text}T23:59:59.999Z`) : Date.parse(text);
}
