/**
 * People's grouping decisions: merging incidents and splitting reports out of one. Each is
 * checked, then recorded as an event with its reason; automatic grouping keeps to it from then
 * on, and the incident pages list it (migration 0011).
 */
import { principalId, type Principal } from '../core/auth/principal.js';
import { DomainError, invalid } from '../core/errors.js';
import { stampEvents, type EventBody } from '../core/events.js';
import { findIncident } from '../store/incident-store.js';
import { record } from '../store/record.js';
import { inTransaction, type Tx } from '../store/transactions.js';
import { incidentMemberIds } from '../store/report-store.js';
import type { ServiceContext } from './context.js';

/** The merge and split of the incidents service. */
export function createGroupingDecisions(ctx: ServiceContext) {
  const { db } = ctx.store;

  /** Records a person's grouping decision after checking it makes sense. */
  async function decide(by: Principal, reason: string, check: (tx: Tx) => Promise<EventBody>) {
    if (reason.trim().length === 0) throw invalid('reason', 'give the reason for the decision');
    await inTransaction(db, async (tx) => {
      const body = await check(tx);
      await record(
        tx,
        stampEvents([body], { at: ctx.now().toISOString(), by: principalId(by), newId: ctx.newId }),
      );
    });
  }

  async function requireIncident(tx: Tx, id: string): Promise<void> {
    if ((await findIncident(tx, id)) === undefined) {
      throw new DomainError('NOT_FOUND', `no incident "${id}"`, [
        { path: 'id', message: 'no such incident' },
      ]);
    }
  }

  return {
    /** Puts incidents together as one (a person's decision, which automatic grouping keeps). */
    merge: (incidentIds: readonly string[], reason: string, by: Principal) =>
      decide(by, reason, async (tx) => {
        const ids = [...new Set(incidentIds)];
        if (ids.length < 2) throw invalid('incidentIds', 'name at least two different incidents');
        for (const id of ids) await requireIncident(tx, id);
        return { type: 'incidents.merged', payload: { incidentIds: ids, reason: reason.trim() } };
      }),

    /** Takes reports out of an incident into a new one, kept apart from the rest from now on. */
    split: (incidentId: string, reportIds: readonly string[], reason: string, by: Principal) =>
      decide(by, reason, async (tx) => {
        await requireIncident(tx, incidentId);
        const members = new Set(await incidentMemberIds(tx, incidentId));
        const leaving = [...new Set(reportIds)];
        const strangers = leaving.filter((id) => !members.has(id));
        if (strangers.length > 0) {
          throw invalid(
            'reportIds',
            `not reports of incident ${incidentId}: ${strangers.join(', ')}`,
          );
        }
        if (leaving.length === 0 || leaving.length === members.size) {
          throw invalid('reportIds', "name some, but not all, of the incident's reports");
        }
        return {
          type: 'incident.split',
          payload: { incidentId, reportIds: leaving, reason: reason.trim() },
        };
      }),
  };
}
