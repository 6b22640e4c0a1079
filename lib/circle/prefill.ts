/** The "contributions made" of a weekly log, prefilled from the week's thanks and WOL posts. */
import type { Recognition, WolPost } from '../db/schemas';
import { t } from '../i18n/t';

const EXCERPT = 80;

const excerpt = (text: string) => {
  const line = text.trim().replace(/\s+/gu, ' ');
  return line.length > EXCERPT ? `${line.slice(0, EXCERPT - 1)}…` : line;
};

/** One line per thank-you given and per WOL post, oldest first. */
export function contributionsPrefill(thanks: Recognition[], wolPosts: WolPost[]): string {
  const lines = [
    ...thanks
      .filter((rec) => rec.direction === 'given')
      .map((rec) => ({
        at: rec.createdAt,
        line: t('logPrefillThanks', [rec.to.map((person) => person.name).join(', '), excerpt(rec.message)]),
      })),
    ...wolPosts.map((post) => ({ at: post.createdAt, line: t('logPrefillWol', [excerpt(post.text)]) })),
  ];
  return lines
    .sort((a, b) => a.at - b.at)
    .map(({ line }) => `• ${line}`)
    .join('\n');
}
