import type { Sync } from '../db/schemas';

/** What the user's latest thank-you on a post has become, as its button shows it. */
export type ThanksState =
  | { kind: 'idle' }
  | { kind: 'saved' }
  | { kind: 'sent' }
  | { kind: 'failed'; error: string | undefined };

/** How a stored delivery state shows on the button. */
export function thanksStateOf(sync: Pick<Sync, 'state' | 'error'>): ThanksState {
  switch (sync.state) {
    case 'sent':
      return { kind: 'sent' };
    case 'failed':
      return { kind: 'failed', error: sync.error };
    case 'local':
    case 'pending':
      return { kind: 'saved' };
  }
}
