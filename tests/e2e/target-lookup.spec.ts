// Choosing a group or channel by name: where the host can list the user's targets (Slack, Viva Engage,
// once the account is connected), the work-out-loud composer and the circle form offer them as the user
// types part of a name; the post goes to the chosen one's id on the contract server.
import { clickByRole, findByRole, focusByRole, waitForRole } from '../../scripts/lib/closed-shadow.mjs';
import { localDay, openCompanion } from './support/circle';
import { type ExtensionFixture, expect, readExtensionDb } from './support/fixtures';
import { openPopupFor } from './support/popup';
import { connectAccount, ENGAGE_THREAD, SLACK_THREAD, test } from './support/token-hosts';

const FIELD = 'Post in (group, space or channel)';
const PICK_HINT = 'Type part of a name and choose from the list, or type an id.';

/** Opens the work-out-loud composer on the post of `author` and types the update. */
async function openWorkOutLoud(extension: ExtensionFixture, url: string, author: string, text: string) {
  const page = await extension.context.newPage();
  await page.goto(url);
  await waitForRole(page, 'button', `Work out loud about this post by ${author}`, { timeout: 20_000 });
  await clickByRole(page, 'button', `Work out loud about this post by ${author}`);
  await waitForRole(page, 'dialog', 'Work out loud');
  await focusByRole(page, 'textbox', 'What do you want to share?');
  await page.keyboard.type(text);
  return page;
}

type SavedWol = { text: string; target?: string; sync: { state: string; remoteId?: string } };

/** Saves the composer and returns the one saved post once it reached `state`. */
async function savePost(
  extension: ExtensionFixture,
  page: Awaited<ReturnType<typeof openWorkOutLoud>>,
  state: RegExp,
) {
  await clickByRole(page, 'button', 'Save post');
  await waitForRole(page, 'dialog', 'Work out loud', { count: 0 });
  let saved: SavedWol[] = [];
  await expect
    .poll(
      async () => {
        saved = (await readExtensionDb(extension, 'wolPosts')) as SavedWol[];
        return saved.map((post) => post.sync.state);
      },
      { timeout: 20_000 },
    )
    .toEqual([expect.stringMatching(state)]);
  const [post] = saved;
  if (!post) throw new Error('no post saved');
  return post;
}

/** The composer's template menu has options too; they are not what the target field offers. */
const TEMPLATE_OPTIONS = new Set([
  'No template',
  'What I am working on',
  'What I learned',
  'Where I need help',
]);

/** The options the target field offers right now (none while its list is closed). */
const optionNames = async (page: Awaited<ReturnType<typeof openWorkOutLoud>>) =>
  (await findByRole(page, 'option'))
    .map((option) => option.name)
    .filter((name) => !TEMPLATE_OPTIONS.has(name));

test('Slack: typing part of a channel’s name in the work-out-loud composer offers it; chosen by keyboard, the post goes to its id', async ({
  extension,
  slack: server,
}) => {
  await connectAccount(extension, 'Slack');
  const page = await openWorkOutLoud(extension, SLACK_THREAD, 'Lukas Hoffmann', 'eine Drehmomenttabelle');
  await waitForRole(page, 'StaticText', PICK_HINT);
  await focusByRole(page, 'combobox', FIELD);
  await page.keyboard.type('nord');
  // The user's channels whose name holds "nord": not archived ones, not ones they are not in.
  await expect.poll(() => optionNames(page)).toEqual(['#vertrieb-nord', '#wol-circle-nord']);
  // Escape closes the list only; the composer stays open.
  await page.keyboard.press('Escape');
  expect(await optionNames(page)).toEqual([]);
  await waitForRole(page, 'dialog', 'Work out loud');
  await page.keyboard.type('Rel');
  expect(await optionNames(page)).toEqual([]);
  for (let i = 0; i < 7; i++) await page.keyboard.press('Backspace');
  await page.keyboard.type('relea');
  await expect.poll(() => optionNames(page)).toEqual(['#release-notes']);
  await page.keyboard.press('ArrowDown');
  const [active] = await findByRole(page, 'option', '#release-notes');
  expect(active).toMatchObject({ selected: true });
  await page.keyboard.press('Enter');
  // Enter chose the channel (it did not submit): the field shows its name, the hint its id.
  await waitForRole(page, 'StaticText', 'Id: C07RELNOTES');
  expect(await findByRole(page, 'combobox', FIELD)).toMatchObject([
    { value: '#release-notes', expanded: false },
  ]);
  await waitForRole(page, 'dialog', 'Work out loud');

  const saved = await savePost(extension, page, /^sent$/);
  expect(saved.target).toBe('C07RELNOTES');
  const posts = server.calls.filter((call) => call.method === 'chat.postMessage');
  expect(posts).toHaveLength(1);
  expect(posts[0]?.args).toMatchObject({ channel: 'C07RELNOTES', text: saved.text });
  expect(server.written()).toMatchObject([{ channel: 'C07RELNOTES' }]);
  expect(saved.sync.remoteId).toBe(`C07RELNOTES:${server.written()[0]?.ts}`);
  // Listed once, with the user's token, counted like every other request.
  expect(server.calls.filter((call) => call.method === 'users.conversations')).toHaveLength(1);
});

test('Viva Engage: typing part of a group’s name offers the user’s groups; chosen with the mouse, the post goes to its id', async ({
  extension,
  engage: server,
}) => {
  await connectAccount(extension, 'Viva Engage');
  const page = await openWorkOutLoud(extension, ENGAGE_THREAD, 'Anna Schmidt', 'eine Checkliste');
  await waitForRole(page, 'StaticText', PICK_HINT);
  await focusByRole(page, 'combobox', FIELD);
  await page.keyboard.type('Nord');
  // "Vorstand" and "Kantine" are groups of the network the user is not in.
  await expect.poll(() => optionNames(page)).toEqual(['Vertrieb Nord', 'WOL-Circle Nord']);
  await clickByRole(page, 'option', 'Vertrieb Nord');
  await waitForRole(page, 'StaticText', 'Id: 221395517441');
  expect(await findByRole(page, 'combobox', FIELD)).toMatchObject([{ value: 'Vertrieb Nord' }]);

  const saved = await savePost(extension, page, /^sent$/);
  expect(saved.target).toBe('221395517441');
  expect(server.written()).toMatchObject([
    { group_id: 221395517441, replied_to_id: null, body: { plain: saved.text.trim() } },
  ]);
  const lists = server.log.find('GET', '/api/v1/groups.json');
  expect(lists).toMatchObject([
    { status: 200, headers: { authorization: expect.stringMatching(/^Bearer /) } },
  ]);
});

test('without a connected account the composer says why there is no list, and a typed id still works', async ({
  extension,
  slack: server,
}) => {
  // The user looks at the options first: nothing connected.
  const options = await extension.context.newPage();
  await options.goto(`chrome-extension://${extension.extensionId}/options.html`);
  await expect(options.getByRole('form', { name: 'Slack' }).getByRole('status')).toHaveText('Not connected');
  const page = await openWorkOutLoud(extension, SLACK_THREAD, 'Lukas Hoffmann', 'eine Drehmomenttabelle');
  await waitForRole(
    page,
    'StaticText',
    "To choose from your groups and channels, connect your Slack account in Rückenwind's options. Until then, type an id.",
  );
  await focusByRole(page, 'combobox', FIELD);
  await page.keyboard.type('C07RELNOTES');
  expect(await optionNames(page)).toEqual([]);
  const saved = await savePost(extension, page, /^pending$/);
  // Kept as typed; it goes out once the account is connected.
  expect(saved.target).toBe('C07RELNOTES');
  expect(server.calls.filter((call) => call.method === 'users.conversations')).toHaveLength(0);
});

test('the circle form offers the user’s Slack channels for the circle’s space; a shared weekly log goes to the chosen one', async ({
  extension,
  slack: server,
}) => {
  await connectAccount(extension, 'Slack');
  const companion = await openCompanion(extension);
  const form = companion.getByRole('form', { name: 'New circle' });
  await form.getByLabel('Name of the circle').fill('WOL-Circle Vertrieb');
  await form.getByLabel('First meeting (start of week 1)').fill(localDay(8));
  await form.getByLabel('Intranet address').fill('https://app.slack.com');
  await expect(form.getByText(PICK_HINT)).toBeVisible();
  const field = form.getByRole('combobox', { name: 'Group, space or channel' });
  await field.pressSequentially('vertr');
  const listbox = form.getByRole('listbox', { name: 'Group, space or channel' });
  await expect(listbox.getByRole('option')).toHaveText(['#vertrieb-nord']);
  await field.press('ArrowDown');
  await expect(field).toHaveAttribute('aria-activedescendant', /.+/);
  await field.press('Enter');
  await expect(field).toHaveValue('#vertrieb-nord');
  await expect(form.getByText('Id: C07VERTRIEB')).toBeVisible();
  await form.getByRole('button', { name: 'Create circle' }).click();
  await expect(companion.getByRole('heading', { name: 'Week 2 of 12' })).toBeVisible();
  const [circle] = (await readExtensionDb(extension, 'circles')) as Array<{ space?: unknown }>;
  expect(circle?.space).toEqual({
    host: 'slack',
    origin: 'https://app.slack.com',
    target: 'C07VERTRIEB',
    targetName: '#vertrieb-nord',
  });
  // Editing the circle shows the channel by its name again, and keeps its id.
  await companion.getByRole('button', { name: 'Edit circle details' }).click();
  const edit = companion.getByRole('form', { name: 'Circle details' });
  await expect(edit.getByRole('combobox', { name: 'Group, space or channel' })).toHaveValue('#vertrieb-nord');
  await expect(edit.getByText('Id: C07VERTRIEB')).toBeVisible();

  const slackTab = await extension.context.newPage();
  await slackTab.goto(SLACK_THREAD);
  const popup = await openPopupFor(extension, slackTab);
  await popup.getByRole('button', { name: 'Log this week' }).click();
  await popup.getByRole('textbox', { name: 'What I did toward my goal' }).fill('Zwei Gespräche im Vertrieb.');
  // The popup names the channel as the user chose it, not by its id.
  await popup
    .getByRole('checkbox', { name: 'Share with the circle in “#vertrieb-nord” (without the confidence)' })
    .check();
  await popup.getByRole('button', { name: 'Save log' }).click();
  await expect
    .poll(
      async () =>
        ((await readExtensionDb(extension, 'weeklyLogs')) as Array<{ sync: { state: string } }>)[0]?.sync
          .state,
      {
        timeout: 20_000,
      },
    )
    .toBe('sent');
  expect(server.written()).toMatchObject([
    { channel: 'C07VERTRIEB', text: expect.stringContaining('Zwei Gespräche im Vertrieb.') },
  ]);
});
