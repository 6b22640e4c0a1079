import { defineContentScript } from 'wxt/utils/define-content-script';
import { demoAdapter } from '../lib/hosts/demo/adapter';
import { DEMO_INTRANET_MATCHES } from '../lib/hosts/demo/matches';
import { startContentScript } from '../lib/inject/start-content-script';

export default defineContentScript({
  matches: DEMO_INTRANET_MATCHES,
  runAt: 'document_idle',
  main: (ctx) => startContentScript(ctx, demoAdapter),
});
