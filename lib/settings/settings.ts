import type { RueckenwindDb } from '../db/database';
import { type Settings, SettingsSchema } from '../db/schemas';
import { parseRecord } from '../db/validate';

export const DEFAULT_SETTINGS: Settings = {
  id: 'user',
  addressForm: 'sie',
  wolHashtag: '#WOL',
  weeklyGoal: 1,
};

/** The stored settings, or the defaults when none (or only an unreadable record) are stored. */
export async function readSettings(db: RueckenwindDb): Promise<Settings> {
  const parsed = SettingsSchema.safeParse(await db.settings.get('user'));
  return parsed.success ? parsed.data : DEFAULT_SETTINGS;
}

export type SettingsPatch = Partial<Omit<Settings, 'id'>>;

/** Merges a change into the stored settings (background only). */
export async function updateSettings(db: RueckenwindDb, patch: SettingsPatch): Promise<Settings> {
  return db.transaction('rw', db.settings, async () => {
    const next = parseRecord(SettingsSchema, 'settings', {
      ...(await readSettings(db)),
      ...patch,
      id: 'user',
    });
    await db.settings.put(next);
    return next;
  });
}
