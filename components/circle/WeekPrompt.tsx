import { CIRCLE_WEEKS, circleWeekOn } from '../../lib/circle/weeks';
import type { DayKey } from '../../lib/db/schemas';
import { type MessageKey, t, uiLanguage } from '../../lib/i18n/t';

/** The official guides may only be shared unchanged, so we link to them and write our own prompts. */
export function guideUrl(language: string): string {
  return language.toLowerCase().startsWith('de')
    ? 'https://workingoutloud.com/de/circle-guides'
    : 'https://workingoutloud.com/circle-guides';
}

const promptKey = (week: number) => `circleWeekPrompt${week}` as MessageKey;

/** Week N of 12 from the start date, our own short prompt for it, and the official guide. */
export function WeekPrompt({ startDate, today }: { startDate: DayKey; today: DayKey }) {
  const position = circleWeekOn(startDate, today);
  const heading =
    position.kind === 'running'
      ? t('circleWeekOf', [String(position.week), String(CIRCLE_WEEKS)])
      : position.kind === 'before'
        ? t('circleStartsIn', String(position.daysToStart))
        : t('circleFinished');
  const prompt =
    position.kind === 'running'
      ? promptKey(position.week)
      : position.kind === 'before'
        ? promptKey(1)
        : 'circleAfterPrompt';
  return (
    <section aria-labelledby="week-heading" class="week-prompt">
      <h2 id="week-heading">{heading}</h2>
      <p>{t(prompt)}</p>
      <p>
        <a href={guideUrl(uiLanguage())} target="_blank" rel="noopener noreferrer">
          {t('circleGuideLink')}
        </a>
      </p>
    </section>
  );
}
