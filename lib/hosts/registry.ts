import { demoAdapter } from './demo/adapter';
import type { HostAdapter } from './types';

const ADAPTERS: HostAdapter[] = [demoAdapter];

/** The adapter that recognises this page, if any. */
export function adapterFor(page: URL, doc: Document): HostAdapter | undefined {
  return ADAPTERS.find((adapter) => adapter.matches(page, doc));
}
