import { z } from 'zod/mini';
import { OriginSchema, RecordIdSchema } from '../db/schemas';

/** Messages the popup, options page and side panel send to the background, the only database writer. */
export const SetIntranetEnabledSchema = z.object({
  type: z.literal('intranet.setEnabled'),
  origin: OriginSchema,
  enabled: z.boolean(),
});

export const DeleteRecognitionSchema = z.object({
  type: z.literal('recognition.delete'),
  id: RecordIdSchema,
});

export const UiToBackgroundSchema = z.discriminatedUnion('type', [
  SetIntranetEnabledSchema,
  DeleteRecognitionSchema,
]);
export type UiToBackground = z.infer<typeof UiToBackgroundSchema>;

export type UiReplies = {
  'intranet.setEnabled': { origin: string; enabled: boolean };
  'recognition.delete': { id: string };
};
