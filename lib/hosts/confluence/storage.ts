/**
 * Plain text as Confluence's storage format (XHTML): every character escaped, blank lines as paragraphs
 * and single line breaks as `<br />`, so a name like "<b>Eve</b>" stays text on the page.
 */
export function storageOf(text: string): string {
  const escaped = (line: string) => line.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
  return text
    .trim()
    .split(/\n\s*\n/)
    .map((paragraph) => `<p>${paragraph.split('\n').map(escaped).join('<br />')}</p>`)
    .join('');
}

/** The words of a storage value, to compare what Confluence kept with what we sent. */
export function wordsOf(value: string): string {
  // Breaks and paragraph ends separate words; the markup around them may differ from what we sent.
  const spaced = value.replace(/<br\s*\/?>|<\/p>/gi, ' ');
  const text = new DOMParser().parseFromString(spaced, 'text/html').body.textContent ?? '';
  return text.replace(/\s+/g, ' ').trim();
}
