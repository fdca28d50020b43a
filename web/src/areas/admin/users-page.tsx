/** User administration: the list of users, inline changes, and the form to add one. */
import { useState } from 'react';
import type { User } from '../../api-types';
import { ErrorMessage } from '../../components/error-message';
import { PageTitle } from '../../components/page-title';
import { SecretNotice } from '../../components/secret-notice';
import { TablePanel } from '../../components/table-panel';
import { listRoles, listUsers } from '../../endpoints';
import { t } from '../../strings';
import { useLoad } from '../../use-load';
import { UserCreateForm } from './user-create-form';
import { UserRow } from './user-row';

const loadUsersAndRoles = () => Promise.all([listUsers(), listRoles()]);

/** Props of UsersPage. */
export interface UsersPageProps {
  /** The signed-in user's name; a change to that user refreshes the session. */
  readonly selfName: string;
  readonly onSelfChanged: () => void;
}

/** The users area, for sessions holding `user.manage`. */
export function UsersPage({ selfName, onSelfChanged }: UsersPageProps) {
  const { data, error, loading, reload } = useLoad(loadUsersAndRoles);
  const [status, setStatus] = useState('');
  const [secret, setSecret] = useState<{ name: string; password: string } | null>(null);

  function handleChanged(user: User) {
    setStatus(t('users.updated', { name: user.name }));
    reload();
    if (user.name === selfName) onSelfChanged();
  }

  function handleCreated(user: User, password: string | null) {
    setStatus(t('userForm.added', { name: user.name }));
    setSecret(password === null ? null : { name: user.name, password });
    reload();
  }

  const users = data?.[0] ?? [];
  const roles = data?.[1] ?? [];
  return (
    <>
      <PageTitle>{t('users.title')}</PageTitle>
      <p className="muted">{t('users.intro')}</p>
      <p className="status-line" role="status">
        {status}
      </p>
      <ErrorMessage error={error} />
      {loading && data === undefined && <p>{t('app.loading')}</p>}
      {data !== undefined && (
        <>
          <TablePanel
            id="users-list-title"
            title={t('users.tableCaption')}
            isEmpty={users.length === 0}
            empty={t('users.empty')}
            columns={[
              t('users.colName'),
              t('users.colRole'),
              t('users.colActor'),
              t('users.colStatus'),
              t('users.colCreated'),
              t('users.colActions'),
            ]}
          >
            {users.map((user) => (
              <UserRow key={user.id} user={user} roles={roles} onChanged={handleChanged} />
            ))}
          </TablePanel>
          <section className="panel" aria-labelledby="users-add-title">
            <h2 id="users-add-title">{t('userForm.title')}</h2>
            {secret !== null && (
              <SecretNotice
                title={t('userForm.generatedTitle', { name: secret.name })}
                secret={secret.password}
                onDismiss={() => setSecret(null)}
              />
            )}
            <UserCreateForm roles={roles} onCreated={handleCreated} />
          </section>
        </>
      )}
    </>
  );
}
