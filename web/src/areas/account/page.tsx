/** The account area: the signed-in user's API tokens and password. */
import { PageTitle } from '../../components/page-title';
import { t } from '../../strings';
import { PasswordForm } from './password-form';
import { TokensSection } from './tokens-section';

/** Props of AccountPage. */
export interface AccountPageProps {
  readonly userName: string;
  /** Called after a password change, which ends all of the user's sessions. */
  readonly onPasswordChanged: () => void;
}

/** Everyone's own page: API tokens, then the password change form. */
export function AccountPage({ userName, onPasswordChanged }: AccountPageProps) {
  return (
    <>
      <PageTitle>{t('account.title')}</PageTitle>
      <p className="muted">{t('account.intro')}</p>
      <TokensSection />
      <section className="panel" aria-labelledby="password-title">
        <h2 id="password-title">{t('password.title')}</h2>
        <PasswordForm userName={userName} onChanged={onPasswordChanged} />
      </section>
    </>
  );
}
