import { type Person, PersonSchema } from '../../db/schemas';
import { inertCopy, textOf, webUrlOf } from '../read-dom';

/** The hidden parts of a Connections hCard: the user id and the (empty) photo span. */
const HIDDEN = '.x-lconn-userid, .photo';

/** The visible text of `el`, read from a copy so hidden hCard parts can be dropped first. */
function visibleName(el: Element): string {
  const copy = inertCopy(el);
  for (const hidden of copy.querySelectorAll(HIDDEN)) hidden.remove();
  return textOf(copy);
}

function useridParam(href: string | undefined): string | undefined {
  if (!href) return undefined;
  try {
    return new URL(href).searchParams.get('userid') || undefined;
  } catch {
    return undefined;
  }
}

/**
 * Reads an HCL Connections person hCard. Connections renders authors as
 * `span.vcard > a.fn.url[href=".../profileView.do?userid=…"]` plus a hidden `span.x-lconn-userid` (in
 * activity-stream entries); `people.createLink` puts the userid span inside the link, and the embedded
 * comment view writes the name as plain text into the vcard. All three shapes are read here.
 */
export function readVcard(vcard: Element, page: URL): Person | undefined {
  const fn = vcard.querySelector('.fn');
  const link = fn?.matches('a[href]') ? fn : vcard.querySelector('a[href]');
  const profileUrl = webUrlOf(link, page);
  const parsed = PersonSchema.safeParse({
    name: visibleName(fn ?? vcard),
    id: textOf(vcard.querySelector('.x-lconn-userid')) || useridParam(profileUrl),
    profileUrl,
  });
  return parsed.success ? parsed.data : undefined;
}
