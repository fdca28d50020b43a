/**
 * Concreteness points 5-8 (what is promised, how firmly, how soon, with what resources). Fields
 * decide; hedge words in the text are listed as evidence and, for point 6, also weaken a
 * binding verb. Used by concreteness.ts.
 */
import type { CommitmentResponse } from './file-schema.js';
import {
  listOf,
  quoted,
  uniqueIgnoringCase,
  type Rule,
  type RuleInput,
  type RuleResult,
} from './concreteness-rules.js';
import { PROCESS_RESPONSES, type ResponseKind } from './vocabulary.js';

/** The rules of points 5-8, by checklist key. */
export const RESPONSE_RULES = {
  response_is_action: scoreResponseIsAction,
  obligation_strength: scoreObligationStrength,
  deadline: scoreDeadline,
  resources: scoreResources,
} satisfies Record<string, Rule>;

// Point 5. Fields win, hedges are evidence. No response: 0. Any action (a kind that is neither
// a process nor unspecified 'support'): 2, even if the text also says "consult". Only
// 'support' of unstated kind (with or without processes): 1. Only processes: 0.
function scoreResponseIsAction({ commitment, hedges }: RuleInput): RuleResult {
  const kinds = [...new Set((commitment.responses ?? []).map((r) => r.kind))];
  const words = hedges.length > 0 ? ` The text says ${quoted(hedges.map((h) => h.phrase))}.` : '';
  const actionAsk =
    'Commit to an action (e.g. air defence, military aid, sanctions), not only to consult or refer.';
  if (kinds.length === 0)
    return { score: 0, reason: `No response is named.${words}`, raise: actionAsk };
  const isProcess = (kind: ResponseKind) => PROCESS_RESPONSES.includes(kind);
  const actions = kinds.filter((kind) => !isProcess(kind) && kind !== 'support');
  const named = kinds.map((kind) => kind.replaceAll('_', ' '));
  if (actions.length > 0)
    return {
      score: 2,
      reason: `The responses include actions: ${listOf(named)}.${words}`,
      raise: null,
    };
  if (kinds.includes('support'))
    return {
      score: 1,
      reason: `The only action is support of unstated kind (responses: ${listOf(named)}).${words}`,
      raise: 'Say what support: e.g. air defence, military aid or logistics, with amounts.',
    };
  return {
    score: 0,
    reason: `The responses are processes only: ${listOf(named)}.${words}`,
    raise: actionAsk,
  };
}

// Point 6. "shall"/"will" with no qualifier field and no point-6 hedge in the text: 2. Binding
// but qualified, or "should": 1. "intend", "policy", "may", "consider": 0.
function scoreObligationStrength({ commitment, hedges }: RuleInput): RuleResult {
  const { strength } = commitment;
  if (strength === 'shall' || strength === 'will') {
    const qualifiers = uniqueIgnoringCase([
      ...(commitment.qualifiers ?? []),
      ...hedges.map((h) => h.phrase),
    ]);
    if (qualifiers.length === 0)
      return { score: 2, reason: `The obligation is "${strength}", unqualified.`, raise: null };
    return {
      score: 1,
      reason: `The obligation is "${strength}", but qualified by ${quoted(qualifiers)}.`,
      raise: `Drop ${quoted(qualifiers)}, or replace it with a stated test of when the obligor must act.`,
    };
  }
  if (strength === 'should')
    return {
      score: 1,
      reason: 'The obligation is "should": it expects but does not bind.',
      raise: 'Replace "should" with "shall".',
    };
  return {
    score: 0,
    reason: `The obligation is "${strength}": it announces or leaves open, it does not bind.`,
    raise: `Write it as an obligation ("shall"), not as "${strength}".`,
  };
}

// Point 7. No deadline: 0 (time words such as "promptly" are listed). A deadline that binds
// only a meeting: 1. A deadline that binds the response: 2.
function scoreDeadline({ commitment, hedges }: RuleInput): RuleResult {
  const deadline = commitment.deadline;
  if (!deadline)
    return {
      score: 0,
      reason:
        hedges.length > 0
          ? `No deadline: the text says only ${quoted(hedges.map((h) => h.phrase))}.`
          : 'No deadline is set.',
      raise: 'Add a deadline for the response, counted from activation (e.g. within 72 hours).',
    };
  if (deadline.binds === 'meeting')
    return {
      score: 1,
      reason: `The deadline (${deadline.duration}) binds only a meeting, not the response.`,
      raise: 'Add a deadline for the response, not only for consultation.',
    };
  return {
    score: 2,
    reason: `The response is due within ${deadline.duration} of activation.`,
    raise: null,
  };
}

// Point 8. Only action responses (anything but a process; 'support' counts) carry resources.
// None: 0. Every action with an amount and either a period or funds that need no
// appropriation: 2. Some amount: 1. No amount: 0. Any appropriation 'required' caps at 1: the
// money depends on a later budget vote.
function scoreResources({ commitment }: RuleInput): RuleResult {
  const actions = (commitment.responses ?? []).filter((r) => !PROCESS_RESPONSES.includes(r.kind));
  if (actions.length === 0)
    return {
      score: 0,
      reason: 'No action response, so no resources are committed.',
      raise: 'Commit resources to an action, with amounts and a period.',
    };
  const described = listOf(actions.map(describeResources));
  const durable = (r: CommitmentResponse) =>
    r.quantity !== undefined && (r.period !== undefined || r.appropriation === 'not_required');
  const needsVote = actions.filter((r) => r.appropriation === 'required');
  const base = actions.every(durable) ? 2 : actions.some((r) => r.quantity) ? 1 : 0;
  if (base === 0)
    return {
      score: 0,
      reason: `No amount is stated: ${described}.`,
      raise: 'State the amount of each action (money, troops, systems) and for how long.',
    };
  if (base === 2 && needsVote.length === 0)
    return { score: 2, reason: `Resources are quantified and durable: ${described}.`, raise: null };
  const lacking = actions
    .filter((r) => !durable(r))
    .map(
      (r) =>
        `${r.quantity ? 'a period' : 'an amount and a period'} for ${r.kind.replaceAll('_', ' ')}`,
    );
  return {
    score: 1,
    reason: `Resources are only partly secured: ${described}.`,
    raise:
      lacking.length > 0
        ? `State ${listOf(lacking)}.`
        : 'Secure the appropriation, so the amounts no longer depend on a later budget vote.',
  };
}

function describeResources(response: CommitmentResponse): string {
  const { kind, quantity, period, appropriation } = response;
  return [
    kind.replaceAll('_', ' '),
    quantity ? `${quantity.amount} ${quantity.unit}` : 'no amount',
    ...(period ? [`over ${period}`] : []),
    ...(appropriation ? [`appropriation ${appropriation.replaceAll('_', ' ')}`] : []),
  ].join(', ');
}
