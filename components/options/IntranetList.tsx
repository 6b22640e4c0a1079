import { useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { type HostId, type Intranet, OriginSchema } from '../../lib/db/schemas';
import { t } from '../../lib/i18n/t';
import { sendFromUi } from '../../lib/messages/send-from-ui';

/** The self-hosted kinds a user can add by address; SaaS hosts are built in. */
const ADDABLE: Array<{ host: HostId; name: string }> = [
  { host: 'wordpress', name: 'WordPress' },
  { host: 'mediawiki', name: 'MediaWiki' },
  { host: 'connections', name: 'HCL Connections' },
  { host: 'confluence', name: 'Confluence (Data Center)' },
  { host: 'discourse', name: 'Discourse' },
  { host: 'mattermost', name: 'Mattermost' },
];

type Props = { intranets: Intranet[]; onChange: () => void };

/** The intranets Rückenwind knows: switch each on or off, remove the ones the user added, add more. */
export function IntranetList({ intranets, onChange }: Props) {
  const [address, setAddress] = useState('');
  const [host, setHost] = useState<HostId>('wordpress');
  const [status, setStatus] = useState<{ text: string; error: boolean }>({ text: '', error: false });

  const report = (text: string, error = false) => setStatus({ text, error });

  const toggle = async (intranet: Intranet, enabled: boolean) => {
    const result = await sendFromUi({ type: 'intranet.setEnabled', origin: intranet.origin, enabled });
    if (!result.ok) report(t(result.error.reason, result.error.detail ?? ''), true);
    onChange();
  };
  const remove = async (intranet: Intranet) => {
    const result = await sendFromUi({ type: 'intranet.remove', origin: intranet.origin });
    if (!result.ok) report(t(result.error.reason, result.error.detail ?? ''), true);
    onChange();
  };

  const add = (event: Event) => {
    event.preventDefault();
    let origin: string;
    try {
      origin = new URL(address.trim()).origin;
    } catch {
      return report(t('optionsInvalidAddress'), true);
    }
    if (!OriginSchema.safeParse(origin).success) return report(t('optionsInvalidAddress'), true);
    const name = ADDABLE.find((kind) => kind.host === host)?.name ?? host;
    // Requested first thing in the submit handler: browsers only ask within a user gesture.
    void browser.permissions.request({ origins: [`${origin}/*`] }).then(async (granted) => {
      if (!granted) return report(t('popupPermissionDenied'), true);
      const result = await sendFromUi({ type: 'intranet.add', origin, host, name });
      if (!result.ok) return report(t(result.error.reason, result.error.detail ?? ''), true);
      setAddress('');
      report(t('optionsAdded', origin));
      onChange();
    });
  };

  return (
    <section aria-labelledby="intranets-heading">
      <h2 id="intranets-heading">{t('optionsIntranets')}</h2>
      <p class="hint">{t('optionsIntranetsHint')}</p>
      <ul class="list">
        {intranets.map((intranet) => (
          <li key={intranet.origin}>
            <input
              type="checkbox"
              id={`on-${intranet.origin}`}
              checked={intranet.enabled}
              onChange={(event) => void toggle(intranet, event.currentTarget.checked)}
              aria-label={t('optionsIntranetOn', intranet.origin)}
            />
            <label class="grow" for={`on-${intranet.origin}`}>
              {intranet.name} <span class="muted">{intranet.origin}</span>
              {intranet.source === 'builtin' && <span class="muted"> · {t('optionsBuiltin')}</span>}
            </label>
            {intranet.source !== 'builtin' && (
              <button
                type="button"
                onClick={() => void remove(intranet)}
                aria-label={t('optionsRemove', intranet.origin)}
              >
                ×
              </button>
            )}
          </li>
        ))}
      </ul>
      <form onSubmit={add} aria-labelledby="add-heading">
        <h3 id="add-heading" class="muted">
          {t('optionsAddIntranet')}
        </h3>
        <div class="row">
          <label class="field grow">
            <span>{t('optionsAddress')}</span>
            <input
              type="url"
              value={address}
              placeholder={t('optionsAddressHint')}
              onInput={(event) => setAddress(event.currentTarget.value)}
            />
          </label>
          <label class="field">
            <span>{t('optionsKind')}</span>
            <select value={host} onChange={(event) => setHost(event.currentTarget.value as HostId)}>
              {ADDABLE.map((kind) => (
                <option key={kind.host} value={kind.host}>
                  {kind.name}
                </option>
              ))}
            </select>
          </label>
          <button type="submit" class="primary">
            {t('optionsAdd')}
          </button>
        </div>
      </form>
      <p class={status.error ? 'status error' : 'status'} role="status">
        {status.text}
      </p>
    </section>
  );
}
