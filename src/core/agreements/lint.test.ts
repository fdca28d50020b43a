import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  editedAgreement,
  lineOf,
  MINIMAL_AGREEMENT,
} from '../../../test/support/agreement-files.js';
import { formatFinding, lintAgreementText, type LintFinding } from './lint.js';

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
const lint = (text: string, format: 'yaml' | 'json' = 'yaml') =>
  lintAgreementText(text, format, sha256);
const errors = (text: string, format: 'yaml' | 'json' = 'yaml'): LintFinding[] =>
  lint(text, format).findings.filter((f) => f.rule === 'error');

/** The single error of a text, asserting there is exactly one. */
function onlyError(text: string, format: 'yaml' | 'json' = 'yaml'): LintFinding {
  const found = errors(text, format);
  expect(found.map((f) => f.message)).toHaveLength(1);
  return found[0] as LintFinding;
}

describe('linting agreement files', () => {
  it('accepts the minimal file, computes its buffer zone and scores its commitment', () => {
    const result = lint(MINIMAL_AGREEMENT);
    expect(result.errorCount).toBe(0);
    expect(result.file?.document.id).toBe('test-accord');
    expect(result.geometries.get('security-zone')?.type).toBe('Polygon');
    expect(result.scorecards.map((s) => [s.commitmentId, s.scorecard.total])).toEqual([
      ['bbb-guarantee', 20],
    ]);
  });

  it('places a YAML syntax error at its line', () => {
    const text = editedAgreement('  title: Test Accord on a Ceasefire', '  title: [unclosed');
    const error = errors(text)[0];
    expect(error?.line).toBeGreaterThanOrEqual(lineOf(text, 'title: [unclosed'));
    expect(lint(text).file).toBeUndefined();
  });

  it('reports invalid JSON with its line and column', () => {
    const error = onlyError('{\n  "truce": "agreement/1",\n}', 'json');
    expect(error).toMatchObject({ line: 3, column: 1 });
    expect(error.message).toMatch(/^invalid JSON: /);
  });

  it('refuses duplicate keys', () => {
    const text = editedAgreement(
      '  kind: ceasefire_agreement\n',
      '  kind: ceasefire_agreement\n  kind: protocol\n',
    );
    expect(errors(text)[0]?.message).toMatch(/unique/i);
  });

  it('names an unknown field at its key', () => {
    const text = editedAgreement(
      '  place_name: x\n',
      '',
      editedAgreement(
        '  date: 2020-03-01\n  roles:',
        '  date: 2020-03-01\n  place_name: x\n  roles:',
      ),
    );
    const withField = editedAgreement(
      '  date: 2020-03-01\n  roles:',
      '  date: 2020-03-01\n  venue: Geneva\n  roles:',
    );
    expect(text).toBe(MINIMAL_AGREEMENT);
    const error = onlyError(withField);
    expect(error).toMatchObject({
      line: lineOf(withField, 'venue:'),
      column: 3,
      path: 'document.venue',
    });
    expect(error.message).toBe('unknown field "venue"');
  });

  it('lists the allowed values of an enum, at the value', () => {
    const text = editedAgreement('kind: ceasefire_agreement', 'kind: truce_deal');
    const error = onlyError(text);
    expect(error).toMatchObject({
      line: lineOf(text, 'truce_deal'),
      column: 9,
      path: 'document.kind',
    });
    expect(error.message).toMatch(
      /^"truce_deal" is not one of: ceasefire_agreement, peace_agreement/,
    );
  });

  it('names a missing required field on its parent', () => {
    const text = editedAgreement('    strength: shall\n', '');
    expect(onlyError(text)).toMatchObject({
      path: 'commitments[0]',
      message: 'missing required field strength',
    });
  });

  it('refuses a reference to an actor the file does not list', () => {
    const text = editedAgreement('    obligor: BBB', '    obligor: ZZZ');
    const error = onlyError(text);
    expect(error).toMatchObject({
      line: lineOf(text, 'obligor: ZZZ'),
      path: 'commitments[0].obligor',
    });
    expect(error.message).toMatch(
      /^unknown actor "ZZZ": list it under actors \(known: AAA, BBB, CCC\)/,
    );
  });

  it('refuses unknown zone, version and provision references', () => {
    const text = editedAgreement(
      '      zones: [security-zone]',
      '      zones: [no-zone]',
      editedAgreement(
        '    provision: art-1',
        '    provision: art-9',
        editedAgreement('    version: final', '    version: v9'),
      ),
    );
    expect(errors(text).map((e) => e.message)).toEqual([
      'unknown version "v9"',
      'unknown provision "art-9"',
      'unknown zone "no-zone"',
    ]);
  });

  it('refuses duplicate ids, naming the first', () => {
    const text = editedAgreement('  - id: CCC\n', '  - id: BBB\n');
    expect(errors(text).find((e) => e.message.startsWith('duplicate'))).toMatchObject({
      line: lineOf(text, '  - id: BBB\n    name: Armed'),
      path: 'actors[2].id',
      message: 'duplicate actor id "BBB" (first at actors[1])',
    });
  });

  it('refuses dates that do not exist and dates out of order', () => {
    const notADay = editedAgreement('  date: 2020-03-01\n  roles', '  date: 2020-02-30\n  roles');
    expect(onlyError(notADay).message).toBe('"2020-02-30" is not a real date');
    const outOfOrder = editedAgreement('    date: 2020-02-25', '    date: 2020-03-05');
    expect(onlyError(outOfOrder)).toMatchObject({
      path: 'statusHistory[1].date',
      message: expect.stringMatching(/before the claim above it/),
    });
    const endBeforeStart = editedAgreement(
      'validity: { start: 2020-03-01, duration: P10Y }',
      'validity: { start: 2020-03-01, end: 2019-01-01 }',
    );
    expect(onlyError(endBeforeStart).path).toBe('commitments[0].validity.end');
  });

  it('refuses a malformed ISO 8601 duration', () => {
    const text = editedAgreement('duration: PT72H', 'duration: PT');
    expect(onlyError(text)).toMatchObject({
      path: 'commitments[0].deadline.duration',
      message: expect.stringMatching(/not an ISO 8601 duration/),
    });
    expect(onlyError(editedAgreement('duration: PT72H', 'duration: 72 hours')).message).toMatch(
      /ISO 8601/,
    );
  });

  it('refuses a version whose declared SHA-256 does not match its text', () => {
    const text = editedAgreement(
      '    date: 2020-03-01\n    text:',
      `    date: 2020-03-01\n    sha256: '${'0'.repeat(64)}'\n    text:`,
    );
    expect(onlyError(text).message).toMatch(
      /^does not match the text \(its SHA-256 is [0-9a-f]{64}\)$/,
    );
  });

  it('refuses zone geometries that are invalid, with the path inside the geometry', () => {
    const swapped = editedAgreement('[[37.5, 47.9], [37.7, 48.1]', '[[47.9, 137.5], [37.7, 48.1]');
    const error = onlyError(swapped);
    expect(error.path).toBe('zones[0].geometry.coordinates[0][1]');
    expect(error.message).toMatch(/swapped/);
    const bowTie = editedAgreement(
      '      type: LineString\n      coordinates: [[37.5, 47.9], [37.7, 48.1], [38.0, 48.3]]',
      '      type: Polygon\n      coordinates: [[[0, 0], [2, 2], [2, 0], [0, 2], [0, 0]]]',
    );
    expect(errors(bowTie)[0]?.message).toBe('ring 0 of the polygon crosses itself at [1, 1]');
    const open = editedAgreement(
      '      type: LineString\n      coordinates: [[37.5, 47.9], [37.7, 48.1], [38.0, 48.3]]',
      '      type: Polygon\n      coordinates: [[[0, 0], [1, 0], [1, 1], [0, 1]]]',
    );
    expect(errors(open)[0]?.message).toMatch(/not closed/);
  });

  it('repairs a clockwise ring with a warning, not an error', () => {
    const text = editedAgreement(
      '      type: LineString\n      coordinates: [[37.5, 47.9], [37.7, 48.1], [38.0, 48.3]]',
      '      type: Polygon\n      coordinates: [[[0, 0], [0, 1], [1, 1], [1, 0], [0, 0]]]',
    );
    const result = lint(text);
    expect(result.errorCount).toBe(0);
    expect(result.findings.filter((f) => f.rule === 'warning').map((f) => f.message)).toEqual([
      expect.stringMatching(/clockwise/),
    ]);
    const ring = (result.geometries.get('contact-line') as { coordinates: number[][][] })
      .coordinates[0];
    expect(ring).toEqual([
      [0, 0],
      [1, 0],
      [1, 1],
      [0, 1],
      [0, 0],
    ]);
  });

  it('puts a hedge word found inside a folded text at its own line and column', () => {
    const hedges = lint(MINIMAL_AGREEMENT).findings.filter((f) => f.rule === 'point-6');
    const textLine = lineOf(MINIMAL_AGREEMENT, 'as it deems necessary');
    expect(hedges.map((h) => [h.line, h.column])).toEqual([
      [
        lineOf(MINIMAL_AGREEMENT, 'where possible'),
        MINIMAL_AGREEMENT.split('\n')[lineOf(MINIMAL_AGREEMENT, 'where possible') - 1]!.indexOf(
          'where possible',
        ) + 1,
      ],
      [textLine, 7],
    ]);
  });

  it('prints one finding per line as file:line:col rule message', () => {
    const text = editedAgreement('    obligor: BBB', '    obligor: ZZZ');
    const line = formatFinding('accord.yaml', errors(text)[0] as LintFinding);
    expect(line).toBe(
      `accord.yaml:${lineOf(text, 'obligor: ZZZ')}:14 error unknown actor "ZZZ": list it under actors (known: AAA, BBB, CCC) (commitments[0].obligor)`,
    );
    const point = lint(MINIMAL_AGREEMENT).findings.find(
      (f) => f.rule === 'point-12',
    ) as LintFinding;
    expect(formatFinding('accord.yaml', point)).toMatch(
      /^accord\.yaml:\d+:5 point-12 Material backing 0\/2: .*\n?$/,
    );
    expect(formatFinding('accord.yaml', point)).not.toContain('\n');
  });

  it('refuses a zone too detailed to be one record entry, naming the limit', () => {
    const positions = Array.from(
      { length: 4800 },
      (_, i) => `[${(30 + i / 1000).toFixed(6)}, ${(48 + (i % 7) / 1000).toFixed(6)}]`,
    );
    const zones = MINIMAL_AGREEMENT.indexOf('zones:\n');
    const text = `${MINIMAL_AGREEMENT.slice(0, zones)}zones:\n  - id: security-zone\n    kind: monitor_post\n    name: Posts\n    geometry: { type: MultiPoint, coordinates: [${positions.join(', ')}] }\n`;
    const error = errors(text).find((e) => e.path === 'zones[0]');
    expect(error?.message).toMatch(
      /^zone security-zone takes \d+ KiB as stored; the limit is \d+ KiB: simplify its geometry/,
    );
    expect(error?.line).toBe(lineOf(text, '  - id: security-zone'));
  });

  it('refuses a document id the web app uses for a fixed page', () => {
    expect(onlyError(editedAgreement('id: test-accord', 'id: zones'))).toMatchObject({
      path: 'document.id',
      message: '"zones" is reserved (the web app\'s zones map); choose another id',
    });
  });

  it('refuses a zone with more positions than checks can afford, before checking it', () => {
    const ring = Array.from(
      { length: 6000 },
      (_, i) => `[${Math.cos(i / 1000).toFixed(4)}, ${Math.sin(i / 1000).toFixed(4)}]`,
    );
    const text = editedAgreement(
      '      type: LineString\n      coordinates: [[37.5, 47.9], [37.7, 48.1], [38.0, 48.3]]',
      `      type: LineString\n      coordinates: [${ring.join(', ')}]`,
    );
    expect(errors(text).find((e) => e.path === 'zones[0].geometry')?.message).toBe(
      'has 6000 positions; a zone may have at most 5000 (simplify it)',
    );
  });

  it('refuses degenerate and antimeridian-crossing geometries', () => {
    const zone = (geometry: string) =>
      editedAgreement(
        '      type: LineString\n      coordinates: [[37.5, 47.9], [37.7, 48.1], [38.0, 48.3]]',
        geometry,
      );
    expect(
      errors(zone('      type: LineString\n      coordinates: [[37, 48], [37, 48]]'))[0]?.message,
    ).toBe('the line has no length: all its positions are the same');
    expect(
      errors(
        zone('      type: Polygon\n      coordinates: [[[37, 48], [38, 48], [39, 48], [37, 48]]]'),
      )[0]?.message,
    ).toBe('ring 0 of the polygon encloses no area: its positions lie on one line');
    expect(
      errors(zone('      type: LineString\n      coordinates: [[179.5, 60], [-179.5, 60.2]]'))[0]
        ?.message,
    ).toBe(
      'the line crosses the antimeridian (longitude 179.5 to -179.5); split it there (RFC 7946 section 3.1.9)',
    );
  });

  it('reports a buffer that cannot be computed at the buffer, without failing', () => {
    const text = editedAgreement('distanceKm: 10', 'distanceKm: 0.000000001');
    const error = errors(text).find((e) => e.path === 'zones[1].buffer');
    expect(error?.message).toMatch(/^cannot compute a 1e-9 km buffer of "contact-line": /);
  });

  it('refuses an alias bomb and a status note too long for the record, each with a message', () => {
    const bomb = ['a: &a ["x","x","x","x","x","x","x","x","x","x"]'];
    for (let i = 0; i < 8; i++)
      bomb.push(
        `${'b'.repeat(i + 1)}: &${'b'.repeat(i + 1)} [${Array(10)
          .fill(`*${i === 0 ? 'a' : 'b'.repeat(i)}`)
          .join(',')}]`,
      );
    expect(onlyError(bomb.join('\n')).message).toBe(
      'too many YAML aliases (more than 1000); write the repeated values out',
    );
    const note = editedAgreement(
      '    source: { publisher: Test Gazette }',
      `    source: { publisher: Test Gazette }\n    note: ${'x'.repeat(70_000)}`,
    );
    expect(onlyError(note).message).toMatch(
      /^status claim 2020-03-01-signed-[0-9a-f]{6} takes 69 KiB as stored; the limit is \d+ KiB: shorten its note$/,
    );
  });

  it('reads past a byte-order mark and says when YAML read an id as a number', () => {
    expect(lint(`\uFEFF${MINIMAL_AGREEMENT}`).errorCount).toBe(0);
    expect(
      onlyError(
        editedAgreement(
          '  - id: CCC',
          '  - id: 1234',
          editedAgreement('actors: [CCC]', 'actors: ["1234"]'),
        ),
      ).message,
    ).toBe('must be a string (YAML read 1234 as a number: put it in quotes)');
  });
});
