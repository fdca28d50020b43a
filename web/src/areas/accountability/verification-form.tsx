/**
 * The form for the next step on the verification ladder. It offers exactly the steps the
 * ladder allows from the current status, asks how the decision was reached where a method is
 * required, and for `unverifiable` the obstruction incident that prevented verification. Who
 * may take the step (verifiers only for verified and rejected; four eyes) is the server's to
 * decide: a refusal is shown with its reasons.
 */
import { useState, type FormEvent } from 'react';
import { METHOD_REQUIRED } from '../../../../src/core/accountability/model.js';
import { ErrorMessage } from '../../components/error-message';
import { SelectField, TextAreaField, TextField } from '../../components/field';
import { fieldMessages } from '../../error-details';
import { t } from '../../strings';
import { useAction } from '../../use-action';
import { setVerification } from './endpoints';
import type { VerificationInput, VerificationStatus } from './types';
import { verificationStatusLabel } from './words';

// `status` is left out: the alert names it, with its path, when a step is refused.
const FIELDS = ['method', 'notes', 'obstructionIncidentId'];

/** Props of VerificationForm. */
export interface VerificationFormProps {
  readonly incidentId: string;
  readonly status: VerificationStatus;
  /** The steps the ladder allows from `status`; at least one. */
  readonly nextStatuses: readonly VerificationStatus[];
  readonly onChanged: () => void;
}

/** The next-step form of the verification panel. */
export function VerificationForm({
  incidentId,
  status,
  nextStatuses,
  onChanged,
}: VerificationFormProps) {
  const [chosen, setChosen] = useState<VerificationStatus | null>(null);
  const [method, setMethod] = useState('');
  const [notes, setNotes] = useState('');
  const [obstruction, setObstruction] = useState('');
  const [checked, setChecked] = useState(false);
  const action = useAction();

  // After a step the allowed steps change; the choice falls back to the first allowed one.
  const target = chosen !== null && nextStatuses.includes(chosen) ? chosen : nextStatuses[0];
  const needsMethod = target !== undefined && METHOD_REQUIRED.includes(target);
  const needsObstruction = target === 'unverifiable';
  const methodMissing = checked && needsMethod && method.trim() === '';
  const obstructionMissing = checked && needsObstruction && obstruction.trim() === '';

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setChecked(true);
    if (target === undefined) return;
    if ((needsMethod && method.trim() === '') || (needsObstruction && obstruction.trim() === '')) {
      return;
    }
    const step: VerificationInput = {
      status: target,
      ...(needsMethod ? { method: method.trim() } : {}),
      ...(notes.trim() === '' ? {} : { notes: notes.trim() }),
      ...(needsObstruction ? { obstructionIncidentId: obstruction.trim() } : {}),
    };
    const done = t('ladder.done', { status: verificationStatusLabel(target) });
    if (await action.run(() => setVerification(incidentId, step), done)) {
      setChosen(null);
      setMethod('');
      setNotes('');
      setObstruction('');
      setChecked(false);
      onChanged();
    }
  }

  return (
    <form className="decision-form" onSubmit={(event) => void handleSubmit(event)} noValidate>
      <fieldset disabled={action.busy}>
        <legend>{t('ladder.formTitle')}</legend>
        <p className="field-hint">
          {t('ladder.formIntro', { status: verificationStatusLabel(status) })}
        </p>
        <SelectField
          label={t('ladder.next')}
          value={target ?? ''}
          options={nextStatuses.map((next) => ({
            value: next,
            label: verificationStatusLabel(next),
          }))}
          onChange={(value) => setChosen(value as VerificationStatus)}
        />
        {needsMethod && (
          <TextField
            label={t('ladder.method')}
            hint={t('ladder.methodHint')}
            value={method}
            onChange={setMethod}
            errors={
              methodMissing ? [t('ladder.methodMissing')] : fieldMessages(action.error, 'method')
            }
            required
          />
        )}
        {needsObstruction && (
          <TextField
            label={t('ladder.obstruction')}
            hint={t('ladder.obstructionHint')}
            value={obstruction}
            onChange={setObstruction}
            errors={
              obstructionMissing
                ? [t('ladder.obstructionMissing')]
                : fieldMessages(action.error, 'obstructionIncidentId')
            }
            required
          />
        )}
        <TextAreaField
          label={t('ladder.notes')}
          hint={t('ladder.notesHint')}
          value={notes}
          onChange={setNotes}
          errors={fieldMessages(action.error, 'notes')}
        />
        <ErrorMessage error={action.error} fields={FIELDS} />
        <button type="submit">{t('ladder.submit')}</button>
        <p className="status-line" role="status">
          {action.busy ? t('ladder.submitting') : (action.done ?? '')}
        </p>
      </fieldset>
    </form>
  );
}
