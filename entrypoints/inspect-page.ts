import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { inspectPage } from '../lib/hosts/inspect';
import { ADAPTERS } from '../lib/hosts/registry';
import { taughtAdapterFor } from '../lib/teach/inspect-taught';

// Injected on demand by the popup ("Check this page", and to learn which adapter fits a site before
// it is enabled); its return value goes back to the popup. A site the user taught is checked with the
// selectors it was taught.
export default defineUnlistedScript(async () => {
  const page = new URL(location.href);
  const taught = await taughtAdapterFor(page, document);
  return inspectPage(taught ? [taught, ...ADAPTERS] : ADAPTERS, page, document);
});
