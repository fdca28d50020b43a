/** The form that creates an API token: a label and an optional lifetime in days. */
import { useState, type FormEvent } from 'react';
import type { Token } from '../../api-types';
import { ErrorMessage } from '../../components/error-message';
import { TextField } from '../../components/field';
import { createToken } from '../../endpoints';
import { fieldMessages } from '../../error-details';
import { t } from '../../strings';

const FIELDS = ['label', 'expiresInDays'];

/** Props of TokenCreateForm. */
export interface TokenCreateFormProps {
  /** Called with the new token and its secret, which the server never returns again. */
  readonly onCreated: (token: Token, secret: string) => void;
}

/** Creates a token; a lifetime that is not a whole number is refused before sending. */
export function TokenCreateForm({ onCreated }: TokenCreateFormProps) {
  const [label, setLabel] = useState('');
  const [days, setDays] = useState('');
  const [daysInvalid, setDaysInvalid] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setError(null);
    const trimmed = days.trim();
    if (trimmed !== '' && !/^\d+$/.test(trimmed)) {
      setDaysInvalid(true);
      return;
    }
    setDaysInvalid(false);
    setBusy(true);
    try {
      const created = await createToken(label.trim(), trimmed === '' ? undefined : Number(trimmed));
      setLabel('');
      setDays('');
      onCreated(created.token, created.secret);
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  }

  const dayErrors = fieldMessages(error, 'expiresInDays');
  return (
    <form className="form-grid" onSubmit={(event) => void handleSubmit(event)} noValidate>
      <TextField
        label={t('tokens.label')}
        hint={t('tokens.labelHint')}
        value={label}
        onChange={setLabel}
        errors={fieldMessages(error, 'label')}
        required
      />
      <TextField
        label={t('tokens.expiresInDays')}
        hint={t('tokens.expiresHint')}
        type="number"
        min={1}
        value={days}
        onChange={setDays}
        errors={daysInvalid ? [t('tokens.daysInvalid'), ...dayErrors] : dayErrors}
      />
      <div className="form-actions">
        <ErrorMessage error={error} fields={FIELDS} />
        <button type="submit" disabled={busy}>
          {busy ? t('tokens.creating') : t('tokens.create')}
        </button>
      </div>
    </form>
  );
}
