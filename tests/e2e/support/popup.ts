import type { Page } from '@playwright/test';
import { type ExtensionFixture, expect } from './fixtures';

/** The id of the tab showing `url`, as the extension sees it. */
export async function tabIdOf(extension: ExtensionFixture, url: string): Promise<number> {
  const id = await extension.serviceWorker.evaluate(async (wanted) => {
    type Tabs = { query: (filter: object) => Promise<Array<{ id?: number; url?: string }>> };
    const tabs = await (globalThis as unknown as { chrome: { tabs: Tabs } }).chrome.tabs.query({});
    return tabs.find((tab) => tab.url?.startsWith(wanted))?.id;
  }, url);
  if (id === undefined) throw new Error(`no tab shows ${url}`);
  return id;
}

/** The toolbar popup, about the tab showing `page` (opened as a page: Playwright cannot click the toolbar). */
export async function openPopupFor(extension: ExtensionFixture, page: Page): Promise<Page> {
  const popup = await extension.context.newPage();
  await popup.goto(
    `chrome-extension://${extension.extensionId}/popup.html?tab=${await tabIdOf(extension, page.url())}`,
  );
  return popup;
}

/**
 * "Enable Rückenwind on this site" in the popup, as a user does it. Loopback origins are granted at
 * install, so the browser does not need to ask; any other origin would show the browser's prompt.
 */
export async function enableThroughPopup(extension: ExtensionFixture, page: Page): Promise<void> {
  const popup = await openPopupFor(extension, page);
  const panel = popup.getByRole('region', { name: 'Check this page' });
  await panel.getByRole('button', { name: 'Enable Rückenwind on this site' }).click();
  await expect(panel.getByText(`Rückenwind is on for ${new URL(page.url()).origin}.`).first()).toBeVisible();
  await popup.close();
}
