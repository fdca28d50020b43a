/** The form that adds a user: name, role, actor (guarantors only) and an optional password. */
import { useState, type FormEvent } from 'react';
import { GUARANTOR_ROLE, type NewUser, type RoleInfo, type User } from '../../api-types';
import { ErrorMessage } from '../../components/error-message';
import { SelectField, TextField } from '../../components/field';
import { addUser } from '../../endpoints';
import { fieldMessages } from '../../error-details';
import { t } from '../../strings';

const FIELDS = ['name', 'role', 'actor', 'password'];

/** Props of UserCreateForm. */
export interface UserCreateFormProps {
  readonly roles: readonly RoleInfo[];
  /** Called with the new user and, when the server generated one, its password. */
  readonly onCreated: (user: User, generatedPassword: string | null) => void;
}

function initialRole(roles: readonly RoleInfo[]): string {
  return roles.find((r) => r.role === 'viewer')?.role ?? roles[0]?.role ?? '';
}

/** Adds a user; shows the server's message and field details when it refuses. */
export function UserCreateForm({ roles, onCreated }: UserCreateFormProps) {
  const [name, setName] = useState('');
  const [role, setRole] = useState(() => initialRole(roles));
  const [actor, setActor] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const isGuarantor = role === GUARANTOR_ROLE;

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const input: NewUser = {
      name: name.trim(),
      role,
      actor: isGuarantor ? actor.trim() || null : null,
      ...(password === '' ? {} : { password }),
    };
    setBusy(true);
    setError(null);
    try {
      const created = await addUser(input);
      setName('');
      setActor('');
      setPassword('');
      onCreated(created.user, created.password ?? null);
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  }

  const description = roles.find((r) => r.role === role)?.description;
  return (
    <form className="form-grid" onSubmit={(event) => void handleSubmit(event)} noValidate>
      <TextField
        label={t('userForm.name')}
        hint={t('userForm.nameHint')}
        value={name}
        onChange={setName}
        errors={fieldMessages(error, 'name')}
        required
      />
      <SelectField
        label={t('userForm.role')}
        hint={description}
        value={role}
        onChange={setRole}
        options={roles.map((r) => ({ value: r.role, label: r.role }))}
        errors={fieldMessages(error, 'role')}
      />
      {isGuarantor && (
        <TextField
          label={t('userForm.actor')}
          hint={t('userForm.actorHint')}
          value={actor}
          onChange={setActor}
          errors={fieldMessages(error, 'actor')}
          required
        />
      )}
      <TextField
        label={t('userForm.password')}
        hint={t('userForm.passwordHint')}
        type="password"
        value={password}
        onChange={setPassword}
        autoComplete="new-password"
        errors={fieldMessages(error, 'password')}
      />
      <div className="form-actions">
        <ErrorMessage
          error={error}
          fields={isGuarantor ? FIELDS : FIELDS.filter((f) => f !== 'actor')}
        />
        <button type="submit" disabled={busy}>
          {busy ? t('userForm.submitting') : t('userForm.submit')}
        </button>
      </div>
    </form>
  );
}
