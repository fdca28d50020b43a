/** One typed function per Truce API endpoint the browser app uses. */
import { request } from './api';
import type { Instance, NewUser, RoleInfo, Session, Token, User, UserChange } from './api-types';

const API = '/api/v1';

/** Public facts about the instance, including whether it runs with demo data. */
export const getInstance = () => request<Instance>('GET', `${API}/instance`);

/** The current session; fails with UNAUTHENTICATED when signed out. */
export const getSession = () => request<Session>('GET', `${API}/session`);

/** Signs in; the server sets the session cookie. */
export const signIn = (username: string, password: string) =>
  request<Session>('POST', `${API}/session`, { username, password });

/** Ends the current session. */
export const signOut = () => request<undefined>('DELETE', `${API}/session`);

/** Changes the signed-in user's password; the server then ends all of the user's sessions. */
export const changePassword = (currentPassword: string, newPassword: string) =>
  request<undefined>('POST', `${API}/account/password`, { currentPassword, newPassword });

/** Every role with its description and verbs. */
export const listRoles = () =>
  request<{ roles: RoleInfo[] }>('GET', `${API}/roles`).then((body) => body.roles);

/** Every user. */
export const listUsers = () =>
  request<{ users: User[] }>('GET', `${API}/users`).then((body) => body.users);

/** Adds a user; `password` is present in the answer only when the server generated it. */
export const addUser = (user: NewUser) =>
  request<{ user: User; password?: string }>('POST', `${API}/users`, user);

/** Changes a user's role, actor binding or disabled state. */
export const updateUser = (name: string, change: UserChange) =>
  request<{ user: User }>('PATCH', `${API}/users/${encodeURIComponent(name)}`, change).then(
    (body) => body.user,
  );

/** The signed-in user's own API tokens. */
export const listTokens = () =>
  request<{ tokens: Token[] }>('GET', `${API}/tokens`).then((body) => body.tokens);

/** Creates an API token; the secret is returned only in this answer. */
export const createToken = (label: string, expiresInDays?: number) =>
  request<{ token: Token; secret: string }>(
    'POST',
    `${API}/tokens`,
    expiresInDays === undefined ? { label } : { label, expiresInDays },
  );

/** Revokes one of the signed-in user's API tokens. */
export const revokeToken = (id: string) =>
  request<undefined>('DELETE', `${API}/tokens/${encodeURIComponent(id)}`);
