import { describe, expect, it } from 'vitest';
import type { EventBody, RecordedEvent } from '../../core/events.js';
import type { StoredReport } from '../../core/reports/report.js';
import type { AgreementDocument } from '../../core/agreements/file-schema.js';
import { MAX_CHANGE_IDS, mergeNotices, summariseChanges } from './stream-changes.js';

/** A record entry at `index` holding `body`. */
function buildEntry(index: number, body: EventBody): { index: number; event: RecordedEvent } {
  return {
    index,
    event: { ...body, id: `event-${index}`, version: 1, at: '2026-01-06T12:00:00Z', by: 'test' },
  };
}

/** A received-reports body with `count` reports (only their ids matter here). */
function buildReportsReceived(count: number, prefix = 'r'): EventBody {
  const reports = Array.from(
    { length: count },
    (_, i) => ({ id: `${prefix}${i}` }) as StoredReport,
  );
  return { type: 'reports.received', payload: { reports } };
}

const step = (incidentId: string): EventBody => ({
  type: 'incident.verification_set',
  payload: {
    incidentId,
    from: 'reported',
    to: 'corroborated',
    method: 'two patrols',
    notes: null,
    obstructionIncidentId: null,
  },
});

describe('summariseChanges', () => {
  it('gives one notice per kind, in the order the kinds first appear, with the last index', () => {
    const notices = summariseChanges([
      buildEntry(10, step('i1')),
      buildEntry(11, buildReportsReceived(2)),
      buildEntry(12, step('i2')),
      buildEntry(13, step('i1')),
    ]);
    expect(notices).toEqual([
      { kind: 'incident', count: 2, ids: ['i1', 'i2'], index: 13 },
      { kind: 'report', count: 2, ids: ['r0', 'r1'], index: 11 },
    ]);
  });

  it('counts a bulk import in full but lists only the first ids', () => {
    const [notice] = summariseChanges([
      buildEntry(0, buildReportsReceived(3000)),
      buildEntry(1, buildReportsReceived(10, 'x')),
    ]);
    expect(notice?.count).toBe(3010);
    expect(notice?.ids).toHaveLength(MAX_CHANGE_IDS);
    expect(notice?.ids[0]).toBe('r0');
  });

  it('names activations, findings and responses, and stays silent about the rest', () => {
    const notices = summariseChanges([
      buildEntry(0, { type: 'user.disabled', payload: { userId: 'u1' } }),
      buildEntry(1, {
        type: 'activation.status_set',
        payload: { activationId: 'a1', status: 'met', tier: 1, late: false, reason: 'answered' },
      }),
      buildEntry(2, {
        type: 'alert.issued',
        payload: {
          alertId: 'al1',
          activationId: 'a1',
          obligor: 'GBR',
          msgType: 'Update',
          headline: 'met',
          xml: '<alert/>',
        },
      }),
      buildEntry(3, {
        type: 'finding.recorded',
        payload: {
          findingId: 'f1',
          incidentId: 'i1',
          documentId: 'd',
          provisionId: 'p',
          severity: 'major',
          notes: null,
        },
      }),
      buildEntry(4, {
        type: 'document.part_removed',
        payload: { documentId: 'minsk-ii', part: 'commitment', id: 'c1' },
      }),
      buildEntry(5, {
        type: 'response.recorded',
        payload: {
          responseId: 'g1',
          activationId: 'a1',
          actor: 'GBR',
          type: 'action',
          description: 'batteries deployed',
          respondedAt: '2026-01-06T12:00:00Z',
          evidence: [],
          qualifying: true,
        },
      }),
    ]);
    expect(notices.map((n) => [n.kind, n.ids])).toEqual([
      ['activation', ['a1']],
      ['finding', ['f1']],
      ['document', ['minsk-ii']],
      ['response', ['g1']],
    ]);
    expect(
      summariseChanges([buildEntry(0, { type: 'user.enabled', payload: { userId: 'u' } })]),
    ).toEqual([]);
  });

  it('names the documents saved, or whose parts were saved or removed, once each', () => {
    // Only the ids matter here: the rest of a document and of its parts is left out.
    const saved = {
      type: 'document.saved',
      payload: { document: { id: 'doc-a' } as AgreementDocument },
    } as const;
    const partSaved = {
      type: 'document.part_saved',
      payload: { documentId: 'doc-b', id: 'z1', position: 0, part: 'zone' },
    } as unknown as EventBody;
    const notices = summariseChanges([
      buildEntry(0, saved),
      buildEntry(1, partSaved),
      buildEntry(2, {
        type: 'document.part_removed',
        payload: { documentId: 'doc-a', part: 'commitment', id: 'c1' },
      }),
    ]);
    expect(notices).toEqual([{ kind: 'document', count: 2, ids: ['doc-a', 'doc-b'], index: 2 }]);
  });

  it('merges the summaries of consecutive pages into one notice per kind', () => {
    const first = summariseChanges([
      buildEntry(0, buildReportsReceived(40, 'a')),
      buildEntry(1, step('i1')),
    ]);
    const second = summariseChanges([buildEntry(2, buildReportsReceived(30, 'b'))]);
    const merged = mergeNotices(first, second);
    expect(merged.map((n) => [n.kind, n.count, n.ids.length, n.index])).toEqual([
      ['report', 70, MAX_CHANGE_IDS, 2],
      ['incident', 1, 1, 1],
    ]);
    expect(merged[0]?.ids.slice(0, 2)).toEqual(['a0', 'a1']);
    expect(mergeNotices([], second)).toEqual(second);
  });
});
