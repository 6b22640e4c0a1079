import type { Sync } from '../db/schemas';

/** How a delivery the user is waiting for stands: saved in the browser, sent, or failed with the host's reason. */
export type DeliveryState =
  | { kind: 'saved' }
  | { kind: 'sent' }
  | { kind: 'failed'; error: string | undefined };

/** What the user's latest thank-you on a post has become, as its button shows it. */
export type ThanksState = { kind: 'idle' } | DeliveryState;

/** How a stored delivery state shows on the post. */
export function thanksStateOf(sync: Pick<Sync, 'state' | 'error'>): DeliveryState {
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
