/**
 * The words shown for the agreements vocabulary (kinds, roles, statuses, strengths…), from the
 * string table. Each labeller fails to compile unless every word of its list has a message, so
 * a word the server adds cannot go unlabelled; a word the app does not know yet at run time
 * (a newer server) is shown as it is.
 */
import type { PointKey } from '../../../../src/core/agreements/concreteness.js';
import { isMessageId, language, t, type MessageId } from '../../strings';
import type {
  Actor,
  ActorKind,
  AppropriationNeed,
  BackingLevel,
  DeadlineBinds,
  DocumentKind,
  DocumentRole,
  DocumentStatus,
  LegalForm,
  ObligationStrength,
  PointScore,
  PreconditionStatus,
  ProvisionKind,
  ResponseKind,
  Severity,
  SignatureStatus,
  StoredVersion,
  TriggerEventType,
  VerificationLevel,
  VersionKind,
  ZoneKind,
} from './types';

/**
 * A function from the words of `V` to their labels, the messages `<prefix>.<word>`. The
 * argument's type is `never` (a compile error) while any of those messages is missing.
 */
function labeller<P extends string, V extends string>(
  prefix: `${P}.${V}` extends MessageId ? P : never,
): (value: V) => string {
  return (value) => {
    const id = `${prefix}.${value}`;
    return isMessageId(id) ? t(id) : value;
  };
}

export const documentKindLabel = labeller<'documentKind', DocumentKind>('documentKind');
export const legalFormLabel = labeller<'legalForm', LegalForm>('legalForm');
export const roleLabel = labeller<'role', DocumentRole>('role');
export const signatureLabel = labeller<'signature', SignatureStatus>('signature');
export const versionKindLabel = labeller<'versionKind', VersionKind>('versionKind');
export const statusLabel = labeller<'docStatus', DocumentStatus>('docStatus');
export const provisionKindLabel = labeller<'provisionKind', ProvisionKind>('provisionKind');
export const responseKindLabel = labeller<'responseKind', ResponseKind>('responseKind');
export const deadlineBindsLabel = labeller<'deadlineBinds', DeadlineBinds>('deadlineBinds');
export const strengthLabel = labeller<'strength', ObligationStrength>('strength');
export const preconditionStatusLabel = labeller<'preconditionStatus', PreconditionStatus>(
  'preconditionStatus',
);
export const appropriationLabel = labeller<'appropriation', AppropriationNeed>('appropriation');
export const backingLevelLabel = labeller<'backingLevel', BackingLevel>('backingLevel');
export const zoneKindLabel = labeller<'zoneKind', ZoneKind>('zoneKind');
export const actorKindLabel = labeller<'actorKind', ActorKind>('actorKind');
export const severityLabel = labeller<'severity', Severity>('severity');
export const verificationLabel = labeller<'verification', VerificationLevel>('verification');
export const eventTypeLabel = labeller<'event', TriggerEventType>('event');
const pointKeyLabel = labeller<'point', PointKey>('point');

/** The title of a checklist point, from the string table (the server's title if unknown). */
export function pointTitle(point: PointScore): string {
  const id = `point.${point.key}`;
  return isMessageId(id) ? pointKeyLabel(point.key as PointKey) : point.title;
}

/** Signature statuses that leave an actor unbound, shown with a warning marker. */
export function isUnsigned(signature: SignatureStatus | undefined): boolean {
  return signature === 'present_not_signed' || signature === 'refused';
}

/** The name of the actor with `id` among `actors`; the id itself when it is not there. */
export function actorName(actors: readonly Actor[], id: string): string {
  return actors.find((actor) => actor.id === id)?.name ?? id;
}

/** A version's name for people: its title, else its id. */
export function versionName(version: StoredVersion): string {
  return version.title ?? version.id;
}

let languageNames: Intl.DisplayNames | null | undefined;

/** A language's name ("English") from its ISO 639 code; the code when the browser has none. */
export function languageName(code: string): string {
  if (languageNames === undefined) {
    try {
      languageNames = new Intl.DisplayNames([language], { type: 'language' });
    } catch {
      languageNames = null;
    }
  }
  try {
    return languageNames?.of(code) ?? code;
  } catch {
    return code;
  }
}
