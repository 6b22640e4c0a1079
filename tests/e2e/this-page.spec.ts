import { countInClosedShadowRoots, waitForRole } from '../../scripts/lib/closed-shadow.mjs';
import { expect, test } from './support/fixtures';
import { openPopupFor } from './support/popup';

const THANK = /^Thank (.+) for this post$/;

test('"Check this page" names the adapter, counts posts and authors, and lists selectors that found nothing', async ({
  extension,
  demo,
}) => {
  const page = await extension.context.newPage();
  await page.goto(demo.url);
  const posts = await page.locator('article.post').count();
  const popup = await openPopupFor(extension, page);
  const panel = popup.getByRole('region', { name: 'Check this page' });
  await expect(panel.getByText('Recognised as Built-in demo intranet')).toBeVisible();
  await expect(panel.getByText(`Posts found: ${posts}`)).toBeVisible();
  await expect(panel.getByText(`Authors read: ${posts}`)).toBeVisible();
  await expect(panel.getByText('Everything Rückenwind looks for was found.')).toBeVisible();

  // A redesign: the host drops its action bars. The check shows it instead of failing silently.
  await page.evaluate(() => {
    for (const footer of document.querySelectorAll('footer.post-actions')) footer.remove();
  });
  await panel.getByRole('button', { name: 'Check again' }).click();
  await expect(panel.getByText('Found nothing (the site may have changed): actions')).toBeVisible();
});

test('switching Rückenwind off for a site removes its buttons at once; enabling it brings them back', async ({
  extension,
  demo,
}) => {
  const page = await extension.context.newPage();
  await page.goto(demo.url);
  const posts = await page.locator('article.post').count();
  await waitForRole(page, 'button', THANK, { count: posts });

  const popup = await openPopupFor(extension, page);
  const panel = popup.getByRole('region', { name: 'Check this page' });
  await panel.getByRole('button', { name: 'Switch Rückenwind off on this site' }).click();
  await expect(panel.getByText(`Rückenwind is off for ${new URL(demo.url).origin}.`).first()).toBeVisible();
  await waitForRole(page, 'button', THANK, { count: 0 });
  expect(await page.locator('rueckenwind-post-actions').count()).toBe(0);
  await page.reload();
  await page.locator('article.post').first().waitFor();
  expect(await countInClosedShadowRoots(page, 'button.thank')).toBe(0);

  await panel.getByRole('button', { name: 'Enable Rückenwind on this site' }).click();
  await expect(panel.getByText(`Rückenwind is on for ${new URL(demo.url).origin}.`).first()).toBeVisible();
  // The open tab gets its buttons without a reload, exactly one per post.
  await waitForRole(page, 'button', THANK, { count: posts });
  expect(await countInClosedShadowRoots(page, 'button.thank')).toBe(posts);
});
