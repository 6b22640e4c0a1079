import { z } from 'zod/mini';
import type { SessionStore } from '../auth/accounts';
import { TARGETS_MAX, type Target, TargetSchema } from './target';

/** Long enough for a few composers in a row, short enough that a channel joined a minute ago shows soon. */
export const TARGETS_TTL_MS = 5 * 60_000;

const CachedSchema = z.object({
  at: z.number(),
  targets: z.array(TargetSchema).check(z.maxLength(TARGETS_MAX)),
});

/**
 * The lists fetched in the last few minutes, per host and user, in `storage.session` (memory only,
 * extension contexts only): opening composer after composer does not ask the host each time, and a
 * worker restart does not forget them. Anything unreadable there counts as absent.
 */
export function createTargetCache(store: SessionStore, now: () => number, ttlMs = TARGETS_TTL_MS) {
  const key = (host: string, userId: string) => `targets.${host}.${userId}`;
  return {
    async get(host: string, userId: string): Promise<Target[] | undefined> {
      const cached = CachedSchema.safeParse(await store.get(key(host, userId)));
      if (!cached.success) return undefined;
      const age = now() - cached.data.at;
      return age >= 0 && age < ttlMs ? cached.data.targets : undefined;
    },
    set: (host: string, userId: string, targets: Target[]) =>
      store.set(key(host, userId), { at: now(), targets }),
  };
}
export type TargetCache = ReturnType<typeof createTargetCache>;
