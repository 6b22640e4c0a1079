import type { TaughtSelectors } from '../db/schemas';
import type { MessageKey } from '../i18n/t';

/** How each taught selector is named to the user, in the order they are shown. */
export const SELECTOR_LABELS: Record<keyof TaughtSelectors, MessageKey> = {
  post: 'teachSelectorPost',
  author: 'teachSelectorAuthor',
  permalink: 'teachSelectorPermalink',
  body: 'teachSelectorBody',
  actions: 'teachSelectorActions',
  currentUser: 'teachSelectorCurrentUser',
  postIdAttribute: 'teachSelectorPostId',
};
