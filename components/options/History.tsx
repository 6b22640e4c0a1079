import { useEffect, useRef, useState } from 'preact/hooks';
import type { RueckenwindDb } from '../../lib/db/database';
import { describeEntry } from '../../lib/history/describe';
import {
  HISTORY_KINDS,
  type HistoryCursor,
  type HistoryEntry,
  type HistoryKind,
  readHistoryPage,
} from '../../lib/history/read-history';
import { type MessageKey, t } from '../../lib/i18n/t';
import { sendFromUi } from '../../lib/messages/send-from-ui';
import type { UiToBackground } from '../../lib/messages/ui-to-background';

const PAGE_SIZE = 25;

type Filter = 'all' | HistoryKind;
const FILTERS: Array<[Filter, MessageKey]> = [
  ['all', 'historyKindAll'],
  ['given', 'historyKindGiven'],
  ['received', 'historyKindReceived'],
  ['wolPost', 'historyKindWolPost'],
  ['weeklyLog', 'historyKindWeeklyLog'],
];

const keyOf = (entry: HistoryEntry) => `${entry.kind}:${entry.record.id}`;
const kindsOf = (filter: Filter): readonly HistoryKind[] => (filter === 'all' ? HISTORY_KINDS : [filter]);

function deleteMessage(entry: HistoryEntry): UiToBackground {
  const id = entry.record.id;
  switch (entry.kind) {
    case 'given':
    case 'received':
      return { type: 'recognition.delete', id };
    case 'wolPost':
      return { type: 'wolPost.delete', id };
    case 'weeklyLog':
      return { type: 'weeklyLog.delete', id };
  }
}

/** Where focus goes after the list changed: an entry (its Delete button, or the entry itself), or the heading. */
type FocusTarget = { key: string; on: 'delete' | 'entry' | 'confirm' } | 'heading';

/**
 * The user's own records, newest first, a page at a time, each with a Delete that asks once more in
 * place ("Confirm delete", focused; Escape or Cancel keeps the record). Reading happens here; deleting
 * goes through the background, the only writer.
 */
export function History({ db }: { db: RueckenwindDb }) {
  const [filter, setFilter] = useState<Filter>('all');
  const [entries, setEntries] = useState<HistoryEntry[] | undefined>();
  const [next, setNext] = useState<HistoryCursor | undefined>();
  const [confirming, setConfirming] = useState<string | undefined>();
  const [announcement, setAnnouncement] = useState<{ text: string; error: boolean }>({
    text: '',
    error: false,
  });
  const focusTarget = useRef<FocusTarget | undefined>(undefined);
  const list = useRef<HTMLOListElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    let current = true;
    void readHistoryPage(db, kindsOf(filter), undefined, PAGE_SIZE).then((page) => {
      if (!current) return;
      setEntries(page.entries);
      setNext(page.next);
    });
    return () => {
      current = false;
    };
  }, [db, filter]);

  useEffect(() => {
    const target = focusTarget.current;
    if (!target) return;
    focusTarget.current = undefined;
    if (target === 'heading') return heading.current?.focus();
    const item = list.current?.querySelector<HTMLElement>(`[data-entry="${CSS.escape(target.key)}"]`);
    const inner =
      target.on === 'entry' ? item : item?.querySelector<HTMLElement>(`[data-action="${target.on}"]`);
    inner?.focus();
  });

  const showMore = async () => {
    if (!next) return;
    const page = await readHistoryPage(db, kindsOf(filter), next, PAGE_SIZE);
    const first = page.entries[0];
    if (first) focusTarget.current = { key: keyOf(first), on: 'entry' };
    setEntries((shown = []) => [...shown, ...page.entries]);
    setNext(page.next);
    setAnnouncement({ text: t('historyShownMore', String(page.entries.length)), error: false });
  };

  const askToDelete = (entry: HistoryEntry) => {
    focusTarget.current = { key: keyOf(entry), on: 'confirm' };
    setConfirming(keyOf(entry));
  };

  const keep = (entry: HistoryEntry) => {
    focusTarget.current = { key: keyOf(entry), on: 'delete' };
    setConfirming(undefined);
  };

  const remove = async (entry: HistoryEntry) => {
    const what = describeEntry(entry).what;
    const result = await sendFromUi(deleteMessage(entry));
    setConfirming(undefined);
    if (!result.ok) {
      focusTarget.current = { key: keyOf(entry), on: 'delete' };
      setAnnouncement({ text: t(result.error.reason, result.error.detail ?? ''), error: true });
      return;
    }
    setEntries((shown = []) => {
      const index = shown.findIndex((other) => keyOf(other) === keyOf(entry));
      const remaining = shown.filter((other) => keyOf(other) !== keyOf(entry));
      // Focus stays where the user was: on the next entry's Delete, or the one before when it was the last.
      const neighbour = remaining[Math.min(index, remaining.length - 1)];
      focusTarget.current = neighbour ? { key: keyOf(neighbour), on: 'delete' } : 'heading';
      return remaining;
    });
    setAnnouncement({ text: t('historyDeleted', what), error: false });
  };

  return (
    <section aria-labelledby="history-heading" class="history">
      <h2 id="history-heading" ref={heading} tabIndex={-1}>
        {t('historyHeading')}
      </h2>
      <p class="hint">{t('historyHint')}</p>
      <label class="field">
        <span>{t('historyFilter')}</span>
        <select
          value={filter}
          onChange={(event) => {
            setConfirming(undefined);
            setFilter(event.currentTarget.value as Filter);
          }}
        >
          {FILTERS.map(([value, label]) => (
            <option key={value} value={value}>
              {t(label)}
            </option>
          ))}
        </select>
      </label>
      {entries?.length === 0 && <p>{t('historyEmpty')}</p>}
      <ol ref={list} class="history-list" aria-labelledby="history-heading">
        {entries?.map((entry) => (
          <HistoryItem
            key={keyOf(entry)}
            entry={entry}
            confirming={confirming === keyOf(entry)}
            onDelete={() => askToDelete(entry)}
            onConfirm={() => void remove(entry)}
            onKeep={() => keep(entry)}
          />
        ))}
      </ol>
      {next && (
        <div class="row">
          <button type="button" onClick={() => void showMore()}>
            {t('historyShowMore')}
          </button>
        </div>
      )}
      <p role="status" class={announcement.error ? 'status error' : 'status'}>
        {announcement.text}
      </p>
    </section>
  );
}

type ItemProps = {
  entry: HistoryEntry;
  confirming: boolean;
  onDelete: () => void;
  onConfirm: () => void;
  onKeep: () => void;
};

function HistoryItem({ entry, confirming, onDelete, onConfirm, onKeep }: ItemProps) {
  const { title, what, text, details } = describeEntry(entry);
  const questionId = `confirm-${keyOf(entry)}`;
  return (
    <li data-entry={keyOf(entry)} tabIndex={-1}>
      <p class="history-title">
        <strong>{title}</strong>
      </p>
      <p class="history-text">{text}</p>
      <p class="hint">{details.join(' · ')}</p>
      {confirming ? (
        <fieldset
          class="confirm"
          onKeyDown={(event) => {
            if (event.key === 'Escape') onKeep();
          }}
        >
          <legend id={questionId}>{t('historyConfirmQuestion', what)}</legend>
          <button
            type="button"
            class="danger"
            data-action="confirm"
            aria-describedby={questionId}
            onClick={onConfirm}
          >
            {t('historyConfirm')}
          </button>
          <button type="button" onClick={onKeep}>
            {t('historyCancel')}
          </button>
        </fieldset>
      ) : (
        <div class="row">
          <button
            type="button"
            class="danger"
            data-action="delete"
            aria-label={t('historyDeleteLabel', what)}
            onClick={onDelete}
          >
            {t('historyDelete')}
          </button>
        </div>
      )}
    </li>
  );
}
