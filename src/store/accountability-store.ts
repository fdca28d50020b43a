/**
 * Accountability tables: the reads the services need of verification steps, assignments,
 * attributions, findings, evaluations, activations, responses and alerts (their projection is
 * projections/accountability.ts). The edit locks (not in the record) are here too.
 */
import type { Db } from './transactions.js';
import type {
  ActivationRow,
  AlertRow,
  AttributionRow,
  FindingRow,
  GuarantorResponseRow,
  TriggerEvaluationRow,
  VerificationStepRow,
} from './schema.js';

/** The steps of an incident's verification, oldest first. */
export function verificationSteps(db: Db, incidentId: string): Promise<VerificationStepRow[]> {
  return db
    .selectFrom('verification_steps')
    .selectAll()
    .where('incident_id', '=', incidentId)
    .orderBy('decided_at')
    .orderBy('id')
    .execute();
}

/** Every version of an incident's attribution, oldest first. */
export function attributionsOf(db: Db, incidentId: string): Promise<AttributionRow[]> {
  return db
    .selectFrom('attributions')
    .selectAll()
    .where('incident_id', '=', incidentId)
    .orderBy('version')
    .execute();
}

/** The findings on an incident, oldest first. */
export function findingsOf(db: Db, incidentId: string): Promise<FindingRow[]> {
  return db
    .selectFrom('findings')
    .selectAll()
    .where('incident_id', '=', incidentId)
    .orderBy('found_at')
    .orderBy('id')
    .execute();
}

/** One finding, or undefined. */
export function findFinding(db: Db, id: string): Promise<FindingRow | undefined> {
  return db.selectFrom('findings').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The latest evaluations of a finding, by commitment. */
export function evaluationsOf(db: Db, findingId: string): Promise<TriggerEvaluationRow[]> {
  return db
    .selectFrom('trigger_evaluations')
    .selectAll()
    .where('finding_id', '=', findingId)
    .orderBy('key')
    .execute();
}

/** One activation, or undefined. */
export function findActivation(db: Db, id: string): Promise<ActivationRow | undefined> {
  return db.selectFrom('activations').selectAll().where('id', '=', id).executeTakeFirst();
}

/** An incident's activations whose clock runs (open or overdue). */
export function runningActivationsOf(db: Db, incidentId: string): Promise<ActivationRow[]> {
  return db
    .selectFrom('activations')
    .selectAll()
    .where('incident_id', '=', incidentId)
    .where('status', 'in', ['open', 'overdue'])
    .orderBy('id')
    .execute();
}

/** The activation of a commitment for an incident, if there is one. */
export function activationFor(
  db: Db,
  documentId: string,
  commitmentId: string,
  incidentId: string,
): Promise<ActivationRow | undefined> {
  return db
    .selectFrom('activations')
    .selectAll()
    .where('document_id', '=', documentId)
    .where('commitment_id', '=', commitmentId)
    .where('incident_id', '=', incidentId)
    .executeTakeFirst();
}

/** Activations, newest first, optionally of one obligor or status. */
export function listActivations(
  db: Db,
  filter: { obligor?: string | undefined; status?: string | undefined; limit: number },
): Promise<ActivationRow[]> {
  let q = db.selectFrom('activations').selectAll();
  if (filter.obligor !== undefined) q = q.where('obligor', '=', filter.obligor);
  if (filter.status !== undefined) q = q.where('status', '=', filter.status);
  return q.orderBy('activated_at', 'desc').orderBy('id', 'desc').limit(filter.limit).execute();
}

/** The responses to an activation, in the order they were given. */
export function responsesTo(db: Db, activationId: string): Promise<GuarantorResponseRow[]> {
  return db
    .selectFrom('guarantor_responses')
    .selectAll()
    .where('activation_id', '=', activationId)
    .orderBy('responded_at')
    .orderBy('id')
    .execute();
}

/**
 * Activations whose clock has run out at `now`: open ones past their deadline, and overdue ones
 * past the end of their grace period. ISO 8601 UTC strings compare in time order.
 */
export function activationsDue(db: Db, now: string): Promise<ActivationRow[]> {
  return db
    .selectFrom('activations')
    .selectAll()
    .where((eb) =>
      eb.or([
        eb.and([eb('status', '=', 'open'), eb('deadline', '<=', now)]),
        eb.and([eb('status', '=', 'overdue'), eb('breach_at', '<=', now)]),
      ]),
    )
    .orderBy('deadline')
    .orderBy('id')
    .execute();
}

/** The earliest moment an activation's clock runs out, or undefined when none is running. */
export async function nextActivationDue(db: Db): Promise<string | undefined> {
  const row = await db
    .selectFrom('activations')
    .select((eb) => [
      eb.fn
        .min(
          eb
            .case()
            .when('status', '=', 'open')
            .then(eb.ref('deadline'))
            .else(eb.ref('breach_at'))
            .end(),
        )
        .as('due'),
    ])
    .where('status', 'in', ['open', 'overdue'])
    .executeTakeFirst();
  return (row?.due as string | null | undefined) ?? undefined;
}

/** Who holds the edit lock of an incident, if anyone does at `now`. */
export async function lockHolder(
  db: Db,
  incidentId: string,
  now: string,
): Promise<{ userId: string; expiresAt: string } | undefined> {
  const row = await db
    .selectFrom('incident_locks')
    .selectAll()
    .where('incident_id', '=', incidentId)
    .where('expires_at', '>', now)
    .executeTakeFirst();
  return row === undefined ? undefined : { userId: row.user_id, expiresAt: row.expires_at };
}

/** Takes or renews the edit lock of an incident for a user until `expiresAt`. */
export async function setLock(
  tx: Db,
  incidentId: string,
  userId: string,
  expiresAt: string,
): Promise<void> {
  await tx
    .insertInto('incident_locks')
    .values({ incident_id: incidentId, user_id: userId, expires_at: expiresAt })
    .onConflict((oc) =>
      oc.column('incident_id').doUpdateSet({ user_id: userId, expires_at: expiresAt }),
    )
    .execute();
}

/** Releases the edit lock of an incident. */
export async function releaseLock(tx: Db, incidentId: string): Promise<void> {
  await tx.deleteFrom('incident_locks').where('incident_id', '=', incidentId).execute();
}

/**
 * The users who submitted or triaged the reports of an incident (for the four-eyes rule), as
 * user ids: reports sent with an API token count for the token's user.
 */
export async function reportersAndTriagers(
  db: Db,
  incidentId: string,
): Promise<{ reporters: Set<string>; triagers: Set<string> }> {
  const reports = await db
    .selectFrom('reports')
    .select(['submitted_by', 'triaged_by'])
    .where('incident_id', '=', incidentId)
    .execute();
  const principals = new Set(
    reports.flatMap((r) =>
      r.triaged_by === null ? [r.submitted_by] : [r.submitted_by, r.triaged_by],
    ),
  );
  const tokenIds = [...principals].filter((p) => p.startsWith('token:')).map((p) => p.slice(6));
  const tokenUsers = new Map<string, string>();
  for (let i = 0; i < tokenIds.length; i += 500) {
    const rows = await db
      .selectFrom('api_tokens')
      .select(['id', 'user_id'])
      .where('id', 'in', tokenIds.slice(i, i + 500))
      .execute();
    for (const row of rows) tokenUsers.set(row.id, row.user_id);
  }
  const userOf = (principal: string): string | undefined =>
    principal.startsWith('user:')
      ? principal.slice(5)
      : principal.startsWith('token:')
        ? tokenUsers.get(principal.slice(6))
        : undefined;
  const users = (values: (string | null)[]) =>
    new Set(values.flatMap((v) => (v === null ? [] : [userOf(v)].filter((u) => u !== undefined))));
  return {
    reporters: users(reports.map((r) => r.submitted_by)),
    triagers: users(reports.map((r) => r.triaged_by)),
  };
}

/** The alerts about an activation, oldest first. */
export function alertsOf(db: Db, activationId: string): Promise<AlertRow[]> {
  return db
    .selectFrom('alerts')
    .selectAll()
    .where('activation_id', '=', activationId)
    .orderBy('sent')
    .orderBy('id')
    .execute();
}

/** One alert, or undefined. */
export function findAlert(db: Db, id: string): Promise<AlertRow | undefined> {
  return db.selectFrom('alerts').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Alerts, newest first, optionally of one obligor and message type. */
export function listAlerts(
  db: Db,
  filter: {
    obligor?: string | undefined;
    msgType?: string | undefined;
    activationId?: string | undefined;
    limit: number;
  },
): Promise<AlertRow[]> {
  let q = db.selectFrom('alerts').selectAll();
  if (filter.activationId !== undefined) q = q.where('activation_id', '=', filter.activationId);
  if (filter.obligor !== undefined) q = q.where('obligor', '=', filter.obligor);
  if (filter.msgType !== undefined) q = q.where('msg_type', '=', filter.msgType);
  return q.orderBy('sent', 'desc').orderBy('id', 'desc').limit(filter.limit).execute();
}

/**
 * Alerts sent after a position in the (sent, id) order, oldest first: what a live stream has
 * not delivered yet. Without a position, none (a new stream starts from now).
 */
export function alertsAfter(
  db: Db,
  after: { sent: string; id: string },
  filter: { obligor?: string | undefined; limit: number },
): Promise<AlertRow[]> {
  let q = db
    .selectFrom('alerts')
    .selectAll()
    .where((eb) =>
      eb.or([
        eb('sent', '>', after.sent),
        eb.and([eb('sent', '=', after.sent), eb('id', '>', after.id)]),
      ]),
    );
  if (filter.obligor !== undefined) q = q.where('obligor', '=', filter.obligor);
  return q.orderBy('sent').orderBy('id').limit(filter.limit).execute();
}

/** The position of the newest alert, or the start when there is none. */
export async function latestAlertPosition(db: Db): Promise<{ sent: string; id: string }> {
  const row = await db
    .selectFrom('alerts')
    .select(['sent', 'id'])
    .orderBy('sent', 'desc')
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row ?? { sent: '', id: '' };
}

/**
 * The user names behind principal ids (`user:<id>`, `token:<id>`): who took a step, as people
 * read it. System principals and unknown ids are left out.
 */
export async function principalNames(
  db: Db,
  principals: readonly string[],
): Promise<Record<string, string>> {
  const userIds = [
    ...new Set(principals.filter((p) => p.startsWith('user:')).map((p) => p.slice(5))),
  ];
  const tokenIds = [
    ...new Set(principals.filter((p) => p.startsWith('token:')).map((p) => p.slice(6))),
  ];
  const names: Record<string, string> = {};
  if (userIds.length > 0) {
    const rows = await db
      .selectFrom('users')
      .select(['id', 'name'])
      .where('id', 'in', userIds)
      .execute();
    for (const row of rows) names[`user:${row.id}`] = row.name;
  }
  if (tokenIds.length > 0) {
    const rows = await db
      .selectFrom('api_tokens')
      .innerJoin('users', 'users.id', 'api_tokens.user_id')
      .select(['api_tokens.id as id', 'users.name as name'])
      .where('api_tokens.id', 'in', tokenIds)
      .execute();
    for (const row of rows) names[`token:${row.id}`] = row.name;
  }
  return names;
}
