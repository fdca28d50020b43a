import { describe, expect, it } from 'vitest';
import type { Role } from '../auth/permissions.js';
import { DomainError } from '../errors.js';
import type { VerificationStatus } from './model.js';
import { VERIFICATION_STATUSES } from './model.js';
import {
  checkVerificationStep,
  nextStatuses,
  type VerificationStepRequest,
} from './verification.js';

function attempt(
  from: VerificationStatus,
  request: VerificationStepRequest,
  who: { role?: Role; userId?: string; reporters?: string[]; triagers?: string[] } = {},
): DomainError | undefined {
  try {
    checkVerificationStep(request, {
      from,
      role: who.role ?? 'verifier',
      userId: who.userId ?? 'vera',
      reporters: new Set(who.reporters ?? ['mona']),
      triagers: new Set(who.triagers ?? []),
    });
    return undefined;
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
}

describe('the verification ladder', () => {
  it('climbs from reported to verified with a method at each decision', () => {
    expect(attempt('reported', { to: 'under_investigation' }, { role: 'analyst' })).toBeUndefined();
    expect(
      attempt(
        'under_investigation',
        { to: 'corroborated', method: 'two sources' },
        { role: 'analyst' },
      ),
    ).toBeUndefined();
    expect(attempt('corroborated', { to: 'verified', method: 'site visit' })).toBeUndefined();
  });

  it('refuses to verify a rejected incident, or to skip from reported to verified', () => {
    const rejected = attempt('rejected', { to: 'verified', method: 'x' });
    expect(rejected?.code).toBe('STEP_REFUSED');
    expect(rejected?.message).toContain('rejected cannot be set to verified');
    expect(rejected?.details[0]?.message).toContain('under investigation');
    expect(attempt('reported', { to: 'verified', method: 'x' })?.code).toBe('STEP_REFUSED');
    expect(attempt('verified', { to: 'corroborated', method: 'x' })?.code).toBe('STEP_REFUSED');
  });

  it('lets only a verifier set verified or rejected, or reopen either', () => {
    for (const role of ['analyst', 'coordinator', 'admin'] as const) {
      expect(attempt('corroborated', { to: 'verified', method: 'm' }, { role })?.code).toBe(
        'FORBIDDEN',
      );
      expect(attempt('reported', { to: 'rejected', method: 'm' }, { role })?.code).toBe(
        'FORBIDDEN',
      );
      expect(attempt('verified', { to: 'under_investigation' }, { role })?.code).toBe('FORBIDDEN');
    }
    expect(attempt('rejected', { to: 'under_investigation' })).toBeUndefined();
    // Reopening a side exit other than rejected is open to analysts.
    expect(
      attempt('not_a_violation', { to: 'under_investigation' }, { role: 'analyst' }),
    ).toBeUndefined();
  });

  it('keeps four eyes: who reported or triaged an incident cannot verify it', () => {
    const reporter = attempt('corroborated', { to: 'verified', method: 'm' }, { userId: 'mona' });
    expect(reporter?.code).toBe('FORBIDDEN');
    expect(reporter?.message).toContain('you reported this incident');
    const triager = attempt(
      'corroborated',
      { to: 'verified', method: 'm' },
      { userId: 'tess', triagers: ['tess'] },
    );
    expect(triager?.message).toContain('you triaged this incident');
    // The same people may still take the earlier steps.
    expect(
      attempt('reported', { to: 'corroborated', method: 'm' }, { userId: 'mona' }),
    ).toBeUndefined();
  });

  it('asks for the method of a decision and the obstruction behind unverifiable', () => {
    const noMethod = attempt('corroborated', { to: 'verified', method: '  ' });
    expect(noMethod?.code).toBe('VALIDATION_FAILED');
    expect(noMethod?.details[0]?.path).toBe('method');
    const noObstruction = attempt(
      'under_investigation',
      { to: 'unverifiable' },
      { role: 'analyst' },
    );
    expect(noObstruction?.details[0]?.path).toBe('obstructionIncidentId');
    expect(
      attempt(
        'under_investigation',
        { to: 'unverifiable', obstructionIncidentId: 'i-9' },
        { role: 'analyst' },
      ),
    ).toBeUndefined();
    expect(
      attempt('reported', { to: 'under_investigation', obstructionIncidentId: 'i-9' })?.details[0]
        ?.path,
    ).toBe('obstructionIncidentId');
  });

  it('offers from every status exactly the steps it allows', () => {
    for (const from of VERIFICATION_STATUSES) {
      for (const to of VERIFICATION_STATUSES) {
        const error = attempt(
          from,
          { to, method: 'm', ...(to === 'unverifiable' ? { obstructionIncidentId: 'o' } : {}) },
          { userId: 'vera' },
        );
        expect(error?.code === 'STEP_REFUSED', `${from} -> ${to}`).toBe(
          !nextStatuses(from).includes(to),
        );
      }
    }
  });
});
