/**
 * "Check in the record" beside a decision: the browser fetches the decision's record entry by
 * its event id, verifies the latest signed checkpoint with the record's key, and checks the
 * entry's inclusion proof against that checkpoint's root with the same code the server and the
 * command line use (areas/record/check.ts). Nothing the server says is trusted beyond what the checks
 * establish; a failure is said plainly.
 */
import { useState } from 'react';
import { checkEntry } from '../areas/record/check';
import { loadRecordView } from '../areas/record/view';
import { getInclusionProof, getRecordEntryOfEvent } from '../endpoints';
import { errorMessage } from '../error-details';
import { t } from '../strings';

/** What the check found, in words, and whether that is good news. */
type ProofState =
  | { readonly phase: 'idle' }
  | { readonly phase: 'checking' }
  | {
      readonly phase: 'done';
      readonly outcome: 'ok' | 'pending' | 'failed';
      readonly text: string;
    };

/** Runs the whole check for one event. */
async function proveEvent(
  eventId: string,
): Promise<Exclude<ProofState, { phase: 'idle' | 'checking' }>> {
  try {
    const [view, entry] = await Promise.all([loadRecordView(), getRecordEntryOfEvent(eventId)]);
    const check = await checkEntry(entry, view.checkpoint, getInclusionProof);
    switch (check.status) {
      case 'included': {
        const key = view.checkpoint.status === 'verified' ? view.checkpoint.keyName : '';
        const text = t('proof.included', { index: check.index, size: check.size, key });
        return { phase: 'done', outcome: 'ok', text };
      }
      case 'pending':
        return {
          phase: 'done',
          outcome: 'pending',
          text: t('proof.pending', { index: entry.index }),
        };
      case 'failed':
        return {
          phase: 'done',
          outcome: 'failed',
          text: t('proof.failed', { reason: check.reason }),
        };
    }
  } catch (error) {
    return {
      phase: 'done',
      outcome: 'failed',
      text: t('proof.failed', { reason: errorMessage(error) }),
    };
  }
}

/** Props of DecisionProof. */
export interface DecisionProofProps {
  /** The decision's record event; null for decisions made before they named one. */
  readonly eventId: string | null;
  /** The decision in a few words, for the button's accessible name ("verified on 5 January"). */
  readonly what: string;
}

/** A small button that proves a decision is in the record, and the verdict after it. */
export function DecisionProof({ eventId, what }: DecisionProofProps) {
  const [state, setState] = useState<ProofState>({ phase: 'idle' });
  if (eventId === null) return <span className="muted decision-proof">{t('proof.noEvent')}</span>;

  async function handleCheck(id: string) {
    setState({ phase: 'checking' });
    setState(await proveEvent(id));
  }

  return (
    <span className="decision-proof">
      <button
        type="button"
        className="button-small button-secondary"
        aria-label={t('proof.checkLabel', { what })}
        disabled={state.phase === 'checking'}
        onClick={() => void handleCheck(eventId)}
      >
        {t('proof.check')}
      </button>{' '}
      <span role="status" className={state.phase === 'done' ? `proof-${state.outcome}` : undefined}>
        {state.phase === 'checking' && t('proof.checking')}
        {state.phase === 'done' && (
          <>
            <span aria-hidden="true">
              {state.outcome === 'ok'
                ? t('record.iconOk')
                : state.outcome === 'pending'
                  ? t('record.iconPending')
                  : t('record.iconFailed')}
            </span>{' '}
            {state.text}
          </>
        )}
      </span>
    </span>
  );
}
