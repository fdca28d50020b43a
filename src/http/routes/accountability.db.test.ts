// Over 400 lines on purpose: every test here drives one harness (an app with each role signed
// in, a clock moved by hand, the guarantee imported, and the steps from report to finding), and
// the longest test follows one activation from its finding to its breach as a guarantor lives it.
import { afterEach, beforeEach, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { describeEachDialect } from '../../../test/support/dialects.js';
import { createTestApp, type TestApp } from '../../../test/support/test-app.js';
import { systemPrincipal } from '../../core/auth/principal.js';
import { createServices } from '../../services.js';
import { parseCapMessage } from '../../core/alerts/xml-input.js';
import { validateXml } from '../../../test/support/xmllint.js';

const CAP_XSD = new URL('../../../test/fixtures/cap/CAP-v1.2.xsd', import.meta.url).pathname;
const ATOM_RNG = new URL('../../../test/fixtures/atom/atom-rfc4287.rng', import.meta.url).pathname;

const GUARANTEE = readFileSync(
  new URL('../../../test/fixtures/agreements/guarantee.yaml', import.meta.url),
  'utf8',
);
const by = systemPrincipal('test');
const HOUR = 3_600_000;

/** A shelling report inside the fixture's security zone, the day before the test clock's now. */
function shelling(overrides: Record<string, unknown> = {}) {
  return {
    observedFrom: '2026-01-05T10:00:00Z',
    observedTo: '2026-01-05T10:20:00Z',
    location: { lon: 37.5606, lat: 48.7232, precision: 'vicinity' },
    mode: 'heard',
    type: 'shelling',
    source: { kind: 'monitor', name: 'Patrol 4' },
    text: 'Shelling heard north of the town',
    ...overrides,
  };
}

describeEachDialect('verification, findings, the trigger engine and activations', (dialect) => {
  let t: TestApp;
  const cookies: Record<string, string> = {};
  beforeEach(async () => {
    t = await createTestApp(dialect);
    await t.services.agreements.importText({ text: GUARANTEE, format: 'yaml', name: 'g.yaml' }, by);
    for (const role of ['monitor', 'analyst', 'verifier', 'guarantor', 'viewer', 'admin']) {
      cookies[role] = await t.login(role, `demo-${role}-pass`);
    }
  });
  afterEach(() => t.close());

  const send = (method: 'POST' | 'GET' | 'DELETE', url: string, as: string, payload?: object) =>
    t.app.inject({
      method,
      url,
      headers: { cookie: cookies[as] ?? '' },
      ...(payload === undefined ? {} : { payload }),
    });
  /** Moves the clock, signing everyone in again (sessions expire meanwhile). */
  async function advance(ms: number): Promise<void> {
    t.clock.advance(ms);
    for (const role of ['analyst', 'verifier', 'guarantor', 'viewer']) {
      cookies[role] = await t.login(role, `demo-${role}-pass`);
    }
  }
  const step = (id: string, as: string, payload: object) =>
    send('POST', `/api/v1/incidents/${id}/verification`, as, payload);

  async function reportIncident(report: object, as = 'monitor'): Promise<string> {
    const posted = await send('POST', '/api/v1/reports', as, report);
    expect(posted.statusCode).toBe(201);
    return posted.json<{ id: string }>().id; // a new report founds an incident of its id
  }

  /** Attributes the incident to RUS ("radar track") and finds it against the ceasefire. */
  async function attributeAndFind(
    id: string,
    severity: string,
    confidence = 'high',
  ): Promise<string> {
    const attributed = await send('POST', `/api/v1/incidents/${id}/attributions`, 'analyst', {
      actor: 'RUS',
      confidence,
      basis: { text: 'radar track' },
    });
    expect(attributed.statusCode).toBe(201);
    const found = await send('POST', '/api/v1/findings', 'analyst', {
      incidentId: id,
      documentId: 'test-guarantee',
      provisionId: 'ceasefire',
      severity,
    });
    expect(found.statusCode).toBe(201);
    return found.json<{ findingId: string }>().findingId;
  }

  async function verifiedIncident(report: object = shelling()): Promise<string> {
    const id = await reportIncident(report);
    expect((await step(id, 'analyst', { status: 'under_investigation' })).statusCode).toBe(200);
    expect(
      (await step(id, 'analyst', { status: 'corroborated', method: 'two patrols heard it' }))
        .statusCode,
    ).toBe(200);
    const verified = await step(id, 'verifier', { status: 'verified', method: 'crater analysis' });
    expect(verified.statusCode).toBe(200);
    return id;
  }

  it('climbs the ladder with who, when and how, and refuses illegal or forbidden steps', async () => {
    const id = await reportIncident(shelling());
    const early = await step(id, 'analyst', { status: 'verified', method: 'x' });
    expect(early.statusCode).toBe(409);
    expect(early.json().error.code).toBe('STEP_REFUSED');
    expect(early.json().error.message).toContain('reported cannot be set to verified');
    await step(id, 'analyst', { status: 'under_investigation', notes: 'asked patrol 5' });
    await step(id, 'analyst', { status: 'corroborated', method: 'two patrols' });
    const byAnalyst = await step(id, 'analyst', { status: 'verified', method: 'x' });
    expect(byAnalyst.statusCode).toBe(403);
    expect(byAnalyst.json().error.message).toContain('only a verifier');
    expect((await step(id, 'monitor', { status: 'verified', method: 'x' })).statusCode).toBe(403);
    const noMethod = await step(id, 'verifier', { status: 'verified' });
    expect(noMethod.statusCode).toBe(400);
    expect(noMethod.json().error.details[0].path).toBe('method');
    const done = await step(id, 'verifier', { status: 'verified', method: 'site visit' });
    expect(done.statusCode).toBe(200);
    const view = done.json();
    expect(view.status).toBe('verified');
    expect(view.steps.map((s: { to: string }) => s.to)).toEqual([
      'under_investigation',
      'corroborated',
      'verified',
    ]);
    expect(view.steps[0]).toMatchObject({ from: 'reported', notes: 'asked patrol 5' });
    expect(view.steps[2]).toMatchObject({ method: 'site visit', at: '2026-01-06T12:00:00.000Z' });
    expect(view.steps[2].by).toMatch(/^user:/);
    expect(view.names[view.steps[2].by]).toBe('verifier');
    expect(view.names[view.steps[0].by]).toBe('analyst');
    // The list shows the status, and filters by it.
    const list = await send('GET', '/api/v1/incidents?status=verified', 'viewer');
    expect(list.json().incidents.map((i: { id: string }) => i.id)).toEqual([id]);

    // A rejected incident cannot be verified: 409, nothing changed.
    const other = await reportIncident(
      shelling({ location: { lon: 30.5, lat: 50.4, precision: 'vicinity' } }),
    );
    await step(other, 'verifier', { status: 'rejected', method: 'staged video' });
    const size = await t.services.record.size();
    const again = await step(other, 'verifier', { status: 'verified', method: 'x' });
    expect(again.statusCode).toBe(409);
    expect(await t.services.record.size()).toBe(size);
  });

  it('keeps four eyes: a verifier who reported the incident cannot verify it', async () => {
    // The analyst reports, then becomes a verifier.
    const id = await reportIncident(shelling(), 'analyst');
    await step(id, 'analyst', { status: 'corroborated', method: 'seen on camera' });
    await t.services.users.update('analyst', { role: 'verifier' }, by);
    cookies['analyst'] = await t.login('analyst', 'demo-analyst-pass');
    const refused = await step(id, 'analyst', { status: 'verified', method: 'x' });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.message).toContain('four eyes');
    expect((await step(id, 'verifier', { status: 'verified', method: 'x' })).statusCode).toBe(200);
  });

  it('links an unverifiable incident to the obstruction that prevented it', async () => {
    const id = await reportIncident(shelling());
    const notObstruction = await reportIncident(
      shelling({ location: { lon: 30.5, lat: 50.4, precision: 'vicinity' } }),
    );
    const wrong = await step(id, 'analyst', {
      status: 'unverifiable',
      obstructionIncidentId: notObstruction,
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.message).toContain('not an obstruction');
    const denied = await reportIncident(
      shelling({
        type: 'access_denied',
        location: { lon: 37.6, lat: 48.7, precision: 'locality' },
      }),
    );
    const ok = await step(id, 'analyst', { status: 'unverifiable', obstructionIncidentId: denied });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().steps[0].obstructionIncidentId).toBe(denied);
  });

  it('holds an edit lock for one person until it expires', async () => {
    const id = await reportIncident(shelling());
    const taken = await send('POST', `/api/v1/incidents/${id}/lock`, 'analyst');
    expect(taken.statusCode).toBe(200);
    const blocked = await step(id, 'verifier', { status: 'under_investigation' });
    expect(blocked.statusCode).toBe(409);
    expect(blocked.json().error.code).toBe('INCIDENT_LOCKED');
    expect(blocked.json().error.message).toContain('being decided by someone else');
    expect((await send('POST', `/api/v1/incidents/${id}/lock`, 'verifier')).statusCode).toBe(409);
    // The holder may still decide; after 15 minutes anyone may.
    expect((await step(id, 'analyst', { status: 'under_investigation' })).statusCode).toBe(200);
    t.clock.advance(16 * 60_000);
    expect(
      (await step(id, 'verifier', { status: 'corroborated', method: 'photos' })).statusCode,
    ).toBe(200);
  });

  it('assigns many incidents at once and sets the status of many, each on the record', async () => {
    const a = await reportIncident(shelling());
    const b = await reportIncident(
      shelling({ location: { lon: 30.5, lat: 50.4, precision: 'vicinity' } }),
    );
    const assigned = await send('POST', '/api/v1/incidents/assignments', 'admin', {
      incidentIds: [a, b],
      assignee: 'analyst',
    });
    expect(assigned.statusCode).toBe(204);
    expect(
      (await send('GET', `/api/v1/incidents/${a}/accountability`, 'viewer')).json().assignment,
    ).toMatchObject({ assignee: 'analyst', assignedAt: '2026-01-06T12:00:00.000Z' });
    expect(
      (
        await send('POST', '/api/v1/incidents/assignments', 'admin', {
          incidentIds: [a],
          assignee: 'nobody-by-that-name',
        })
      ).json().error.details[0].path,
    ).toBe('assignee');
    expect(
      (
        await send('POST', '/api/v1/incidents/assignments', 'analyst', {
          incidentIds: [a],
          assignee: null,
        })
      ).statusCode,
    ).toBe(403);
    const size = await t.services.record.size();
    const bulk = await send('POST', '/api/v1/incidents/verification', 'analyst', {
      incidentIds: [a, b, 'no-such-incident'],
      status: 'under_investigation',
    });
    expect(bulk.json().results).toEqual([
      { incidentId: a, ok: true },
      { incidentId: b, ok: true },
      { incidentId: 'no-such-incident', ok: false, error: 'no incident "no-such-incident"' },
    ]);
    expect(await t.services.record.size()).toBe(size + 2);
  });

  it('activates the guarantee once the finding is verified and attributed, runs the clock and tracks the response', async () => {
    const id = await verifiedIncident();
    const badFinding = await send('POST', '/api/v1/findings', 'analyst', {
      incidentId: id,
      documentId: 'test-guarantee',
      provisionId: 'no-such-article',
      severity: 'major',
    });
    expect(badFinding.statusCode).toBe(400);
    expect(badFinding.json().error.details[0].path).toBe('provisionId');

    const recorded = await send('POST', '/api/v1/findings', 'analyst', {
      incidentId: id,
      documentId: 'test-guarantee',
      provisionId: 'ceasefire',
      severity: 'major',
    });
    expect(recorded.statusCode).toBe(201);
    const { findingId } = recorded.json();
    // Not attributed yet: indeterminate, with the actor named as the unmet condition.
    let finding = (await send('GET', `/api/v1/findings/${findingId}`, 'viewer')).json();
    expect(finding.evaluations).toHaveLength(1);
    expect(finding.evaluations[0]).toMatchObject({
      commitmentId: 'gbr-air-defence',
      result: 'indeterminate',
    });
    expect(finding.evaluations[0].unmet.map((u: { condition: string }) => u.condition)).toEqual([
      'actor',
    ]);
    expect((await send('GET', '/api/v1/activations', 'viewer')).json().activations).toEqual([]);

    const attributed = await send('POST', `/api/v1/incidents/${id}/attributions`, 'analyst', {
      actor: 'RUS',
      confidence: 'high',
      basis: { reportIds: [id], text: 'direction of fire from the crater' },
    });
    expect(attributed.statusCode).toBe(201);
    expect(attributed.json()).toEqual({ version: 1 });
    finding = (await send('GET', `/api/v1/findings/${findingId}`, 'viewer')).json();
    expect(finding.evaluations[0].result).toBe('triggered');

    const [activation] = (await send('GET', '/api/v1/activations', 'guarantor')).json().activations;
    expect(activation).toMatchObject({
      documentId: 'test-guarantee',
      commitmentId: 'gbr-air-defence',
      obligor: 'GBR',
      incidentId: id,
      findingIds: [findingId],
      activatedAt: '2026-01-06T12:00:00.000Z',
      deadline: '2026-01-08T12:00:00.000Z',
      breachAt: '2026-01-10T12:00:00.000Z',
      tier: 1,
      status: 'open',
    });

    // Guarantors are told in CAP 1.2: an Alert, valid against the OASIS schema.
    const alerts = (await send('GET', '/api/v1/alerts', 'guarantor')).json().alerts;
    expect(alerts).toEqual([
      expect.objectContaining({ activationId: activation.id, obligor: 'GBR', msgType: 'Alert' }),
    ]);
    const cap = await send('GET', `/api/v1/alerts/${alerts[0].id}.cap`, 'guarantor');
    expect(cap.headers['content-type']).toContain('application/cap+xml');
    validateXml(cap.body, { xsd: CAP_XSD });
    expect(parseCapMessage(cap.body)).toMatchObject({
      identifier: alerts[0].id,
      msgType: 'Alert',
      status: 'Exercise', // a demo instance
    });
    expect(cap.body).toContain('<circle>48.7232,37.5606 0.1</circle>');
    expect((await send('GET', `/api/v1/alerts/${alerts[0].id}.xml`, 'viewer')).statusCode).toBe(
      400,
    );
    expect((await send('GET', '/api/v1/alerts/nothing.cap', 'viewer')).statusCode).toBe(404);

    // The clock: nothing before the deadline; overdue after it; breached after the grace.
    await advance(47 * HOUR);
    expect(await t.services.accountability.tick()).toBe(0);
    await advance(2 * HOUR);
    expect(await t.services.accountability.tick()).toBe(1);
    const overdue = (await send('GET', `/api/v1/activations/${activation.id}`, 'viewer')).json();
    expect(overdue).toMatchObject({ status: 'overdue', tier: 2 });
    await advance(48 * HOUR);
    await t.services.accountability.tick();
    expect(
      (await send('GET', `/api/v1/activations/${activation.id}`, 'viewer')).json(),
    ).toMatchObject({
      status: 'breached',
      tier: 3,
    });

    // Responses: only the obligor's guarantor; a statement does not meet a promise of air defence.
    await t.services.users.add(
      { name: 'usa', role: 'guarantor', actor: 'USA', password: 'usa-guarantor-pass' },
      by,
    );
    cookies['usa'] = await t.login('usa', 'usa-guarantor-pass');
    const stranger = await send('POST', `/api/v1/activations/${activation.id}/responses`, 'usa', {
      type: 'action',
      description: 'not ours',
    });
    expect(stranger.statusCode).toBe(403);
    expect((await send('GET', '/api/v1/activations', 'usa')).json().activations).toEqual([]);
    const future = await send(
      'POST',
      `/api/v1/activations/${activation.id}/responses`,
      'guarantor',
      {
        type: 'action',
        description: 'batteries deployed',
        respondedAt: '2027-01-01T00:00:00Z',
      },
    );
    expect(future.statusCode).toBe(400);
    expect(future.json().error.details[0].path).toBe('respondedAt');
    const statement = await send(
      'POST',
      `/api/v1/activations/${activation.id}/responses`,
      'guarantor',
      {
        type: 'statement',
        description: 'We condemn the shelling.',
      },
    );
    expect(statement.json()).toMatchObject({ qualifying: false });
    const action = await send(
      'POST',
      `/api/v1/activations/${activation.id}/responses`,
      'guarantor',
      {
        type: 'action',
        description: 'Two air-defence batteries deployed to Kramatorsk.',
        respondedAt: '2026-01-10T12:30:00Z',
      },
    );
    expect(action.statusCode).toBe(201);
    expect(action.json()).toMatchObject({ qualifying: true });
    const met = (await send('GET', `/api/v1/activations/${activation.id}`, 'viewer')).json();
    expect(met).toMatchObject({ status: 'met', late: true, tier: 3 });
    // In the order they were given: the action (12:30) came before the statement (13:00).
    expect(met.responses.map((r: { type: string }) => r.type)).toEqual(['action', 'statement']);

    // Every change was an Update referring to the messages before it; the feed is valid Atom.
    const thread = (await send('GET', '/api/v1/alerts', 'viewer')).json().alerts;
    expect(thread.map((a: { msgType: string }) => a.msgType)).toEqual([
      'Update',
      'Update',
      'Update',
      'Alert',
    ]);
    const last = await send('GET', `/api/v1/alerts/${thread[0].id}.cap`, 'viewer');
    validateXml(last.body, { xsd: CAP_XSD });
    expect(parseCapMessage(last.body).references.map((r) => r.identifier)).toEqual(
      thread
        .slice(1)
        .reverse()
        .map((a: { id: string }) => a.id),
    );
    expect(last.body).toContain('met late');
    const feed = await send('GET', '/api/v1/alerts.atom?obligor=GBR', 'viewer');
    expect(feed.headers['content-type']).toContain('application/atom+xml');
    validateXml(feed.body, { relaxng: ATOM_RNG });
    expect(feed.body.match(/<entry>/g)).toHaveLength(4);
    expect((await send('GET', '/api/v1/alerts.atom?obligor=FRA', 'viewer')).body).not.toContain(
      '<entry>',
    );

    const summary = (await send('GET', '/api/v1/guarantors/summary', 'viewer')).json();
    expect(summary.guarantors).toEqual([
      expect.objectContaining({
        obligor: 'GBR',
        activations: 1,
        met: 1,
        lateResponses: 1,
        medianResponseHours: 96.5,
      }),
    ]);

    // Every decision names its record event, and that entry is the decision.
    const view = (await send('GET', `/api/v1/incidents/${id}/accountability`, 'viewer')).json();
    const decisions: [string, string][] = [
      ...view.steps.map((s: { eventId: string }) => [s.eventId, 'incident.verification_set']),
      [view.attributions[0].eventId, 'incident.attributed'],
      [view.findings[0].eventId, 'finding.recorded'],
      [met.eventId, 'activation.opened'],
      ...met.responses.map((r: { eventId: string }) => [r.eventId, 'response.recorded']),
    ];
    expect(decisions).toHaveLength(8); // three steps, attribution, finding, activation, two responses
    for (const [eventId, type] of decisions) {
      const entry = await send('GET', `/api/v1/record/events/${eventId}`, 'viewer');
      expect(entry.json()).toMatchObject({ eventId, type });
    }

    // Everything above is in the record: replaying it gives the same tables.
    await t.services.record.signCheckpoint();
    expect((await t.services.record.audit()).problems).toEqual([]);
  });

  it('withdraws an open activation when the verification is reopened', async () => {
    const id = await verifiedIncident();
    await attributeAndFind(id, 'grave', 'moderate');
    const [opened] = (await send('GET', '/api/v1/activations', 'viewer')).json().activations;
    expect(opened.status).toBe('open');
    await step(id, 'verifier', { status: 'under_investigation', notes: 'new imagery' });
    const withdrawn = (await send('GET', `/api/v1/activations/${opened.id}`, 'viewer')).json();
    expect(withdrawn.status).toBe('withdrawn');
    const late = await send('POST', `/api/v1/activations/${opened.id}/responses`, 'guarantor', {
      type: 'action',
      description: 'sent air defence',
    });
    expect(late.statusCode).toBe(409);
    expect(late.json().error.code).toBe('ACTIVATION_WITHDRAWN');
    const [cancel] = (await send('GET', '/api/v1/alerts', 'viewer')).json().alerts;
    expect(cancel.msgType).toBe('Cancel');
    validateXml((await send('GET', `/api/v1/alerts/${cancel.id}.cap`, 'viewer')).body, {
      xsd: CAP_XSD,
    });
    // A declined attribution is a recorded version too, and keeps it indeterminate.
    const declined = await send('POST', `/api/v1/incidents/${id}/attributions`, 'analyst', {
      declined: 'the mission does not attribute',
      basis: { text: 'mandate' },
    });
    expect(declined.json()).toEqual({ version: 2 });
    await step(id, 'analyst', { status: 'corroborated', method: 'imagery' });
    await step(id, 'verifier', { status: 'verified', method: 'imagery' });
    expect((await send('GET', `/api/v1/activations/${opened.id}`, 'viewer')).json().status).toBe(
      'withdrawn',
    );
  });

  it('evaluates again when a commitment changes', async () => {
    const id = await verifiedIncident();
    const findingId = await attributeAndFind(id, 'major');
    const [opened] = (await send('GET', '/api/v1/activations', 'viewer')).json().activations;
    expect(opened.status).toBe('open');
    // The guarantor now answers only grave violations: this one no longer meets the trigger.
    const stricter = GUARANTEE.replace('minSeverity: major', 'minSeverity: grave');
    expect(stricter).not.toBe(GUARANTEE);
    await t.services.agreements.importText({ text: stricter, format: 'yaml', name: 'g.yaml' }, by);
    const finding = (await send('GET', `/api/v1/findings/${findingId}`, 'viewer')).json();
    expect(finding.evaluations[0]).toMatchObject({ result: 'not_triggered' });
    expect(finding.evaluations[0].unmet.map((u: { condition: string }) => u.condition)).toEqual([
      'severity',
    ]);
    expect((await send('GET', `/api/v1/activations/${opened.id}`, 'viewer')).json().status).toBe(
      'withdrawn',
    );
    await t.services.agreements.importText({ text: GUARANTEE, format: 'yaml', name: 'g.yaml' }, by);
    expect((await send('GET', `/api/v1/activations/${opened.id}`, 'viewer')).json().status).toBe(
      'open',
    );
  });

  it('withdraws an activation whose commitment no longer concerns the incident', async () => {
    const id = await verifiedIncident();
    await attributeAndFind(id, 'major');
    const [opened] = (await send('GET', '/api/v1/activations', 'viewer')).json().activations;
    expect(opened.status).toBe('open');
    // The guarantee now answers only obstruction: a shelling is not even a candidate.
    const other = GUARANTEE.replace('eventTypes: [kinetic_remote]', 'eventTypes: [obstruction]');
    expect(other).not.toBe(GUARANTEE);
    await t.services.agreements.importText({ text: other, format: 'yaml', name: 'g.yaml' }, by);
    const withdrawn = (await send('GET', `/api/v1/activations/${opened.id}`, 'viewer')).json();
    expect(withdrawn.status).toBe('withdrawn');
    const [cancel] = (await send('GET', '/api/v1/alerts', 'viewer')).json().alerts;
    expect(cancel).toMatchObject({ activationId: opened.id, msgType: 'Cancel' });
    await t.services.record.signCheckpoint();
    expect((await t.services.record.audit()).problems).toEqual([]);
  });

  it('sees a commitment changed by another process at its next decision', async () => {
    // This process decides once, so its engine has built its index of the commitments.
    await attributeAndFind(await verifiedIncident(), 'major');
    expect((await send('GET', '/api/v1/activations', 'viewer')).json().activations).toHaveLength(1);
    // Another process (the CLI, say) makes the guarantee answer only grave violations.
    const other = await createServices(t.databaseUrl, { now: t.clock.now });
    try {
      const stricter = GUARANTEE.replace('minSeverity: major', 'minSeverity: grave');
      await other.agreements.importText({ text: stricter, format: 'yaml', name: 'g.yaml' }, by);
    } finally {
      await other.close();
    }
    // A new major finding here must meet the changed trigger, not the one it indexed before.
    // (Elsewhere in the zone and hours later, so that it is an incident of its own.)
    const later = shelling({
      observedFrom: '2026-01-05T18:00:00Z',
      observedTo: '2026-01-05T18:20:00Z',
      location: { lon: 37.9, lat: 48.5, precision: 'vicinity' },
    });
    const findingId = await attributeAndFind(await verifiedIncident(later), 'major');
    const finding = (await send('GET', `/api/v1/findings/${findingId}`, 'viewer')).json();
    expect(finding.evaluations[0]).toMatchObject({ result: 'not_triggered' });
    const running = (await send('GET', '/api/v1/activations', 'viewer'))
      .json()
      .activations.filter((a: { status: string }) => a.status === 'open');
    expect(running).toHaveLength(0);
  });

  it('explains what fired or is undecided and its own agreement; other answers are counted', async () => {
    // A second agreement whose guarantee is for a joint commission to determine: indeterminate.
    const other = GUARANTEE.replace('id: test-guarantee', 'id: other-guarantee')
      .replace('minSeverity: major', 'minSeverity: minor')
      .replace(
        '      minVerification: verified',
        '      minVerification: verified\n      determinedBy:\n        body: Joint Commission',
      );
    expect(other).toContain('Joint Commission');
    await t.services.agreements.importText({ text: other, format: 'yaml', name: 'o.yaml' }, by);
    const id = await verifiedIncident();
    await send('POST', `/api/v1/incidents/${id}/attributions`, 'analyst', {
      actor: 'RUS',
      confidence: 'high',
      basis: { text: 'radar track' },
    });
    // A minor finding: the test guarantee (its own agreement) is not triggered but explained.
    const { findingId } = (
      await send('POST', '/api/v1/findings', 'analyst', {
        incidentId: id,
        documentId: 'test-guarantee',
        provisionId: 'ceasefire',
        severity: 'minor',
      })
    ).json();
    const answers = async () =>
      (await send('GET', `/api/v1/findings/${findingId}`, 'viewer'))
        .json<{ evaluations: { documentId: string; result: string }[] }>()
        .evaluations.map((e) => `${e.documentId}: ${e.result}`)
        .sort();
    expect(await answers()).toEqual([
      'other-guarantee: indeterminate',
      'test-guarantee: not_triggered',
    ]);
    const lastEvaluation = async () => {
      const entries = await t.services.record.entries(0, 100_000);
      const last = entries.filter((e) => e.event.type === 'commitments.evaluated').at(-1);
      return last?.event.payload as { evaluations: unknown[]; notTriggeredElsewhere: number };
    };
    expect((await lastEvaluation()).notTriggeredElsewhere).toBe(0);

    // The other guarantee now answers only grave violations: not triggered, and no longer
    // listed (the old row is replaced, not left behind), but counted in the record.
    const stricter = other.replace('minSeverity: minor', 'minSeverity: grave');
    await t.services.agreements.importText({ text: stricter, format: 'yaml', name: 'o.yaml' }, by);
    expect(await answers()).toEqual(['test-guarantee: not_triggered']);
    expect(await lastEvaluation()).toMatchObject({
      evaluations: [{ documentId: 'test-guarantee' }],
      notTriggeredElsewhere: 1,
    });
    // Replaying the record gives the same rows: the stale one is gone there too.
    await t.services.record.signCheckpoint();
    expect((await t.services.record.audit()).problems).toEqual([]);
  });

  it('runs the scheduler without spinning: only changes wake anyone', async () => {
    let wakes = 0;
    const stopCounting = t.services.accountability.onChange(() => (wakes += 1));
    const stop = t.services.accountability.startScheduler();
    try {
      await reportIncident(shelling());
      await step(
        (await t.services.incidents.list({ limit: 1 })).incidents[0]?.id ?? '',
        'analyst',
        {
          status: 'under_investigation',
        },
      );
      await new Promise((resolve) => setTimeout(resolve, 300));
      // One decision, one wake; a scheduler that woke itself would have counted hundreds.
      expect(wakes).toBe(1);
    } finally {
      stop();
      stopCounting();
    }
  });

  it('catches up on deadlines that passed while no server ran', async () => {
    const id = await verifiedIncident();
    await attributeAndFind(id, 'major');
    t.clock.advance(5 * 24 * HOUR); // past the deadline and the grace period
    const restarted = await createServices(t.databaseUrl, { now: t.clock.now });
    try {
      const stop = restarted.accountability.startScheduler();
      try {
        await expect
          .poll(async () => (await restarted.accountability.activations({}, by))[0]?.status)
          .toBe('breached');
      } finally {
        stop();
      }
      expect((await restarted.accountability.activations({}, by))[0]?.tier).toBe(3);
    } finally {
      await restarted.close();
    }
  });
});
