/**
 * Linting an agreement file, for negotiators drafting a text: syntax, schema and semantic
 * errors, then each commitment's concreteness points below 2, each at a line and column (a
 * hedge word at its own position inside the commitment text). Pure: text in, findings out.
 */
import { scoreCommitment, type Scorecard } from './concreteness.js';
import { checkAgreement } from './check-agreement.js';
import type { AgreementFile } from './file-schema.js';
import type { Hedge } from './hedges.js';
import { identifyClaims } from './status-history.js';
import { formatPath, parseAgreementText, type ParsedAgreementFile } from './parse-file.js';
import type { FilePath } from './schema-messages.js';
import type { Geometry } from '../geo/geojson.js';
import { MAX_ENTRY_BYTES } from '../record/tiles.js';

/** One finding: an error, a warning, or a concreteness point (`point-7`) that is not full. */
export interface LintFinding {
  readonly line: number;
  readonly column: number;
  readonly rule: 'error' | 'warning' | `point-${number}`;
  readonly path: string;
  readonly message: string;
}

/** A commitment's scorecard with where the commitment starts. */
export interface LocatedScorecard {
  readonly commitmentId: string;
  readonly line: number;
  readonly column: number;
  readonly scorecard: Scorecard;
}

/** Everything the linter found in one file. */
export interface LintResult {
  /** The file's value when it has no errors (warnings allowed). */
  readonly file: AgreementFile | undefined;
  readonly geometries: ReadonlyMap<string, Geometry>;
  readonly findings: LintFinding[];
  readonly scorecards: LocatedScorecard[];
  readonly errorCount: number;
}

/**
 * The most a stored part (a commitment, a zone with its geometry, ...) may take as JSON: each
 * is one record entry, and entries are limited to MAX_ENTRY_BYTES with room for the envelope.
 * Version texts are stored by hash, so only their metadata counts.
 */
export const MAX_PART_BYTES = MAX_ENTRY_BYTES - 4096;

function oversizedParts(file: AgreementFile, geometries: ReadonlyMap<string, Geometry>) {
  const size = (value: unknown) => new TextEncoder().encode(JSON.stringify(value)).length;
  const problems: { path: FilePath; message: string }[] = [];
  const check = (path: FilePath, value: unknown, what: string, advice: string) => {
    const bytes = size(value);
    if (bytes > MAX_PART_BYTES) {
      problems.push({
        path,
        message: `${what} takes ${Math.ceil(bytes / 1024)} KiB as stored; the limit is ${Math.floor(MAX_PART_BYTES / 1024)} KiB: ${advice}`,
      });
    }
  };
  check(['document'], file.document, 'the document header', 'shorten the summary');
  file.actors.forEach((a, i) => check(['actors', i], a, `actor ${a.id}`, 'list fewer aliases'));
  file.versions?.forEach(({ text: _text, ...v }, i) =>
    check(['versions', i], v, `version ${v.id} (without its text)`, 'shorten its title'),
  );
  identifyClaims(file.statusHistory ?? []).forEach((c, i) =>
    check(['statusHistory', i], c, `status claim ${c.id}`, 'shorten its note'),
  );
  file.provisions?.forEach((p, i) => check(['provisions', i], p, `provision ${p.id}`, 'split it'));
  file.commitments?.forEach((c, i) =>
    check(['commitments', i], c, `commitment ${c.id}`, 'shorten its text or split it'),
  );
  file.zones?.forEach((z, i) =>
    check(
      ['zones', i],
      { ...z, geometry: geometries.get(z.id) },
      `zone ${z.id}`,
      'simplify its geometry (fewer positions)',
    ),
  );
  return problems;
}

/** The file field each checklist point is about, to point at when no hedge word is to blame. */
const POINT_FIELDS: Readonly<Record<number, FilePath>> = {
  3: ['trigger'],
  4: ['trigger', 'determinedBy'],
  5: ['responses'],
  6: ['strength'],
  7: ['deadline'],
  8: ['responses'],
  9: ['validity'],
  10: ['preconditions'],
  11: ['obligor'],
  12: ['backing'],
  13: ['trigger'],
};

/** Lints one file's text. `sha256Hex` checks version texts against their declared hashes. */
export function lintAgreementText(
  text: string,
  format: 'yaml' | 'json',
  sha256Hex: (text: string) => string,
): LintResult {
  const parsed = parseAgreementText(text, format);
  const findings: LintFinding[] = parsed.problems.map((p) => ({
    line: p.line,
    column: p.column,
    rule: p.severity,
    path: p.path,
    message: p.message,
  }));
  if (parsed.file === undefined) {
    return {
      file: undefined,
      geometries: new Map(),
      findings,
      scorecards: [],
      errorCount: findings.length,
    };
  }
  const file = parsed.file;
  const checked = checkAgreement(file, sha256Hex);
  for (const problem of checked.problems) {
    findings.push({
      ...parsed.locate(problem.path),
      rule: problem.severity,
      path: formatPath(problem.path),
      message: problem.message,
    });
  }
  for (const problem of oversizedParts(file, checked.geometries)) {
    findings.push({
      ...parsed.locate(problem.path),
      rule: 'error',
      path: formatPath(problem.path),
      message: problem.message,
    });
  }
  const errorCount = findings.filter((f) => f.rule === 'error').length;
  const scorecards: LocatedScorecard[] = [];
  if (errorCount === 0) {
    (file.commitments ?? []).forEach((commitment, i) => {
      const scorecard = scoreCommitment(commitment, {
        document: file.document,
        versions: file.versions ?? [],
      });
      scorecards.push({
        commitmentId: commitment.id,
        ...parsed.locate(['commitments', i], 'key'),
        scorecard,
      });
      findings.push(...pointFindings(parsed, i, scorecard));
    });
  }
  findings.sort((a, b) => a.line - b.line || a.column - b.column);
  return {
    file: errorCount === 0 ? file : undefined,
    geometries: checked.geometries,
    // Document-level points (legal form, languages) are the same for every commitment: once.
    findings: findings.filter(
      (f, i) =>
        findings.findIndex(
          (g) => g.line === f.line && g.column === f.column && g.message === f.message,
        ) === i,
    ),
    scorecards,
    errorCount,
  };
}

function pointFindings(
  parsed: ParsedAgreementFile,
  index: number,
  scorecard: Scorecard,
): LintFinding[] {
  const base: FilePath = ['commitments', index];
  const findings: LintFinding[] = [];
  for (const point of scorecard.points) {
    if (point.score === 2) continue;
    const rule = `point-${point.point}` as const;
    const advice = point.raise === null ? '' : ` ${point.raise}`;
    if (point.hedges.length > 0) {
      for (const hedge of point.hedges) {
        findings.push({
          ...hedgePosition(parsed, [...base, 'text'], hedge),
          rule,
          path: formatPath([...base, 'text']),
          message: `${point.title} ${point.score}/2: ${sentence(hedge.message)}${advice}`,
        });
      }
      continue;
    }
    const field = POINT_FIELDS[point.point];
    const path: FilePath =
      point.point === 1
        ? ['document', 'legalForm']
        : point.point === 2
          ? ['document', 'languages']
          : [...base, ...(field ?? [])];
    findings.push({
      ...parsed.locate(path, 'key'),
      rule,
      path: formatPath(path),
      message: `${point.title} ${point.score}/2: ${sentence(point.reason)}${advice}`,
    });
  }
  return findings;
}

/**
 * Where a hedge word of a commitment text is in the file: the n-th match of the phrase in the
 * text is the n-th match in the source (block scalars fold lines; words are matched across any
 * whitespace). Falls back to the start of the text.
 */
function hedgePosition(parsed: ParsedAgreementFile, path: FilePath, hedge: Hedge) {
  const located = parsed.offsetOf(path);
  if (located === undefined) return parsed.locate(path);
  const words = hedge.phrase.split(/\s+/).map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}])${words.join('\\s+')}(?![\\p{L}\\p{N}])`, 'giu');
  const value = parsed.file?.commitments?.[Number(path[1])]?.text ?? '';
  const nth = [...value.matchAll(pattern)].findIndex((m) => m.index === hedge.start);
  const inSource = [...located.source.matchAll(pattern)][Math.max(0, nth)];
  return parsed.positionAt(located.start + (inSource?.index ?? 0));
}

function sentence(text: string): string {
  return /[.!?]$/.test(text.trim()) ? text.trim() : `${text.trim()}.`;
}

/** One finding as the linter prints it, on one line: `file:line:col rule message`. */
export function formatFinding(fileName: string, finding: LintFinding): string {
  return `${fileName}:${finding.line}:${finding.column} ${finding.rule} ${finding.message.replace(/\s+/g, ' ')}${
    finding.path && finding.rule.startsWith('point-') === false ? ` (${finding.path})` : ''
  }`;
}
