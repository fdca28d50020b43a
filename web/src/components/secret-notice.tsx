/** Shows a secret (a generated password or an API token) once, with a copy button. */
import { useState } from 'react';
import { t } from '../strings';

/** Props of SecretNotice. */
export interface SecretNoticeProps {
  readonly title: string;
  readonly secret: string;
  /** Called when the user confirms they saved the secret; the caller then forgets it. */
  readonly onDismiss: () => void;
}

type CopyState = 'idle' | 'copied' | 'failed';

/** A highlighted box with the secret, a note that it will not be shown again, and actions. */
export function SecretNotice({ title, secret, onDismiss }: SecretNoticeProps) {
  const [copy, setCopy] = useState<CopyState>('idle');

  async function handleCopy() {
    try {
      await navigator.clipboard.writeText(secret);
      setCopy('copied');
    } catch {
      setCopy('failed');
    }
  }

  return (
    <div className="secret" role="status">
      <p className="secret-title">{title}</p>
      <p>
        <code className="secret-value">{secret}</code>
      </p>
      <p className="secret-note">{t('secret.note')}</p>
      <div className="button-row">
        <button type="button" className="button-secondary" onClick={() => void handleCopy()}>
          {t('secret.copy')}
        </button>
        <button type="button" onClick={onDismiss}>
          {t('secret.dismiss')}
        </button>
      </div>
      {copy !== 'idle' && (
        <p className="secret-copy-state">
          {copy === 'copied' ? t('secret.copied') : t('secret.copyFailed')}
        </p>
      )}
    </div>
  );
}
