import type { Totals } from '../../lib/db/reads';
import { type MessageKey, t } from '../../lib/i18n/t';

const FIGURES: Array<[keyof Totals, MessageKey]> = [
  ['thanksGiven', 'popupThanksThisWeek'],
  ['thanksReceived', 'popupThanksReceivedThisWeek'],
  ['wolPosts', 'popupWolPostsThisWeek'],
  ['weeklyLogs', 'popupLogsThisWeek'],
];

/** This week's totals, read from the daily aggregate. */
export function WeekSummary({ totals, weekLabel }: { totals: Totals; weekLabel: string }) {
  return (
    <section aria-labelledby="week-heading">
      <h2 id="week-heading" class="week">
        {weekLabel}
      </h2>
      <ul class="figures">
        {FIGURES.map(([key, label]) => (
          <li class="figure" key={key} data-figure={key}>
            <span class="count">{totals[key]}</span>
            <span>{t(label)}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
