import { z } from 'zod/mini';

/**
 * Every reply across contexts is a result: ok with a value, or an error whose `reason` is an i18n key
 * the receiving UI shows in the user's language, with an optional detail for the placeholder.
 */
export const ERROR_REASONS = [
  'errorInvalidMessage',
  'errorWrongSender',
  'errorNotEnabled',
  'errorNoPermission',
  'errorKnownSite',
  'errorStorage',
  'errorExtensionReloaded',
  'errorAuthCancelled',
  'errorAuthRefused',
  'errorAuthUnreachable',
  'errorUnknown',
] as const;
export const ErrorReasonSchema = z.enum(ERROR_REASONS);
export type ErrorReason = z.infer<typeof ErrorReasonSchema>;

export const FailureSchema = z.object({
  ok: z.literal(false),
  error: z.object({ reason: ErrorReasonSchema, detail: z.optional(z.string()) }),
});
export type Failure = z.infer<typeof FailureSchema>;

export type Result<T> = { ok: true; value: T } | Failure;

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = (reason: ErrorReason, detail?: string): Failure => ({
  ok: false,
  error: detail === undefined ? { reason } : { reason, detail },
});

/** Validates a reply whose success value has the given schema. */
export function resultSchema<T extends z.ZodMiniType>(value: T) {
  return z.union([z.object({ ok: z.literal(true), value }), FailureSchema]);
}
