import { Window } from 'happy-dom';
import { describe, expect, it } from 'vitest';
import { attributeFeatures, isSelector, isStableClass, stableId } from '../../../lib/teach/features';

/** Test markup, parsed as a page would be (never run). */
function parse(html: string): Document {
  const window = new Window({ settings: { disableJavaScriptEvaluation: true } });
  return new window.DOMParser().parseFromString(html, 'text/html') as unknown as Document;
}

function element(html: string): Element {
  const el = parse(html).body.firstElementChild;
  if (!el) throw new Error(html);
  return el;
}

describe('classes worth keeping in a selector', () => {
  it.each([
    'j-act-entry',
    'wall-entry',
    'ms-Persona-primaryText',
    'MuiCard-root',
    'post__author',
    'jiveTT-hover-user',
    'likeAnchor',
  ])('%s is written by a person', (name) => {
    expect(isStableClass(name)).toBe(true);
  });

  it.each([
    ['css-1x2y3z', 'emotion'],
    ['sc-bdVaJa', 'styled-components'],
    ['bdVaJa', 'styled-components, without prefix'],
    ['Post_title__aB3dE', 'CSS modules'],
    ['jsx-3248732', 'styled-jsx'],
    ['svelte-1fa2b3c', 'Svelte'],
    ['root-142', 'Fluent UI'],
    ['commentText_9a8b7c', 'a hash suffix'],
    ['ng-star-inserted', 'Angular at run time'],
    ['is-active', 'a state'],
    ['selected', 'a state'],
    ['hover:bg-blue-500', 'Tailwind (needs escaping)'],
  ])('%s is generated or a state (%s)', (name) => {
    expect(isStableClass(name)).toBe(false);
  });
});

describe('attribute markers', () => {
  it('keep data-* presence, kind values, id prefixes and profile folders; never values with ids', () => {
    expect(
      attributeFeatures(
        element(
          '<div data-stream-entry="1" data-content-key="1230" role="article" id="comment-4711" data-v-7ba5bd90 data-reactid="3"></div>',
        ),
      ),
    ).toEqual(['[data-stream-entry]', '[data-content-key]', '[role="article"]', '[id^="comment-"]']);
    expect(attributeFeatures(element('<a href="/people/anna.schmidt" rel="author">Anna</a>'))).toEqual([
      '[href*="/people/"]',
      '[rel="author"]',
    ]);
    expect(attributeFeatures(element('<a href="javascript:alert(1)" itemprop="x&quot;]">A</a>'))).toEqual([]);
  });

  it('use an id only when it has no digits and is unique', () => {
    const doc = parse(
      '<div id="comments"></div><div id="post-12"></div><p id="twice"></p><p id="twice"></p>',
    );
    const [comments, post, twice] = Array.from(doc.body.children);
    expect(comments && stableId(comments)).toBe('#comments');
    expect(post && stableId(post)).toBeUndefined();
    expect(twice && stableId(twice)).toBeUndefined();
  });
});

describe('selector syntax', () => {
  it('accepts what querySelector accepts, :scope included', () => {
    const doc = new Window().document as unknown as Document;
    expect(isSelector(':scope > header a.author', doc)).toBe(true);
    expect(isSelector('div[data-x="a b"]', doc)).toBe(true);
    expect(isSelector('div[', doc)).toBe(false);
    expect(isSelector('a:unknown-pseudo(', doc)).toBe(false);
  });
});
