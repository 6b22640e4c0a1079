import { confluenceAdapter } from './confluence/adapter';
import { connectionsAdapter } from './connections/adapter';
import { demoAdapter } from './demo/adapter';
import { discourseAdapter } from './discourse/adapter';
import { mattermostAdapter } from './mattermost/adapter';
import { mediawikiAdapter } from './mediawiki/adapter';
import { slackAdapter } from './slack/adapter';
import type { HostAdapter } from './types';
import { vivaEngageAdapter } from './viva-engage/adapter';
import { wordpressAdapter } from './wordpress/adapter';

/** Every adapter, in the order pages are offered to them; each lives in `lib/hosts/<id>/`. */
export const ADAPTERS: readonly HostAdapter[] = [
  demoAdapter,
  wordpressAdapter,
  mediawikiAdapter,
  vivaEngageAdapter,
  connectionsAdapter,
  confluenceAdapter,
  discourseAdapter,
  mattermostAdapter,
  slackAdapter,
];

/** The adapter that recognises this page, if any. */
export function adapterFor(page: URL, doc: Document): HostAdapter | undefined {
  return ADAPTERS.find((adapter) => adapter.matches(page, doc));
}
