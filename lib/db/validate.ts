/**
 * zod checks at the database boundary. zod/mini ships no locale, so its messages are all "Invalid
 * input"; the summary names each failing field and the issue code instead, which is what a developer
 * or a quarantine entry needs.
 */
import type { z } from 'zod/mini';

export function summarizeIssues(error: z.core.$ZodError): string {
  return error.issues
    .map((issue) => `${issue.path.map(String).join('.') || '(record)'}: ${issue.code}`)
    .join('; ');
}

/** A record that does not match its schema; thrown before anything is written. */
export class InvalidRecordError extends Error {
  constructor(
    readonly table: string,
    readonly issues: string,
  ) {
    super(`Invalid ${table} record: ${issues}`);
    this.name = 'InvalidRecordError';
  }
}

/** The parsed record, or an InvalidRecordError naming the table and the failing fields. */
export function parseRecord<T>(schema: z.ZodMiniType<T>, table: string, value: unknown): T {
  const result = schema.safeParse(value);
  if (!result.success) throw new InvalidRecordError(table, summarizeIssues(result.error));
  return result.data;
}
