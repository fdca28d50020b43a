/**
 * The CAP 1.2 message Truce sends about an activation: an Alert when a commitment is activated,
 * an Update at each change of its state (overdue, breached, met, reopened), a Cancel when it is
 * withdrawn. Each refers to the activation's earlier messages, so a receiver can thread them.
 * Messages go to the guarantor and the mission (scope Restricted); a demo instance marks them
 * as an exercise.
 */
import type { ActivationStatus } from '../accountability/model.js';
import type { Severity } from '../agreements/vocabulary.js';
import { capMessage, type CapMessageType, type CapReference, type CapSeverity } from './cap.js';

/** What the message says, gathered by the service at the moment it is sent. */
export interface ActivationAlertFacts {
  /** The message's own id (unique for the sender). */
  readonly alertId: string;
  /** Who sends: "truce@<host>", the same on every message of this instance. */
  readonly sender: string;
  readonly sent: string;
  readonly exercise: boolean;
  /** The messages of this activation sent before, oldest first. */
  readonly earlier: readonly CapReference[];
  readonly activation: {
    readonly id: string;
    readonly status: ActivationStatus;
    readonly tier: number;
    readonly deadline: string | null;
    readonly late: boolean;
    /** Why the state changed (the event's reason); absent for the first message. */
    readonly reason?: string | undefined;
  };
  readonly commitment: {
    readonly documentId: string;
    readonly documentTitle: string;
    readonly id: string;
    readonly obligor: string;
    readonly text: string;
  };
  readonly incident: {
    readonly id: string;
    readonly type: string;
    readonly observedFrom: string;
    readonly location: {
      readonly lon: number;
      readonly lat: number;
      readonly radiusM: number;
    } | null;
    readonly placeName?: string | undefined;
  };
  /** The most severe finding behind the activation. */
  readonly severity: Severity;
  /** The trigger conditions met, in words. */
  readonly met: readonly string[];
}

const SEVERITY: Readonly<Record<Severity, CapSeverity>> = {
  minor: 'Moderate',
  major: 'Severe',
  grave: 'Extreme',
};

/** The message type for an activation's state: the first is an Alert, withdrawal a Cancel. */
export function messageTypeFor(status: ActivationStatus, first: boolean): CapMessageType {
  if (first) return 'Alert';
  return status === 'withdrawn' ? 'Cancel' : 'Update';
}

/** The CAP XML for an activation's state. */
export function activationAlert(facts: ActivationAlertFacts): {
  msgType: CapMessageType;
  headline: string;
  xml: string;
} {
  const { activation, commitment, incident } = facts;
  const msgType = messageTypeFor(activation.status, facts.earlier.length === 0);
  const headline = headlineOf(facts);
  const instruction =
    activation.status === 'open' || activation.status === 'overdue'
      ? activation.deadline === null
        ? `Record ${commitment.obligor}'s response in Truce; the commitment sets no deadline.`
        : `Record ${commitment.obligor}'s response in Truce by ${activation.deadline}.`
      : undefined;
  const xml = capMessage({
    identifier: facts.alertId,
    sender: facts.sender,
    sent: facts.sent,
    status: facts.exercise ? 'Exercise' : 'Actual',
    msgType,
    scope: 'Restricted',
    restriction: `For ${commitment.obligor} and the monitoring mission`,
    ...(facts.earlier.length > 0 ? { references: facts.earlier } : {}),
    incidents: [incident.id],
    ...(facts.exercise ? { note: 'Demo instance: an exercise, not a real activation.' } : {}),
    info: [
      {
        language: 'en',
        categories: ['Security'],
        event: 'Security guarantee activated',
        responseTypes: [activation.status === 'withdrawn' ? 'AllClear' : 'Monitor'],
        urgency:
          activation.status === 'open' || activation.status === 'overdue' ? 'Immediate' : 'Past',
        severity: SEVERITY[facts.severity],
        // The trigger requires a verified finding: what it reports was established.
        certainty: 'Observed',
        senderName: 'Truce',
        headline,
        description: [
          `${commitment.documentTitle}, commitment ${commitment.id} of ${commitment.obligor}: ${commitment.text.trim()}`,
          `Incident ${incident.id}: ${incident.type.replace(/_/g, ' ')} observed from ${incident.observedFrom}.`,
          `Trigger conditions met: ${facts.met.join('; ')}.`,
          `Activation ${activation.id}: ${activation.status}, escalation tier ${activation.tier}${activation.late ? ', met late' : ''}.`,
          ...(activation.reason === undefined ? [] : [`Change: ${activation.reason}.`]),
        ].join('\n'),
        ...(instruction === undefined ? {} : { instruction }),
        parameters: [
          { valueName: 'activationId', value: activation.id },
          { valueName: 'activationStatus', value: activation.status },
          { valueName: 'escalationTier', value: String(activation.tier) },
          ...(activation.deadline === null
            ? []
            : [{ valueName: 'responseDeadline', value: activation.deadline }]),
        ],
        areas: [
          {
            areaDesc: incident.placeName ?? `Place of incident ${incident.id}`,
            ...(incident.location === null
              ? {}
              : {
                  circles: [
                    {
                      lon: incident.location.lon,
                      lat: incident.location.lat,
                      // CAP circles are in kilometres; a point without radius gets 10 m.
                      radiusKm: Math.max(incident.location.radiusM, 10) / 1000,
                    },
                  ],
                }),
          },
        ],
      },
    ],
  });
  return { msgType, headline, xml };
}

function headlineOf({ activation, commitment }: ActivationAlertFacts): string {
  const what = `${commitment.obligor} commitment ${commitment.id}`;
  switch (activation.status) {
    case 'open':
      return `${what} activated`;
    case 'overdue':
      return `${what}: response overdue (tier ${activation.tier})`;
    case 'breached':
      return `${what}: breached, no qualifying response (tier ${activation.tier})`;
    case 'met':
      return `${what}: met${activation.late ? ' late' : ''}`;
    case 'withdrawn':
      return `${what}: activation withdrawn`;
  }
}
