/**
 * Who is signed in. Loads the instance facts and the session at start, and follows sign-in,
 * logout, password changes and sessions that end on the server (any request refused as
 * UNAUTHENTICATED while signed in returns the app to the sign-in page).
 */
import { useCallback, useEffect, useState } from 'react';
import { ApiError, onUnauthenticated } from './api';
import type { Instance, Session } from './api-types';
import { getInstance, getSession } from './endpoints';
import type { MessageId } from './strings';

/** Where authentication stands. */
export type AuthState =
  | { readonly phase: 'loading' }
  | { readonly phase: 'failed'; readonly error: unknown }
  | { readonly phase: 'signedOut'; readonly instance: Instance; readonly notice: MessageId | null }
  | { readonly phase: 'signedIn'; readonly instance: Instance; readonly session: Session };

/** The authentication state and the transitions screens may ask for. */
export interface Auth {
  readonly state: AuthState;
  /** Records a successful sign-in. */
  readonly signedIn: (session: Session) => void;
  /** Forgets the session, showing `notice` on the sign-in page. */
  readonly signedOut: (notice: MessageId | null) => void;
  /** Fetches the session again, for example after the user changed their own role. */
  readonly refresh: () => void;
  /** Starts over after a failed start. */
  readonly retry: () => void;
}

async function loadSession(): Promise<Session | null> {
  try {
    return await getSession();
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return null;
    throw error;
  }
}

async function boot(): Promise<AuthState> {
  const [instance, session] = await Promise.all([getInstance(), loadSession()]);
  return session === null
    ? { phase: 'signedOut', instance, notice: null }
    : { phase: 'signedIn', instance, session };
}

/** Tracks authentication for the whole app; use once, at the top. */
export function useAuth(): Auth {
  const [state, setState] = useState<AuthState>({ phase: 'loading' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let current = true;
    boot().then(
      (next) => current && setState(next),
      (error: unknown) => current && setState({ phase: 'failed', error }),
    );
    return () => {
      current = false;
    };
  }, [attempt]);

  useEffect(
    () =>
      onUnauthenticated(() =>
        setState((s) =>
          s.phase === 'signedIn'
            ? { phase: 'signedOut', instance: s.instance, notice: 'login.sessionEnded' }
            : s,
        ),
      ),
    [],
  );

  const signedIn = useCallback((session: Session) => {
    setState((s) => ('instance' in s ? { phase: 'signedIn', instance: s.instance, session } : s));
  }, []);

  const signedOut = useCallback((notice: MessageId | null) => {
    setState((s) => ('instance' in s ? { phase: 'signedOut', instance: s.instance, notice } : s));
  }, []);

  const refresh = useCallback(() => {
    loadSession().then(
      (session) => {
        if (session !== null) signedIn(session);
      },
      () => undefined,
    );
  }, [signedIn]);

  const retry = useCallback(() => {
    setState({ phase: 'loading' });
    setAttempt((n) => n + 1);
  }, []);

  return { state, signedIn, signedOut, refresh, retry };
}
