/**
 * Builds the backup file from the database (options page; reading is allowed outside the background).
 * A stored record that no longer matches its schema is not dropped: it goes into the file's
 * quarantine with the reason, so the file stays importable and loses nothing.
 */
import type { z } from 'zod/mini';
import type { RueckenwindDb } from '../db/database';
import { summarizeIssues } from '../db/validate';
import { BACKUP_FORMAT, BACKUP_VERSION, type Backup, RECORD_SCHEMAS } from './backup-schema';

/** Database tables left out of the file, and why. Every other table is exported. */
export const NOT_EXPORTED = {
  teachSessions: 'the tab being taught right now: meaningless anywhere else',
  accounts: 'sign-in credentials for intranets: never written to a file',
  weeklyContributions: 'derived from the daily aggregate, and recounted on import',
} as const;

type Validated = keyof typeof RECORD_SCHEMAS;

export async function exportBackup(db: RueckenwindDb, now: number, timeZone?: string): Promise<Backup> {
  const names = Object.keys(RECORD_SCHEMAS) as Validated[];
  const tables: Backup['tables'] = {};
  // One read transaction: the file is a consistent snapshot even while the background writes.
  await db.transaction('r', [...names, 'quarantine'], async () => {
    const quarantine: NonNullable<Backup['tables']['quarantine']> = await db.quarantine.toArray();
    for (const name of names) {
      const schema: z.ZodMiniType = RECORD_SCHEMAS[name];
      const valid: unknown[] = [];
      for (const record of await db.table(name).toArray()) {
        const parsed = schema.safeParse(record);
        if (parsed.success) valid.push(parsed.data);
        else quarantine.push({ table: name, record, reason: summarizeIssues(parsed.error), at: now });
      }
      Object.assign(tables, { [name]: valid });
    }
    tables.quarantine = quarantine;
  });
  return {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    exportedAt: new Date(now).toISOString(),
    ...(timeZone ? { timeZone } : {}),
    tables,
  };
}

/** `rueckenwind-2026-11-22.json`, `rueckenwind-thanks-2026-11-22.csv`. */
export function exportFileName(what: string | undefined, day: string, extension: 'json' | 'csv'): string {
  return `rueckenwind${what ? `-${what}` : ''}-${day}.${extension}`;
}
