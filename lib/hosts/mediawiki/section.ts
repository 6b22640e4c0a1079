import { selectors } from './selectors';

const HEADING = /^H[1-6]$/;

/** The anchor of the section a block of the page text sits in (the nearest heading above it), if any. */
export function sectionAnchorOf(block: Element): string | undefined {
  let top = block;
  while (top.parentElement && !top.parentElement.matches(selectors.content)) top = top.parentElement;
  for (let sibling = top.previousElementSibling; sibling; sibling = sibling.previousElementSibling) {
    if (HEADING.test(sibling.tagName))
      return sibling.querySelector(selectors.sectionHeadline)?.id || undefined;
  }
  return undefined;
}
