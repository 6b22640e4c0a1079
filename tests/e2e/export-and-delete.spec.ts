import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { addDays } from '../../lib/db/day-key';
import { expect, readExtensionDb, test } from './support/fixtures';
import {
  browserToday,
  importHistory,
  openOptions,
  thanksOn,
  weeklyLogOn,
  wolPostOn,
} from './support/history';

async function downloadFrom(page: Page, button: string): Promise<{ name: string; text: string }> {
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: button }).click(),
  ]);
  const path = await file.path();
  return { name: file.suggestedFilename(), text: readFileSync(path, 'utf8') };
}

const byId = <T extends { id: string }>(rows: T[]) => [...rows].sort((a, b) => a.id.localeCompare(b.id));

test('the JSON export holds the whole history and comes back after "delete all my data"', async ({
  extension,
}) => {
  const { today, monday } = await browserToday(extension);
  const history = {
    recognitions: [
      thanksOn('t1', addDays(monday, -7), 'Jonas Wagner'),
      thanksOn('t2', addDays(monday, -14), 'Lea Schäfer, "Team Nord"'),
      thanksOn('t3', today, 'Murat Yılmaz', 'received'),
    ],
    wolPosts: [wolPostOn('p1', addDays(monday, -21))],
    weeklyLogs: [weeklyLogOn('l1', addDays(monday, -28))],
  };
  const options = await openOptions(extension);
  await importHistory(options, history);

  const json = await downloadFrom(options, 'Export everything (JSON)');
  expect(json.name).toBe(`rueckenwind-${today}.json`);
  await expect(options.getByRole('status').filter({ hasText: `Downloaded ${json.name}.` })).toBeVisible();
  const backup = JSON.parse(json.text);
  expect(backup).toMatchObject({ format: 'rueckenwind-backup', version: 1 });
  expect(byId(backup.tables.recognitions)).toEqual(byId(history.recognitions));
  expect(backup.tables.wolPosts).toEqual(history.wolPosts);
  expect(backup.tables.weeklyLogs).toEqual(history.weeklyLogs);
  expect(backup.tables.dailyAggregates).toHaveLength(5);
  expect(backup.tables).not.toHaveProperty('accounts');

  const csv = await downloadFrom(options, 'Thanks (CSV)');
  expect(csv.name).toBe(`rueckenwind-thanks-${today}.csv`);
  const lines = csv.text
    .replace(/^\uFEFF/, '')
    .trimEnd()
    .split('\r\n');
  expect(lines[0]).toBe('day,created_at,direction,from,to,value,message,intranet,post,sync,id');
  expect(lines).toHaveLength(4);
  expect(lines.find((line) => line.endsWith(',t2'))).toContain(',Anna Becker,"Lea Schäfer, ""Team Nord""",');

  // The confirmation comes first, and keeping the data is what Enter does.
  await options.getByRole('button', { name: 'Delete all my data…' }).click();
  const dialog = options.getByRole('dialog', { name: 'Delete all your Rückenwind data?' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Keep my data' })).toBeFocused();
  await options.keyboard.press('Enter');
  await expect(dialog).toBeHidden();
  expect(await readExtensionDb(extension, 'recognitions')).toHaveLength(3);

  await options.getByRole('button', { name: 'Delete all my data…' }).click();
  await dialog.getByRole('button', { name: 'Delete everything' }).click();
  await expect(options.getByRole('status').filter({ hasText: 'All your data was deleted.' })).toBeVisible();
  for (const table of [
    'recognitions',
    'wolPosts',
    'weeklyLogs',
    'circles',
    'relationships',
    'dailyAggregates',
    'outbox',
    'settings',
    'quarantine',
    'taughtSites',
  ]) {
    expect(await readExtensionDb(extension, table), table).toEqual([]);
  }
  // Only the built-in intranets are back: defaults of the extension, not the user's data.
  const intranets = (await readExtensionDb(extension, 'intranets')) as Array<{ source: string }>;
  expect(intranets.every((intranet) => intranet.source === 'builtin')).toBe(true);

  const popup = await extension.context.newPage();
  await popup.goto(`chrome-extension://${extension.extensionId}/popup.html`);
  await expect(popup.getByText('No streak yet')).toBeVisible();

  // The downloaded file restores everything.
  await options.getByLabel('Import a backup').setInputFiles({
    name: json.name,
    mimeType: 'application/json',
    buffer: Buffer.from(json.text),
  });
  await expect(
    options.getByRole('status').filter({ hasText: `Imported 5 records from ${json.name}.` }),
  ).toBeVisible();
  expect(byId((await readExtensionDb(extension, 'recognitions')) as typeof history.recognitions)).toEqual(
    byId(history.recognitions),
  );
  await popup.reload();
  await expect(popup.getByText('4 weeks in a row')).toBeVisible();
});

test('a file that is not a backup is refused with the reason, and nothing changes', async ({ extension }) => {
  const { monday } = await browserToday(extension);
  const options = await openOptions(extension);
  await importHistory(options, { recognitions: [thanksOn('kept', addDays(monday, -7), 'Jonas Wagner')] });

  const input = options.getByLabel('Import a backup');
  await input.setInputFiles({
    name: 'notes.json',
    mimeType: 'application/json',
    buffer: Buffer.from('{"a":'),
  });
  await expect(
    options.getByRole('status').filter({ hasText: 'notes.json is not a JSON file. Nothing was changed.' }),
  ).toBeVisible();

  const broken = { ...thanksOn('bad', monday, 'Lea Schäfer'), day: '10.03.2025' };
  const file = {
    format: 'rueckenwind-backup',
    version: 1,
    exportedAt: '',
    tables: { recognitions: [broken] },
  };
  await input.setInputFiles({
    name: 'old.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(file)),
  });
  await expect(
    options.getByRole('status').filter({
      hasText:
        'old.json is not a Rückenwind backup (tables.recognitions.0.day: invalid_format). Nothing was changed.',
    }),
  ).toBeVisible();
  expect(
    ((await readExtensionDb(extension, 'recognitions')) as Array<{ id: string }>).map((rec) => rec.id),
  ).toEqual(['kept']);
});
