/** The form where signed-in users change their own password. */
import { useState, type FormEvent } from 'react';
import { ErrorMessage } from '../../components/error-message';
import { TextField } from '../../components/field';
import { changePassword } from '../../endpoints';
import { fieldMessages } from '../../error-details';
import { t } from '../../strings';

const FIELDS = ['currentPassword', 'newPassword'];

/** Props of PasswordForm. */
export interface PasswordFormProps {
  /** The signed-in user's name, given to password managers alongside the new password. */
  readonly userName: string;
  /** Called after the change; the server has then ended every session of the user. */
  readonly onChanged: () => void;
}

/** Current password, new password twice; the two new ones must match before anything is sent. */
export function PasswordForm({ userName, onChanged }: PasswordFormProps) {
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [repeat, setRepeat] = useState('');
  const [mismatch, setMismatch] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setError(null);
    if (next !== repeat) {
      setMismatch(true);
      return;
    }
    setMismatch(false);
    setBusy(true);
    try {
      await changePassword(current, next);
      onChanged();
    } catch (failure) {
      setBusy(false);
      setError(failure);
    }
  }

  return (
    <form className="form-grid" onSubmit={(event) => void handleSubmit(event)} noValidate>
      <input type="text" name="username" autoComplete="username" value={userName} readOnly hidden />
      <TextField
        label={t('password.current')}
        type="password"
        value={current}
        onChange={setCurrent}
        autoComplete="current-password"
        errors={fieldMessages(error, 'currentPassword')}
        required
      />
      <TextField
        label={t('password.new')}
        hint={t('password.newHint')}
        type="password"
        value={next}
        onChange={setNext}
        autoComplete="new-password"
        errors={fieldMessages(error, 'newPassword')}
        required
      />
      <TextField
        label={t('password.repeat')}
        type="password"
        value={repeat}
        onChange={setRepeat}
        autoComplete="new-password"
        errors={mismatch ? [t('password.mismatch')] : []}
        required
      />
      <div className="form-actions">
        <ErrorMessage error={error} fields={FIELDS} />
        <button type="submit" disabled={busy}>
          {busy ? t('password.submitting') : t('password.submit')}
        </button>
      </div>
    </form>
  );
}
