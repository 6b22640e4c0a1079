/**
 * A post id for a post whose markup carries none: FNV-1a over its author and text. Stable while the
 * post is not edited; an edited post is treated as a new one, which costs nothing but its saved state.
 */
export function hashedPostId(author: string, text: string): string {
  let hash = 0x811c9dc5;
  for (const char of `${author}\n${text}`) {
    hash ^= char.codePointAt(0) ?? 0;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return `t-${hash.toString(16).padStart(8, '0')}`;
}
