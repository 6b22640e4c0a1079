import { z } from 'zod/mini';
import { type Account, TokenHostSchema } from '../db/schemas';

/** What the options page may know of an account: never a token. */
export const AccountViewSchema = z.object({
  host: TokenHostSchema,
  state: z.enum(['disconnected', 'connected', 'reconnect']),
  clientId: z.optional(z.string()),
  tenant: z.optional(z.string()),
  /** Set by the administrator: client id and tenant cannot be changed. */
  managed: z.boolean(),
  userName: z.optional(z.string()),
  error: z.optional(z.string()),
});
export type AccountView = z.infer<typeof AccountViewSchema>;

export function viewOf(
  host: AccountView['host'],
  account: Account | undefined,
  policy: { clientId: string; tenant?: string | undefined } | undefined,
): AccountView {
  const config = policy ?? account;
  return {
    host,
    state: account?.state ?? 'disconnected',
    managed: policy !== undefined,
    ...(config ? { clientId: config.clientId } : {}),
    ...(config?.tenant ? { tenant: config.tenant } : {}),
    ...(account ? { userName: account.user.name } : {}),
    ...(account?.error ? { error: account.error } : {}),
  };
}
