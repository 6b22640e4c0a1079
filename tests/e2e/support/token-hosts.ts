// The token hosts' contract servers (Viva Engage, Slack) under their real host names, and connecting
// the user's account to them on the options page: shared by the specs that sync through a token.
import type { Page } from '@playwright/test';
import * as slack from '../../contract/slack/server.mjs';
import { selfSignedCertificate } from '../../contract/support/tls.mjs';
import * as engage from '../../contract/viva-engage/server.mjs';
import { test as base, type ExtensionFixture, expect } from './fixtures';

type Engage = Awaited<ReturnType<typeof engage.startVivaEngage>>;
type Slack = Awaited<ReturnType<typeof slack.startSlack>>;

export const test = base.extend<{ engage: Engage; slack: Slack }, { tls: { key: string; cert: string } }>({
  tls: [
    // biome-ignore lint/correctness/noEmptyPattern: Playwright requires a destructured first argument.
    async ({}, use) => use(selfSignedCertificate([...engage.HOSTNAMES, ...slack.HOSTNAMES])),
    { scope: 'worker' },
  ],
  engage: async ({ tls }, use) => {
    const server = await engage.startVivaEngage({ tls });
    try {
      await use(server);
    } finally {
      await server.close();
    }
  },
  slack: async ({ tls }, use) => {
    const server = await slack.startSlack({ tls });
    try {
      await use(server);
    } finally {
      await server.close();
    }
  },
  // The real host names, resolved to the contract servers; their certificate is made for this run.
  launchArgs: async ({ engage: e, slack: s }, use) => {
    const rules = [
      ...engage.HOSTNAMES.map((host) => `MAP ${host} 127.0.0.1:${e.port}`),
      ...slack.HOSTNAMES.map((host) => `MAP ${host} 127.0.0.1:${s.port}`),
    ];
    await use([`--host-resolver-rules=${rules.join(',')}`, '--ignore-certificate-errors']);
  },
});

export const ENGAGE_THREAD = `https://engage.cloud.microsoft/main/org/musterwerk.example/threads/eyJfdHlwZSI6IlRocmVhZCIsImlkIjoiMzI5NzcwMjM3NzcyNTk1MiJ9`;
export const SLACK_THREAD = `https://app.slack.com/client/${slack.TEAM.id}/${slack.CHANNEL}/thread/${slack.CHANNEL}-${slack.THREAD.root}`;

/** The options page's "Connect account" form of one host. */
export async function openAccount(extension: ExtensionFixture, name: string) {
  const options = await extension.context.newPage();
  await options.goto(`chrome-extension://${extension.extensionId}/options.html`);
  const form = options.getByRole('form', { name });
  await expect(form.getByRole('status')).toHaveText('Not connected');
  return { options, form };
}

/** Fills the app registration and connects, by keyboard only. */
export async function connectByKeyboard(
  options: Page,
  form: ReturnType<Page['getByRole']>,
  clientId: string,
  tenant?: string,
) {
  await form.getByRole('textbox', { name: 'Client id' }).focus();
  await options.keyboard.type(clientId);
  await options.keyboard.press('Tab');
  if (tenant) await options.keyboard.type(tenant);
  await options.keyboard.press('Tab');
  await options.keyboard.press('Enter');
}

/** Each host's app registration, and the name its account shows once connected. */
export const ACCOUNTS = {
  'Viva Engage': { clientId: engage.CLIENT_ID, tenant: engage.TENANT, user: 'Mara Keller' },
  Slack: { clientId: slack.CLIENT_ID, tenant: undefined, user: 'mara.keller' },
};

/** Opens the host's form on the options page and connects the account there, by keyboard only. */
export async function connectAccount(extension: ExtensionFixture, host: keyof typeof ACCOUNTS) {
  const { options, form } = await openAccount(extension, host);
  const { clientId, tenant, user } = ACCOUNTS[host];
  await connectByKeyboard(options, form, clientId, tenant);
  await expect(form.getByRole('status')).toHaveText(`Connected as ${user}`);
  return { options, form };
}
