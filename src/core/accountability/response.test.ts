import { describe, expect, it } from 'vitest';
import type { Commitment } from '../agreements/file-schema.js';
import {
  buildCommitment as buildConcreteCommitment,
  type Overrides,
} from '../../../test/support/commitment-factories.js';
import { qualifies, responseClock } from './response.js';

/** A commitment that promises no response and has no deadline, but for the overrides. */
function buildCommitment(overrides: Overrides<Commitment> = {}): Commitment {
  return buildConcreteCommitment({ responses: undefined, deadline: undefined, ...overrides });
}

describe('qualifies', () => {
  it('takes any action when the commitment names no response', () => {
    expect(qualifies('action', buildCommitment())).toBe(true);
    expect(qualifies('action', undefined)).toBe(true);
  });

  it('takes an action only when some promised response is more than a process', () => {
    const processes = buildCommitment({
      responses: [{ kind: 'consultation' }, { kind: 'statement' }],
    });
    const aid = buildCommitment({
      responses: [{ kind: 'consultation' }, { kind: 'military_aid' }],
    });
    expect(qualifies('action', processes)).toBe(false);
    expect(qualifies('action', aid)).toBe(true);
  });

  it('takes a consultation when consultation is promised or the deadline binds a meeting', () => {
    expect(
      qualifies('consultation', buildCommitment({ responses: [{ kind: 'consultation' }] })),
    ).toBe(true);
    const meeting = buildCommitment({
      responses: [{ kind: 'military_aid' }],
      deadline: { duration: 'PT72H', binds: 'meeting' },
    });
    expect(qualifies('consultation', meeting)).toBe(true);
    const response = buildCommitment({
      responses: [{ kind: 'military_aid' }],
      deadline: { duration: 'PT72H', binds: 'response' },
    });
    expect(qualifies('consultation', response)).toBe(false);
    expect(qualifies('consultation', undefined)).toBe(false);
  });

  it('takes a statement only when a statement is promised', () => {
    expect(qualifies('statement', buildCommitment({ responses: [{ kind: 'statement' }] }))).toBe(
      true,
    );
    expect(qualifies('statement', buildCommitment())).toBe(false);
    expect(qualifies('statement', buildCommitment({ responses: [{ kind: 'consultation' }] }))).toBe(
      false,
    );
  });
});

describe('responseClock', () => {
  const at = new Date('2025-03-01T10:00:00.000Z');

  it('puts the deadline one duration after activation and the breach one more after it', () => {
    const clock = responseClock(
      buildCommitment({ deadline: { duration: 'PT72H', binds: 'response' } }),
      at,
    );
    expect(clock).toEqual({
      deadline: '2025-03-04T10:00:00.000Z',
      breachAt: '2025-03-07T10:00:00.000Z',
    });
  });

  it('counts months by the calendar', () => {
    const clock = responseClock(
      buildCommitment({ deadline: { duration: 'P1M', binds: 'response' } }),
      new Date('2025-01-31T00:00:00.000Z'),
    );
    expect(clock.deadline?.startsWith('2025-03-03')).toBe(true);
  });

  it('gives a commitment without a deadline, or with an unreadable one, no clock', () => {
    expect(responseClock(buildCommitment(), at)).toEqual({ deadline: null, breachAt: null });
    expect(
      responseClock(buildCommitment({ deadline: { duration: 'soon', binds: 'response' } }), at),
    ).toEqual({ deadline: null, breachAt: null });
  });
});
