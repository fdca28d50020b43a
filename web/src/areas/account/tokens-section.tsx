/** The signed-in user's API tokens: list, create (secret shown once) and revoke. */
import { useState } from 'react';
import type { Token } from '../../api-types';
import { DataTable } from '../../components/data-table';
import { DateTime } from '../../components/date-time';
import { ErrorMessage } from '../../components/error-message';
import { SecretNotice } from '../../components/secret-notice';
import { listTokens, revokeToken } from '../../endpoints';
import { formatDateTime } from '../../format';
import { t } from '../../strings';
import { useLoad } from '../../use-load';
import { TokenCreateForm } from './token-create-form';

function tokenStatus(token: Token): string {
  if (token.revokedAt !== null)
    return t('tokens.revokedOn', { date: formatDateTime(token.revokedAt) });
  if (token.expiresAt !== null && Date.parse(token.expiresAt) <= Date.now())
    return t('tokens.expired');
  return t('tokens.active');
}

/** The API tokens section of the account page. */
export function TokensSection() {
  const { data: tokens, error: loadError, loading, reload } = useLoad(listTokens);
  const [status, setStatus] = useState('');
  const [actionError, setActionError] = useState<unknown>(null);
  const [busyId, setBusyId] = useState<string | null>(null);
  const [secret, setSecret] = useState<{ label: string; secret: string } | null>(null);

  async function handleRevoke(token: Token) {
    setBusyId(token.id);
    setActionError(null);
    try {
      await revokeToken(token.id);
      setStatus(t('tokens.revoked', { label: token.label }));
      reload();
    } catch (failure) {
      setActionError(failure);
    } finally {
      setBusyId(null);
    }
  }

  function handleCreated(token: Token, value: string) {
    setSecret({ label: token.label, secret: value });
    reload();
  }

  return (
    <section className="panel" aria-labelledby="tokens-title">
      <h2 id="tokens-title">{t('tokens.title')}</h2>
      <p className="muted">{t('tokens.intro')}</p>
      <p className="status-line" role="status">
        {status}
      </p>
      <ErrorMessage error={loadError ?? actionError} />
      {loading && tokens === undefined && <p>{t('app.loading')}</p>}
      {tokens !== undefined && tokens.length === 0 && <p>{t('tokens.empty')}</p>}
      {tokens !== undefined && tokens.length > 0 && (
        <DataTable
          label={t('tokens.tableCaption')}
          columns={[
            t('tokens.colLabel'),
            t('tokens.colCreated'),
            t('tokens.colExpires'),
            t('tokens.colLastUsed'),
            t('tokens.colStatus'),
            t('tokens.colActions'),
          ]}
        >
          {tokens.map((token) => (
            <tr key={token.id} className={token.revokedAt === null ? undefined : 'row-disabled'}>
              <th scope="row">{token.label}</th>
              <td>
                <DateTime iso={token.createdAt} empty={t('time.none')} />
              </td>
              <td>
                <DateTime iso={token.expiresAt} empty={t('tokens.noExpiry')} />
              </td>
              <td>
                <DateTime iso={token.lastUsedAt} empty={t('tokens.never')} />
              </td>
              <td>{tokenStatus(token)}</td>
              <td>
                <button
                  type="button"
                  className="button-small button-danger"
                  disabled={token.revokedAt !== null || busyId === token.id}
                  onClick={() => void handleRevoke(token)}
                  aria-label={t('tokens.revokeFor', { label: token.label })}
                >
                  {t('tokens.revoke')}
                </button>
              </td>
            </tr>
          ))}
        </DataTable>
      )}
      <h3>{t('tokens.createTitle')}</h3>
      {secret !== null && (
        <SecretNotice
          title={t('tokens.secretTitle', { label: secret.label })}
          secret={secret.secret}
          onDismiss={() => setSecret(null)}
        />
      )}
      <TokenCreateForm onCreated={handleCreated} />
    </section>
  );
}
