/** One row of the users table, with inline role change and disable/enable. */
import { useState } from 'react';
import { GUARANTOR_ROLE, type RoleInfo, type User } from '../../api-types';
import { DateTime } from '../../components/date-time';
import { ErrorMessage } from '../../components/error-message';
import { updateUser } from '../../endpoints';
import { formatDate } from '../../format';
import { t } from '../../strings';

/** Props of UserRow. */
export interface UserRowProps {
  readonly user: User;
  readonly roles: readonly RoleInfo[];
  /** Called with the user as the server now has it. */
  readonly onChanged: (user: User) => void;
}

/** A table row: name, role selector, actor, status, creation date and actions. */
export function UserRow({ user, roles, onChanged }: UserRowProps) {
  const [role, setRole] = useState<string>(user.role);
  const [actor, setActor] = useState(user.actor ?? '');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const isGuarantor = role === GUARANTOR_ROLE;
  const nextActor = isGuarantor ? actor.trim() || null : null;
  const dirty = role !== user.role || nextActor !== user.actor;

  async function change(run: () => Promise<User>) {
    setBusy(true);
    setError(null);
    try {
      const updated = await run();
      setRole(updated.role);
      setActor(updated.actor ?? '');
      onChanged(updated);
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  }

  const saveRole = () => change(() => updateUser(user.name, { role, actor: nextActor }));
  const toggle = () => change(() => updateUser(user.name, { disabled: user.disabledAt === null }));
  const disabled = user.disabledAt !== null;

  return (
    <>
      <tr className={disabled ? 'row-disabled' : undefined}>
        <th scope="row">{user.name}</th>
        <td>
          <select
            aria-label={t('users.roleFor', { name: user.name })}
            value={role}
            onChange={(event) => setRole(event.target.value)}
            disabled={busy}
          >
            {roles.map((r) => (
              <option key={r.role} value={r.role}>
                {r.role}
              </option>
            ))}
          </select>
        </td>
        <td>
          {isGuarantor ? (
            <input
              className="input-compact"
              aria-label={t('users.actorFor', { name: user.name })}
              value={actor}
              onChange={(event) => setActor(event.target.value)}
              disabled={busy}
              spellCheck={false}
            />
          ) : (
            t('users.noActor')
          )}
        </td>
        <td>
          {disabled ? (
            <span className="status status-off">
              {t('users.disabledSince', { date: formatDate(user.disabledAt) })}
            </span>
          ) : (
            <span className="status status-on">{t('users.enabled')}</span>
          )}
        </td>
        <td>
          <DateTime iso={user.createdAt} empty={t('time.none')} dateOnly />
        </td>
        <td>
          <div className="actions">
            <button
              type="button"
              className="button-small"
              onClick={() => void saveRole()}
              disabled={!dirty || busy}
              aria-label={t('users.saveRoleFor', { name: user.name })}
            >
              {t('users.saveRole')}
            </button>
            <button
              type="button"
              className={disabled ? 'button-small button-secondary' : 'button-small button-danger'}
              onClick={() => void toggle()}
              disabled={busy}
              aria-label={t(disabled ? 'users.enableFor' : 'users.disableFor', { name: user.name })}
            >
              {t(disabled ? 'users.enable' : 'users.disable')}
            </button>
          </div>
        </td>
      </tr>
      {error !== null && (
        <tr className="row-error">
          <td colSpan={6}>
            <ErrorMessage error={error} />
          </td>
        </tr>
      )}
    </>
  );
}
