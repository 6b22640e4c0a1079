// What the circle companion's e2e tests share: dates as the form takes them, the companion page, and
// a thank-you to Anna Schmidt on the demo intranet (a contribution to someone on the list).
import type { Page } from '@playwright/test';
import { clickByRole, waitForRole } from '../../../scripts/lib/closed-shadow.mjs';
import type { ExtensionFixture } from './fixtures';

/** A day key `days` before today, by the local clock (the browser runs in the same zone as the test). */
export function localDay(daysAgo: number): string {
  const date = new Date();
  date.setDate(date.getDate() - daysAgo);
  return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
}

export async function openCompanion(extension: ExtensionFixture): Promise<Page> {
  const page = await extension.context.newPage();
  await page.goto(`chrome-extension://${extension.extensionId}/circle.html`);
  return page;
}

/** Thanks Anna Schmidt for her post on the demo intranet, as a user does; returns the intranet tab. */
export async function thankAnnaOnDemo(extension: ExtensionFixture, demoUrl: string): Promise<Page> {
  const intranet = await extension.context.newPage();
  await intranet.goto(demoUrl);
  await waitForRole(intranet, 'button', 'Thank Anna Schmidt for this post');
  await clickByRole(intranet, 'button', 'Thank Anna Schmidt for this post');
  await waitForRole(intranet, 'dialog', 'Say thank you');
  await intranet.keyboard.type('Danke für den Einkaufsleitfaden!');
  await clickByRole(intranet, 'button', 'Save thank-you');
  await waitForRole(intranet, 'dialog', 'Say thank you', { count: 0 });
  return intranet;
}
