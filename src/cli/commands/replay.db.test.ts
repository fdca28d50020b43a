import { afterEach, beforeEach, expect, it } from 'vitest';
import { captureIo } from '../../../test/support/cli-io.js';
import { describeEachDialect } from '../../../test/support/dialects.js';
import { createTestApp, type TestApp } from '../../../test/support/test-app.js';
import { systemPrincipal } from '../../core/auth/principal.js';
import { main } from '../main.js';

const by = systemPrincipal('test');

describeEachDialect('truce replay --scenario minsk2', (dialect) => {
  let t: TestApp;
  beforeEach(async () => {
    // The demo instance with the built-in scenarios: Minsk II is there to be activated.
    t = await createTestApp(dialect, { scenarios: true });
  });
  afterEach(() => t.close());

  const run = async (...argv: string[]) => {
    const c = captureIo();
    const code = await main(['replay', '--scenario', 'minsk2', ...argv], c.io);
    return { code, out: c.stdout(), err: c.stderr() };
  };

  it('replays the events into the database and, auto-verified, activates the OSCE commitment', async () => {
    const first = await run(
      '--speed',
      'max',
      '--to',
      '2015-02-20',
      '--auto-verify',
      '--db',
      t.databaseUrl,
    );
    expect(first.err).toMatch(
      /^Replaying \d+ events of minsk2 at full speed, auto-verifying \(demo only\)\.\n$/,
    );
    expect(first.code).toBe(0);
    const lines = first.out.trim().split('\n');
    const summary = lines.at(-1) ?? '';
    const count = Number(/Replayed (\d+) events/.exec(summary)?.[1]);
    expect(count).toBeGreaterThan(5);
    expect(lines).toHaveLength(count + 1);
    // In time order, from the ceasefire on.
    const times = lines.slice(0, -1).map((line) => line.split('  ')[0] ?? '');
    expect([...times].sort()).toEqual(times);
    expect(times[0]?.startsWith('2015-02-15')).toBe(true);
    expect(summary).toMatch(/(\d+) new, 0 already there; (\d+) incidents auto-verified/);

    // Events from 17 February (the commitment's start) activate it; earlier ones do not.
    const activations = await t.services.accountability.activations({}, by);
    expect(activations.length).toBeGreaterThan(0);
    expect(new Set(activations.map((a) => `${a.documentId}/${a.commitmentId}`))).toEqual(
      new Set(['minsk-ii-2015/osce-monitoring']),
    );
    const incidents = await Promise.all(
      activations.map((a) => t.services.incidents.get(a.incidentId)),
    );
    for (const incident of incidents) {
      expect(incident.incident.observedTo >= '2015-02-17').toBe(true);
      expect(incident.incident.status).toBe('verified');
    }
    const view = await t.services.accountability.incidentAccountability(
      activations[0]?.incidentId ?? '',
    );
    expect(view.steps[1]?.method).toContain('auto-verified by truce replay');
    expect(view.attributions[0]).toMatchObject({ declined: true });
    expect((await t.services.accountability.alerts({}, by)).length).toBeGreaterThan(0);

    // Again: every report is already there, nothing is decided twice.
    const again = await run(
      '--speed',
      'max',
      '--to',
      '2015-02-20',
      '--auto-verify',
      '--db',
      t.databaseUrl,
    );
    expect(again.out).toContain(`${count} already there; 0 incidents auto-verified`);
    expect(await t.services.accountability.activations({}, by)).toHaveLength(activations.length);
  });

  it('sends to a running server with tokens, and refuses bad options with the reason', async () => {
    const base = await t.app.listen({ host: '127.0.0.1', port: 0 });
    const analyst = await t.services.tokens.create({ userName: 'analyst', label: 'replay' }, by);
    const verifier = await t.services.tokens.create({ userName: 'verifier', label: 'replay' }, by);
    const noVerifier = await run('--server', base, '--token', analyst.secret, '--auto-verify');
    expect(noVerifier.code).toBe(2);
    expect(noVerifier.err).toContain('--verifier-token');
    const remote = await run(
      '--server',
      base,
      '--token',
      analyst.secret,
      '--verifier-token',
      verifier.secret,
      '--auto-verify',
      '--speed',
      'max',
      '--from',
      '2015-02-17',
      '--to',
      '2015-02-18',
    );
    expect(remote.err).toMatch(/^Replaying \d+ events/);
    expect(remote.code).toBe(0);
    expect(remote.out).toMatch(/Replayed \d+ events: \d+ new/);
    const activations = await t.services.accountability.activations({}, by);
    expect(activations.length).toBeGreaterThan(0);

    expect((await run('--speed', 'fast', '--db', t.databaseUrl)).err).toContain('--speed must be');
    expect((await run('--from', 'yesterday', '--db', t.databaseUrl)).err).toContain(
      '--from must be a date',
    );
    expect((await run('--from', '2030-01-01', '--db', t.databaseUrl)).err).toContain('no events');
    const unknown = captureIo();
    expect(await main(['replay', '--scenario', 'yalta'], unknown.io)).toBe(2);
    expect(unknown.stderr()).toContain('--scenario must be one of minsk2');
    const badToken = await run('--server', base, '--token', 'not-a-token', '--speed', 'max');
    expect(badToken.code).toBe(1);
    expect(badToken.err).toContain('401');
  });
});
