import { defineContentScript } from 'wxt/utils/define-content-script';
import { connectionsAdapter } from '../lib/hosts/connections/adapter';
import { startContentScript } from '../lib/inject/start-content-script';

// Registered at run time for each HCL Connections site the user enables.
export default defineContentScript({
  registration: 'runtime',
  main: (ctx) => startContentScript(ctx, connectionsAdapter),
});
