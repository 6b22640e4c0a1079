/**
 * The single source of Rückenwind's data types. Every record the database holds, every message that
 * carries one, and every backup that is imported is checked against these schemas; the TypeScript
 * types are inferred from them. `zod/mini` keeps the content-script bundle small.
 */
import { z } from 'zod/mini';

export const HOST_IDS = [
  'demo',
  'wordpress',
  'mediawiki',
  'viva-engage',
  'connections',
  'slack',
  'confluence',
  'sharepoint',
  'teams',
  'discourse',
  'mattermost',
  'generic',
] as const;
export const HostIdSchema = z.enum(HOST_IDS);
export type HostId = z.infer<typeof HostIdSchema>;

/** A calendar day in the user's time zone, `YYYY-MM-DD`. */
export const DayKeySchema = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/));
export type DayKey = z.infer<typeof DayKeySchema>;

export const RecordIdSchema = z.string().check(z.minLength(1), z.maxLength(64));

/** Only http(s): a profile link or permalink read from a hostile page must never become `javascript:`. */
export const WebUrlSchema = z.url({ protocol: /^https?$/ });

export const OriginSchema = z.string().check(z.regex(/^https?:\/\/[^/?#\s]+$/));

export const PersonSchema = z.object({
  name: z.string().check(z.trim(), z.minLength(1), z.maxLength(200)),
  /** The person's id on the intranet, where the host exposes one. */
  id: z.optional(z.string().check(z.minLength(1), z.maxLength(200))),
  profileUrl: z.optional(WebUrlSchema),
});
export type Person = z.infer<typeof PersonSchema>;

export const PostRefSchema = z.object({
  host: HostIdSchema,
  origin: OriginSchema,
  postId: z.string().check(z.minLength(1), z.maxLength(200)),
  permalink: z.optional(WebUrlSchema),
  excerpt: z.optional(z.string().check(z.maxLength(280))),
  author: PersonSchema,
});
export type PostRef = z.infer<typeof PostRefSchema>;

export const SYNC_STATES = ['local', 'pending', 'sent', 'failed'] as const;
export const SyncSchema = z.object({
  state: z.enum(SYNC_STATES),
  remoteId: z.optional(z.string()),
  error: z.optional(z.string()),
  updatedAt: z.number(),
});
export type Sync = z.infer<typeof SyncSchema>;

export const MESSAGE_MAX = 2000;
export const RECIPIENTS_MAX = 20;
export const POSTED_TEXT_MAX = 4000;

export const RecognitionSchema = z.object({
  id: RecordIdSchema,
  direction: z.enum(['given', 'received']),
  from: PersonSchema,
  /** One thank-you can go to several people. */
  to: z.array(PersonSchema).check(z.minLength(1), z.maxLength(RECIPIENTS_MAX)),
  post: z.optional(PostRefSchema),
  message: z.string().check(z.trim(), z.minLength(1), z.maxLength(MESSAGE_MAX)),
  value: z.optional(z.string().check(z.maxLength(80))),
  /** The exact text the user previewed and approved; what is posted to the intranet. */
  postedText: z.optional(z.string().check(z.maxLength(POSTED_TEXT_MAX))),
  createdAt: z.number(),
  day: DayKeySchema,
  sync: SyncSchema,
});
export type Recognition = z.infer<typeof RecognitionSchema>;

export const WOL_TEMPLATES = ['working-on', 'learned', 'need-help'] as const;
export const WolPostSchema = z.object({
  id: RecordIdSchema,
  host: HostIdSchema,
  origin: OriginSchema,
  /** The exact text the user previewed and approved. */
  text: z.string().check(z.trim(), z.minLength(1), z.maxLength(POSTED_TEXT_MAX)),
  template: z.optional(z.enum(WOL_TEMPLATES)),
  /** Group, space or channel on the host, where it has such things. */
  target: z.optional(z.string().check(z.maxLength(200))),
  linkedPost: z.optional(PostRefSchema),
  createdAt: z.number(),
  day: DayKeySchema,
  sync: SyncSchema,
});
export type WolPost = z.infer<typeof WolPostSchema>;

export const CircleSchema = z.object({
  id: RecordIdSchema,
  name: z.string().check(z.trim(), z.minLength(1), z.maxLength(120)),
  startDate: DayKeySchema,
  meeting: z.object({
    /** ISO weekday, 1 = Monday. */
    weekday: z.int().check(z.minimum(1), z.maximum(7)),
    time: z.string().check(z.regex(/^([01]\d|2[0-3]):[0-5]\d$/)),
  }),
  remindersOn: z.boolean(),
  /** How long before each meeting the reminder comes; absent means the default (lib/circle/meetings.ts). */
  reminderMinutes: z.optional(z.int().check(z.minimum(5), z.maximum(1440))),
  members: z.array(PersonSchema),
  goal: z.optional(z.string().check(z.maxLength(400))),
  /** The user's own answers to the three goal questions (care about it, progress in 12 weeks, others can help). */
  goalChecks: z.optional(z.object({ care: z.boolean(), progress: z.boolean(), help: z.boolean() })),
  /** `target` is the host's id of the group or channel; `targetName` the name people know it by, where known. */
  space: z.optional(
    z.object({
      host: HostIdSchema,
      origin: OriginSchema,
      target: z.string(),
      targetName: z.optional(z.string().check(z.maxLength(200))),
    }),
  ),
  /** Weekly logs members shared in the circle's space, as the content script saw them there. */
  sharedLogs: z.optional(
    z
      .array(
        z.object({
          author: PersonSchema,
          week: z.int().check(z.minimum(1), z.maximum(12)),
          postId: z.string().check(z.minLength(1), z.maxLength(200)),
          seenAt: z.number(),
        }),
      )
      .check(z.maxLength(500)),
  ),
  createdAt: z.number(),
});
export type Circle = z.infer<typeof CircleSchema>;

export const WeeklyLogSchema = z.object({
  id: RecordIdSchema,
  circleId: z.optional(RecordIdSchema),
  /** The Monday of the logged week. */
  weekStart: DayKeySchema,
  did: z.string().check(z.maxLength(MESSAGE_MAX)),
  contributions: z.string().check(z.maxLength(MESSAGE_MAX)),
  next: z.string().check(z.maxLength(MESSAGE_MAX)),
  /** Private: never shared. */
  confidence: z.int().check(z.minimum(1), z.maximum(5)),
  /** The exact text the user previewed and chose to share with the circle (never holds the confidence). */
  postedText: z.optional(z.string().check(z.maxLength(POSTED_TEXT_MAX))),
  createdAt: z.number(),
  day: DayKeySchema,
  sync: SyncSchema,
});
export type WeeklyLog = z.infer<typeof WeeklyLogSchema>;

export const CONTRIBUTION_KINDS = ['thanks', 'comment', 'share', 'help', 'other'] as const;
export const RelationshipSchema = z.object({
  id: RecordIdSchema,
  circleId: z.optional(RecordIdSchema),
  person: PersonSchema,
  /** 0 "doesn't know you exist" … 5 "trusted advisor" (the WOL method's scale). */
  closeness: z.int().check(z.minimum(0), z.maximum(5)),
  contributions: z.array(
    z.object({
      at: z.number(),
      kind: z.enum(CONTRIBUTION_KINDS),
      note: z.optional(z.string().check(z.maxLength(400))),
      recognitionId: z.optional(RecordIdSchema),
    }),
  ),
  createdAt: z.number(),
});
export type Relationship = z.infer<typeof RelationshipSchema>;

export const OUTBOX_KINDS = ['recognition', 'wol-post', 'weekly-log'] as const;
export const OUTBOX_STATES = ['pending', 'inflight', 'done', 'failed'] as const;
export const OutboxItemSchema = z.object({
  id: RecordIdSchema,
  kind: z.enum(OUTBOX_KINDS),
  recordId: RecordIdSchema,
  host: HostIdSchema,
  origin: OriginSchema,
  /** Sent with the write so that an uncertain failure can be checked on the host before resending. */
  idempotencyKey: z.string().check(z.minLength(8)),
  state: z.enum(OUTBOX_STATES),
  attempts: z.int().check(z.minimum(0)),
  nextAttemptAt: z.number(),
  leaseUntil: z.optional(z.number()),
  lastError: z.optional(z.string()),
  /**
   * Set when an attempt ended without knowing whether the host took the write (timeout, lost
   * response): the next attempt first looks on the host for a write of ours made since then.
   */
  uncertainSince: z.optional(z.number()),
  createdAt: z.number(),
});
export type OutboxItem = z.infer<typeof OutboxItemSchema>;

export const IntranetSchema = z.object({
  /** An origin (`https://intranet.example.com`) or, for built-in loopback demo hosts, `http://127.0.0.1`. */
  origin: OriginSchema,
  host: HostIdSchema,
  name: z.string().check(z.minLength(1), z.maxLength(120)),
  enabled: z.boolean(),
  /** Built-in entries ignore the port: the demo intranet runs on whatever loopback port is free. */
  anyPort: z.boolean(),
  source: z.enum(['builtin', 'user', 'policy']),
  addedAt: z.number(),
});
export type Intranet = z.infer<typeof IntranetSchema>;

/** Long enough for any selector a person would write or the picker derives; bounded like every input. */
export const TAUGHT_SELECTOR_MAX = 400;
const TaughtSelectorSchema = z.string().check(z.trim(), z.minLength(1), z.maxLength(TAUGHT_SELECTOR_MAX));
/** Read inside each post (`post.querySelector`), so it is anchored at the post. */
const InPostSelectorSchema = TaughtSelectorSchema.check(z.startsWith(':scope'));

/**
 * How the generic adapter finds posts on a site the user taught it (lib/teach). zod cannot tell whether
 * a string parses as CSS; the contexts with a DOM (picker, options, content script) check that.
 */
export const TaughtSelectorsSchema = z.object({
  /** Every post on a page. */
  post: TaughtSelectorSchema,
  author: InPostSelectorSchema,
  permalink: z.optional(InPostSelectorSchema),
  body: z.optional(InPostSelectorSchema),
  /** Where the buttons go; without it they go right after the author's name. */
  actions: z.optional(InPostSelectorSchema),
  /** The signed-in user's name, somewhere on the page. */
  currentUser: z.optional(TaughtSelectorSchema),
  /** An attribute of the post element that identifies it (`id`, `data-content-key`, ...). */
  postIdAttribute: z.optional(z.string().check(z.regex(/^[a-z][a-z_-]{0,60}$/))),
});
export type TaughtSelectors = z.infer<typeof TaughtSelectorsSchema>;

export const TaughtSiteSchema = z.object({
  origin: OriginSchema,
  selectors: TaughtSelectorsSchema,
  taughtAt: z.number(),
  updatedAt: z.number(),
});
export type TaughtSite = z.infer<typeof TaughtSiteSchema>;

/** The tab in which the user is teaching a site: the only sender whose picker messages are accepted. */
export const TeachSessionSchema = z.object({
  tabId: z.int().check(z.minimum(0)),
  origin: OriginSchema,
  expiresAt: z.number(),
});
export type TeachSession = z.infer<typeof TeachSessionSchema>;

/** Counts per day, kept in the same transaction as every write so that no view scans the history. */
export const DailyAggregateSchema = z.object({
  day: DayKeySchema,
  thanksGiven: z.int().check(z.minimum(0)),
  thanksReceived: z.int().check(z.minimum(0)),
  wolPosts: z.int().check(z.minimum(0)),
  weeklyLogs: z.int().check(z.minimum(0)),
});
export type DailyAggregate = z.infer<typeof DailyAggregateSchema>;
export type AggregateCounter = Exclude<keyof DailyAggregate, 'day'>;

/**
 * A thank-you received that the user deleted. It lives on, on the intranet, and a scan would read it in
 * again: this note (its id and when, nothing of its content) keeps it out.
 */
export const DeletionSchema = z.object({
  id: RecordIdSchema,
  deletedAt: z.number(),
});
export type Deletion = z.infer<typeof DeletionSchema>;

/**
 * The contributions of one week, keyed by its Monday, for all time: derived from the daily aggregate
 * in the same transaction, so that the popup's streak reads one row per week instead of one per day.
 */
export const WeeklyContributionsSchema = z.object({
  monday: DayKeySchema,
  contributions: z.int().check(z.minimum(0)),
});
export type WeeklyContributions = z.infer<typeof WeeklyContributionsSchema>;

export const ADDRESS_FORMS = ['sie', 'du'] as const;
export const AddressFormSchema = z.enum(ADDRESS_FORMS);
export type AddressForm = z.infer<typeof AddressFormSchema>;

export const ValueNameSchema = z.string().check(z.trim(), z.minLength(1), z.maxLength(60));
export const HashtagSchema = z.string().check(z.regex(/^#[\p{L}\p{N}_]{1,40}$/u));

/** The user's preferences; one record. A field left out means "the default for my language". */
export const SettingsSchema = z.object({
  id: z.literal('user'),
  /** The values/categories a thank-you can carry. */
  values: z.optional(z.array(ValueNameSchema).check(z.maxLength(30))),
  /** German only: formal "Sie" (default) or informal "du". */
  addressForm: AddressFormSchema,
  wolHashtag: HashtagSchema,
  /** Contributions per week that keep the streak going. */
  weeklyGoal: z.int().check(z.minimum(1), z.maximum(50)),
});
export type Settings = z.infer<typeof SettingsSchema>;

/** Hosts reached from the background with an OAuth bearer token (the `token` transport). */
export const TOKEN_HOSTS = ['viva-engage', 'slack'] as const;
export const TokenHostSchema = z.enum(TOKEN_HOSTS);
export type TokenHost = z.infer<typeof TokenHostSchema>;

/** An app registration's client id, or an Entra tenant / Slack team: plain tokens, never a URL. */
export const AuthConfigValueSchema = z.string().check(z.trim(), z.regex(/^[A-Za-z0-9._-]{1,200}$/));

/**
 * A connected account of a token host. Only the background reads or writes it: its credential must
 * never reach a content script (IndexedDB of the extension's origin is out of their reach).
 */
export const AccountSchema = z.object({
  host: TokenHostSchema,
  clientId: AuthConfigValueSchema,
  /** Viva Engage: the Entra tenant (id or domain); Slack: the workspace to sign in to, if any. */
  tenant: z.optional(AuthConfigValueSchema),
  user: z.object({
    id: z.string().check(z.minLength(1), z.maxLength(200)),
    name: z.string().check(z.maxLength(200)),
  }),
  /** Rotates: every refresh returns a new one. */
  refreshToken: z.optional(z.string().check(z.minLength(1), z.maxLength(8000))),
  /** A host that issues access tokens that never expire (Slack without token rotation) gives only this. */
  lastingToken: z.optional(z.string().check(z.minLength(1), z.maxLength(8000))),
  /** `reconnect`: the host refused our credential (revoked, expired); the user must connect again. */
  state: z.enum(['connected', 'reconnect']),
  error: z.optional(z.string().check(z.maxLength(500))),
  connectedAt: z.number(),
});
export type Account = z.infer<typeof AccountSchema>;
