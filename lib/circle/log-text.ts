/**
 * The text a weekly log is shared as: readable by the circle, and the popup previews it verbatim. The
 * confidence is private and has no place in it.
 */
import type { Circle, WeeklyLog } from '../db/schemas';
import { t } from '../i18n/t';
import { CIRCLE_WEEKS } from './weeks';

type LogParts = Pick<WeeklyLog, 'did' | 'contributions' | 'next'>;

export function weeklyLogText(circle: Pick<Circle, 'name'>, week: number | undefined, log: LogParts): string {
  const heading =
    week === undefined
      ? t('logTextHeadingNoWeek', [circle.name])
      : t('logTextHeading', [circle.name, String(week), String(CIRCLE_WEEKS)]);
  const parts: Array<[string, string]> = [
    [t('logTextDid'), log.did],
    [t('logTextContributions'), log.contributions],
    [t('logTextNext'), log.next],
  ];
  const body = parts
    .filter(([, text]) => text.trim() !== '')
    .map(([label, text]) => `${label}\n${text.trim()}`);
  return [heading, ...body].join('\n\n');
}
