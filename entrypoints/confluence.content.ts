import { defineContentScript } from 'wxt/utils/define-content-script';
import { confluenceAdapter } from '../lib/hosts/confluence/adapter';
import { CONFLUENCE_CLOUD_MATCHES } from '../lib/hosts/static-matches';
import { startContentScript } from '../lib/inject/start-content-script';

// Static for Confluence Cloud; the same script is registered at run time for Data Center sites.
export default defineContentScript({
  matches: CONFLUENCE_CLOUD_MATCHES,
  runAt: 'document_idle',
  main: (ctx) => startContentScript(ctx, confluenceAdapter),
});
