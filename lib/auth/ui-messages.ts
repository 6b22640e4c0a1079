/**
 * The options page's "Connect account" messages (joined into lib/messages/ui-to-background.ts). The
 * page names the host and the app registration; tokens never travel in any message.
 */
import { z } from 'zod/mini';
import { AuthConfigValueSchema, TokenHostSchema } from '../db/schemas';
import { AccountViewSchema } from './view';

export const ListAccountsSchema = z.object({ type: z.literal('account.list') });
/** Sent after the user granted the host's origins (the permission prompt needs the user's click). */
export const ConnectAccountSchema = z.object({
  type: z.literal('account.connect'),
  host: TokenHostSchema,
  clientId: AuthConfigValueSchema,
  tenant: z.optional(AuthConfigValueSchema),
});
export const DisconnectAccountSchema = z.object({
  type: z.literal('account.disconnect'),
  host: TokenHostSchema,
});

export const ACCOUNT_MESSAGES = [ListAccountsSchema, ConnectAccountSchema, DisconnectAccountSchema] as const;

export const ACCOUNT_REPLY_SCHEMAS = {
  'account.list': z.object({ accounts: z.array(AccountViewSchema) }),
  'account.connect': AccountViewSchema,
  'account.disconnect': AccountViewSchema,
};
export type AccountReplies = {
  [K in keyof typeof ACCOUNT_REPLY_SCHEMAS]: z.infer<(typeof ACCOUNT_REPLY_SCHEMAS)[K]>;
};
