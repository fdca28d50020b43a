/**
 * Guarantors' responses: a guarantor user answers an activation of its own actor's commitment;
 * a response of a kind the commitment promises meets the activation (late when after the
 * deadline), which sends an alert.
 */
import type { Principal } from '../../core/auth/principal.js';
import type { GuarantorResponseType } from '../../core/accountability/model.js';
import { qualifies } from '../../core/accountability/response.js';
import { DomainError, invalid } from '../../core/errors.js';
import type { EventBody } from '../../core/events.js';
import type { IssueAlerts } from './alerts.js';
import {
  commitmentOf,
  requireActivation,
  statusBody,
  type AccountabilityContext,
} from './context.js';

/** A guarantor's response as asked for. */
export interface ResponseInput {
  readonly type: GuarantorResponseType;
  readonly description: string;
  /** When the guarantor acted; defaults to now. Never in the future. */
  readonly respondedAt?: string | undefined;
  readonly evidence?: string[] | undefined;
}

export function createResponses(actx: AccountabilityContext, issueAlerts: IssueAlerts) {
  const { ctx, decide, nowIso } = actx;
  return {
    /** A guarantor's response to an activation of its own commitment. */
    respond: (activationId: string, input: ResponseInput, by: Principal) =>
      decide(async (tx) => {
        const activation = await requireActivation(tx, activationId);
        const actor = by.kind === 'user' ? by.user.actor : null;
        if (by.kind === 'user' && actor !== activation.obligor) {
          throw new DomainError(
            'FORBIDDEN',
            `this activation is of a commitment of ${activation.obligor}; you act for ${actor ?? 'no guarantor'}`,
            [{ path: 'id', message: 'only the obligor’s guarantor users may respond' }],
          );
        }
        if (activation.status === 'withdrawn') {
          throw new DomainError(
            'ACTIVATION_WITHDRAWN',
            'the activation was withdrawn: nothing to respond to',
            [{ path: 'id', message: 'withdrawn' }],
          );
        }
        const description = input.description.trim();
        if (description === '') throw invalid('description', 'say what was done');
        const respondedAt = input.respondedAt ?? nowIso();
        if (Number.isNaN(Date.parse(respondedAt))) {
          throw invalid('respondedAt', 'not a date-time');
        }
        if (Date.parse(respondedAt) > ctx.now().getTime()) {
          throw invalid('respondedAt', 'a response cannot be dated in the future');
        }
        if (Date.parse(respondedAt) < Date.parse(activation.activatedAt)) {
          throw invalid('respondedAt', 'a response cannot come before the activation');
        }
        const commitment = await commitmentOf(tx, activation);
        const qualifying = qualifies(input.type, commitment);
        const responseId = ctx.newId();
        const bodies: EventBody[] = [
          {
            type: 'response.recorded',
            payload: {
              responseId,
              activationId,
              actor: activation.obligor,
              type: input.type,
              description,
              respondedAt,
              evidence: [...new Set(input.evidence ?? [])],
              qualifying,
            },
          },
        ];
        const reason = `a qualifying ${input.type} on ${respondedAt}`;
        if (qualifying && activation.status !== 'met') {
          const late = activation.deadline !== null && respondedAt > activation.deadline;
          bodies.push(statusBody(activation, 'met', activation.tier, reason, late));
        }
        await actx.write(by, bodies, tx);
        if (bodies.length > 1) await issueAlerts(tx, [{ activationId, reason }]);
        return { responseId, qualifying };
      }),
  };
}
