/**
 * The extension's IndexedDB database. Only the background service worker writes it (through
 * `writes.ts`); popup and options read it directly. Table shapes come from `schemas.ts`, the indexes
 * and the migrations from `versions.ts`.
 */
import Dexie, { type EntityTable, type Table } from 'dexie';
import { DB_NAME } from './name';
import type {
  Account,
  Circle,
  DailyAggregate,
  DayKey,
  Deletion,
  Intranet,
  OutboxItem,
  Recognition,
  Relationship,
  Settings,
  TaughtSite,
  TeachSession,
  WeeklyContributions,
  WeeklyLog,
  WolPost,
} from './schemas';
import { declareVersions } from './versions';

export { DB_NAME };

/** A record a migration could not validate: kept aside, never silently dropped. */
export interface QuarantineEntry {
  id: number;
  /** The table the record came from. */
  table: string;
  /** The record exactly as it was stored before the migration. */
  record: unknown;
  reason: string;
  at: number;
}

export class RueckenwindDb extends Dexie {
  // `declare`: Dexie installs the tables on the instance; a class field would overwrite them.
  declare readonly recognitions: Table<Recognition, string>;
  declare readonly wolPosts: Table<WolPost, string>;
  declare readonly circles: Table<Circle, string>;
  declare readonly weeklyLogs: Table<WeeklyLog, string>;
  declare readonly relationships: Table<Relationship, string>;
  declare readonly outbox: Table<OutboxItem, string>;
  declare readonly intranets: Table<Intranet, string>;
  declare readonly dailyAggregates: Table<DailyAggregate, DayKey>;
  declare readonly quarantine: EntityTable<QuarantineEntry, 'id'>;
  declare readonly settings: Table<Settings, 'user'>;
  declare readonly taughtSites: Table<TaughtSite, string>;
  declare readonly teachSessions: Table<TeachSession, number>;
  declare readonly accounts: Table<Account, string>;
  declare readonly deletions: Table<Deletion, string>;
  declare readonly weeklyContributions: Table<WeeklyContributions, DayKey>;

  constructor(name: string) {
    super(name);
    declareVersions(this);
  }
}

/** The database handle; Dexie opens it (and runs pending migrations) on first use. */
export function openDatabase(name = DB_NAME): RueckenwindDb {
  return new RueckenwindDb(name);
}
