import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { AccountView } from '../../lib/auth/view';
import { t } from '../../lib/i18n/t';
import { sendFromUi } from '../../lib/messages/send-from-ui';
import { AccountForm } from './AccountForm';

/** "Connect account": the hosts Rückenwind reaches with the user's own sign-in (Viva Engage, Slack). */
export function Accounts() {
  const [accounts, setAccounts] = useState<AccountView[]>([]);
  const [error, setError] = useState('');

  useEffect(() => {
    void sendFromUi({ type: 'account.list' }).then((result) =>
      result.ok
        ? setAccounts(result.value.accounts)
        : setError(t(result.error.reason, result.error.detail ?? '')),
    );
  }, []);

  const replace = (view: AccountView) =>
    setAccounts((list) => list.map((account) => (account.host === view.host ? view : account)));

  return (
    <section aria-labelledby="accounts-heading">
      <h2 id="accounts-heading">{t('optionsAccounts')}</h2>
      <p class="hint">{t('optionsAccountsHint')}</p>
      {/* What an administrator registers the app with (Entra: a single-page application; Slack: a redirect URL). */}
      <p class="hint">{t('optionsAccountRedirect', browser.identity.getRedirectURL())}</p>
      {accounts.map((view) => (
        <AccountForm key={view.host} view={view} onChange={replace} />
      ))}
      {error && (
        <p class="status error" role="status">
          {error}
        </p>
      )}
    </section>
  );
}
