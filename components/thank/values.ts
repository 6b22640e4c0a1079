import { t } from '../../lib/i18n/t';

/** The default value/category list, in the user's language. Issue 3 makes it configurable. */
export function defaultValues(): string[] {
  return [
    t('valueTeamwork'),
    t('valueHelpfulness'),
    t('valueGreatWork'),
    t('valueSharingKnowledge'),
    t('valueCourage'),
  ];
}
