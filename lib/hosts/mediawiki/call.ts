import { z } from 'zod/mini';

/** One request to MediaWiki's Action API with the user's session; an API error is an answer, not a throw. */
const ApiErrorSchema = z.object({ error: z.object({ code: z.string(), info: z.string() }) });

const TIMEOUT_MS = 20_000;

function apiUrl(): string {
  return (
    document.querySelector('link[rel="EditURI"]')?.getAttribute('href')?.replace(/\?.*$/, '') ?? '/api.php'
  );
}

export async function call<T>(
  params: Record<string, string>,
  schema: z.ZodMiniType<T>,
  post = false,
): Promise<T | z.infer<typeof ApiErrorSchema>> {
  const body = new URLSearchParams({ ...params, format: 'json', formatversion: '2' });
  const response = await fetch(post ? apiUrl() : `${apiUrl()}?${body}`, {
    method: post ? 'POST' : 'GET',
    credentials: 'same-origin',
    body: post ? body : undefined,
    signal: AbortSignal.timeout(TIMEOUT_MS),
  });
  const json: unknown = await response.json().catch(() => undefined);
  const error = ApiErrorSchema.safeParse(json);
  if (error.success) return error.data;
  const parsed = schema.safeParse(json);
  if (!parsed.success) throw new Error(`HTTP ${response.status}: unreadable answer from MediaWiki`);
  return parsed.data;
}
