import { describe, expect, it } from 'vitest';
import { attributionFacts, type Attribution } from './records.js';

function buildAttribution(fields: Partial<Attribution> = {}): Attribution {
  return {
    version: 1,
    actor: 'force-a',
    declined: false,
    declinedReason: null,
    confidence: 'high',
    basis: { reportIds: [], evidence: [], text: 'seen' },
    dissent: null,
    by: 'user:vera',
    at: '2025-03-01T00:00:00.000Z',
    eventId: null,
    ...fields,
  };
}

describe('attributionFacts', () => {
  it('knows nothing of an incident nobody attributed', () => {
    expect(attributionFacts(undefined)).toBeUndefined();
  });

  it('gives the actor and confidence of a claim', () => {
    expect(attributionFacts(buildAttribution({ confidence: 'moderate' }))).toEqual({
      declined: false,
      actor: 'force-a',
      confidence: 'moderate',
    });
  });

  it('takes a claim without a confidence as low', () => {
    expect(attributionFacts(buildAttribution({ confidence: null }))).toMatchObject({
      confidence: 'low',
    });
  });

  it('gives the reason of a refusal', () => {
    const refusal = buildAttribution({ actor: null, declined: true, declinedReason: 'unclear' });
    expect(attributionFacts(refusal)).toEqual({ declined: true, reason: 'unclear' });
    expect(attributionFacts({ ...refusal, declinedReason: null })).toEqual({
      declined: true,
      reason: '',
    });
  });
});
