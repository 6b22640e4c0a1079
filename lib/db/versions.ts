/**
 * Schema versions and their migrations. A version, once shipped, is never edited: a change is a new
 * version with an upgrade. Every record an upgrade touches is validated against the current zod schema;
 * one that fails goes to `quarantine` with the reason, so a bad record neither crashes the upgrade
 * (which would leave the extension without a database) nor disappears.
 */
import type { Dexie, IndexableType, Transaction } from 'dexie';
import type { z } from 'zod/mini';
import { emptyAggregate, recognitionCounter, weeklyContributionsOf } from './aggregates';
import type { QuarantineEntry } from './database';
import {
  type AggregateCounter,
  CircleSchema,
  type DailyAggregate,
  type DayKey,
  IntranetSchema,
  OutboxItemSchema,
  RecognitionSchema,
  RelationshipSchema,
  type WeeklyContributions,
  WeeklyLogSchema,
  WolPostSchema,
} from './schemas';
import { summarizeIssues } from './validate';

/** Version 1: a recognition had a single recipient (`to: Person`); no aggregates, no quarantine. */
export const STORES_V1 = {
  recognitions: 'id, day, direction, createdAt, [post.origin+post.postId]',
  wolPosts: 'id, day, createdAt',
  circles: 'id',
  weeklyLogs: 'id, day, weekStart, circleId',
  relationships: 'id, circleId',
  outbox: 'id, state, [state+nextAttemptAt], idempotencyKey, recordId',
  intranets: 'origin',
} as const;

/** Version 2: `to` is a list; per-day counters; a place for records a migration rejected. */
export const STORES_V2 = {
  ...STORES_V1,
  dailyAggregates: 'day',
  quarantine: '++id, table, at',
} as const;

/** Version 3: the user's settings (a new table; no record changes shape). */
export const STORES_V3 = { ...STORES_V2, settings: 'id' } as const;

/** Version 4: selectors of the sites the user taught, and the tabs teaching one right now (new tables only). */
export const STORES_V4 = { ...STORES_V3, taughtSites: 'origin', teachSessions: 'tabId' } as const;

/** Version 5: accounts of the hosts reached with an OAuth token (lib/auth); a new table only. */
export const STORES_V5 = { ...STORES_V4, accounts: 'host' } as const;

/**
 * Version 6: the History in the options pages through the records newest first, by indexes ending in
 * the id so that records of the same millisecond still have a place to resume from; `deletions` notes
 * thanks received the user deleted, so that the next scan of the intranet does not bring them back.
 */
export const STORES_V6 = {
  ...STORES_V5,
  recognitions: `${STORES_V5.recognitions}, [direction+createdAt+id]`,
  wolPosts: `${STORES_V5.wolPosts}, [createdAt+id]`,
  weeklyLogs: `${STORES_V5.weeklyLogs}, [createdAt+id]`,
  deletions: 'id',
} as const;

/** Version 7: the contributions per week, derived from the daily aggregate, for the popup's streak. */
export const STORES_V7 = { ...STORES_V6, weeklyContributions: 'monday' } as const;

/** Only the version-1 declaration: lets tests build a database exactly as version 1 left it. */
export function declareVersion1(db: Dexie): void {
  db.version(1).stores(STORES_V1);
}

export function declareVersions(db: Dexie): void {
  declareVersion1(db);
  db.version(2).stores(STORES_V2).upgrade(upgradeToV2);
  db.version(3).stores(STORES_V3);
  db.version(4).stores(STORES_V4);
  db.version(5).stores(STORES_V5);
  db.version(6).stores(STORES_V6);
  db.version(7).stores(STORES_V7).upgrade(upgradeToV7);
}

async function upgradeToV2(tx: Transaction): Promise<void> {
  const migrator = new Migrator(tx, Date.now());
  await migrator.table('recognitions', RecognitionSchema, {
    upgrade: recipientToList,
    onValid: (rec) => migrator.count(rec.day, recognitionCounter(rec)),
  });
  await migrator.table('wolPosts', WolPostSchema, {
    onValid: (post) => migrator.count(post.day, 'wolPosts'),
  });
  await migrator.table('weeklyLogs', WeeklyLogSchema, {
    onValid: (log) => migrator.count(log.day, 'weeklyLogs'),
  });
  await migrator.table('circles', CircleSchema);
  await migrator.table('relationships', RelationshipSchema);
  await migrator.table('outbox', OutboxItemSchema);
  await migrator.table('intranets', IntranetSchema);
  await tx.table<DailyAggregate, DayKey>('dailyAggregates').bulkPut([...migrator.aggregates.values()]);
}

async function upgradeToV7(tx: Transaction): Promise<void> {
  const days = await tx.table<DailyAggregate, DayKey>('dailyAggregates').toArray();
  await tx.table<WeeklyContributions, DayKey>('weeklyContributions').bulkPut(weeklyContributionsOf(days));
}

/** Version 1 stored one recipient as an object; version 2 stores a list. */
function recipientToList(raw: unknown): unknown {
  if (!isPlainObject(raw) || !isPlainObject(raw.to)) return raw;
  return { ...raw, to: [raw.to] };
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

interface TableStep<T> {
  /** Reshapes a stored record into the new version's shape before it is validated. */
  upgrade?: (raw: unknown) => unknown;
  /** Sees every record that passed validation (used to tally the aggregates). */
  onValid?: (record: T) => void;
}

/** Validates one table at a time inside the upgrade transaction and tallies the daily aggregates. */
class Migrator {
  readonly aggregates = new Map<DayKey, DailyAggregate>();

  constructor(
    private readonly tx: Transaction,
    private readonly at: number,
  ) {}

  count(day: DayKey, counter: AggregateCounter): void {
    const row = this.aggregates.get(day) ?? emptyAggregate(day);
    row[counter] += 1;
    this.aggregates.set(day, row);
  }

  async table<T>(name: string, schema: z.ZodMiniType<T>, step: TableStep<T> = {}): Promise<void> {
    const table = this.tx.table<unknown, IndexableType>(name);
    const valid: T[] = [];
    const rejectedKeys: IndexableType[] = [];
    const quarantined: Omit<QuarantineEntry, 'id'>[] = [];
    await table.toCollection().each((raw, cursor) => {
      const result = schema.safeParse(step.upgrade ? step.upgrade(raw) : raw);
      if (result.success) {
        valid.push(result.data);
        step.onValid?.(result.data);
      } else {
        rejectedKeys.push(cursor.primaryKey);
        quarantined.push({ table: name, record: raw, reason: summarizeIssues(result.error), at: this.at });
      }
    });
    await table.bulkPut(valid);
    await table.bulkDelete(rejectedKeys);
    await this.tx
      .table<QuarantineEntry, number, Omit<QuarantineEntry, 'id'>>('quarantine')
      .bulkAdd(quarantined);
  }
}
