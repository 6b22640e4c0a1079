/**
 * The History's messages to the background (joined into lib/messages/ui-to-background.ts): deleting one
 * Working Out Loud post or weekly log. A thank-you goes with `recognition.delete`. Reading needs no
 * message: pages may read.
 */
import { z } from 'zod/mini';
import { RecordIdSchema } from '../db/schemas';

export const DeleteWolPostSchema = z.object({ type: z.literal('wolPost.delete'), id: RecordIdSchema });
export const DeleteWeeklyLogSchema = z.object({ type: z.literal('weeklyLog.delete'), id: RecordIdSchema });

export const HISTORY_MESSAGES = [DeleteWolPostSchema, DeleteWeeklyLogSchema] as const;

const DeletedSchema = z.object({ id: z.string() });

export type HistoryReplies = {
  'wolPost.delete': z.infer<typeof DeletedSchema>;
  'weeklyLog.delete': z.infer<typeof DeletedSchema>;
};

export const HISTORY_REPLY_SCHEMAS = {
  'wolPost.delete': DeletedSchema,
  'weeklyLog.delete': DeletedSchema,
} satisfies { [K in keyof HistoryReplies]: z.ZodMiniType<HistoryReplies[K]> };
