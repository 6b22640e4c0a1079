import type { ThanksState } from '../../components/thank/ThankButton';
import type { Sync } from '../db/schemas';

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
