import { defineContentScript } from 'wxt/utils/define-content-script';
import { discourseAdapter } from '../lib/hosts/discourse/adapter';
import { startContentScript } from '../lib/inject/start-content-script';

// Registered at run time for each Discourse site the user enables.
export default defineContentScript({
  registration: 'runtime',
  main: (ctx) => startContentScript(ctx, discourseAdapter),
});
