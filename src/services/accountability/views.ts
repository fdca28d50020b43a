/**
 * Read views: an incident's accountability, a finding with the engine's answers, activations
 * with their responses, alerts (listed, streamed, as CAP XML) and the guarantor summaries. A
 * guarantor user sees only its own actor's activations and alerts.
 */
import type { Principal } from '../../core/auth/principal.js';
import type { VerificationStatus } from '../../core/accountability/model.js';
import type { Activation, Alert, Finding } from '../../core/accountability/records.js';
import { summarizeGuarantors } from '../../core/accountability/summary.js';
import { nextStatuses } from '../../core/accountability/verification.js';
import { DomainError } from '../../core/errors.js';
import {
  assignmentOf,
  firstQualifyingResponses,
  readActivations,
  readActivationsOfIncident,
  readAlert,
  readAlerts,
  readAlertsAfter,
  readAllActivations,
  readAttributions,
  readEvaluations,
  readFinding,
  readFindings,
  readResponses,
  readVerificationSteps,
} from '../../store/accountability-reads.js';
import {
  latestAlertPosition,
  lockHolder,
  principalNames,
} from '../../store/accountability-store.js';
import { findIncident } from '../../store/incident-store.js';
import { ownActor, requireActivation, type AccountabilityContext } from './context.js';

/** An activation as the API shows it. */
export type ActivationView = Activation;

export function createViews(actx: AccountabilityContext) {
  const { db, nowIso } = actx;

  /** A finding with the engine's latest answer for each commitment it could concern. */
  async function findingView(finding: Finding) {
    return { ...finding, evaluations: await readEvaluations(db, finding.id) };
  }

  return {
    /** An incident's verification steps, assignment, lock, attributions and findings. */
    async incidentAccountability(incidentId: string) {
      const incident = await findIncident(db, incidentId);
      if (incident === undefined) {
        throw new DomainError('NOT_FOUND', `no incident "${incidentId}"`, [
          { path: 'id', message: 'no such incident' },
        ]);
      }
      const assignment = await assignmentOf(db, incidentId);
      const findings = await readFindings(db, incidentId);
      const steps = await readVerificationSteps(db, incidentId);
      const attributions = await readAttributions(db, incidentId);
      const lock = (await lockHolder(db, incidentId, nowIso())) ?? null;
      return {
        /** User names for the principal ids below (`user:<id>`, `token:<id>`). */
        names: await principalNames(db, [
          ...steps.map((step) => step.by),
          ...attributions.map((a) => a.by),
          ...findings.map((f) => f.by),
          ...(lock === null ? [] : [`user:${lock.userId}`]),
        ]),
        status: incident.status as VerificationStatus,
        /** The steps the ladder allows from here (roles and four eyes are checked on the step). */
        nextStatuses: [...nextStatuses(incident.status as VerificationStatus)],
        steps,
        assignment: assignment ?? null,
        lock,
        attributions,
        findings: await Promise.all(findings.map(findingView)),
        activations: await readActivationsOfIncident(db, incidentId),
      };
    },

    /** One finding with the engine's latest answer for each commitment it could concern. */
    async finding(id: string) {
      const finding = await readFinding(db, id);
      if (finding === undefined) {
        throw new DomainError('NOT_FOUND', `no finding "${id}"`, [
          { path: 'id', message: 'no such finding' },
        ]);
      }
      return findingView(finding);
    },

    /** Activations, newest first; a guarantor user sees only its own actor's. */
    async activations(
      filter: { obligor?: string | undefined; status?: string | undefined; limit?: number },
      by: Principal,
    ): Promise<ActivationView[]> {
      const own = ownActor(by);
      if (own !== undefined && filter.obligor !== undefined && filter.obligor !== own) return [];
      return readActivations(db, {
        obligor: own ?? filter.obligor,
        status: filter.status,
        limit: filter.limit ?? 100,
      });
    },

    /** One activation with its responses. */
    async activation(id: string, by: Principal) {
      const activation = await requireActivation(db, id);
      const own = ownActor(by);
      if (own !== undefined && own !== activation.obligor) {
        throw new DomainError('NOT_FOUND', `no activation "${id}"`, [
          { path: 'id', message: 'no such activation' },
        ]);
      }
      const responses = await readResponses(db, id);
      return {
        ...activation,
        names: await principalNames(
          db,
          responses.map((r) => r.recordedBy),
        ),
        responses,
      };
    },

    /** Alerts (CAP messages), newest first; a guarantor user sees only its own actor's. */
    async alerts(
      filter: {
        obligor?: string | undefined;
        msgType?: string | undefined;
        activationId?: string | undefined;
        limit?: number;
      },
      by: Principal,
    ) {
      const own = ownActor(by);
      if (own !== undefined && filter.obligor !== undefined && filter.obligor !== own) return [];
      const alerts = await readAlerts(db, {
        obligor: own ?? filter.obligor,
        msgType: filter.msgType,
        activationId: filter.activationId,
        limit: filter.limit ?? 100,
      });
      return alerts.map(alertSummary);
    },

    /**
     * Alerts after a stream position (oldest first), for live streams: `position` is the
     * previous alert's `sent|id` as given in each streamed alert, or undefined for "from now".
     */
    async alertsSince(position: string | undefined, by: Principal, obligor?: string) {
      const own = ownActor(by);
      if (own !== undefined && obligor !== undefined && obligor !== own) {
        return { alerts: [], position: position ?? '' };
      }
      let after: { sent: string; id: string };
      if (position === undefined || position === '') {
        after = await latestAlertPosition(db);
      } else {
        const [sent = '', id = ''] = position.split('|');
        after = { sent, id };
      }
      const alerts = await readAlertsAfter(db, after, { obligor: own ?? obligor, limit: 500 });
      const last = alerts.at(-1);
      return {
        alerts: alerts.map((alert) => {
          const { id, ...rest } = alertSummary(alert);
          return { id, position: `${alert.sent}|${alert.id}`, ...rest };
        }),
        position: last === undefined ? `${after.sent}|${after.id}` : `${last.sent}|${last.id}`,
      };
    },

    /** One alert's CAP XML, exactly as sent. */
    async alertXml(id: string, by: Principal): Promise<string> {
      const alert = await readAlert(db, id);
      const own = ownActor(by);
      if (alert === undefined || (own !== undefined && alert.obligor !== own)) {
        throw new DomainError('NOT_FOUND', `no alert "${id}"`, [
          { path: 'id', message: 'no such alert' },
        ]);
      }
      return alert.xml;
    },

    /**
     * Per guarantor: activations by status and the median time from activation to the first
     * qualifying response, in hours (null when none responded).
     */
    async guarantorSummaries() {
      const activations = await readAllActivations(db);
      return summarizeGuarantors(activations, await firstQualifyingResponses(db));
    },
  };
}

/** An alert without its XML, as lists show it. */
function alertSummary({ xml: _xml, ...alert }: Alert) {
  return alert;
}
