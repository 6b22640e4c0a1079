import { z } from 'zod/mini';
import { AuthConfigValueSchema, TOKEN_HOSTS, type TokenHost } from '../db/schemas';
import type { AuthConfig } from './providers';

const PolicyEntrySchema = z.object({
  clientId: AuthConfigValueSchema,
  tenant: z.optional(AuthConfigValueSchema),
});

/**
 * App registrations set by an administrator (`storage.managed`, schema in public/managed-schema.json),
 * per host id. An unreadable entry is ignored (the user can still enter one), never trusted half-way.
 */
export function readPolicy(raw: unknown): Partial<Record<TokenHost, AuthConfig>> {
  const policy: Partial<Record<TokenHost, AuthConfig>> = {};
  if (typeof raw !== 'object' || raw === null) return policy;
  for (const host of TOKEN_HOSTS) {
    const entry = PolicyEntrySchema.safeParse((raw as Record<string, unknown>)[host]);
    if (entry.success) policy[host] = entry.data;
  }
  return policy;
}
