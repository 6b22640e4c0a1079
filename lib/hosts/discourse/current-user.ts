import { z } from 'zod/mini';
import { type Person, PersonSchema } from '../../db/schemas';
import { selectors } from './selectors';

/** `#data-preloaded`: every value is itself a JSON string; `currentUser` is absent for guests. */
const PreloadedSchema = z.object({ currentUser: z.optional(z.string()) });
const CurrentUserSchema = z.object({
  id: z.number(),
  username: z.string().check(z.minLength(1)),
  name: z.optional(z.nullable(z.string())),
});

/** The signed-in user as Discourse preloads them into every page (the header shows only an avatar). */
export function currentUserOf(doc: Document, page: URL): Person | undefined {
  const raw = doc.querySelector(selectors.preloaded)?.getAttribute('data-preloaded');
  if (!raw) return undefined;
  const preloaded = PreloadedSchema.safeParse(parseJson(raw));
  const user = CurrentUserSchema.safeParse(parseJson(preloaded.data?.currentUser));
  if (!user.success) return undefined;
  const { id, username, name } = user.data;
  const parsed = PersonSchema.safeParse({
    name: name?.trim() || username,
    id: String(id),
    profileUrl: new URL(`/u/${encodeURIComponent(username)}`, page).href,
  });
  return parsed.success ? parsed.data : undefined;
}

function parseJson(text: string | undefined): unknown {
  if (text === undefined) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
