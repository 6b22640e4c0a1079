import { z } from 'zod/mini';

/**
 * A group, space or channel the user can post into: the host's id (what its API takes) and the name
 * people know it by (`#release-notes`, `Vertrieb Nord`). Kept free of the database schemas: the
 * composers script imports it, and should not carry them.
 */
export const TARGET_TEXT_MAX = 200;
/** More than anyone scrolls through; a list this long is cut, not refused. */
export const TARGETS_MAX = 2000;

export const TargetSchema = z.object({
  id: z.string().check(z.minLength(1), z.maxLength(TARGET_TEXT_MAX)),
  name: z.string().check(z.minLength(1), z.maxLength(TARGET_TEXT_MAX)),
});
export type Target = z.infer<typeof TargetSchema>;

/**
 * Why there is no list: no account connected, the host refused (token or scope), it could not be
 * reached or busy, it answered with something unreadable, or Rückenwind cannot list this host's targets.
 */
export const UNAVAILABLE_REASONS = [
  'not-connected',
  'refused',
  'unreachable',
  'unreadable',
  'unsupported',
] as const;
export type Unavailable = (typeof UNAVAILABLE_REASONS)[number];

/** The reply to a lookup: the user's targets, sorted by name, or why none can be listed. */
export const TargetListSchema = z.union([
  z.object({ targets: z.array(TargetSchema).check(z.maxLength(TARGETS_MAX)) }),
  z.object({ unavailable: z.enum(UNAVAILABLE_REASONS), detail: z.optional(z.string()) }),
]);
export type TargetList = z.infer<typeof TargetListSchema>;

/** The host could not give the list, and why (thrown by the hosts' list functions). */
export class TargetLookupError extends Error {
  override readonly name = 'TargetLookupError';
  constructor(
    readonly why: Exclude<Unavailable, 'not-connected' | 'unsupported'>,
    detail: string,
  ) {
    super(detail);
  }
}

/** Sorted by name as people read them, cut at the maximum. */
export function sortTargets(targets: Target[]): Target[] {
  const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });
  return [...targets].sort((a, b) => collator.compare(a.name, b.name)).slice(0, TARGETS_MAX);
}
