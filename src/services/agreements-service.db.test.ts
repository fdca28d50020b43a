import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { editedAgreement, MINIMAL_AGREEMENT } from '../../test/support/agreement-files.js';
import { describeEachDialect } from '../../test/support/dialects.js';
import { createTestApp, type TestApp } from '../../test/support/test-app.js';
import { systemPrincipal } from '../core/auth/principal.js';
import type { AgreementFile } from '../core/agreements/file-schema.js';
import { DomainError } from '../core/errors.js';
import { listScenarios } from './scenarios.js';

const by = systemPrincipal('test');

describeEachDialect('storing agreements', (dialect) => {
  let t: TestApp;
  beforeEach(async () => {
    t = await createTestApp(dialect);
  });
  afterEach(() => t.close());

  const agreements = () => t.services.agreements;
  const importYaml = (text: string, name = 'accord.yaml') =>
    agreements().importText({ text, format: 'yaml', name }, by);

  it('round-trips every built-in scenario file through import and export without loss', async () => {
    for (const scenario of listScenarios()) {
      for (const path of scenario.files) {
        const text = readFileSync(path, 'utf8');
        const original = parse(text) as AgreementFile;
        const outcome = await importYaml(text, path);
        expect(outcome.created).toBe(true);
        const exported = await agreements().exportText(original.document.id, 'yaml');
        const back = parse(exported) as AgreementFile;
        // Claim ids are generated when a file has none; everything else comes back as written.
        const withoutClaimIds = (file: AgreementFile) => ({
          ...file,
          statusHistory: file.statusHistory?.map(({ id: _id, ...claim }) => claim),
        });
        expect(withoutClaimIds(back)).toEqual(withoutClaimIds(original));
        const again = await importYaml(exported, `${path} (exported)`);
        expect(again).toMatchObject({ created: false, saved: 0, removed: 0 });
      }
    }
  });

  it('records nothing when the same file is imported again', async () => {
    await importYaml(MINIMAL_AGREEMENT);
    const size = await t.services.record.size();
    const again = await importYaml(MINIMAL_AGREEMENT);
    expect(again).toMatchObject({
      documentId: 'test-accord',
      created: false,
      saved: 0,
      removed: 0,
    });
    expect(await t.services.record.size()).toBe(size);
  });

  it('records exactly the parts that changed, and removes dropped ones', async () => {
    await importYaml(MINIMAL_AGREEMENT);
    const size = await t.services.record.size();
    const changed = editedAgreement(
      'duration: PT72H',
      'duration: PT24H',
      editedAgreement(
        '  - id: art-1\n    locator: Article 1\n    kind: prohibited_act\n    text: The parties shall cease fire at once.\n    version: final\n',
        '  - id: art-1\n    locator: Article 1\n    kind: prohibited_act\n    text: The parties shall cease fire at once.\n    version: final\n  - id: art-2\n    locator: Article 2\n    kind: consultation\n    text: The parties shall meet weekly.\n',
      ),
    );
    expect(await importYaml(changed)).toMatchObject({ saved: 2, removed: 0 });
    expect(await t.services.record.size()).toBe(size + 2);
    const withoutZones = MINIMAL_AGREEMENT.slice(0, MINIMAL_AGREEMENT.indexOf('zones:')).replace(
      '      zones: [security-zone]\n',
      '',
    );
    expect(await importYaml(withoutZones)).toMatchObject({ removed: 3 });
    expect((await agreements().get('test-accord')).zones).toEqual([]);
  });

  it('stores nothing from a file with an error, and keeps the stored version of the document', async () => {
    await importYaml(MINIMAL_AGREEMENT);
    const before = await agreements().exportText('test-accord', 'yaml');
    const size = await t.services.record.size();
    const bad = editedAgreement(
      '    obligor: BBB',
      '    obligor: ZZZ',
      editedAgreement('title: Test Accord on a Ceasefire', 'title: Renamed'),
    );
    const error = await importYaml(bad).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).message).toBe('accord.yaml: 1 error; nothing was stored');
    expect((error as DomainError).details[0]?.path).toMatch(
      /^accord\.yaml:\d+:14 commitments\[0\]\.obligor$/,
    );
    expect(await t.services.record.size()).toBe(size);
    expect(await agreements().exportText('test-accord', 'yaml')).toBe(before);
  });

  it('keeps version texts by SHA-256 and diffs two versions word by word', async () => {
    await importYaml(MINIMAL_AGREEMENT);
    const view = await agreements().get('test-accord');
    const draft = view.versions.find((v) => v.id === 'draft');
    expect(draft?.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(await agreements().versionText('test-accord', 'draft')).toContain(
      'consider appropriate support',
    );
    const diff = await agreements().diff('test-accord', 'draft', 'final');
    expect(
      diff.parts
        .filter((p) => p.op === 'delete')
        .map((p) => p.text)
        .join(''),
    ).toContain('State B will consider appropriate support');
    expect(diff.parts.filter((p) => p.op === 'insert').map((p) => p.text.trim())).toEqual([
      'at',
      'once',
    ]);
    await expect(agreements().diff('test-accord', 'draft', 'v9')).rejects.toThrow(
      /has no version "v9"/,
    );
  });

  it('flags the contradiction in the US guarantee scenario with both sources', async () => {
    const [scenario] = listScenarios().filter((s) => s.name === 'ukraine-guarantees-2026');
    const path = scenario?.files.find((f) =>
      f.endsWith('us-ukraine-security-guarantees.yaml'),
    ) as string;
    await importYaml(readFileSync(path, 'utf8'), path);
    const view = await agreements().get('us-ukraine-security-guarantees');
    expect(view.status?.status).toBe('unresolved');
    expect(view.contradictions.map((c) => [c.earlier.status, c.later.status])).toEqual([
      ['ready', 'unresolved'],
    ]);
    expect(view.contradictions[0]?.reason).toMatch(
      /^"unresolved" \(2026-.*contradicts the earlier "ready" \(2026-01-22/,
    );
  });

  it('edits a commitment and a status claim through the same checks as a file', async () => {
    await importYaml(MINIMAL_AGREEMENT);
    const { commitment } = await agreements().commitment('test-accord', 'bbb-guarantee');
    await agreements().saveCommitment(
      'test-accord',
      { ...commitment, backing: { level: 'in_place' } },
      by,
    );
    const rescored = await agreements().commitment('test-accord', 'bbb-guarantee');
    expect(rescored.scorecard.total).toBe(22);
    await expect(
      agreements().saveCommitment(
        'test-accord',
        { ...commitment, id: 'second', obligor: 'NOPE' },
        by,
      ),
    ).rejects.toThrow(/1 error; nothing was stored/);
    await agreements().addStatusClaim(
      'test-accord',
      { status: 'unresolved', date: '2020-02-28', source: { publisher: 'Test Wire' } },
      by,
    );
    const view = await agreements().get('test-accord');
    expect(view.claims.map((c) => c.status)).toEqual(['ready', 'unresolved', 'signed']);
    expect(view.contradictions.map((c) => c.later.status)).toEqual(['unresolved']);
  });

  it('serves zones in force at a time, with buffers computed', async () => {
    await importYaml(MINIMAL_AGREEMENT);
    expect(
      (await agreements().zones({ at: '2020-03-02' })).map((z) => [z.id, z.geometry.type]),
    ).toEqual([
      ['contact-line', 'LineString'],
      ['security-zone', 'Polygon'],
    ]);
    // The buffer zone has no validity of its own, so it is in force at any time.
    expect((await agreements().zones({ at: '2019-12-31' })).map((z) => z.id)).toEqual([
      'security-zone',
    ]);
  });

  it('keeps the record verifiable: a replay of it gives the same agreement tables', async () => {
    await importYaml(MINIMAL_AGREEMENT);
    await importYaml(editedAgreement('Test Accord on a Ceasefire', 'Test Accord, amended'));
    await t.services.record.signCheckpoint();
    expect((await t.services.record.audit()).problems).toEqual([]);
  });
});
