/** The sign-in page: user name, password, and a clear message when sign-in fails. */
import { useRef, useState, type FormEvent } from 'react';
import { ApiError } from '../../api';
import type { Instance, Session } from '../../api-types';
import { DemoBanner } from '../../components/demo-banner';
import { ErrorMessage } from '../../components/error-message';
import { TextField } from '../../components/field';
import { PageTitle } from '../../components/page-title';
import { signIn } from '../../endpoints';
import { DisplayError } from '../../error-details';
import { formatWait } from '../../format';
import { t, type MessageId } from '../../strings';

/** Props of LoginPage. */
export interface LoginPageProps {
  readonly instance: Instance;
  /** Why the user is here (logged out, session ended, password changed), if known. */
  readonly notice: MessageId | null;
  readonly onSignedIn: (session: Session) => void;
}

/** Turns a refused sign-in into what to show; rate limits get their own wording. */
function describeFailure(error: unknown): unknown {
  if (!(error instanceof ApiError) || error.code !== 'RATE_LIMITED') return error;
  const fromMessage = /(\d+)\s*s(ec(ond)?s?)?\b/.exec(error.message)?.[1];
  const seconds =
    error.retryAfterSeconds ?? (fromMessage === undefined ? null : Number(fromMessage));
  return new DisplayError(
    seconds === null ? t('login.tooManyNoTime') : t('login.tooMany', { wait: formatWait(seconds) }),
  );
}

/** The sign-in form, with the demo banner on demo instances. */
export function LoginPage({ instance, notice, onSignedIn }: LoginPageProps) {
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (username.trim() === '' || password === '') {
      setError(new DisplayError(t('login.required')));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      onSignedIn(await signIn(username.trim(), password));
    } catch (failure) {
      setBusy(false);
      setPassword('');
      setError(describeFailure(failure));
      formRef.current?.querySelector<HTMLInputElement>('input[type="password"]')?.focus();
    }
  }

  return (
    <div className="login-layout">
      {instance.demo && <DemoBanner />}
      <main id="main" className="login-main">
        <div className="login-card">
          <p className="brand brand-large">{t('app.name')}</p>
          <PageTitle>{t('login.title')}</PageTitle>
          <p className="muted">{t('login.intro')}</p>
          {notice !== null && (
            <p className="alert alert-info" role="status">
              {t(notice)}
            </p>
          )}
          <form ref={formRef} onSubmit={(event) => void handleSubmit(event)} noValidate>
            <TextField
              label={t('login.username')}
              name="username"
              value={username}
              onChange={setUsername}
              autoComplete="username"
              required
            />
            <TextField
              label={t('login.password')}
              name="password"
              type="password"
              value={password}
              onChange={setPassword}
              autoComplete="current-password"
              required
            />
            <ErrorMessage error={error} />
            <button type="submit" className="button-wide" disabled={busy}>
              {busy ? t('login.submitting') : t('login.submit')}
            </button>
          </form>
        </div>
      </main>
      <footer className="app-footer">{t('app.version', { version: instance.version })}</footer>
    </div>
  );
}
