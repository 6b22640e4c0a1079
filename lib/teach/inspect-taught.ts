import { createGenericAdapter } from '../hosts/generic/adapter';
import type { HostAdapter } from '../hosts/types';
import { sendFromContent } from '../messages/send';

/**
 * On a site the user taught, the generic adapter built from the selectors the background holds for
 * it, so "Check this page" shows what they find (and which find nothing) like for any other adapter.
 */
export async function taughtAdapterFor(page: URL, doc: Document): Promise<HostAdapter | undefined> {
  const hello = await sendFromContent({ type: 'page.hello', origin: page.origin });
  return hello.ok && hello.value.taught ? createGenericAdapter(hello.value.taught, doc) : undefined;
}
