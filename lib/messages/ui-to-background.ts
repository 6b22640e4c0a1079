import { z } from 'zod/mini';
import { ACCOUNT_MESSAGES, type AccountReplies } from '../auth/ui-messages';
import { CIRCLE_MESSAGES, type CircleReplies } from '../circle/ui-messages';
import {
  AddressFormSchema,
  HashtagSchema,
  HostIdSchema,
  OriginSchema,
  RecordIdSchema,
  type Settings,
  TaughtSelectorsSchema,
  ValueNameSchema,
} from '../db/schemas';
import { DATA_MESSAGES, type DataReplies } from '../export/ui-messages';
import { HISTORY_MESSAGES, type HistoryReplies } from '../history/ui-messages';
import { TARGET_MESSAGES, type TargetReplies } from '../targets/ui-messages';

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

/**
 * "Teach Rückenwind this site", sent after the user granted the origin: the background opens a teach
 * session for the tab and injects the picker there. The popup may close at any moment after this.
 */
export const StartTeachingSchema = z.object({
  type: z.literal('teach.start'),
  tabId: z.int().check(z.minimum(0)),
  origin: OriginSchema,
});

/** Selectors corrected by hand (options page). */
export const UpdateTaughtSiteSchema = z.object({
  type: z.literal('teach.update'),
  origin: OriginSchema,
  selectors: TaughtSelectorsSchema,
});

/** "Forget this site": its selectors, its intranet entry, its registration and its permission. */
export const ForgetTaughtSiteSchema = z.object({
  type: z.literal('teach.forget'),
  origin: OriginSchema,
});

export const UiToBackgroundSchema = z.discriminatedUnion('type', [
  AddIntranetSchema,
  RemoveIntranetSchema,
  SetIntranetEnabledSchema,
  DeleteRecognitionSchema,
  UpdateSettingsSchema,
  StartTeachingSchema,
  UpdateTaughtSiteSchema,
  ForgetTaughtSiteSchema,
  ...CIRCLE_MESSAGES,
  ...ACCOUNT_MESSAGES,
  ...DATA_MESSAGES,
  ...HISTORY_MESSAGES,
  ...TARGET_MESSAGES,
]);
export type UiToBackground = z.infer<typeof UiToBackgroundSchema>;

export type UiReplies = {
  'intranet.add': { origin: string; enabled: boolean };
  'intranet.remove': { origin: string };
  'intranet.setEnabled': { origin: string; enabled: boolean };
  'recognition.delete': { id: string };
  'settings.update': Settings;
  'teach.start': { origin: string };
  'teach.update': { origin: string };
  'teach.forget': { origin: string };
} & CircleReplies &
  AccountReplies &
  DataReplies &
  HistoryReplies &
  TargetReplies;
