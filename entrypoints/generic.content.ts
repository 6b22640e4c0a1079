import { defineContentScript } from 'wxt/utils/define-content-script';
import { createGenericAdapter } from '../lib/hosts/generic/adapter';
import { startContentScript } from '../lib/inject/start-content-script';

// Registered at run time for each site the user taught; its selectors come with the background's hello.
export default defineContentScript({
  registration: 'runtime',
  main: (ctx) =>
    startContentScript(ctx, {
      id: 'generic',
      fromHello: (hello) => (hello.taught ? createGenericAdapter(hello.taught, document) : undefined),
    }),
});
