/**
 * The shape of a Rückenwind backup file ("Export everything as JSON" in the options). It is plain
 * JSON, meant to be read by people and other tools as well as re-imported:
 *
 * ```json
 * {
 *   "format": "rueckenwind-backup",
 *   "version": 1,
 *   "exportedAt": "2026-11-22T20:15:00.000Z",
 *   "timeZone": "Europe/Berlin",
 *   "tables": {
 *     "recognitions": [Recognition, …], "wolPosts": [WolPost, …], "weeklyLogs": [WeeklyLog, …],
 *     "circles": [Circle, …], "relationships": [Relationship, …], "settings": [Settings],
 *     "intranets": [Intranet, …], "taughtSites": [TaughtSite, …], "outbox": [OutboxItem, …],
 *     "dailyAggregates": [DailyAggregate, …], "quarantine": [QuarantineEntry, …],
 *     "deletions": [Deletion, …]
 *   }
 * }
 * ```
 *
 * Each record has exactly the shape of its schema in lib/db/schemas.ts; times are epoch milliseconds and
 * days `YYYY-MM-DD` in the user's time zone (`timeZone` says which). Every table may be left out of a
 * file made by hand. Importing merges by id: records already there are replaced by the file's, nothing
 * else is removed. What an import restores is listed in IMPORTED_TABLES; the rest is for reading only.
 */
import { z } from 'zod/mini';
import {
  CircleSchema,
  DailyAggregateSchema,
  DeletionSchema,
  IntranetSchema,
  OutboxItemSchema,
  RecognitionSchema,
  RelationshipSchema,
  SettingsSchema,
  TaughtSiteSchema,
  WeeklyLogSchema,
  WolPostSchema,
} from '../db/schemas';

export const BACKUP_FORMAT = 'rueckenwind-backup';
export const BACKUP_VERSION = 1;

/** A record a migration (or the export) could not validate, kept as it was with the reason. */
export const QuarantineEntrySchema = z.object({
  id: z.optional(z.number()),
  table: z.string(),
  record: z.unknown(),
  reason: z.string(),
  at: z.number(),
});

export const BackupTablesSchema = z.object({
  recognitions: z.optional(z.array(RecognitionSchema)),
  wolPosts: z.optional(z.array(WolPostSchema)),
  weeklyLogs: z.optional(z.array(WeeklyLogSchema)),
  circles: z.optional(z.array(CircleSchema)),
  relationships: z.optional(z.array(RelationshipSchema)),
  settings: z.optional(z.array(SettingsSchema).check(z.maxLength(1))),
  intranets: z.optional(z.array(IntranetSchema)),
  taughtSites: z.optional(z.array(TaughtSiteSchema)),
  outbox: z.optional(z.array(OutboxItemSchema)),
  dailyAggregates: z.optional(z.array(DailyAggregateSchema)),
  quarantine: z.optional(z.array(QuarantineEntrySchema)),
  deletions: z.optional(z.array(DeletionSchema)),
});
export type BackupTables = z.infer<typeof BackupTablesSchema>;
export type BackupTable = keyof BackupTables;

/** The schema of each exported table's records, which the export validates every record against. */
export const RECORD_SCHEMAS = {
  recognitions: RecognitionSchema,
  wolPosts: WolPostSchema,
  weeklyLogs: WeeklyLogSchema,
  circles: CircleSchema,
  relationships: RelationshipSchema,
  settings: SettingsSchema,
  intranets: IntranetSchema,
  taughtSites: TaughtSiteSchema,
  outbox: OutboxItemSchema,
  dailyAggregates: DailyAggregateSchema,
  deletions: DeletionSchema,
} satisfies Partial<Record<BackupTable, z.ZodMiniType>>;

export const BackupSchema = z.object({
  format: z.literal(BACKUP_FORMAT),
  version: z.literal(BACKUP_VERSION),
  exportedAt: z.string(),
  timeZone: z.optional(z.string()),
  tables: BackupTablesSchema,
});
export type Backup = z.infer<typeof BackupSchema>;

/**
 * Restored by an import. `deletions` too: a thank-you received that the user deleted must not come
 * back on the next scan in the browser the backup is restored to either. Not restored: intranets and taught sites (each site needs the browser's
 * permission again, given by the user), the outbox (deliveries belong to the browser that queued
 * them), the daily aggregates (recounted from the records) and the quarantine.
 */
export const IMPORTED_TABLES = [
  'recognitions',
  'wolPosts',
  'weeklyLogs',
  'circles',
  'relationships',
  'settings',
  'deletions',
] as const satisfies readonly BackupTable[];
