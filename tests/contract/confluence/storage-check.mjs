/**
 * Whether a storage value is well-formed XHTML: balanced tags, entities only. Enough to refuse what
 * Confluence refuses (a bare `<` or `&` from unescaped text), not a full XML parser.
 * @param {string} value
 */
export function isWellFormedStorage(value) {
  const stack = [];
  const tokens = value.matchAll(
    /<(\/?)([a-z][\w:-]*)((?:\s+[\w:-]+="[^"<]*")*)\s*(\/?)>|<|&(?:#\d+|#x[\da-f]+|\w+);|&/gi,
  );
  for (const [token, closing, name, , selfClosing] of tokens) {
    if (token === '<' || token === '&') return false;
    if (!name || selfClosing) continue;
    if (!closing) stack.push(name);
    else if (stack.pop() !== name) return false;
  }
  return stack.length === 0;
}
