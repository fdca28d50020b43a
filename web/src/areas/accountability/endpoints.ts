/** One typed function per accountability endpoint the browser app uses. */
import type {
  ActivationList,
  AttributionVersion,
  FindingRecorded,
  GuarantorSummaryList,
  Lock,
  ResponseRecorded,
} from '../../../../src/http/schemas/accountability.js';
import type { ActorList } from '../../../../src/http/schemas/agreements.js';
import type { AlertList } from '../../../../src/http/schemas/alerts.js';
import { request } from '../../api';
import type {
  Activation,
  ActivationDetail,
  ActivationStatus,
  AttributionInput,
  FindingInput,
  IncidentAccountability,
  ResponseInput,
  VerificationInput,
} from './types';

const API = '/api/v1';

const incidentUrl = (id: string) => `${API}/incidents/${encodeURIComponent(id)}`;
const activationUrl = (id: string) => `${API}/activations/${encodeURIComponent(id)}`;

/** An incident's verification steps, lock, assignment, attributions, findings and activations. */
export const getAccountability = (incidentId: string) =>
  request<IncidentAccountability>('GET', `${incidentUrl(incidentId)}/accountability`);

/** Takes one step of the verification ladder; refused steps change nothing. */
export const setVerification = (incidentId: string, step: VerificationInput) =>
  request<IncidentAccountability>('POST', `${incidentUrl(incidentId)}/verification`, step);

/** Takes or renews the incident's edit lock for the signed-in person. */
export const takeLock = (incidentId: string) =>
  request<Lock>('POST', `${incidentUrl(incidentId)}/lock`);

/** Releases the incident's edit lock. */
export const releaseLock = (incidentId: string) =>
  request<undefined>('DELETE', `${incidentUrl(incidentId)}/lock`);

/** Assigns incidents to a person by user name, or to nobody (null). */
export const assignIncidents = (incidentIds: readonly string[], assignee: string | null) =>
  request<undefined>('POST', `${API}/incidents/assignments`, { incidentIds, assignee });

/** Records a new version of the incident's attribution. */
export const attributeIncident = (incidentId: string, claim: AttributionInput) =>
  request<AttributionVersion>('POST', `${incidentUrl(incidentId)}/attributions`, claim);

/** Qualifies an incident against a provision; the trigger engine evaluates every commitment. */
export const recordFinding = (finding: FindingInput) =>
  request<FindingRecorded>('POST', `${API}/findings`, finding);

/** Every actor of every document. */
export const listActors = () =>
  request<ActorList>('GET', `${API}/actors`).then((body) => body.actors);

/** Activations, newest first, of one status or all (a guarantor sees only its own). */
export const listActivations = (status: ActivationStatus | null) =>
  request<ActivationList>(
    'GET',
    status === null ? `${API}/activations` : `${API}/activations?status=${status}`,
  ).then((body) => body.activations);

/** One activation with its response clock and the guarantor's responses. */
export const getActivation = (id: string) => request<ActivationDetail>('GET', activationUrl(id));

/** Records the guarantor's response to an activation of its own commitment. */
export const respondToActivation = (id: string, response: ResponseInput) =>
  request<ResponseRecorded>('POST', `${activationUrl(id)}/responses`, response);

/** The most alerts one request lists. */
const MAX_ALERTS = 1000;

/** The CAP alerts about one activation, newest first. */
export const listActivationAlerts = (activation: Pick<Activation, 'id' | 'obligor'>) =>
  request<AlertList>(
    'GET',
    `${API}/alerts?activationId=${encodeURIComponent(activation.id)}&limit=${MAX_ALERTS}`,
  ).then((body) => body.alerts);

/** Where one alert's CAP 1.2 message downloads from. */
export const alertCapUrl = (alertId: string) => `${API}/alerts/${encodeURIComponent(alertId)}.cap`;

/** Where the alerts' Atom feed is. */
export const ALERTS_FEED_URL = `${API}/alerts.atom`;

/** Per guarantor: activations by status and the median time to respond. */
export const getGuarantorSummaries = () =>
  request<GuarantorSummaryList>('GET', `${API}/guarantors/summary`).then((body) => body.guarantors);
