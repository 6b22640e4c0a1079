/**
 * Every write the background makes. Each one validates its record first, then writes the record, its
 * daily aggregate and (when it is to be delivered) its outbox item in ONE transaction: a thank-you is
 * either saved, counted and queued, or not there at all ("write before network").
 */
import type { Table } from 'dexie';
import { bumpAggregate, recognitionCounter } from './aggregates';
import type { RueckenwindDb } from './database';
import {
  type AggregateCounter,
  type DayKey,
  type Intranet,
  IntranetSchema,
  type OutboxItem,
  OutboxItemSchema,
  type Recognition,
  RecognitionSchema,
  type Sync,
  SyncSchema,
  type WeeklyLog,
  WeeklyLogSchema,
  type WolPost,
  WolPostSchema,
} from './schemas';
import { InvalidRecordError, parseRecord } from './validate';

export interface SaveOptions {
  /** Queue the record for delivery to its intranet. Received thanks are never queued: they came from there. */
  sync: boolean;
  now: number;
}

type OutboxKind = OutboxItem['kind'];
type Target = Pick<OutboxItem, 'host' | 'origin'>;

/**
 * Saves a thank-you (given or received) and counts it for its day. Saving an existing id replaces the
 * record and moves its count, so re-storing a received thank-you read back from the host never counts
 * twice. Returns the outbox item when one was queued.
 */
export async function saveRecognition(
  db: RueckenwindDb,
  rec: Recognition,
  opts: SaveOptions,
): Promise<OutboxItem | undefined> {
  const record = parseRecord(RecognitionSchema, 'recognitions', rec);
  const wantsSync = opts.sync && record.direction === 'given';
  if (wantsSync && !record.post) {
    throw new InvalidRecordError('recognitions', 'post: required to deliver a thank-you');
  }
  return db.transaction(
    'rw',
    [db.recognitions, db.dailyAggregates, db.weeklyContributions, db.outbox],
    async () => {
      const created = await putCounted(db, db.recognitions, record, recognitionCounter);
      if (!created || !wantsSync || !record.post) return undefined;
      return enqueue(db, 'recognition', record.id, record.post, opts.now);
    },
  );
}

/**
 * Stores thanks received that were read from an intranet, counting each new one for its day, all in one
 * transaction. One already stored (same id: same host, origin and reply) is left as it is and not
 * counted again, however often the intranet is scanned. Returns how many were new.
 */
export async function importReceivedThanks(db: RueckenwindDb, recs: Recognition[]): Promise<number> {
  const records = recs.map((rec) => parseRecord(RecognitionSchema, 'recognitions', rec));
  if (records.some((rec) => rec.direction !== 'received')) {
    throw new InvalidRecordError('recognitions', 'direction: only received thanks are imported');
  }
  return db.transaction(
    'rw',
    [db.recognitions, db.dailyAggregates, db.weeklyContributions, db.deletions],
    async () => {
      const ids = records.map((rec) => rec.id);
      const stored = await db.recognitions.bulkGet(ids);
      // One the user deleted stays deleted, however often the intranet still shows it.
      const deleted = await db.deletions.bulkGet(ids);
      const seen = new Set([...stored, ...deleted].flatMap((rec) => (rec ? [rec.id] : [])));
      let added = 0;
      for (const record of records) {
        // Also guards against the same reply twice in one batch.
        if (seen.has(record.id)) continue;
        seen.add(record.id);
        await db.recognitions.add(record);
        await bumpAggregate(db, record.day, 'thanksReceived', 1);
        added++;
      }
      return added;
    },
  );
}

/**
 * Deletes a thank-you, uncounts it, drops its queued deliveries and the relationship contribution it
 * became. A thank-you received is noted in `deletions`, so that importReceivedThanks never brings it
 * back. False when there was none.
 */
export async function deleteRecognition(db: RueckenwindDb, id: string, now = Date.now()): Promise<boolean> {
  const tables = [
    db.recognitions,
    db.dailyAggregates,
    db.weeklyContributions,
    db.outbox,
    db.deletions,
    db.relationships,
  ];
  return db.transaction('rw', tables, async () => {
    const rec = await deleteCounted(db, db.recognitions, 'recognition', id, recognitionCounter);
    if (rec?.direction === 'received') await db.deletions.put({ id, deletedAt: now });
    // The contribution it became on a relationship list (lib/circle/contributions.ts) holds a copy of
    // its message: deleting the thank-you deletes that too.
    for (const relationship of await db.relationships.toArray()) {
      const contributions = relationship.contributions.filter((entry) => entry.recognitionId !== id);
      if (contributions.length < relationship.contributions.length) {
        await db.relationships.put({ ...relationship, contributions });
      }
    }
    return rec !== undefined;
  });
}

/** Deletes a Working Out Loud post, uncounts it and drops its queued deliveries. False when there was none. */
export async function deleteWolPost(db: RueckenwindDb, id: string): Promise<boolean> {
  return db.transaction(
    'rw',
    [db.wolPosts, db.dailyAggregates, db.weeklyContributions, db.outbox],
    async () => {
      return (await deleteCounted(db, db.wolPosts, 'wol-post', id, () => 'wolPosts')) !== undefined;
    },
  );
}

/** Deletes a weekly log, uncounts it and drops its queued deliveries. False when there was none. */
export async function deleteWeeklyLog(db: RueckenwindDb, id: string): Promise<boolean> {
  return db.transaction(
    'rw',
    [db.weeklyLogs, db.dailyAggregates, db.weeklyContributions, db.outbox],
    async () => {
      return (await deleteCounted(db, db.weeklyLogs, 'weekly-log', id, () => 'weeklyLogs')) !== undefined;
    },
  );
}

/** Saves a Working Out Loud post and counts it; queues it for its intranet when `opts.sync`. */
export async function saveWolPost(
  db: RueckenwindDb,
  post: WolPost,
  opts: SaveOptions,
): Promise<OutboxItem | undefined> {
  const record = parseRecord(WolPostSchema, 'wolPosts', post);
  return db.transaction(
    'rw',
    [db.wolPosts, db.dailyAggregates, db.weeklyContributions, db.outbox],
    async () => {
      const created = await putCounted(db, db.wolPosts, record, () => 'wolPosts');
      if (!created || !opts.sync) return undefined;
      return enqueue(db, 'wol-post', record.id, record, opts.now);
    },
  );
}

/**
 * Saves a weekly circle log (editing one keeps the count exact). With `opts.sync` the log is queued for
 * its circle's space, which must exist, unless it was queued before (a log kept private at first can be
 * shared later, but never twice).
 */
export async function saveWeeklyLog(
  db: RueckenwindDb,
  log: WeeklyLog,
  opts: SaveOptions,
): Promise<OutboxItem | undefined> {
  const record = parseRecord(WeeklyLogSchema, 'weeklyLogs', log);
  return db.transaction(
    'rw',
    [db.weeklyLogs, db.circles, db.dailyAggregates, db.weeklyContributions, db.outbox],
    async () => {
      const created = await putCounted(db, db.weeklyLogs, record, () => 'weeklyLogs');
      if (!opts.sync) return undefined;
      if (!created && (await db.outbox.where('recordId').equals(record.id).count()) > 0) return undefined;
      const circle = record.circleId === undefined ? undefined : await db.circles.get(record.circleId);
      if (!circle?.space) {
        throw new InvalidRecordError('weeklyLogs', 'circleId: no circle with a space to deliver the log to');
      }
      return enqueue(db, 'weekly-log', record.id, circle.space, opts.now);
    },
  );
}

/** Records a delivery outcome on the record itself. False when the record no longer exists. */
export async function setSyncState(
  db: RueckenwindDb,
  kind: OutboxKind,
  recordId: string,
  sync: Sync,
): Promise<boolean> {
  const changes = { sync: parseRecord(SyncSchema, 'sync', sync) };
  // One call per table: the three tables have different record types.
  switch (kind) {
    case 'recognition':
      return (await db.recognitions.update(recordId, changes)) === 1;
    case 'wol-post':
      return (await db.wolPosts.update(recordId, changes)) === 1;
    case 'weekly-log':
      return (await db.weeklyLogs.update(recordId, changes)) === 1;
  }
}

/**
 * Puts a failed delivery back in the queue at once: its outbox items become pending with a fresh
 * attempt count, and the record shows "pending" again. False when nothing had failed.
 */
export async function retryDelivery(
  db: RueckenwindDb,
  kind: OutboxKind,
  recordId: string,
  now: number,
): Promise<boolean> {
  return db.transaction('rw', [db.outbox, db.recognitions, db.wolPosts, db.weeklyLogs], async () => {
    const failed = await db.outbox
      .where('recordId')
      .equals(recordId)
      .and((item) => item.kind === kind && item.state === 'failed')
      .toArray();
    if (failed.length === 0) return false;
    for (const item of failed) {
      await db.outbox.put({
        ...item,
        state: 'pending',
        attempts: 0,
        nextAttemptAt: now,
        lastError: undefined,
      });
    }
    await setSyncState(db, kind, recordId, { state: 'pending', updatedAt: now });
    return true;
  });
}

/**
 * Intranets the manifest already covers: the loopback demo intranet on whatever port it runs, and the
 * SaaS hosts whose content scripts have static matches. The user can switch each off.
 */
export const BUILTIN_INTRANETS = [
  {
    origin: 'http://127.0.0.1',
    host: 'demo',
    name: 'Demo intranet',
    enabled: true,
    anyPort: true,
    source: 'builtin',
  },
  {
    origin: 'http://localhost',
    host: 'demo',
    name: 'Demo intranet',
    enabled: true,
    anyPort: true,
    source: 'builtin',
  },
  {
    origin: 'https://app.slack.com',
    host: 'slack',
    name: 'Slack',
    enabled: true,
    anyPort: false,
    source: 'builtin',
  },
  {
    origin: 'https://engage.cloud.microsoft',
    host: 'viva-engage',
    name: 'Viva Engage',
    enabled: true,
    anyPort: false,
    source: 'builtin',
  },
  {
    origin: 'https://web.yammer.com',
    host: 'viva-engage',
    name: 'Viva Engage',
    enabled: true,
    anyPort: false,
    source: 'builtin',
  },
  {
    origin: 'https://www.yammer.com',
    host: 'viva-engage',
    name: 'Viva Engage',
    enabled: true,
    anyPort: false,
    source: 'builtin',
  },
  {
    origin: 'https://*.atlassian.net',
    host: 'confluence',
    name: 'Confluence Cloud',
    enabled: true,
    anyPort: false,
    source: 'builtin',
  },
] as const satisfies readonly Omit<Intranet, 'addedAt'>[];

/**
 * Adds or refreshes the built-in intranets. A user's `enabled` choice and the original `addedAt` are
 * kept, and an entry the user or a policy made for the same origin is left alone.
 */
export async function seedBuiltinIntranets(db: RueckenwindDb, now: number): Promise<void> {
  await db.transaction('rw', db.intranets, async () => {
    for (const builtin of BUILTIN_INTRANETS) {
      const existing = await db.intranets.get(builtin.origin);
      if (existing && existing.source !== 'builtin') continue;
      const record = parseRecord(IntranetSchema, 'intranets', {
        ...builtin,
        enabled: existing?.enabled ?? builtin.enabled,
        addedAt: existing?.addedAt ?? now,
      });
      await db.intranets.put(record);
    }
  });
}

/**
 * Puts a counted record and keeps its day's aggregate exact: a replaced record is uncounted from its
 * old day and counter first. Returns true when the record is new. Call inside a transaction.
 */
async function putCounted<T extends { id: string; day: DayKey }>(
  db: RueckenwindDb,
  table: Table<T, string>,
  record: T,
  counterOf: (record: T) => AggregateCounter,
): Promise<boolean> {
  const previous = await table.get(record.id);
  if (previous) await bumpAggregate(db, previous.day, counterOf(previous), -1);
  await table.put(record);
  await bumpAggregate(db, record.day, counterOf(record), 1);
  return previous === undefined;
}

/**
 * Deletes a counted record, uncounts it from its day and drops its queued deliveries. Returns the
 * deleted record, undefined when there was none. Call inside a transaction spanning the table, the
 * aggregates and the outbox.
 */
async function deleteCounted<T extends { id: string; day: DayKey }>(
  db: RueckenwindDb,
  table: Table<T, string>,
  kind: OutboxKind,
  id: string,
  counterOf: (record: T) => AggregateCounter,
): Promise<T | undefined> {
  const record = await table.get(id);
  if (!record) return undefined;
  await table.delete(id);
  await bumpAggregate(db, record.day, counterOf(record), -1);
  // An in-flight request is already on the wire; its ack must still find its outbox item.
  await db.outbox
    .where('recordId')
    .equals(id)
    .and((item) => item.kind === kind && item.state !== 'inflight')
    .delete();
  return record;
}

/** Adds a pending outbox item. Call inside the transaction that writes the record. */
async function enqueue(
  db: RueckenwindDb,
  kind: OutboxKind,
  recordId: string,
  target: Target,
  now: number,
): Promise<OutboxItem> {
  const item = parseRecord(OutboxItemSchema, 'outbox', {
    id: crypto.randomUUID(),
    kind,
    recordId,
    host: target.host,
    origin: target.origin,
    idempotencyKey: `rueckenwind-${crypto.randomUUID()}`,
    state: 'pending',
    attempts: 0,
    nextAttemptAt: now,
    createdAt: now,
  } satisfies OutboxItem);
  await db.outbox.add(item);
  return item;
}
