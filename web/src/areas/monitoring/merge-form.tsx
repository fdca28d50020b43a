/** The small form that confirms a suggested grouping by merging two incidents, with a reason. */
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { ErrorMessage } from '../../components/error-message';
import { TextField } from '../../components/field';
import { fieldMessages } from '../../error-details';
import { t } from '../../strings';

const FIELDS = ['reason'];

/** Props of MergeForm. */
export interface MergeFormProps {
  /** The id of the form, for the button that opens it (aria-controls). */
  readonly id: string;
  /** Merges with the trimmed, non-empty reason; a rejection is shown in the form. */
  readonly onMerge: (reason: string) => Promise<void>;
  readonly onCancel: () => void;
}

/** A reason and a submit button; takes the focus when it opens. */
export function MergeForm({ id, onMerge, onCancel }: MergeFormProps) {
  const [reason, setReason] = useState('');
  const [checked, setChecked] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const fieldset = useRef<HTMLFieldSetElement>(null);

  useEffect(() => {
    fieldset.current?.querySelector('input')?.focus();
  }, []);

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setError(null);
    setChecked(true);
    const trimmed = reason.trim();
    if (trimmed === '') return;
    setBusy(true);
    try {
      await onMerge(trimmed);
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  }

  const missing = checked && reason.trim() === '';
  return (
    <form
      id={id}
      className="decision-form"
      onSubmit={(event) => void handleSubmit(event)}
      noValidate
    >
      <fieldset ref={fieldset} disabled={busy}>
        <legend>{t('grouping.mergeTitle')}</legend>
        <p className="field-hint">{t('grouping.mergeIntro')}</p>
        <TextField
          label={t('incidents.reason')}
          hint={t('incidents.reasonHint')}
          value={reason}
          onChange={setReason}
          errors={missing ? [t('incidents.reasonMissing')] : fieldMessages(error, 'reason')}
          required
        />
        <ErrorMessage error={error} fields={FIELDS} />
        <div className="button-row">
          <button type="submit">{t('grouping.mergeSubmit')}</button>
          <button type="button" className="button-secondary" onClick={onCancel}>
            {t('incidents.cancel')}
          </button>
        </div>
        <p className="status-line" role="status">
          {busy ? t('grouping.merging') : ''}
        </p>
      </fieldset>
    </form>
  );
}
