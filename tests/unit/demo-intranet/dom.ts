/** Helpers for reading the demo intranet's markup in tests (outerHTML is banned by the project's linter). */

interface DomNode {
  nodeType: number;
  nodeName: string;
  textContent: string | null;
  childNodes: ArrayLike<DomNode>;
  attributes?: ArrayLike<{ name: string; value: string | null }>;
}

const TEXT_NODE = 3;

/** A canonical string of a subtree (tags, sorted attributes, text nodes), for comparing two DOMs exactly. */
export function serialize(node: DomNode): string {
  if (node.nodeType === TEXT_NODE) return JSON.stringify(node.textContent);
  const attributes = Array.from(
    node.attributes ?? [],
    ({ name, value }) => `${name}=${JSON.stringify(value)}`,
  )
    .sort()
    .join(' ');
  return `<${node.nodeName.toLowerCase()} ${attributes}>${Array.from(node.childNodes, serialize).join('')}</>`;
}
