/** The values services resolve to, named by service and method, for presenters' parameters. */
import type { Services } from '../../services.js';

/** What `services[S][M](...)` resolves to, e.g. `Resolved<'agreements', 'diff'>`. */
export type Resolved<
  S extends keyof Services,
  M extends keyof Services[S],
> = Services[S][M] extends (...args: never[]) => infer R ? Awaited<R> : never;
