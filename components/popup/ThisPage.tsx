import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { RueckenwindDb } from '../../lib/db/database';
import { findEnabledIntranet } from '../../lib/db/reads';
import type { Intranet } from '../../lib/db/schemas';
import { type PageInspection, PageInspectionSchema } from '../../lib/hosts/inspect';
import { t } from '../../lib/i18n/t';
import { sendFromUi } from '../../lib/messages/send-from-ui';

type Props = { db: RueckenwindDb; tabId: number };
type Inspection = PageInspection | 'unavailable' | undefined;

async function inspect(tabId: number): Promise<Inspection> {
  try {
    const [frame] = await browser.scripting.executeScript({ target: { tabId }, files: ['/inspect-page.js'] });
    const parsed = PageInspectionSchema.safeParse(frame?.result);
    return parsed.success ? parsed.data : 'unavailable';
  } catch {
    return 'unavailable';
  }
}

/**
 * "Check this page": which adapter recognises the current tab, what it finds there, which of its
 * selectors find nothing, and the switch that turns Rückenwind on or off for the site.
 */
export function ThisPage({ db, tabId }: Props) {
  const [inspection, setInspection] = useState<Inspection>();
  const [intranet, setIntranet] = useState<Intranet | undefined>();
  const [notice, setNotice] = useState('');

  const refresh = async () => {
    const found = await inspect(tabId);
    setInspection(found);
    if (found !== 'unavailable' && found) setIntranet(await findEnabledIntranet(db, found.origin));
  };
  useEffect(() => {
    void refresh();
  }, [tabId]);

  if (inspection === undefined) return <p aria-busy="true">{t('popupLoading')}</p>;
  if (inspection === 'unavailable') return <p>{t('popupCannotInspect')}</p>;
  const { origin, adapter } = inspection;
  // On means: enabled for the adapter that recognises the page. A page no adapter recognises is on
  // only through its own entry: loopback's built-in any-port entry is the demo's, not this page's.
  const on =
    intranet !== undefined && (adapter === undefined ? !intranet.anyPort : intranet.host === adapter.id);
  // Any site no adapter knows can be taught, and a taught one taught again; a site that an adapter
  // was enabled for is left to that adapter.
  const teachable = adapter
    ? adapter.id === 'generic'
    : intranet === undefined || intranet.host === 'generic' || intranet.anyPort;

  const enable = () => {
    if (!adapter) return;
    // Requested first thing in the click handler: browsers only ask within a user gesture.
    void browser.permissions.request({ origins: [`${origin}/*`] }).then(async (granted) => {
      if (!granted) return setNotice(t('popupPermissionDenied'));
      const result = await sendFromUi({ type: 'intranet.add', origin, host: adapter.id, name: adapter.name });
      setNotice(result.ok ? t('popupSiteOn', origin) : t(result.error.reason, result.error.detail ?? ''));
      await refresh();
    });
  };
  const teach = () => {
    // Requested first thing in the click handler: browsers only ask within a user gesture. The popup
    // closes as soon as the user clicks the page; the background and the picker carry on without it.
    void browser.permissions.request({ origins: [`${origin}/*`] }).then(async (granted) => {
      if (!granted) return setNotice(t('popupPermissionDenied'));
      const result = await sendFromUi({ type: 'teach.start', tabId, origin });
      setNotice(result.ok ? t('popupTeachStarted') : t(result.error.reason, result.error.detail ?? ''));
    });
  };
  const disable = async () => {
    if (!intranet || !on) return;
    const result = await sendFromUi({ type: 'intranet.setEnabled', origin: intranet.origin, enabled: false });
    setNotice(result.ok ? t('popupSiteOff', origin) : t(result.error.reason, result.error.detail ?? ''));
    await refresh();
  };

  return (
    <section class="this-page" aria-labelledby="this-page-heading">
      <h2 id="this-page-heading">{t('popupThisPage')}</h2>
      {adapter ? (
        <>
          <p>{t('popupRecognised', adapter.name)}</p>
          <ul class="facts">
            <li>{t('popupPostsFound', String(inspection.posts))}</li>
            <li>{t('popupAuthorsFound', String(inspection.authors))}</li>
            <li>
              {inspection.emptySelectors.length > 0
                ? t('popupEmptySelectors', inspection.emptySelectors.join(', '))
                : t('popupAllSelectorsMatched')}
            </li>
          </ul>
        </>
      ) : (
        <p>{t('popupNotRecognised')}</p>
      )}
      <p>{on ? t('popupSiteOn', origin) : t('popupSiteOff', origin)}</p>
      <div class="row">
        {on ? (
          <button type="button" onClick={disable}>
            {t('popupDisableSite')}
          </button>
        ) : (
          adapter && (
            <button type="button" class="primary" onClick={enable}>
              {t('popupEnableSite')}
            </button>
          )
        )}
        {teachable && (
          <button type="button" class={adapter ? undefined : 'primary'} onClick={teach}>
            {adapter ? t('popupTeachAgain') : t('popupTeachSite')}
          </button>
        )}
        <button type="button" onClick={() => void refresh()}>
          {t('popupCheckAgain')}
        </button>
      </div>
      <p role="status">{notice}</p>
    </section>
  );
}
