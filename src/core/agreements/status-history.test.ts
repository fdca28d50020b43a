import { describe, expect, it } from 'vitest';
import type { StatusClaim } from './file-schema.js';
import { currentClaim, findContradictions, identifyClaims } from './status-history.js';

function claim(status: StatusClaim['status'], date: string, publisher = 'Wire'): StatusClaim {
  return { status, date, source: { publisher } };
}

describe('status history', () => {
  it('flags "unresolved" after "ready" with both claims and both sources', () => {
    const claims = identifyClaims([
      claim('proposed', '2025-12-26', 'Axios'),
      {
        ...claim('ready', '2026-01-22', 'Office of the President'),
        source: { publisher: 'Office of the President', statedBy: 'The president' },
      },
      claim('unresolved', '2026-02-10', 'Press conference'),
    ]);
    const [found, ...rest] = findContradictions(claims);
    expect(rest).toEqual([]);
    expect(found?.earlier.id).toBe('2026-01-22-ready');
    expect(found?.later.id).toBe('2026-02-10-unresolved');
    expect(found?.reason).toBe(
      '"unresolved" (2026-02-10, Press conference) contradicts the earlier "ready" (2026-01-22, The president via Office of the President)',
    );
  });

  it('accepts a document that moves forward, is suspended, returns to force and expires', () => {
    const claims = identifyClaims([
      claim('proposed', '2015-01-01'),
      claim('drafted', '2015-01-20'),
      claim('signed', '2015-02-12'),
      claim('in_force', '2015-02-15'),
      claim('suspended', '2016-01-01'),
      claim('in_force', '2016-02-01'),
      claim('expired', '2020-01-01'),
    ]);
    expect(findContradictions(claims)).toEqual([]);
  });

  it('flags a draft reported after the signature, compared in date order not list order', () => {
    const claims = identifyClaims([claim('drafted', '2015-03-01'), claim('signed', '2015-02-12')]);
    expect(findContradictions(claims).map((c) => [c.earlier.status, c.later.status])).toEqual([
      ['signed', 'drafted'],
    ]);
  });

  it('gives claims without an id a stable one, numbered when date and status repeat', () => {
    const ids = identifyClaims([
      claim('in_force', '2015-02-15'),
      claim('in_force', '2015-02-15'),
      { ...claim('signed', '2015-02-12'), id: 'the-signature' },
    ]).map((c) => c.id);
    expect(ids).toEqual(['2015-02-15-in-force', '2015-02-15-in-force-2', 'the-signature']);
  });

  it('takes the latest claim by date as the current status', () => {
    const claims = [claim('ready', '2026-01-22'), claim('proposed', '2025-12-26')];
    expect(currentClaim(claims)?.status).toBe('ready');
    expect(currentClaim([])).toBeUndefined();
  });
});
