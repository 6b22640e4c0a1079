import { Window } from 'happy-dom';
import { describe, expect, it } from 'vitest';
import { validateSelectors } from '../../../lib/teach/validate';

const doc = new Window().document as unknown as Document;

describe('selectors corrected by hand', () => {
  it('are accepted when each parses, in-post ones start with :scope, and empty optional ones are dropped', () => {
    expect(
      validateSelectors(
        {
          post: ' div.feed-card ',
          author: ':scope a.card-author',
          permalink: '',
          actions: ':scope .card-actions',
          currentUser: 'header a.me',
          postIdAttribute: 'data-entry-id',
        },
        doc,
      ),
    ).toEqual({
      selectors: {
        post: 'div.feed-card',
        author: ':scope a.card-author',
        actions: ':scope .card-actions',
        currentUser: 'header a.me',
        postIdAttribute: 'data-entry-id',
      },
    });
  });

  it('name each field that is wrong, and why', () => {
    expect(
      validateSelectors(
        {
          post: '',
          author: 'a.card-author',
          body: ':scope div[',
          currentUser: 'header >',
          postIdAttribute: 'data id',
        },
        doc,
      ),
    ).toEqual({
      errors: {
        post: 'optionsSelectorRequired',
        author: 'optionsSelectorScope',
        body: 'optionsSelectorInvalid',
        currentUser: 'optionsSelectorInvalid',
        postIdAttribute: 'optionsAttributeInvalid',
      },
    });
  });

  it('refuse a selector too long to store', () => {
    const long = `div${'.x'.repeat(250)}`;
    expect(validateSelectors({ post: long, author: ':scope a' }, doc)).toEqual({
      errors: { post: 'optionsSelectorInvalid' },
    });
  });
});
