import { defineContentScript } from 'wxt/utils/define-content-script';
import { slackAdapter } from '../lib/hosts/slack/adapter';
import { SLACK_MATCHES } from '../lib/hosts/static-matches';
import { startContentScript } from '../lib/inject/start-content-script';

export default defineContentScript({
  matches: SLACK_MATCHES,
  runAt: 'document_idle',
  main: (ctx) => startContentScript(ctx, slackAdapter),
});
