import { demoAdapter } from './demo/adapter';
import type { HostAdapter } from './types';

/** Every adapter, in the order pages are offered to them; each lives in `lib/hosts/<id>/`. */
export const ADAPTERS: readonly HostAdapter[] = [demoAdapter];

/** The adapter that recognises this page, if any. */
export function adapterFor(page: URL, doc: Document): HostAdapter | undefined {
  return ADAPTERS.find((adapter) => adapter.matches(page, doc));
}
