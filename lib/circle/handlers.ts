/** The background's handlers for the circle companion and the weekly log: the only code that writes them. */

import type { z } from 'zod/mini';
import type { RueckenwindDb } from '../db/database';
import { dayKeyOf } from '../db/day-key';
import {
  type Circle,
  CircleSchema,
  type Relationship,
  RelationshipSchema,
  type WeeklyLog,
} from '../db/schemas';
import { InvalidRecordError, parseRecord } from '../db/validate';
import { saveWeeklyLog } from '../db/writes';
import { fail, ok, type Result } from '../messages/result';
import { clearReminder, scheduleReminder } from './reminders';
import type {
  AddContributionSchema,
  CircleReplies,
  DeleteCircleSchema,
  DeleteRelationshipSchema,
  SaveCircleSchema,
  SaveRelationshipSchema,
  SaveWeeklyLogSchema,
} from './ui-messages';

type Clock = { now: () => number; newId: () => string };
type Reminders = {
  schedule: (circle: Circle, now: number) => Promise<void>;
  clear: (circleId: string) => Promise<void>;
};

function failure(error: unknown) {
  if (error instanceof InvalidRecordError) return fail('errorInvalidMessage', error.issues);
  return fail('errorStorage', error instanceof Error ? error.message : String(error));
}

async function guarded<T>(work: () => Promise<Result<T>>): Promise<Result<T>> {
  try {
    return await work();
  } catch (error) {
    return failure(error);
  }
}

type Handler<S extends z.ZodMiniType, K extends keyof CircleReplies> = (
  message: z.infer<S>,
) => Promise<Result<CircleReplies[K]>>;

export function createCircleHandlers(
  db: RueckenwindDb,
  clock: Clock,
  /** Called after a log was queued for the intranet: the outbox drains at once. */
  queued: () => void,
  /** Reminders live in browser alarms; tests of the handlers pass their own. */
  reminders: Reminders = { schedule: scheduleReminder, clear: clearReminder },
): {
  'circle.save': Handler<typeof SaveCircleSchema, 'circle.save'>;
  'circle.delete': Handler<typeof DeleteCircleSchema, 'circle.delete'>;
  'relationship.save': Handler<typeof SaveRelationshipSchema, 'relationship.save'>;
  'relationship.delete': Handler<typeof DeleteRelationshipSchema, 'relationship.delete'>;
  'relationship.contribute': Handler<typeof AddContributionSchema, 'relationship.contribute'>;
  'weeklyLog.save': Handler<typeof SaveWeeklyLogSchema, 'weeklyLog.save'>;
} {
  return {
    'circle.save': ({ circle: draft }) =>
      guarded(async () => {
        const existing = draft.id === undefined ? undefined : await db.circles.get(draft.id);
        if (draft.id !== undefined && !existing) return fail('errorInvalidMessage', 'no such circle');
        const now = clock.now();
        const circle = parseRecord(CircleSchema, 'circles', {
          ...draft,
          id: existing?.id ?? clock.newId(),
          // Seen on the intranet, never typed: the page cannot change them.
          sharedLogs: existing?.sharedLogs,
          createdAt: existing?.createdAt ?? now,
        });
        await db.circles.put(circle);
        await reminders.schedule(circle, now);
        return ok({ id: circle.id });
      }),

    // The relationship list belongs to the circle's goal and goes with it; logs stay in the history.
    'circle.delete': ({ id }) =>
      guarded(async () => {
        await db.transaction('rw', [db.circles, db.relationships], async () => {
          await db.circles.delete(id);
          await db.relationships.where('circleId').equals(id).delete();
        });
        await reminders.clear(id);
        return ok({ id });
      }),

    'relationship.save': (message) =>
      guarded(async () => {
        const existing = message.id === undefined ? undefined : await db.relationships.get(message.id);
        if (message.id !== undefined && !existing) return fail('errorInvalidMessage', 'no such person');
        const record: Relationship = parseRecord(RelationshipSchema, 'relationships', {
          id: existing?.id ?? clock.newId(),
          circleId: message.circleId,
          person: message.person,
          closeness: message.closeness,
          contributions: existing?.contributions ?? [],
          createdAt: existing?.createdAt ?? clock.now(),
        });
        await db.relationships.put(record);
        return ok({ id: record.id });
      }),

    'relationship.delete': ({ id }) =>
      guarded(async () => {
        await db.relationships.delete(id);
        return ok({ id });
      }),

    'relationship.contribute': ({ id, kind, note }) =>
      guarded(async () => {
        const found = await db.transaction('rw', db.relationships, async () => {
          const relationship = await db.relationships.get(id);
          if (!relationship) return false;
          const contribution = note ? { at: clock.now(), kind, note } : { at: clock.now(), kind };
          await db.relationships.put(
            parseRecord(RelationshipSchema, 'relationships', {
              ...relationship,
              contributions: [...relationship.contributions, contribution],
            }),
          );
          return true;
        });
        return found ? ok({ id }) : fail('errorInvalidMessage', 'no such person');
      }),

    // One log per circle and week: logging the week again edits it.
    'weeklyLog.save': (message) =>
      guarded(async () => {
        const now = clock.now();
        const existing = await db.weeklyLogs
          .where('weekStart')
          .equals(message.weekStart)
          .and((log) => log.circleId === message.circleId)
          .first();
        // A log already shared keeps the text that was posted: the intranet holds that one.
        const shared = existing?.postedText !== undefined;
        const shareNow = !shared && message.share !== undefined;
        const record: WeeklyLog = {
          id: existing?.id ?? clock.newId(),
          circleId: message.circleId,
          weekStart: message.weekStart,
          did: message.did,
          contributions: message.contributions,
          next: message.next,
          confidence: message.confidence,
          postedText: shareNow ? message.share : existing?.postedText,
          createdAt: existing?.createdAt ?? now,
          day: existing?.day ?? dayKeyOf(now),
          sync: shareNow
            ? { state: 'pending', updatedAt: now }
            : (existing?.sync ?? { state: 'local', updatedAt: now }),
        };
        const item = await saveWeeklyLog(db, record, { sync: shareNow, now });
        if (item) queued();
        return ok({ id: record.id, state: record.sync.state });
      }),
  };
}
