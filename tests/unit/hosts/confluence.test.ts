import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Window } from 'happy-dom';
import { describe, expect, it } from 'vitest';
import { confluenceAdapter as adapter, commentPermalink } from '../../../lib/hosts/confluence/adapter';
import { fixtures } from '../../../lib/hosts/confluence/selectors';

// Parsed, never run: no scripts, no stylesheets, no network (as in the adapters meta-test).
const sandbox = new Window({
  settings: {
    disableJavaScriptEvaluation: true,
    disableJavaScriptFileLoading: true,
    disableCSSFileLoading: true,
  },
});
const parse = (html: string) =>
  new sandbox.DOMParser().parseFromString(html, 'text/html') as unknown as Document;

function fixture(file: string): { doc: Document; url: URL } {
  const page = fixtures[file];
  if (!page) throw new Error(file);
  const html = readFileSync(join(import.meta.dirname, '../../fixtures/hosts/confluence', file), 'utf8');
  return { doc: parse(html), url: new URL(page.url) };
}
const byId = (doc: Document, id: string) => {
  const el = doc.getElementById(id);
  if (!el) throw new Error(id);
  return el;
};

describe('comment nesting', () => {
  it('keeps replies out of their parent: each comment is its own post with its own author', () => {
    const { doc, url } = fixture('single-post-2026-11-22.html');
    const thread = byId(doc, 'comment-thread-48889302');
    // A whole thread holds the root comment, its replies and a reply to a reply.
    expect(adapter.findPosts(thread).map((post) => post.id)).toEqual([
      'comment-48889302',
      'comment-48889311',
      'comment-48889325',
      'comment-48889318',
    ]);
    const root = byId(doc, 'comment-48889302');
    expect(adapter.findPosts(root)).toEqual([root]);
    expect(adapter.readPost(root, url)).toMatchObject({
      postId: '48889302',
      author: { name: 'Katharina Müller', id: 'katharina.mueller' },
      excerpt: 'Wir haben das Glossar um die neuen Schichtmodelle ergänzt. Feedback gerne hier.',
    });
    const nested = byId(doc, 'comment-48889325');
    expect(adapter.readPost(nested, url)).toMatchObject({
      postId: '48889325',
      excerpt: 'Ist ergänzt, danke Jonas.',
    });
    // Inside a reply's text the reply is the post; the reply list itself belongs to no comment.
    const text = nested.querySelector('.comment-content p');
    expect(text && adapter.closestPost(text)).toBe(nested);
    const replies = thread.querySelector('ol.comment-threads');
    expect(replies && adapter.closestPost(replies)).toBeNull();
    expect(adapter.mountPoint(nested)?.parent.closest('.comment')).toBe(nested);
  });

  it('ignores the "Write a comment…" container, which is a .comment without an id', () => {
    const { doc } = fixture('no-posts-2026-11-22.html');
    expect(doc.querySelector('#comments-section .quick-comment-container.comment')).not.toBeNull();
    expect(adapter.findPosts(doc)).toEqual([]);
  });
});

describe('reading', () => {
  it('links to a comment the way Confluence does, keeping the page address', () => {
    expect(commentPermalink(new URL('https://wiki.example/display/WOL/Guide#top'), '42')).toBe(
      'https://wiki.example/display/WOL/Guide?focusedCommentId=42#comment-42',
    );
    expect(
      commentPermalink(
        new URL('https://wiki.example/pages/viewpage.action?pageId=7&focusedCommentId=1'),
        '42',
      ),
    ).toBe('https://wiki.example/pages/viewpage.action?pageId=7&focusedCommentId=42#comment-42');
  });

  it('skips anonymous comments and takes the username from the avatar link when the name link lacks it', () => {
    const doc = parse(`<div id="comments-section">
      <div class="comment" id="comment-1"><div class="comment-header"><h4 class="author">Anonymous</h4></div></div>
      <div class="comment" id="comment-2"><p class="comment-user-logo"><a class="userLogoLink" data-username="anna.schmidt" href="/display/~anna.schmidt"></a></p>
        <div class="comment-header"><h4 class="author"><a class="url fn confluence-userlink" href="/display/~anna.schmidt">Anna Schmidt</a></h4></div></div>
    </div>`);
    const page = new URL('https://wiki.example/display/WOL/Guide');
    const [anonymous, named] = adapter.findPosts(doc);
    expect(anonymous && adapter.readPost(anonymous, page)).toBeUndefined();
    expect(named && adapter.readPost(named, page)).toMatchObject({
      postId: '2',
      author: {
        name: 'Anna Schmidt',
        id: 'anna.schmidt',
        profileUrl: 'https://wiki.example/display/~anna.schmidt',
      },
    });
  });

  it('reads the signed-in user from the page meta, and nobody on an anonymous page', () => {
    const { doc, url } = fixture('feed-2026-11-22.html');
    expect(adapter.currentUser(doc, url)).toEqual({
      name: 'Mara Keller',
      id: 'mara.keller',
      profileUrl: 'https://wiki.musterwerk.example/display/~mara.keller',
    });
    const anonymous = parse(
      '<meta name="ajs-remote-user" content=""><meta name="ajs-current-user-fullname" content="">',
    );
    expect(adapter.currentUser(anonymous, url)).toBeUndefined();
  });
});

describe('matches', () => {
  const pageMeta = parse('<meta name="ajs-page-id" content="123">');
  it('recognises Confluence Cloud by its address plus the page meta', () => {
    expect(
      adapter.matches(new URL('https://musterwerk.atlassian.net/wiki/spaces/WOL/pages/123/Guide'), pageMeta),
    ).toBe(true);
    expect(adapter.matches(new URL('https://musterwerk.atlassian.net/jira/browse/WOL-1'), pageMeta)).toBe(
      false,
    );
    expect(
      adapter.matches(new URL('https://musterwerk.atlassian.net/wiki/spaces/WOL'), parse('<p>no meta</p>')),
    ).toBe(false);
  });

  it('recognises Data Center on any origin by its meta tags', () => {
    const { doc, url } = fixture('no-posts-2026-11-22.html');
    expect(adapter.matches(url, doc)).toBe(true);
    expect(adapter.matches(new URL('https://wiki.example/display/X'), pageMeta)).toBe(false);
  });
});
