import { z } from 'zod/mini';
import type { Settings } from '../db/schemas';
import {
  AddressFormSchema,
  HashtagSchema,
  OriginSchema,
  RecordIdSchema,
  ValueNameSchema,
} from '../db/schemas';

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

export const UpdateSettingsSchema = z.object({
  type: z.literal('settings.update'),
  patch: z.object({
    values: z.optional(z.array(ValueNameSchema).check(z.maxLength(30))),
    addressForm: z.optional(AddressFormSchema),
    wolHashtag: z.optional(HashtagSchema),
    weeklyGoal: z.optional(z.int().check(z.minimum(1), z.maximum(50))),
  }),
});

export const UiToBackgroundSchema = z.discriminatedUnion('type', [
  SetIntranetEnabledSchema,
  DeleteRecognitionSchema,
  UpdateSettingsSchema,
]);
export type UiToBackground = z.infer<typeof UiToBackgroundSchema>;

export type UiReplies = {
  'intranet.setEnabled': { origin: string; enabled: boolean };
  'recognition.delete': { id: string };
  'settings.update': Settings;
};
