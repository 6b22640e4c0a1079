import type { Person, WOL_TEMPLATES } from '../db/schemas';
import { type MessageKey, t, uiLanguage } from '../i18n/t';
import { hashtagOf } from './hashtag';

/**
 * Bidi embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069). In a name read from a page they
 * would reorder our own words after it (an unclosed RIGHT-TO-LEFT OVERRIDE turns "Eve!" into "!evE");
 * without them the bidi algorithm still orders the name's own letters right.
 */
const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/g;

/**
 * The exact texts Rückenwind posts to an intranet. The composers preview them verbatim, so what the
 * user sees is what colleagues will read.
 */
export function thankYouText(draft: { to: Person[]; message: string; value: string | undefined }): string {
  const names = new Intl.ListFormat(uiLanguage(), { type: 'conjunction' }).format(
    draft.to.map((p) => p.name.replace(BIDI_CONTROLS, '')),
  );
  const tags = [draft.value ? hashtagOf(draft.value) : undefined, t('thanksTag')].filter(Boolean).join(' ');
  return [t('postThanksGreeting', names), draft.message.trim(), tags].filter(Boolean).join('\n\n');
}

export const WOL_TEMPLATE_LABELS: Record<(typeof WOL_TEMPLATES)[number], MessageKey> = {
  'working-on': 'wolTemplateWorkingOn',
  learned: 'wolTemplateLearned',
  'need-help': 'wolTemplateNeedHelp',
};

export function wolPostText(draft: {
  template: (typeof WOL_TEMPLATES)[number] | undefined;
  text: string;
  link: string | undefined;
  hashtag: string | undefined;
}): string {
  const body = draft.template
    ? `${t(WOL_TEMPLATE_LABELS[draft.template])}: ${draft.text.trim()}`
    : draft.text.trim();
  return [body, draft.link, draft.hashtag].filter(Boolean).join('\n\n');
}
