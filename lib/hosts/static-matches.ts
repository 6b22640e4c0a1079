/** Where SaaS adapters run without being added: their content scripts' static matches. */
export const SLACK_MATCHES = ['https://app.slack.com/*'];
export const VIVA_ENGAGE_MATCHES = [
  'https://engage.cloud.microsoft/*',
  'https://web.yammer.com/*',
  'https://www.yammer.com/*',
];
export const CONFLUENCE_CLOUD_MATCHES = ['https://*.atlassian.net/wiki/*'];
