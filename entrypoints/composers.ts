import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { openComposer } from '../components/thank/open-composer';
import { handOverComposers } from '../lib/inject/composers-contract';

// Injected by the background into an intranet page's frame the first time a content script there needs
// a composer; it runs in that content script's isolated world (lib/inject/composers-contract.ts).
export default defineUnlistedScript(() => handOverComposers({ open: openComposer }));
