/**
 * The areas of the app that exist, with the verb each needs. The navigation, the router and the
 * default landing page all read this one list.
 */
import { USER_MANAGE_VERB } from './api-types';
import type { MessageId } from './strings';

/** An area of the app reachable from the navigation. */
export interface Area {
  readonly id: 'users' | 'account' | 'record';
  readonly path: string;
  readonly label: MessageId;
  /** The verb the session must hold to see the area; null when everyone may. */
  readonly verb: string | null;
}

/** Every area, in navigation order. */
export const AREAS: readonly Area[] = [
  { id: 'users', path: '/users', label: 'nav.users', verb: USER_MANAGE_VERB },
  { id: 'account', path: '/account', label: 'nav.account', verb: null },
  // Not /record: the server keeps /record/* for log clients (checkpoint, key, tiles).
  { id: 'record', path: '/log', label: 'nav.record', verb: null },
];

/** The path of the sign-in page. */
export const LOGIN_PATH = '/login';

/** The areas a session holding `verbs` may open. */
export function allowedAreas(verbs: readonly string[]): Area[] {
  return AREAS.filter((area) => area.verb === null || verbs.includes(area.verb));
}

/** Where `/` leads: the first area the session may open. */
export function defaultPath(verbs: readonly string[]): string {
  return allowedAreas(verbs)[0]?.path ?? '/account';
}

/** The area at `path`, whether or not the session may open it. */
export function areaAt(path: string): Area | undefined {
  const normalized = path.length > 1 ? path.replace(/\/+$/, '') : path;
  return AREAS.find((area) => area.path === normalized);
}
