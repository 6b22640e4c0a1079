import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { CircleForm } from '../../components/circle/CircleForm';
import { CircleProgress } from '../../components/circle/CircleProgress';
import { GoalEditor } from '../../components/circle/GoalEditor';
import { RelationshipList } from '../../components/circle/RelationshipList';
import { failureStatus, NO_STATUS, type Status } from '../../components/circle/status';
import { WeekPrompt } from '../../components/circle/WeekPrompt';
import { openDatabase } from '../../lib/db/database';
import { dayKeyOf } from '../../lib/db/day-key';
import { findEnabledIntranet } from '../../lib/db/reads';
import type { Circle, Relationship, WeeklyLog } from '../../lib/db/schemas';
import { setAddressForm, t } from '../../lib/i18n/t';
import { sendFromUi } from '../../lib/messages/send-from-ui';
import { readSettings } from '../../lib/settings/settings';

// Reading is allowed outside the background; every change goes through it.
const db = openDatabase();

type Loaded = { circles: Circle[]; relationships: Relationship[]; logs: WeeklyLog[] };

async function load(circleId: string | undefined): Promise<Loaded> {
  const circles = (await db.circles.toArray()).sort((a, b) => b.createdAt - a.createdAt);
  const id = circleId ?? circles[0]?.id;
  if (id === undefined) return { circles, relationships: [], logs: [] };
  const [relationships, logs] = await Promise.all([
    db.relationships.where('circleId').equals(id).sortBy('createdAt'),
    db.weeklyLogs.where('circleId').equals(id).toArray(),
  ]);
  return { circles, relationships, logs };
}

const findIntranet = (url: string) => findEnabledIntranet(db, url);

/** The WOL circle companion: one circle's 12 weeks, its goal, relationship list and progress. */
function Companion() {
  const [selected, setSelected] = useState<string | undefined>(
    new URLSearchParams(location.search).get('id') ?? undefined,
  );
  const [data, setData] = useState<Loaded | undefined>();
  const [mode, setMode] = useState<'view' | 'new' | 'edit'>('view');
  const [status, setStatus] = useState<Status>(NO_STATUS);
  const now = Date.now();
  const today = dayKeyOf(now);
  const reload = () => void load(selected).then(setData);
  useEffect(reload, [selected]);

  if (!data) return <p aria-busy="true">{t('popupLoading')}</p>;
  const circle = data.circles.find((entry) => entry.id === selected) ?? data.circles[0];

  const saved = (id: string) => {
    setMode('view');
    setSelected(id);
    void load(id).then(setData);
  };
  const remove = async (target: Circle) => {
    if (!confirm(t('circleDeleteConfirm', target.name))) return;
    const result = await sendFromUi({ type: 'circle.delete', id: target.id });
    if (!result.ok) return setStatus(failureStatus(result));
    setStatus({ text: t('circleDeleted', target.name), error: false });
    setSelected(undefined);
    void load(undefined).then(setData);
  };

  if (!circle || mode === 'new') {
    return (
      <>
        {!circle && <p class="hint">{t('circleIntro')}</p>}
        <section>
          <CircleForm
            circle={undefined}
            findIntranet={findIntranet}
            today={today}
            onSaved={saved}
            onCancel={circle ? () => setMode('view') : undefined}
          />
        </section>
      </>
    );
  }

  return (
    <>
      <div class="circle-picker">
        {data.circles.length > 1 && (
          <label class="field">
            <span>{t('circlePick')}</span>
            <select value={circle.id} onChange={(e) => setSelected(e.currentTarget.value)}>
              {data.circles.map((entry) => (
                <option key={entry.id} value={entry.id}>
                  {entry.name}
                </option>
              ))}
            </select>
          </label>
        )}
        <button type="button" onClick={() => setMode('new')}>
          {t('circleNewButton')}
        </button>
      </div>
      <h2 class="circle-name">{circle.name}</h2>
      <WeekPrompt startDate={circle.startDate} today={today} />
      <section>
        <GoalEditor key={circle.id} circle={circle} onSaved={reload} />
      </section>
      <RelationshipList circleId={circle.id} relationships={data.relationships} now={now} onChange={reload} />
      <CircleProgress circle={circle} logs={data.logs} />
      <section>
        {mode === 'edit' ? (
          <CircleForm
            key={circle.id}
            circle={circle}
            findIntranet={findIntranet}
            today={today}
            onSaved={saved}
            onCancel={() => setMode('view')}
          />
        ) : (
          <div class="row">
            <button type="button" onClick={() => setMode('edit')}>
              {t('circleEditButton')}
            </button>
            <button type="button" onClick={() => void remove(circle)}>
              {t('circleDeleteButton')}
            </button>
          </div>
        )}
        <p class={status.error ? 'status error' : 'status'} role={status.error ? 'alert' : 'status'}>
          {status.text}
        </p>
      </section>
    </>
  );
}

document.documentElement.lang = browser.i18n.getUILanguage();
document.title = t('circleTitle');
const app = document.getElementById('app');
if (app) {
  void readSettings(db).then((settings) => {
    setAddressForm(settings.addressForm);
    render(
      <main>
        <h1>{t('circleTitle')}</h1>
        <Companion />
      </main>,
      app,
    );
  });
}
