import type { DeliveryState, ThanksState } from './thanks-state';

/**
 * What the user's latest work-out-loud post about a post has become, as the post shows it next to its
 * "Work out loud" button. `id` names that WOL post, so a retry re-queues exactly it.
 */
export type WolState = { kind: 'idle' } | (DeliveryState & { id: string });

/** Everything a post shows about what the user did with it; shared by every mount of the post. */
export type PostState = { thanks: ThanksState; wol: WolState };

/** A post the user has done nothing with (yet); shared, as states are replaced, never changed. */
export const IDLE_POST: PostState = { thanks: { kind: 'idle' }, wol: { kind: 'idle' } };

/**
 * Whether news about WOL post `id` (just saved: `fresh`, or a delivery result) is what the post should
 * show now: not when it is about an older WOL post than the one the post already shows.
 */
export function wolNewsApplies(current: WolState, id: string, fresh: boolean): boolean {
  return fresh || current.kind === 'idle' || current.id === id;
}
