import { defineContentScript } from 'wxt/utils/define-content-script';
import { mattermostAdapter } from '../lib/hosts/mattermost/adapter';
import { startContentScript } from '../lib/inject/start-content-script';

// Registered at run time for each Mattermost site the user enables.
export default defineContentScript({
  registration: 'runtime',
  main: (ctx) => startContentScript(ctx, mattermostAdapter),
});
