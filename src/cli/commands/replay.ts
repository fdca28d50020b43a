/**
 * `truce replay --scenario minsk2`: streams a scenario's real events as reports, with their
 * original times and spacing sped up, into the local database or a running server (--server
 * with --token), so a new user watches incidents appear and group; with --auto-verify (a demo
 * aid, labelled on every step) they are also verified and qualified, and activate commitments.
 */
import { systemPrincipal } from '../../core/auth/principal.js';
import { DomainError } from '../../core/errors.js';
import type { ReportInput } from '../../core/reports/report-schema.js';
import type { Services } from '../../services.js';
import {
  replay,
  REPLAY_SCENARIOS,
  ReplayConflict,
  replayEvents,
  type ReplayTarget,
} from '../../services/replay.js';
import { EXIT_OK, stringOption, UsageError, type Command } from '../command.js';
import { DATA_OPTION_HELP, DATA_OPTIONS, withServices } from './shared.js';

export const replayCommand: Command = {
  name: 'replay',
  summary: 'Replay a scenario’s real events as reports, sped up, into Truce (local or a server).',
  usage:
    'replay --scenario minsk2 [--speed 1000x|max] [--from DATE] [--to DATE] [--auto-verify] [--server URL --token TOKEN [--verifier-token TOKEN]] [--db URL]',
  options: {
    ...DATA_OPTIONS,
    scenario: { type: 'string' },
    speed: { type: 'string' },
    from: { type: 'string' },
    to: { type: 'string' },
    'auto-verify': { type: 'boolean' },
    server: { type: 'string' },
    token: { type: 'string' },
    'verifier-token': { type: 'string' },
  },
  optionHelp: {
    scenario: Object.values(REPLAY_SCENARIOS)
      .map((s) => `${s.name}: ${s.description}`)
      .join('; '),
    speed: 'how much faster than real time: 1000x (default), any number, or max (no waiting)',
    from: 'first day (or instant) to replay (default: the scenario’s start)',
    to: 'last day (or instant) to replay',
    'auto-verify':
      'demo only: also verify each new incident, decline attribution and record a finding, all labelled as automatic',
    server:
      'a running Truce to send to, e.g. https://truce.example.org (default: the local database)',
    token:
      'with --server: an API token of a user who may submit reports (and, with --auto-verify, take analyst steps)',
    'verifier-token':
      'with --server and --auto-verify: an API token of a different user with the verifier role',
    ...DATA_OPTION_HELP,
  },
  positionals: [],
  examples: [
    'truce replay --scenario minsk2',
    'truce replay --scenario minsk2 --speed max --auto-verify',
    'truce replay --scenario minsk2 --server https://truce.example.org --token $TOKEN --from 2015-02-15 --to 2015-02-28',
  ],
  async run(args, io) {
    const name = stringOption(args, 'scenario');
    const scenario = name === undefined ? undefined : REPLAY_SCENARIOS[name];
    if (scenario === undefined) {
      throw new UsageError(
        `--scenario must be one of ${Object.keys(REPLAY_SCENARIOS).join(', ')}${name === undefined ? '' : `, got "${name}"`}`,
      );
    }
    const speed = parseSpeed(stringOption(args, 'speed') ?? '1000x');
    const from = dateOption(args, 'from');
    const to = dateOption(args, 'to');
    const autoVerify = args.values['auto-verify'] === true;
    const server = stringOption(args, 'server');
    const { events, skipped } = await replayEvents(scenario, { from, to });
    if (events.length === 0) throw new UsageError('no events of the scenario fall in --from/--to');
    io.stderr(
      `Replaying ${events.length} events of ${scenario.name} at ${speed === 0 ? 'full speed' : `${speed}x`}${autoVerify ? ', auto-verifying (demo only)' : ''}.\n`,
    );
    const onEvent = (event: { report: ReportInput }, outcome: string) =>
      io.stdout(`${event.report.observedFrom}  ${event.report.type}  ${outcome}\n`);
    const run = (target: ReplayTarget) =>
      replay(scenario, events, target, { speed, autoVerify, onEvent });
    const summary =
      server === undefined
        ? await withServices(args, io, (services) => run(localTarget(services)))
        : await run(remoteTarget(server, args, autoVerify));
    io.stdout(
      `Replayed ${summary.events} events: ${summary.accepted} new, ${summary.duplicates} already there${skipped > 0 ? `, ${skipped} rows of the file skipped` : ''}${autoVerify ? `; ${summary.verified} incidents auto-verified` : ''}.\n`,
    );
    return EXIT_OK;
  },
};

/** `1000x`, `1000`, or `max` (0: no waiting). */
function parseSpeed(text: string): number {
  if (text === 'max') return 0;
  const value = Number(text.replace(/x$/, ''));
  if (!Number.isFinite(value) || value <= 0) {
    throw new UsageError(`--speed must be a positive number like 1000x, or max; got "${text}"`);
  }
  return value;
}

function dateOption(args: Parameters<Command['run']>[0], name: string): string | undefined {
  const text = stringOption(args, name);
  if (text !== undefined && Number.isNaN(Date.parse(text))) {
    throw new UsageError(`--${name} must be a date like 2015-02-15, got "${text}"`);
  }
  return text;
}

/** Writes through the services, as the CLI operator (exempt from four eyes, like every CLI write). */
function localTarget(services: Services): ReplayTarget {
  const by = systemPrincipal('replay');
  return {
    async submit(report) {
      const [result] = await services.reports.submit([{ value: report }], by);
      if (result === undefined || result.status === 'rejected') {
        throw new Error(`a report was refused: ${JSON.stringify(result)}`);
      }
      return { status: result.status, id: result.id };
    },
    async incidentOf(reportId) {
      const incidentId = await services.reports.incidentOf(reportId);
      if (incidentId === undefined) throw new Error(`report ${reportId} is in no incident`);
      return incidentId;
    },
    async step(incidentId, status, method) {
      try {
        await services.accountability.setVerification(
          incidentId,
          { status: status as 'verified', method },
          by,
        );
      } catch (error) {
        if (
          error instanceof DomainError &&
          (error.code === 'STEP_REFUSED' || error.code === 'INCIDENT_LOCKED')
        ) {
          throw new ReplayConflict(error.message);
        }
        throw error;
      }
    },
    async declineAttribution(incidentId, reason) {
      await services.accountability.attribute(
        incidentId,
        { declined: reason, basis: { text: reason } },
        by,
      );
    },
    async finding(input) {
      await services.accountability.recordFinding(input, by);
    },
  };
}

/** Writes through a server's API with API tokens. */
function remoteTarget(
  server: string,
  args: Parameters<Command['run']>[0],
  autoVerify: boolean,
): ReplayTarget {
  const token = stringOption(args, 'token');
  if (token === undefined) throw new UsageError('--server needs --token (an API token)');
  const verifierToken = stringOption(args, 'verifier-token');
  if (autoVerify && verifierToken === undefined) {
    throw new UsageError(
      '--auto-verify with --server needs --verifier-token: four eyes keeps whoever sent a report from verifying it',
    );
  }
  let base: URL;
  try {
    base = new URL(server);
  } catch {
    throw new UsageError(`--server must be a URL like https://truce.example.org, got "${server}"`);
  }
  const call = async (path: string, payload: object | undefined, secret: string) => {
    const response = await fetch(new URL(path, base), {
      method: payload === undefined ? 'GET' : 'POST',
      headers: {
        authorization: `Bearer ${secret}`,
        ...(payload === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(payload === undefined ? {} : { body: JSON.stringify(payload) }),
    });
    const text = await response.text();
    if (response.status === 409) throw new ReplayConflict(text);
    if (!response.ok) {
      throw new Error(`${server}${path} answered ${response.status}: ${text.slice(0, 500)}`);
    }
    return (text === '' ? {} : JSON.parse(text)) as Record<string, unknown>;
  };
  return {
    async submit(report) {
      const answer = await call('/api/v1/reports', report, token);
      const status = answer['status'];
      if (status !== 'accepted' && status !== 'duplicate') {
        throw new Error(`a report was refused: ${JSON.stringify(answer)}`);
      }
      return { status, id: String(answer['id']) };
    },
    async incidentOf(reportId) {
      const answer = await call(
        `/api/v1/reports/${encodeURIComponent(reportId)}`,
        undefined,
        token,
      );
      return String(answer['incidentId']);
    },
    async step(incidentId, status, method) {
      const secret = status === 'verified' ? (verifierToken ?? token) : token;
      await call(
        `/api/v1/incidents/${encodeURIComponent(incidentId)}/verification`,
        { status, method },
        secret,
      );
    },
    async declineAttribution(incidentId, reason) {
      await call(
        `/api/v1/incidents/${encodeURIComponent(incidentId)}/attributions`,
        { declined: reason, basis: { text: reason } },
        token,
      );
    },
    async finding(input) {
      await call('/api/v1/findings', input, token);
    },
  };
}
