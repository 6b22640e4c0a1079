import { defineContentScript } from 'wxt/utils/define-content-script';
import { wordpressAdapter } from '../lib/hosts/wordpress/adapter';
import { startContentScript } from '../lib/inject/start-content-script';

// Registered at run time for each WordPress site the user enables.
export default defineContentScript({
  registration: 'runtime',
  main: (ctx) => startContentScript(ctx, wordpressAdapter),
});
