import { z } from 'zod/mini';
import {
  AddressFormSchema,
  HashtagSchema,
  HostIdSchema,
  OriginSchema,
  RecordIdSchema,
  type Settings,
  ValueNameSchema,
} from '../db/schemas';

/** Messages the popup, options page and side panel send to the background, the only database writer. */
export const SetIntranetEnabledSchema = z.object({
  type: z.literal('intranet.setEnabled'),
  origin: OriginSchema,
  enabled: z.boolean(),
});

/** Sent after the user granted the origin's permission ("Enable Rückenwind on this site"). */
export const AddIntranetSchema = z.object({
  type: z.literal('intranet.add'),
  origin: OriginSchema,
  host: HostIdSchema,
  name: z.string().check(z.trim(), z.minLength(1), z.maxLength(120)),
});

export const RemoveIntranetSchema = z.object({
  type: z.literal('intranet.remove'),
  origin: OriginSchema,
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
  AddIntranetSchema,
  RemoveIntranetSchema,
  SetIntranetEnabledSchema,
  DeleteRecognitionSchema,
  UpdateSettingsSchema,
]);
export type UiToBackground = z.infer<typeof UiToBackgroundSchema>;

export type UiReplies = {
  'intranet.add': { origin: string; enabled: boolean };
  'intranet.remove': { origin: string };
  'intranet.setEnabled': { origin: string; enabled: boolean };
  'recognition.delete': { id: string };
  'settings.update': Settings;
};
