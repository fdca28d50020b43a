/**
 * The areas of the app that exist, with the verb each needs. The navigation, the router and the
 * default landing page all read this one list.
 */
import { AGREEMENT_READ_VERB, INCIDENT_READ_VERB, USER_MANAGE_VERB } from './api-types';
import type { MessageId } from './strings';

/** An area of the app reachable from the navigation. */
export interface Area {
  readonly id:
    | 'users'
    | 'account'
    | 'record'
    | 'agreements'
    | 'monitoring'
    | 'activations'
    | 'board'
    | 'operations';
  readonly path: string;
  readonly label: MessageId;
  /** The verb the session must hold to see the area; null when everyone may. */
  readonly verb: string | null;
  /** The area also owns the paths below its own (`/agreements/…`). */
  readonly nested?: boolean;
}

/**
 * Every area, in navigation order: the screens people work in first (operations, the guarantee
 * board), then the lists and documents behind them, then administration and one's account.
 */
export const AREAS: readonly Area[] = [
  // Nested only so that a shared address keeps its filters through the sign-in page.
  {
    id: 'operations',
    path: '/operations',
    label: 'nav.operations',
    verb: INCIDENT_READ_VERB,
    nested: true,
  },
  { id: 'board', path: '/board', label: 'nav.board', verb: INCIDENT_READ_VERB },
  {
    id: 'monitoring',
    path: '/incidents',
    label: 'nav.monitoring',
    verb: INCIDENT_READ_VERB,
    nested: true,
  },
  {
    id: 'activations',
    path: '/activations',
    label: 'nav.activations',
    verb: INCIDENT_READ_VERB,
    nested: true,
  },
  {
    id: 'agreements',
    path: '/agreements',
    label: 'nav.agreements',
    verb: AGREEMENT_READ_VERB,
    nested: true,
  },
  // Not /record: the server keeps /record/* for log clients (checkpoint, key, tiles).
  { id: 'record', path: '/log', label: 'nav.record', verb: null },
  { id: 'users', path: '/users', label: 'nav.users', verb: USER_MANAGE_VERB },
  { id: 'account', path: '/account', label: 'nav.account', verb: null },
];

/** The path of the sign-in page. */
export const LOGIN_PATH = '/login';

/** The areas a session holding `verbs` may open. */
export function allowedAreas(verbs: readonly string[]): Area[] {
  return AREAS.filter((area) => area.verb === null || verbs.includes(area.verb));
}

/** The verb only guarantor users hold: they land on the guarantee board. */
const RESPOND_VERB = 'activation.respond';

/**
 * Where `/` leads: a guarantor's guarantee board, else the first area the session may open
 * (the operations screen for everyone who reads incidents).
 */
export function defaultPath(verbs: readonly string[]): string {
  if (verbs.includes(RESPOND_VERB)) return '/board';
  return allowedAreas(verbs)[0]?.path ?? '/account';
}

/** `path` without its query string or fragment. */
export function pathOnly(path: string): string {
  return path.replace(/[?#].*$/, '');
}

/** The area at `path` (a query string is ignored), whether or not the session may open it. */
export function areaAt(path: string): Area | undefined {
  const bare = pathOnly(path);
  const normalized = bare.length > 1 ? bare.replace(/\/+$/, '') : bare;
  return AREAS.find(
    (area) =>
      area.path === normalized || (area.nested === true && normalized.startsWith(`${area.path}/`)),
  );
}
