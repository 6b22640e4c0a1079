/**
 * The circle companion's and the weekly log's messages to the background (joined into
 * lib/messages/ui-to-background.ts). The background adds ids and times; the page sends what the user typed.
 */
import { z } from 'zod/mini';
import {
  CircleSchema,
  CONTRIBUTION_KINDS,
  DayKeySchema,
  MESSAGE_MAX,
  PersonSchema,
  POSTED_TEXT_MAX,
  RecordIdSchema,
  SYNC_STATES,
} from '../db/schemas';

export const MEMBERS_MAX = 12;

export const CircleDraftSchema = z.object({
  ...z.omit(CircleSchema, { id: true, createdAt: true, members: true, sharedLogs: true }).shape,
  id: z.optional(RecordIdSchema),
  members: z.array(PersonSchema).check(z.maxLength(MEMBERS_MAX)),
});
export type CircleDraft = z.infer<typeof CircleDraftSchema>;

export const SaveCircleSchema = z.object({ type: z.literal('circle.save'), circle: CircleDraftSchema });
export const DeleteCircleSchema = z.object({ type: z.literal('circle.delete'), id: RecordIdSchema });

export const SaveRelationshipSchema = z.object({
  type: z.literal('relationship.save'),
  id: z.optional(RecordIdSchema),
  circleId: z.optional(RecordIdSchema),
  person: PersonSchema,
  closeness: z.int().check(z.minimum(0), z.maximum(5)),
});
export const DeleteRelationshipSchema = z.object({
  type: z.literal('relationship.delete'),
  id: RecordIdSchema,
});
export const AddContributionSchema = z.object({
  type: z.literal('relationship.contribute'),
  id: RecordIdSchema,
  kind: z.enum(CONTRIBUTION_KINDS),
  note: z.optional(z.string().check(z.trim(), z.maxLength(400))),
});

export const SaveWeeklyLogSchema = z.object({
  type: z.literal('weeklyLog.save'),
  circleId: z.optional(RecordIdSchema),
  weekStart: DayKeySchema,
  did: z.string().check(z.trim(), z.maxLength(MESSAGE_MAX)),
  contributions: z.string().check(z.trim(), z.maxLength(MESSAGE_MAX)),
  next: z.string().check(z.trim(), z.maxLength(MESSAGE_MAX)),
  confidence: z.int().check(z.minimum(1), z.maximum(5)),
  /** Present when the user chose to share the log with the circle: exactly the previewed text. */
  share: z.optional(z.string().check(z.trim(), z.minLength(1), z.maxLength(POSTED_TEXT_MAX))),
});

export const CIRCLE_MESSAGES = [
  SaveCircleSchema,
  DeleteCircleSchema,
  SaveRelationshipSchema,
  DeleteRelationshipSchema,
  AddContributionSchema,
  SaveWeeklyLogSchema,
] as const;

export const SavedIdSchema = z.object({ id: z.string() });
export const SavedLogSchema = z.object({ id: z.string(), state: z.enum(SYNC_STATES) });

export type CircleReplies = {
  'circle.save': z.infer<typeof SavedIdSchema>;
  'circle.delete': z.infer<typeof SavedIdSchema>;
  'relationship.save': z.infer<typeof SavedIdSchema>;
  'relationship.delete': z.infer<typeof SavedIdSchema>;
  'relationship.contribute': z.infer<typeof SavedIdSchema>;
  'weeklyLog.save': z.infer<typeof SavedLogSchema>;
};

export const CIRCLE_REPLY_SCHEMAS = {
  'circle.save': SavedIdSchema,
  'circle.delete': SavedIdSchema,
  'relationship.save': SavedIdSchema,
  'relationship.delete': SavedIdSchema,
  'relationship.contribute': SavedIdSchema,
  'weeklyLog.save': SavedLogSchema,
} as const;
