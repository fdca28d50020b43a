/**
 * CAP alerts: for each activation opened or changed, the message built from the activation as
 * it now stands (an Alert, then Updates referring to the earlier ones, a Cancel when
 * withdrawn), recorded and handed to the webhooks in the same transaction.
 */
import { activationAlert } from '../../core/alerts/activation-alert.js';
import { worstSeverity } from '../../core/accountability/summary.js';
import type { EventBody } from '../../core/events.js';
import {
  readAlertsOf,
  readFinding,
  triggeredConditions,
} from '../../store/accountability-reads.js';
import { findDocument } from '../../store/agreement-store.js';
import { placeOfIncident } from '../../store/incident-store.js';
import { isDemoInstance } from '../../store/instance-store.js';
import type { Tx } from '../../store/transactions.js';
import type { AlertFacts } from '../../core/alerts/webhook-filters.js';
import {
  commitmentOf,
  requireActivation,
  requireIncident,
  type AccountabilityContext,
} from './context.js';

/** An activation whose state changed, and why (none for a new one). */
export interface AlertCause {
  readonly activationId: string;
  readonly reason?: string | undefined;
}

/** Issues alerts in the caller's transaction; nothing for no causes. */
export type IssueAlerts = (tx: Tx, causes: readonly AlertCause[]) => Promise<void>;

export function createAlertIssuer(actx: AccountabilityContext): IssueAlerts {
  const { ctx, options, nowIso } = actx;

  /**
   * Sends (records) the CAP message for each activation that was opened or changed state,
   * built from the activation as it now stands.
   */
  return async function issueAlerts(tx, causes) {
    if (causes.length === 0) return;
    const exercise = await isDemoInstance(tx);
    const bodies: EventBody[] = [];
    const facts: AlertFacts[] = [];
    for (const { activationId, reason } of causes) {
      const activation = await requireActivation(tx, activationId);
      const commitment = await commitmentOf(tx, activation);
      const document = await findDocument(tx, activation.documentId);
      const incident = await requireIncident(tx, activation.incidentId);
      const findings = (
        await Promise.all(activation.findingIds.map((id) => readFinding(tx, id)))
      ).filter((f) => f !== undefined);
      const severity = worstSeverity(findings.map((f) => f.severity));
      const met = await triggeredConditions(tx, activation.findingIds, activation);
      const earlier = (await readAlertsOf(tx, activation.id)).map((a) => ({
        sender: options.alertSender,
        identifier: a.id,
        sent: a.sent,
      }));
      const alertId = ctx.newId();
      const alert = activationAlert({
        alertId,
        sender: options.alertSender,
        sent: nowIso(),
        exercise,
        earlier,
        activation: {
          id: activation.id,
          status: activation.status,
          tier: activation.tier,
          deadline: activation.deadline,
          late: activation.late,
          reason,
        },
        commitment: {
          documentId: activation.documentId,
          documentTitle: document?.document.title ?? activation.documentId,
          id: activation.commitmentId,
          obligor: activation.obligor,
          text: commitment?.text ?? '',
        },
        incident: {
          id: incident.id,
          type: incident.type,
          observedFrom: incident.observed_from,
          location: placeOfIncident(incident),
        },
        severity,
        met,
      });
      bodies.push({
        type: 'alert.issued',
        payload: {
          alertId,
          activationId: activation.id,
          obligor: activation.obligor,
          msgType: alert.msgType as 'Alert' | 'Update' | 'Cancel',
          headline: alert.headline,
          xml: alert.xml,
        },
      });
      facts.push({
        alertId,
        activationId: activation.id,
        documentId: activation.documentId,
        commitmentId: activation.commitmentId,
        obligor: activation.obligor,
        msgType: alert.msgType,
        headline: alert.headline,
        sent: nowIso(),
        cap: alert.xml,
        incident: {
          id: incident.id,
          type: incident.type,
          location: placeOfIncident(incident),
        },
      });
    }
    await actx.write('system:alerts', bodies, tx);
    if (options.onAlertIssued !== undefined) {
      for (const alert of facts) await options.onAlertIssued(tx, alert);
    }
  };
}
