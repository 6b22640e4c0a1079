import { useState } from 'preact/hooks';
import { TOKEN_HOST_NAMES } from '../../lib/auth/names';
import type { AccountView } from '../../lib/auth/view';
import { AuthConfigValueSchema } from '../../lib/db/schemas';
import { t } from '../../lib/i18n/t';
import { sendFromUi } from '../../lib/messages/send-from-ui';

type Props = { view: AccountView; onChange: (view: AccountView) => void };
type Status = { text: string; error: boolean };

function stateText(view: AccountView): Status {
  if (view.state === 'connected')
    return { text: t('optionsAccountConnected', view.userName ?? ''), error: false };
  if (view.state === 'reconnect') return { text: t('optionsAccountRefused', view.error ?? ''), error: true };
  return { text: t('optionsAccountDisconnected'), error: false };
}

/** One token host: its app registration (unless the administrator set it), connect and disconnect. */
export function AccountForm({ view, onChange }: Props) {
  const name = TOKEN_HOST_NAMES[view.host];
  const [clientId, setClientId] = useState(view.clientId ?? '');
  const [tenant, setTenant] = useState(view.tenant ?? '');
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<Status | undefined>();
  const id = (part: string) => `account-${view.host}-${part}`;

  const connect = (event: Event) => {
    event.preventDefault();
    const client = AuthConfigValueSchema.safeParse(clientId);
    const trimmedTenant = tenant.trim();
    const tenantOk = trimmedTenant === '' || AuthConfigValueSchema.safeParse(trimmedTenant).success;
    if (!client.success || !tenantOk) return setStatus({ text: t('optionsAccountInvalid'), error: true });
    setBusy(true);
    setStatus({ text: t('optionsAccountConnecting', name), error: false });
    void sendFromUi({
      type: 'account.connect',
      host: view.host,
      clientId: client.data,
      ...(trimmedTenant ? { tenant: trimmedTenant } : {}),
    })
      .then((result) => {
        if (!result.ok)
          return setStatus({ text: t(result.error.reason, result.error.detail ?? ''), error: true });
        setStatus(undefined);
        onChange(result.value);
      })
      .finally(() => setBusy(false));
  };

  const disconnect = async () => {
    setBusy(true);
    const result = await sendFromUi({ type: 'account.disconnect', host: view.host });
    setBusy(false);
    if (!result.ok)
      return setStatus({ text: t(result.error.reason, result.error.detail ?? ''), error: true });
    setStatus({ text: t('optionsAccountDisconnectedNow', name), error: false });
    onChange(result.value);
  };

  const shown = status ?? stateText(view);
  const connected = view.state === 'connected';
  return (
    <form onSubmit={connect} aria-labelledby={id('heading')} data-host={view.host}>
      <h3 id={id('heading')}>{name}</h3>
      {view.managed && <p class="hint">{t('optionsAccountManaged')}</p>}
      <div class="row">
        <label class="field grow">
          <span>{t('optionsAccountClientId')}</span>
          <input
            type="text"
            value={clientId}
            readOnly={view.managed || connected}
            autoComplete="off"
            spellcheck={false}
            onInput={(event) => setClientId(event.currentTarget.value)}
          />
        </label>
        <label class="field grow">
          <span>{view.host === 'slack' ? t('optionsAccountWorkspace') : t('optionsAccountTenant')}</span>
          <input
            type="text"
            value={tenant}
            readOnly={view.managed || connected}
            autoComplete="off"
            spellcheck={false}
            onInput={(event) => setTenant(event.currentTarget.value)}
          />
        </label>
      </div>
      <div class="row">
        <p class={shown.error ? 'status error grow' : 'status grow'} role="status" id={id('state')}>
          {shown.text}
        </p>
        {connected ? (
          <button
            type="button"
            disabled={busy}
            onClick={() => void disconnect()}
            aria-describedby={id('state')}
          >
            {t('optionsAccountDisconnect', name)}
          </button>
        ) : (
          <button type="submit" class="primary" disabled={busy} aria-describedby={id('state')}>
            {view.state === 'reconnect'
              ? t('optionsAccountReconnect', name)
              : t('optionsAccountConnect', name)}
          </button>
        )}
      </div>
    </form>
  );
}
