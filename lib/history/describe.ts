/** How a History entry reads: its title, what deleting it deletes, its text and where it stands. */
import type { DayKey, Sync } from '../db/schemas';
import { type MessageKey, t, uiLanguage } from '../i18n/t';
import type { HistoryEntry } from './read-history';

let dateFormat: Intl.DateTimeFormat | undefined;

/** "March 3, 2026" / "3. März 2026". Day keys are calendar days, so UTC formats them. */
export function longDate(day: DayKey): string {
  dateFormat ??= new Intl.DateTimeFormat(uiLanguage(), {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  });
  return dateFormat.format(Date.parse(`${day}T00:00:00Z`));
}

const SYNC_LABELS: Record<Sync['state'], MessageKey> = {
  local: 'historySyncLocal',
  pending: 'historySyncPending',
  sent: 'historySyncSent',
  failed: 'historySyncFailed',
};

export type EntryText = {
  title: string;
  /** What a delete of it deletes, as part of a sentence: "thank-you to Anna Becker of March 3, 2026". */
  what: string;
  text: string;
  /** The date, the intranet and the delivery state. */
  details: string[];
};

const hostOf = (origin: string) => t('historyOn', new URL(origin).host);

export function describeEntry(entry: HistoryEntry): EntryText {
  const date = longDate(entry.record.day);
  switch (entry.kind) {
    case 'given': {
      const { to, message, post, sync } = entry.record;
      const names = to.map((person) => person.name).join(', ');
      return {
        title: t('historyTitleGiven', names),
        what: t('historyWhatGiven', [names, date]),
        text: message,
        details: [date, ...(post ? [hostOf(post.origin)] : []), t(SYNC_LABELS[sync.state])],
      };
    }
    case 'received': {
      const { from, message, post } = entry.record;
      return {
        title: t('historyTitleReceived', from.name),
        what: t('historyWhatReceived', [from.name, date]),
        text: message,
        details: [date, ...(post ? [hostOf(post.origin)] : []), t('historySyncReceived')],
      };
    }
    case 'wolPost': {
      const { text, origin, sync } = entry.record;
      return {
        title: t('historyTitleWolPost'),
        what: t('historyWhatWolPost', date),
        text,
        details: [date, hostOf(origin), t(SYNC_LABELS[sync.state])],
      };
    }
    case 'weeklyLog': {
      const { weekStart, did, sync } = entry.record;
      return {
        title: t('historyTitleWeeklyLog', longDate(weekStart)),
        what: t('historyWhatWeeklyLog', date),
        text: did,
        details: [date, t(SYNC_LABELS[sync.state])],
      };
    }
  }
}
