/**
 * Accountability as the API shows it. The service's views are already the API's shapes; these
 * presenters are the typed boundary, so a view and its schema cannot drift apart unnoticed.
 */
import type * as Accountability from '../schemas/accountability.js';
import type { Resolved } from './resolved.js';

/** Everything decided about one incident. */
export function presentIncidentAccountability(
  view: Resolved<'accountability', 'incidentAccountability'>,
): Accountability.IncidentAccountability {
  return view;
}

/** A finding with the trigger engine's answers. */
export function presentFinding(
  finding: Resolved<'accountability', 'finding'>,
): Accountability.Finding {
  return finding;
}

/** Activations, newest first. */
export function presentActivations(
  activations: Resolved<'accountability', 'activations'>,
): Accountability.ActivationList {
  return { activations };
}

/** One activation with its responses. */
export function presentActivation(
  activation: Resolved<'accountability', 'activation'>,
): Accountability.ActivationDetail {
  return activation;
}

/** Per-guarantor summaries. */
export function presentGuarantorSummaries(
  guarantors: Resolved<'accountability', 'guarantorSummaries'>,
): Accountability.GuarantorSummaryList {
  return { guarantors };
}

/** Each incident's outcome of a step taken for many. */
export function presentBulkResults(
  results: Resolved<'accountability', 'setVerificationMany'>,
): Accountability.BulkResults {
  return { results };
}

/** An incident's edit lock. */
export function presentLock(lock: Resolved<'accountability', 'lock'>): Accountability.Lock {
  return lock;
}

/** The attribution version just recorded. */
export function presentAttributionVersion(
  recorded: Resolved<'accountability', 'attribute'>,
): Accountability.AttributionVersion {
  return recorded;
}

/** The finding just recorded. */
export function presentFindingRecorded(
  recorded: Resolved<'accountability', 'recordFinding'>,
): Accountability.FindingRecorded {
  return recorded;
}

/** The response just recorded, and whether it is of a kind the commitment promises. */
export function presentResponseRecorded(
  recorded: Resolved<'accountability', 'respond'>,
): Accountability.ResponseRecorded {
  return recorded;
}
