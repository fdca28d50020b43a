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
    expect(found?.earlier.id).toMatch(/^2026-01-22-ready-[0-9a-f]{6}$/);
    expect(found?.later.id).toMatch(/^2026-02-10-unresolved-[0-9a-f]{6}$/);
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

  it('gives claims without an id one that stays the same wherever the claim is listed', () => {
    const signedA = claim('signed', '2020-03-01', 'Test Gazette');
    const signedB = claim('signed', '2020-03-01', 'New Wire');
    const alone = identifyClaims([signedA]);
    const withAnother = identifyClaims([
      signedB,
      signedA,
      { ...claim('in_force', '2020-03-02'), id: 'own-id' },
    ]);
    expect(withAnother[1]?.id).toBe(alone[0]?.id);
    expect(withAnother[0]?.id).not.toBe(alone[0]?.id);
    expect(withAnother[0]?.id).toMatch(/^2020-03-01-signed-[0-9a-f]{6}$/);
    expect(withAnother[2]?.id).toBe('own-id');
    const twins = identifyClaims([signedA, signedA]).map((c) => c.id);
    expect(twins[1]).toBe(`${twins[0]}-2`);
  });

  it('takes the latest claim by date as the current status', () => {
    const claims = [claim('ready', '2026-01-22'), claim('proposed', '2025-12-26')];
    expect(currentClaim(claims)?.status).toBe('ready');
    expect(currentClaim([])).toBeUndefined();
  });
});
