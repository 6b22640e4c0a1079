const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The thank button once the user thanked the post: saved in the browser, or already sent to the intranet. */
export function thankedButton(author: string): RegExp {
  return new RegExp(`^You thanked ${escapeRegExp(author)} for this post(; it was sent)?\\. Thank again$`);
}

/** The same in German, formal ("Sie") or informal ("du"). */
export function gedanktButton(author: string, form: 'sie' | 'du' = 'sie'): RegExp {
  const who = form === 'sie' ? 'Sie haben' : 'Du hast';
  return new RegExp(
    `^${who} ${escapeRegExp(author)} für diesen Beitrag gedankt(; der Dank wurde gesendet)?\\. Noch einmal danken$`,
  );
}
