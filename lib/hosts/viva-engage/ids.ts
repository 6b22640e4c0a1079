import { z } from 'zod/mini';

/**
 * Viva Engage has no stable attributes; its ids live in its URLs as base64 JSON, e.g.
 * `/main/threads/eyJfdHlwZSI6IlRocmVhZCIsImlkIjoiMTIzIn0` = `{"_type":"Thread","id":"123"}` (HOSTS.md;
 * the same encoding names messages, users and groups in public Engage links and Graph samples).
 */
export type EngageType = 'Thread' | 'Message' | 'User' | 'Group';

/** Ids are 64-bit integers, so they stay strings: a JS number would round them. */
const EngageIdSchema = z.object({ _type: z.string(), id: z.string().check(z.regex(/^\d{1,20}$/)) });

/** The numeric id in one URL segment, or undefined for anything that is not an Engage id of `type`. */
export function decodeEngageId(segment: string, type: EngageType): string | undefined {
  // Links drop the padding and may use the URL-safe alphabet; length caps what we bother decoding.
  if (segment.length > 200 || !/^[A-Za-z0-9+/_-]+={0,2}$/.test(segment)) return undefined;
  const base64 = segment.replace(/=+$/, '').replace(/-/g, '+').replace(/_/g, '/');
  if (base64.length % 4 === 1) return undefined;
  try {
    const bytes = Uint8Array.from(atob(base64.padEnd(Math.ceil(base64.length / 4) * 4, '=')), (c) =>
      c.charCodeAt(0),
    );
    const parsed = EngageIdSchema.safeParse(
      JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes)),
    );
    return parsed.success && parsed.data._type === type ? parsed.data.id : undefined;
  } catch {
    return undefined;
  }
}

function urlOf(href: string, page: URL): URL | undefined {
  try {
    return new URL(href, page);
  } catch {
    return undefined;
  }
}

/** The segment `offset` places after the first `marker` segment of the link's path. */
function segmentAfter(url: URL, marker: string, offset: number): string {
  const segments = url.pathname.split('/');
  const at = segments.indexOf(marker);
  return at < 0 ? '' : (segments[at + offset] ?? '');
}

/**
 * The message a thread link points at: `/threads/<Thread>/<Message>` names a reply, a bare
 * `/threads/<Thread>` its first message, whose id is the thread's id (Graph samples use one number
 * for both).
 */
export function messageIdOfLink(href: string, page: URL): string | undefined {
  const url = urlOf(href, page);
  if (!url) return undefined;
  const thread = decodeEngageId(segmentAfter(url, 'threads', 1), 'Thread');
  if (!thread) return undefined;
  const message = segmentAfter(url, 'threads', 2);
  return message ? decodeEngageId(message, 'Message') : thread;
}

/** The user a profile link (`/users/<User>` or `/users/<User>/storyline`) points at. */
export function userIdOfLink(href: string, page: URL): string | undefined {
  const url = urlOf(href, page);
  return url ? decodeEngageId(segmentAfter(url, 'users', 1), 'User') : undefined;
}
