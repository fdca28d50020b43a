import { describe, expect, it } from 'vitest';
import { median, summarizeGuarantors, worstSeverity, type ActivationOutcome } from './summary.js';

function buildActivation(fields: Partial<ActivationOutcome> & { id: string }): ActivationOutcome {
  return {
    obligor: 'guarantor-a',
    status: 'open',
    late: false,
    activatedAt: '2025-03-01T00:00:00.000Z',
    ...fields,
  };
}

describe('worstSeverity', () => {
  it('picks the gravest severity whatever the order', () => {
    expect(worstSeverity(['major', 'grave', 'minor'])).toBe('grave');
    expect(worstSeverity(['minor', 'major'])).toBe('major');
  });

  it('is minor when there is nothing to weigh', () => {
    expect(worstSeverity([])).toBe('minor');
  });
});

describe('median', () => {
  it('is null for no values', () => {
    expect(median([])).toBeNull();
  });

  it('takes the middle value of an odd count and the mean of the middle two of an even one', () => {
    expect(median([1, 2, 10])).toBe(2);
    expect(median([1, 2, 4, 10])).toBe(3);
  });

  it('rounds to one decimal', () => {
    expect(median([1, 1.26])).toBe(1.1);
    expect(median([0.04])).toBe(0);
  });
});

describe('summarizeGuarantors', () => {
  it('counts activations by status per guarantor, in actor order', () => {
    const summaries = summarizeGuarantors(
      [
        buildActivation({ id: 'a1', obligor: 'zeta', status: 'breached' }),
        buildActivation({ id: 'a2', obligor: 'alpha', status: 'met', late: true }),
        buildActivation({ id: 'a3', obligor: 'alpha', status: 'open' }),
        buildActivation({ id: 'a4', obligor: 'alpha', status: 'met' }),
      ],
      new Map(),
    );
    expect(summaries.map((s) => s.obligor)).toEqual(['alpha', 'zeta']);
    expect(summaries[0]).toEqual({
      obligor: 'alpha',
      activations: 3,
      open: 1,
      met: 2,
      overdue: 0,
      breached: 0,
      withdrawn: 0,
      lateResponses: 1,
      medianResponseHours: null,
    });
    expect(summaries[1]?.breached).toBe(1);
  });

  it('takes the median hours to the first qualifying response over the activations answered', () => {
    const [summary] = summarizeGuarantors(
      [
        buildActivation({ id: 'a1', status: 'met' }),
        buildActivation({ id: 'a2', status: 'met' }),
        buildActivation({ id: 'a3', status: 'open' }),
      ],
      new Map([
        ['a1', '2025-03-01T06:00:00.000Z'],
        ['a2', '2025-03-02T00:00:00.000Z'],
      ]),
    );
    expect(summary?.medianResponseHours).toBe(15);
  });
});
