import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Window } from 'happy-dom';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { PostRef } from '../../../lib/db/schemas';
import { ADAPTERS } from '../../../lib/hosts/registry';
import type { FixturePages } from '../../../lib/hosts/selectors';
import { cell } from '../../../lib/inject/cell';
import type { ComposerRequest, Composers, PageActions } from '../../../lib/inject/composers-contract';
import { createButtonsKit, renderPostButtons } from '../../../lib/inject/post-buttons';
import type { ThanksState } from '../../../lib/inject/thanks-state';
import { IDLE_POST, type PostState, type WolState } from '../../../lib/inject/wol-state';
import { fail, ok, type Result } from '../../../lib/messages/result';
import { PAGE_URL } from './demo-posts';

// The unit-test browser has no i18n: the key, with what was filled in, is text enough here.
Object.assign(fakeBrowser.i18n, {
  getMessage: (name: string, substitutions?: string | string[]) =>
    substitutions === undefined || substitutions === ''
      ? name
      : `${name}(${[substitutions].flat().join(',')})`,
});

const POST: PostRef = {
  host: 'demo',
  origin: PAGE_URL.origin,
  postId: '7',
  author: { name: 'Anna $1 Schmidt', id: 'anna.schmidt' },
};

let announced: string[];
let retried: PostRef[];
let retriedWol: string[];
let page: PageActions;
let root: ShadowRoot;
let teardown: () => void;
let loads: number;

/** The composers as seen from the buttons: what was opened, and what is still open. */
let opened: ComposerRequest[];
let stillOpen: Set<ComposerRequest>;
/** What loading the composers gives next; by default it fails, as from an orphaned script. */
let nextLoad: () => Result<Composers>;
const standInComposers: Composers = {
  // The real composers need the popover API, which the unit-test DOM lacks (the e2e tests open them).
  open: (request) => {
    opened.push(request);
    stillOpen.add(request);
    return () => stillOpen.delete(request);
  },
};

/** A post's shared state with the thanks in `thanks` and no WOL post. */
const withThanks = (thanks: ThanksState) => cell<PostState>({ ...IDLE_POST, thanks });
/** The same with the WOL post in `wol`, as the mounter sets it. */
const withWol = (state: ReturnType<typeof withThanks>, wol: WolState) => state.set({ ...state.get(), wol });

function mountButtons(state = cell<PostState>(IDLE_POST), readPost = () => POST as PostRef | undefined) {
  const host = document.createElement('rueckenwind-post-actions');
  document.body.append(host);
  root = host.attachShadow({ mode: 'closed' });
  const kit = createButtonsKit(document, page, async () => {
    loads += 1;
    return nextLoad();
  });
  teardown = renderPostButtons({
    root,
    authorName: POST.author.name,
    readPost,
    state,
    idPrefix: 'rw-1',
    kit,
  });
  return state;
}

const thankButton = () => root.querySelector('button.thank') as HTMLButtonElement;
const failureLine = () => root.querySelector('.failure');

beforeEach(() => {
  announced = [];
  retried = [];
  retriedWol = [];
  loads = 0;
  opened = [];
  stillOpen = new Set();
  nextLoad = () => fail('errorExtensionReloaded');
  page = {
    me: { name: 'Mara Keller' },
    addressForm: 'sie',
    values: [],
    wolHashtag: '#WOL',
    hasTargets: false,
    listTargets: async () => ok({ unavailable: 'unsupported' as const }),
    saveThanks: async () => undefined,
    saveWol: async () => ({ id: 'wol-1' }),
    retryThanks: async (post) => {
      retried.push(post);
      return undefined;
    },
    retryWol: async (id) => {
      retriedWol.push(id);
      return undefined;
    },
    announce: (text) => announced.push(text),
  };
});

afterEach(() => {
  teardown();
  document.body.replaceChildren();
});

describe('the buttons of one post', () => {
  it('name the author in their labels, whatever characters the name has', () => {
    mountButtons();
    expect(thankButton().getAttribute('aria-label')).toBe('thankButtonLabel(Anna $1 Schmidt)');
    expect(root.querySelector('button.wol')?.getAttribute('aria-label')).toBe(
      'wolButtonLabel(Anna $1 Schmidt)',
    );
    expect(thankButton().getAttribute('aria-expanded')).toBe('false');
    expect(thankButton().textContent).toBe('♥thankButton');
  });

  it('follow the state of the thanks: saved, sent, failed with its reason and a retry', () => {
    const state = mountButtons();
    const thanks = (next: ThanksState) => state.set({ ...state.get(), thanks: next });
    thanks({ kind: 'saved' });
    expect(thankButton().getAttribute('data-state')).toBe('saved');
    expect(thankButton().getAttribute('aria-label')).toBe('thankedButtonLabel(Anna $1 Schmidt)');
    expect(thankButton().textContent).toBe('✓thankedButton');
    thanks({ kind: 'sent' });
    expect(thankButton().getAttribute('aria-label')).toBe('thankedSentButtonLabel(Anna $1 Schmidt)');
    expect(failureLine()).toBe(null);

    thanks({ kind: 'failed', error: 'HTTP 503' });
    expect(thankButton().getAttribute('data-state')).toBe('failed');
    expect(thankButton().textContent).toBe('!failedButton');
    expect(failureLine()?.textContent).toBe('statusFailed(HTTP 503) retry');
    thanks({ kind: 'sent' });
    expect(failureLine()).toBe(null);
  });

  it('start in the state the post already has (a post shown again)', () => {
    mountButtons(withThanks({ kind: 'failed', error: 'offline' }));
    expect(thankButton().getAttribute('data-state')).toBe('failed');
    expect(root.querySelector('button.retry')).not.toBe(null);
  });

  it('retry a failed delivery with the post read at that moment, then show it saved', async () => {
    const state = mountButtons(withThanks({ kind: 'failed', error: 'offline' }));
    const retry = root.querySelector('button.retry') as HTMLButtonElement;
    retry.focus();
    retry.click();
    await vi.waitFor(() => expect(thankButton().getAttribute('data-state')).toBe('saved'));
    expect(retried).toEqual([POST]);
    expect(state.get().thanks).toEqual({ kind: 'saved' });
    expect(announced).toEqual(['statusSaved']);
    expect(failureLine()).toBe(null);
    // The retry button went away under the keyboard: focus stays on the post's buttons.
    expect(root.activeElement).toBe(thankButton());
  });

  it('say so, visibly and to screen readers, when the composers cannot be loaded', async () => {
    mountButtons();
    thankButton().click();
    thankButton().click();
    await vi.waitFor(() => expect(failureLine()?.textContent).toBe('errorExtensionReloaded'));
    expect(announced).toContain('errorExtensionReloaded');
    expect(root.querySelector('[role="dialog"]')).toBe(null);
    expect(thankButton().getAttribute('aria-expanded')).toBe('false');
    // A click while the first is still loading does not ask a second time.
    expect(loads).toBe(1);
  });

  it('open a composer with the post read at that moment, and close it again from the same button', async () => {
    mountButtons();
    nextLoad = () => ok(standInComposers);
    thankButton().click();
    await vi.waitFor(() => expect(opened).toHaveLength(1));
    expect(opened[0]).toMatchObject({
      kind: 'thanks',
      id: 'rw-1-thanks',
      root,
      anchor: thankButton(),
      post: POST,
    });
    expect(thankButton().getAttribute('aria-expanded')).toBe('true');
    expect(thankButton().getAttribute('aria-controls')).toBe('rw-1-thanks');

    // Work out loud takes the thank-you composer's place.
    (root.querySelector('button.wol') as HTMLButtonElement).click();
    await vi.waitFor(() => expect(opened).toHaveLength(2));
    expect([...stillOpen].map((request) => request.kind)).toEqual(['wol']);
    expect(thankButton().getAttribute('aria-expanded')).toBe('false');
    expect(thankButton().hasAttribute('aria-controls')).toBe(false);

    // Done (saved or cancelled): closed, and focus back on the button that opened it.
    opened[1]?.onDone();
    expect(stillOpen.size).toBe(0);
    expect(root.querySelector('button.wol')?.getAttribute('aria-expanded')).toBe('false');
    expect(root.activeElement).toBe(root.querySelector('button.wol'));
    expect(loads).toBe(2);
  });

  it('show a saved thank-you on the button, and try loading again after a failed load', async () => {
    const state = mountButtons();
    thankButton().click();
    await vi.waitFor(() => expect(failureLine()?.textContent).toBe('errorExtensionReloaded'));
    nextLoad = () => ok(standInComposers);
    thankButton().click();
    await vi.waitFor(() => expect(opened).toHaveLength(1));
    expect(failureLine()).toBe(null);
    opened[0]?.onThanked();
    expect(state.get().thanks).toEqual({ kind: 'saved' });
    expect(thankButton().getAttribute('data-state')).toBe('saved');
  });

  it('say so when the post can no longer be read at the moment of the retry', async () => {
    mountButtons(withThanks({ kind: 'failed', error: 'offline' }), () => undefined);
    (root.querySelector('button.retry') as HTMLButtonElement).click();
    await vi.waitFor(() => expect(announced).toEqual(['errorPostUnreadable']));
    expect(retried).toEqual([]);
  });

  it('are gone after teardown, and follow the state no more', () => {
    const state = mountButtons();
    teardown();
    expect(root.querySelector('button')).toBe(null);
    state.set({ ...state.get(), thanks: { kind: 'saved' } });
    expect(root.querySelector('button')).toBe(null);
    teardown = () => undefined;
  });
});

const wolButton = () => root.querySelector('button.wol') as HTMLButtonElement;
const wolNote = () => root.querySelector('.note');
const wolRetry = () => root.querySelector('.note > button.retry') as HTMLButtonElement;

describe('the work-out-loud state of one post', () => {
  it("shows a saved WOL post next to the button, then sent, and names it as the button's description", () => {
    const state = mountButtons();
    expect(wolNote()).toBe(null);
    expect(wolButton().hasAttribute('aria-describedby')).toBe(false);
    withWol(state, { kind: 'saved', id: 'wol-1' });
    expect(wolButton().getAttribute('data-state')).toBe('saved');
    expect(wolNote()?.textContent).toBe('wolSaved');
    // The button keeps its name (it always offers a new post); the state is its description.
    expect(wolButton().getAttribute('aria-label')).toBe('wolButtonLabel(Anna $1 Schmidt)');
    expect(wolButton().getAttribute('aria-describedby')).toBe(wolNote()?.id);
    expect(root.getElementById(wolNote()?.id ?? '')).toBe(wolNote());
    withWol(state, { kind: 'sent', id: 'wol-1' });
    expect(wolNote()?.textContent).toBe('wolSent');
    expect(wolButton().textContent).toBe('✓wolButton');
    // The thank-you's state is untouched by it.
    expect(thankButton().getAttribute('data-state')).toBe('idle');
    expect(failureLine()).toBe(null);
  });

  it("shows a failed WOL post with the host's reason and a retry that re-queues exactly that post", async () => {
    const state = mountButtons();
    withWol(state, { kind: 'failed', error: 'HTTP 403: Posting is paused', id: 'wol-7' });
    expect(wolButton().getAttribute('data-state')).toBe('failed');
    expect(wolNote()?.textContent).toBe('wolFailed(HTTP 403: Posting is paused) retry');
    const retry = wolRetry();
    retry.focus();
    retry.click();
    await vi.waitFor(() => expect(wolNote()?.textContent).toBe('wolSaved'));
    expect(retriedWol).toEqual(['wol-7']);
    expect(retried).toEqual([]);
    expect(state.get().wol).toEqual({ kind: 'saved', id: 'wol-7' });
    expect(announced).toEqual(['wolSaved']);
    // The retry went away under the keyboard: focus stays on the Work-out-loud button.
    expect(root.activeElement).toBe(wolButton());
  });

  it('keeps the failed state and says why when the retry is refused', async () => {
    page.retryWol = async () => ({ reason: 'errorStorage', detail: 'disk full' });
    const state = mountButtons();
    withWol(state, { kind: 'failed', error: 'offline', id: 'wol-7' });
    wolRetry().click();
    await vi.waitFor(() => expect(announced).toEqual(['errorStorage(disk full)']));
    expect(state.get().wol.kind).toBe('failed');
  });

  it("keeps a thank-you's retry in place (and focused) while the WOL state changes", () => {
    const state = mountButtons(withThanks({ kind: 'failed', error: 'offline' }));
    const thanksRetry = failureLine()?.querySelector('button.retry') as HTMLButtonElement;
    thanksRetry.focus();
    withWol(state, { kind: 'sent', id: 'wol-1' });
    expect(failureLine()?.querySelector('button.retry')).toBe(thanksRetry);
    expect(root.activeElement).toBe(thanksRetry);
  });

  it('shows the WOL post it saved as saved, with its id for a later retry', async () => {
    const state = mountButtons();
    nextLoad = () => ok(standInComposers);
    wolButton().click();
    await vi.waitFor(() => expect(opened).toHaveLength(1));
    opened[0]?.onWolSaved('wol-42');
    expect(state.get()).toEqual({ thanks: { kind: 'idle' }, wol: { kind: 'saved', id: 'wol-42' } });
    expect(wolNote()?.textContent).toBe('wolSaved');
  });

  it('starts in the state the post already has (after a reload)', () => {
    mountButtons(cell<PostState>({ ...IDLE_POST, wol: { kind: 'failed', error: 'HTTP 500', id: 'w' } }));
    expect(wolButton().getAttribute('data-state')).toBe('failed');
    expect(wolRetry().textContent).toBe('retry');
  });
});

describe('the cheap identity adapters read at mount', () => {
  const ROOT = join(import.meta.dirname, '..', '..', '..');
  for (const adapter of ADAPTERS.filter((candidate) => candidate.identifyPost)) {
    it(`agrees with the full read of every ${adapter.name} fixture post`, async () => {
      const { fixtures } = (await import(`../../../lib/hosts/${adapter.id}/selectors.ts`)) as {
        fixtures: FixturePages;
      };
      let compared = 0;
      for (const [file, { url }] of Object.entries(fixtures)) {
        const html = readFileSync(join(ROOT, 'tests', 'fixtures', 'hosts', adapter.id, file), 'utf8');
        const window = new Window({ url, settings: { disableJavaScriptEvaluation: true } });
        const doc = new window.DOMParser().parseFromString(html, 'text/html') as unknown as Document;
        for (const post of adapter.findPosts(doc)) {
          const full = adapter.readPost(post, new URL(url));
          const identity = adapter.identifyPost?.(post);
          expect(identity).toEqual(full && { postId: full.postId, authorName: full.author.name });
          compared += 1;
        }
      }
      expect(compared).toBeGreaterThan(0);
    });
  }
});
