import type { Person, WOL_TEMPLATES } from '../db/schemas';
import { type MessageKey, t, uiLanguage } from '../i18n/t';
import { hashtagOf } from './hashtag';

/**
 * The exact texts Rückenwind posts to an intranet. The composers preview them verbatim, so what the
 * user sees is what colleagues will read.
 */
export function thankYouText(draft: { to: Person[]; message: string; value: string | undefined }): string {
  const names = new Intl.ListFormat(uiLanguage(), { type: 'conjunction' }).format(
    draft.to.map((p) => p.name),
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
