/**
 * Activating the guarantee of test/fixtures/agreements/guarantee.yaml through the API, as the
 * demo users would: a monitor's shelling report inside the security zone, corroborated by the
 * analyst, verified by the verifier, attributed to RUS, and a major finding.
 */
import { readFileSync } from 'node:fs';
import { systemPrincipal } from '../../src/core/auth/principal.js';
import type { TestApp } from './test-app.js';

export const GUARANTEE_FILE = readFileSync(
  new URL('../fixtures/agreements/guarantee.yaml', import.meta.url),
  'utf8',
);

/** Imports the guarantee fixture. */
export async function importGuarantee(t: TestApp): Promise<void> {
  await t.services.agreements.importText(
    { text: GUARANTEE_FILE, format: 'yaml', name: 'guarantee.yaml' },
    systemPrincipal('test'),
  );
}

/** Runs the whole ladder for a new incident at `lon`; returns the incident id. */
export async function activateGuarantee(t: TestApp, lon = 37.5606): Promise<string> {
  const cookie: Record<string, string> = {};
  for (const role of ['monitor', 'analyst', 'verifier']) {
    cookie[role] = await t.login(role, `demo-${role}-pass`);
  }
  const send = async (url: string, as: string, payload: object) => {
    const response = await t.app.inject({
      method: 'POST',
      url,
      headers: { cookie: cookie[as] ?? '' },
      payload,
    });
    if (response.statusCode >= 300) throw new Error(`${url}: ${response.body}`);
    return response;
  };
  const report = await send('/api/v1/reports', 'monitor', {
    observedFrom: '2026-01-05T10:00:00Z',
    location: { lon, lat: 48.7232, precision: 'vicinity' },
    mode: 'heard',
    type: 'shelling',
    source: { kind: 'monitor', name: 'Patrol 4' },
  });
  const id = report.json<{ id: string }>().id;
  await send(`/api/v1/incidents/${id}/verification`, 'analyst', {
    status: 'corroborated',
    method: 'two patrols',
  });
  await send(`/api/v1/incidents/${id}/verification`, 'verifier', {
    status: 'verified',
    method: 'crater analysis',
  });
  await send(`/api/v1/incidents/${id}/attributions`, 'analyst', {
    actor: 'RUS',
    confidence: 'high',
    basis: { text: 'direction of fire' },
  });
  await send('/api/v1/findings', 'analyst', {
    incidentId: id,
    documentId: 'test-guarantee',
    provisionId: 'ceasefire',
    severity: 'major',
  });
  return id;
}
