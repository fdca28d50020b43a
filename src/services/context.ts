/** What every service needs: the database, a clock and an id generator (injected for tests). */
import type { Store } from '../store/database.js';

export interface ServiceContext {
  readonly store: Store;
  /** The current time. Tests pass a fake clock. */
  readonly now: () => Date;
  /** A new unique id. */
  readonly newId: () => string;
}
