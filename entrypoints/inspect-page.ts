import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { inspectPage } from '../lib/hosts/inspect';
import { ADAPTERS } from '../lib/hosts/registry';

// Injected on demand by the popup ("Check this page", and to learn which adapter fits a site before
// it is enabled); its return value goes back to the popup.
export default defineUnlistedScript(() => inspectPage(ADAPTERS, new URL(location.href), document));
