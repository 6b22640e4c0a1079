import { t } from '../../lib/i18n/t';
import type { Failure } from '../../lib/messages/result';

export type Status = { text: string; error: boolean };
export const NO_STATUS: Status = { text: '', error: false };

/** A failed reply, in the user's language. */
export const failureStatus = (failure: Failure): Status => ({
  text: t(failure.error.reason, failure.error.detail ?? ''),
  error: true,
});
