/**
 * Path-based routing on top of the History API: `usePath()` and `useSearch()` re-render on
 * navigation, and `navigate()` changes the address without reloading the page.
 */
import { useSyncExternalStore } from 'react';

const NAVIGATE_EVENT = 'truce:navigate';

function subscribe(onChange: () => void): () => void {
  window.addEventListener('popstate', onChange);
  window.addEventListener(NAVIGATE_EVENT, onChange);
  return () => {
    window.removeEventListener('popstate', onChange);
    window.removeEventListener(NAVIGATE_EVENT, onChange);
  };
}

function currentPath(): string {
  return window.location.pathname;
}

function currentSearch(): string {
  return window.location.search;
}

/** The current path (without query or fragment); re-renders the caller when it changes. */
export function usePath(): string {
  return useSyncExternalStore(subscribe, currentPath);
}

/** The current query string, with its leading "?" (or empty); re-renders when it changes. */
export function useSearch(): string {
  return useSyncExternalStore(subscribe, currentSearch);
}

/**
 * Goes to `path` (which may carry a query string) in the app; `replace` rewrites the current
 * history entry instead.
 */
export function navigate(path: string, options: { replace?: boolean } = {}): void {
  if (path === currentPath() + currentSearch()) return;
  if (options.replace === true) window.history.replaceState(null, '', path);
  else window.history.pushState(null, '', path);
  window.dispatchEvent(new Event(NAVIGATE_EVENT));
}
