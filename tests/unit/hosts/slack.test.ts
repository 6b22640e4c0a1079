import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Window } from 'happy-dom';
import { describe, expect, it } from 'vitest';
import { ADAPTERS, adapterFor } from '../../../lib/hosts/registry';
import type { FixturePages } from '../../../lib/hosts/selectors';
import { slackAdapter as adapter } from '../../../lib/hosts/slack/adapter';
import { fixtures } from '../../../lib/hosts/slack/selectors';

const FIXTURES = join(import.meta.dirname, '..', '..', 'fixtures', 'hosts');
const FEED = 'feed-2026-11-22.html';
const SINGLE = 'single-post-2026-11-22.html';
const NONE = 'no-posts-2026-11-22.html';

// Timestamps in the fixtures: Priya's group of three, the thread's root and Mara's follow-up reply in it.
const PRIYA = ['1795334520.005300', '1795334580.006400', '1795334640.007500'] as const;
const THREAD_ROOT = '1795336860.011900';
const MARA_FOLLOW_UP_REPLY = '1795339140.020700';

function load(host: string, file: string, address: string) {
  const window = new Window({
    url: address,
    settings: {
      disableJavaScriptEvaluation: true,
      disableJavaScriptFileLoading: true,
      disableCSSFileLoading: true,
    },
  });
  const html = readFileSync(join(FIXTURES, host, file), 'utf8');
  // Parsed, never run: no scripts, no network.
  const doc = new window.DOMParser().parseFromString(html, 'text/html') as unknown as Document;
  return { doc, url: new URL(address) };
}

const page = (file: string) => load('slack', file, fixtures[file]?.url ?? '');
const messages = (root: ParentNode, ts: string) =>
  adapter.findPosts(root).filter((p) => p.getAttribute('data-msg-ts') === ts);
const message = (root: ParentNode, ts: string) => {
  const [found] = messages(root, ts);
  if (!found) throw new Error(`no message ${ts}`);
  return found;
};

describe('the Slack adapter', () => {
  it('reads a follow-up message: its author from the first message of the group', () => {
    const { doc, url } = page(FEED);
    const followUp = message(doc, PRIYA[2]);
    // What Slack renders for a follow-up: no avatar, no sender, a time in the gutter.
    expect(followUp.querySelector('[data-qa="message_sender_name"], .c-message_kit__avatar')).toBeNull();
    expect(adapter.readPost(followUp, url)).toEqual({
      host: 'slack',
      origin: 'https://app.slack.com',
      postId: `C06WOLNORD:${PRIYA[2]}`,
      permalink: 'https://musterwerk.slack.com/archives/C06WOLNORD/p1795334640007500',
      excerpt: 'Next step: a 20-minute walk-through on Thursday. Who wants in?',
      author: { name: 'Priya Natarajan', id: 'U07PRIYANA' },
    });
    expect(adapter.readPost(message(doc, PRIYA[1]), url)?.author.id).toBe('U07PRIYANA');
  });

  it('looks for the group’s author in the same list: a follow-up reply in the thread pane', () => {
    const { doc, url } = page(SINGLE);
    const pane = doc.querySelector('.p-view_contents--secondary') as Element;
    expect(adapter.readPost(message(pane, MARA_FOLLOW_UP_REPLY), url)).toMatchObject({
      postId: `C06WOLNORD:${MARA_FOLLOW_UP_REPLY}`,
      permalink: `https://musterwerk.slack.com/archives/C06WOLNORD/p1795339140020700?thread_ts=${THREAD_ROOT}&cid=C06WOLNORD`,
      author: { name: 'Mara Keller', id: 'U07MARAKEL' },
    });
  });

  it('does not read a follow-up whose group start is not rendered (it would guess the author)', () => {
    const { doc, url } = page(FEED);
    message(doc, PRIYA[0]).closest('.c-virtual_list__item')?.remove();
    expect(adapter.readPost(message(doc, PRIYA[1]), url)).toBeUndefined();
  });

  it('falls back to the channel in the address and a permalink of its own', () => {
    const { doc, url } = page(FEED);
    const post = message(doc, PRIYA[0]);
    post.removeAttribute('data-msg-channel-id');
    for (const time of Array.from(post.querySelectorAll('a.c-timestamp'))) time.remove();
    expect(adapter.readPost(post, url)).toMatchObject({
      postId: `C06WOLNORD:${PRIYA[0]}`,
      permalink: 'https://app.slack.com/archives/C06WOLNORD/p1795334520005300',
    });
  });

  it('mounts in the message’s content column, above the thread’s reply bar', () => {
    const { doc } = page(FEED);
    const root = message(doc, THREAD_ROOT);
    const point = adapter.mountPoint(root);
    expect(point?.parent.matches('[data-qa="message_content"]')).toBe(true);
    expect(point?.parent.closest('[data-qa="message_container"]')).toBe(root);
    expect(point?.before).toBe(point?.parent.querySelector(':scope > .c-message__reply_bar'));
    expect(point?.before).not.toBeNull();
    expect(adapter.mountPoint(message(doc, PRIYA[1]))?.before).toBeNull();
  });

  it('recognises only the web client on app.slack.com', () => {
    const { doc } = page(FEED);
    expect(adapter.matches(new URL('https://app.slack.com/client/T05MUSTERW/C06WOLNORD'), doc)).toBe(true);
    expect(adapter.matches(new URL('https://intranet.example/client/T05MUSTERW/C06WOLNORD'), doc)).toBe(
      false,
    );
  });

  it('knows the signed-in user from the account avatar and their own messages, and only then', () => {
    for (const file of [FEED, SINGLE]) {
      const { doc, url } = page(file);
      expect(adapter.currentUser(doc, url)).toEqual({ name: 'Mara Keller', id: 'U07MARAKEL' });
    }
    const { doc, url } = page(NONE);
    expect(adapter.currentUser(doc, url)).toBeUndefined();
  });

  it('is the adapter chosen for its pages, and recognises no other host’s', async () => {
    for (const file of [FEED, SINGLE, NONE]) {
      const { doc, url } = page(file);
      expect(adapterFor(url, doc)?.id).toBe('slack');
    }
    for (const other of ADAPTERS.filter((a) => a.id !== 'slack')) {
      const module = (await import(`../../../lib/hosts/${other.id}/selectors.ts`)) as {
        fixtures: FixturePages;
      };
      for (const [file, { url: address }] of Object.entries(module.fixtures)) {
        const { doc } = load(other.id, file, address);
        // Other hosts' pages, as if they were served from app.slack.com.
        expect(
          adapter.matches(new URL('https://app.slack.com/client/T0/C0'), doc),
          `${other.id}/${file}`,
        ).toBe(false);
      }
    }
  });
});
