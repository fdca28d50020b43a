/**
 * createServices(databaseUrl): the one place that opens the store and wires it to the services.
 * HTTP routes and CLI commands use only what this returns.
 */
import { randomBytes, randomFillSync } from 'node:crypto';
import { v7 } from 'uuid';
import { signerFromSeed, type NoteSigner } from './core/record/note.js';
import { createRecordService } from './services/record-service.js';
import { upgradeStore } from './services/record-rebuild.js';
import { openStore, pendingMigrations, pingDatabase, type Store } from './store/database.js';
import { listDocuments, listParts } from './store/agreement-store.js';
import { isDemoInstance } from './store/instance-store.js';
import { loadScenarioReports, loadScenarios } from './services/scenarios.js';
import { createAgreementsService } from './services/agreements-service.js';
import { createEvidenceService } from './services/evidence-service.js';
import { createIncidentsService } from './services/incidents-service.js';
import { createAccountabilityService } from './services/accountability/index.js';
import { createWebhooksService } from './services/webhooks-service.js';
import type { StoredZone } from './core/agreements/stored.js';
import { createReportsService } from './services/reports-service.js';
import { createAuthService, type SessionPolicy } from './services/auth-service.js';
import { bootstrapInstance } from './services/bootstrap.js';
import type { ServiceContext } from './services/context.js';
import type { LoginLimits } from './services/login-limiter.js';
import { createTokensService } from './services/tokens-service.js';
import { createUsersService } from './services/users-service.js';

export interface ServiceOptions {
  /** Apply pending migrations when opening (default true). */
  readonly migrate?: boolean;
  readonly now?: () => Date;
  readonly newId?: () => string;
  readonly loginLimits?: LoginLimits;
  readonly sessionPolicy?: SessionPolicy;
  /**
   * The key that signs checkpoints (see services/record-key.ts). Without one, a throwaway key
   * is used: fine for commands that never sign, and for tests.
   */
  readonly recordSigner?: NoteSigner;
  /** Failed webhook attempts in a row that disable an endpoint (tests lower it). */
  readonly webhookDisableAfter?: number;
}

export type Services = Awaited<ReturnType<typeof createServices>>;

/** Opens the database (migrating it unless told not to) and builds every service. */
export async function createServices(databaseUrl: string, options: ServiceOptions = {}) {
  const store: Store = await openStore(databaseUrl);
  try {
    if (options.migrate !== false) await upgradeStore(store);
  } catch (error) {
    await store.close();
    throw error;
  }
  const ctx: ServiceContext = {
    store,
    now: options.now ?? (() => new Date()),
    // Time-ordered (UUIDv7): new ids land at the end of their indexes instead of all over them.
    newId: options.newId ?? timeOrderedId,
  };
  const users = createUsersService(ctx);
  const tokens = createTokensService(ctx);
  // Changed commitments: the trigger engine evaluates every finding again.
  const agreements = createAgreementsService(ctx, {
    afterChange: () => accountability.reevaluateAll(),
  });
  const reports = createReportsService(ctx);
  const evidence = createEvidenceService(ctx);
  const incidents = createIncidentsService(
    ctx,
    (from, to) => agreements.zonesDuring(from, to),
    (documentId) => agreements.zones({ document: documentId }),
  );
  const record = createRecordService(
    ctx,
    options.recordSigner ?? signerFromSeed('localhost/record', new Uint8Array(randomBytes(32))),
  );
  // CAP senders are unique: the host part of the record's origin names this instance.
  const webhooks = createWebhooksService(ctx, {
    ...(options.webhookDisableAfter === undefined
      ? {}
      : { disableAfter: options.webhookDisableAfter }),
    zoneGeometry: async (tx, key) => {
      const [documentId = '', zoneId = ''] = key.split('/');
      const zones = await listParts(tx, documentId, 'zone');
      return (zones.find((z) => z.id === zoneId)?.body as StoredZone | undefined)?.geometry;
    },
  });
  const accountability = createAccountabilityService(ctx, {
    alertSender: `truce@${record.origin.split('/')[0] ?? 'localhost'}`,
    onAlertIssued: (tx, alert) => webhooks.enqueue(tx, alert),
  });
  // Deliveries queued by a decision go out as soon as it commits.
  accountability.onChange(() => webhooks.wake());
  const auth = createAuthService(ctx, users, {
    ...(options.loginLimits ? { limits: options.loginLimits } : {}),
    ...(options.sessionPolicy ? { sessions: options.sessionPolicy } : {}),
  });

  return {
    store,
    users,
    tokens,
    auth,
    record,
    agreements,
    reports,
    incidents,
    accountability,
    webhooks,
    evidence,
    instance: {
      /** Public facts about this instance. */
      async describe() {
        return { name: 'Truce', version: VERSION, demo: await isDemoInstance(store.db) };
      },
      /**
       * Creates the first admin or the demo users on an empty database; a demo instance without
       * documents also gets the built-in scenarios (unless `scenarios` is false) and, with
       * `reports`, the scenarios' real events as reports.
       */
      async bootstrap(
        demo: boolean,
        {
          scenarios = demo,
          reports: withReports = false,
        }: { scenarios?: boolean; reports?: boolean } = {},
      ) {
        const result = await bootstrapInstance(users, { demo });
        const isDemo = result.kind === 'demo' || (demo && (await isDemoInstance(store.db)));
        if (scenarios && isDemo && (await listDocuments(store.db)).length === 0) {
          await loadScenarios(agreements);
          if (withReports) await loadScenarioReports(reports);
        }
        return result;
      },
    },
    health: {
      /** Why the service is not ready, or an empty list when it is. */
      async problems(): Promise<string[]> {
        try {
          await pingDatabase(store.db);
        } catch (error) {
          return [
            `database unreachable: ${error instanceof Error ? error.message : String(error)}`,
          ];
        }
        const pending = await pendingMigrations(store);
        return pending.length === 0 ? [] : [`migrations pending: ${pending.join(', ')}`];
      },
    },
    /** Closes the database. */
    close: () => store.close(),
  };
}

/** The version of this Truce build. */
export const VERSION = '0.1.0';

const randomPool = new Uint8Array(16 * 512);
let poolUsed = randomPool.length;
const v7State = { msecs: -Infinity, seq: 0 };

/**
 * A UUID v7 (time-ordered; increasing within a millisecond, as uuid's own v7 does), with its
 * random bytes drawn from a pool filled 512 ids at a time: intake makes one id per report, and a
 * call into the random source per id was a measurable part of it.
 */
function timeOrderedId(): string {
  if (poolUsed === randomPool.length) {
    randomFillSync(randomPool);
    poolUsed = 0;
  }
  const random = randomPool.subarray(poolUsed, poolUsed + 16);
  poolUsed += 16;
  const now = Date.now();
  if (now > v7State.msecs) {
    v7State.msecs = now;
    v7State.seq =
      (((random[6] ?? 0) & 0x7f) << 24) |
      ((random[7] ?? 0) << 16) |
      ((random[8] ?? 0) << 8) |
      (random[9] ?? 0);
  } else {
    v7State.seq = (v7State.seq + 1) | 0;
    if (v7State.seq === 0) v7State.msecs += 1;
  }
  return v7({ random, msecs: v7State.msecs, seq: v7State.seq });
}
