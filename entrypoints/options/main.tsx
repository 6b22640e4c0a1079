import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { Accounts } from '../../components/options/Accounts';
import { History } from '../../components/options/History';
import { IntranetList } from '../../components/options/IntranetList';
import { Preferences } from '../../components/options/Preferences';
import { TaughtSites } from '../../components/options/TaughtSites';
import { YourData } from '../../components/options/YourData';
import { openDatabase } from '../../lib/db/database';
import type { Intranet, Settings } from '../../lib/db/schemas';
import { setAddressForm, t } from '../../lib/i18n/t';
import { readSettings } from '../../lib/settings/settings';

// Reading is allowed outside the background; every change goes through it.
const db = openDatabase();

function Options({ initial }: { initial: Settings }) {
  const [intranets, setIntranets] = useState<Intranet[]>([]);
  const [settings, setSettings] = useState(initial);
  const loadIntranets = () => void db.intranets.toArray().then(setIntranets);
  useEffect(loadIntranets, []);
  // After an import or "delete all", every section shows the database afresh.
  const [generation, setGeneration] = useState(0);
  const reloadAll = () =>
    void readSettings(db).then((next) => {
      setAddressForm(next.addressForm);
      setSettings(next);
      loadIntranets();
      setGeneration((n) => n + 1);
    });

  return (
    <main>
      <h1>{t('optionsTitle')}</h1>
      <IntranetList intranets={intranets} onChange={loadIntranets} />
      <TaughtSites key={generation} db={db} onChange={loadIntranets} />
      <Accounts key={generation} />
      <Preferences key={generation} settings={settings} onChange={setSettings} />
      <History key={generation} db={db} />
      <YourData db={db} onChange={reloadAll} />
    </main>
  );
}

document.documentElement.lang = browser.i18n.getUILanguage();
document.title = t('optionsTitle');
const app = document.getElementById('app');
if (app) {
  void readSettings(db).then((settings) => {
    setAddressForm(settings.addressForm);
    render(<Options initial={settings} />, app);
  });
}
