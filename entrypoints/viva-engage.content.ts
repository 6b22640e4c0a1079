import { defineContentScript } from 'wxt/utils/define-content-script';
import { VIVA_ENGAGE_MATCHES } from '../lib/hosts/static-matches';
import { vivaEngageAdapter } from '../lib/hosts/viva-engage/adapter';
import { startContentScript } from '../lib/inject/start-content-script';

export default defineContentScript({
  matches: VIVA_ENGAGE_MATCHES,
  runAt: 'document_idle',
  main: (ctx) => startContentScript(ctx, vivaEngageAdapter),
});
