import { defineContentScript } from 'wxt/utils/define-content-script';
import { mediawikiAdapter } from '../lib/hosts/mediawiki/adapter';
import { startContentScript } from '../lib/inject/start-content-script';

// Registered at run time for each MediaWiki site the user enables.
export default defineContentScript({
  registration: 'runtime',
  main: (ctx) => startContentScript(ctx, mediawikiAdapter),
});
