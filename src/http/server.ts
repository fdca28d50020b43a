/**
 * Listens, and closes gracefully: on SIGTERM or SIGINT it stops accepting connections, lets
 * requests in flight finish, then closes the database, within a time limit.
 */
import type { Services } from '../services.js';
import type { App } from './app-instance.js';

/** How long a graceful shutdown may take before the process gives up waiting. */
export const SHUTDOWN_TIMEOUT_MS = 10_000;

/** The port or address is unusable; the message says which. */
export class ListenError extends Error {
  override readonly name = 'ListenError';
}

/** Starts listening; resolves to the address. Throws ListenError for a port in use and similar. */
export async function listen(app: App, host: string, port: number): Promise<string> {
  try {
    return await app.listen({ host, port });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE')
      throw new ListenError(
        `port ${port} on ${host} is already in use; choose another with --port or TRUCE_PORT`,
      );
    if (code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND')
      throw new ListenError(`cannot listen on host "${host}": no such local address`);
    if (code === 'EACCES')
      throw new ListenError(`not permitted to listen on ${host}:${port}; use a port above 1023`);
    throw error;
  }
}

/**
 * Closes the app (finishing in-flight requests) and then the services. Resolves false when the
 * time limit passed first.
 */
export async function shutdown(
  app: App,
  services: Services,
  timeoutMs = SHUTDOWN_TIMEOUT_MS,
  /** Last work before the database closes (e.g. a final checkpoint). */
  beforeClose: () => Promise<unknown> = async () => undefined,
): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), timeoutMs);
    timer.unref();
  });
  const closed = (async () => {
    await app.close();
    await beforeClose().catch(() => undefined);
    await services.close();
    return true as const;
  })();
  try {
    const clean = await Promise.race([closed, timedOut]);
    if (!clean) {
      // Out of time: cut the connections still open (slow clients, stuck requests) and close
      // the database anyway, so the process can end.
      app.server.closeAllConnections();
      await Promise.race([
        services.close().catch(() => undefined),
        new Promise((r) => setTimeout(r, 1000).unref()),
      ]);
    }
    return clean;
  } finally {
    clearTimeout(timer);
  }
}

/** Resolves with the signal's name at the first SIGTERM or SIGINT. */
export function waitForStopSignal(): Promise<NodeJS.Signals> {
  return new Promise((resolve) => {
    const onSignal = (signal: NodeJS.Signals) => {
      process.off('SIGTERM', onSignal);
      process.off('SIGINT', onSignal);
      resolve(signal);
    };
    process.on('SIGTERM', onSignal);
    process.on('SIGINT', onSignal);
  });
}
