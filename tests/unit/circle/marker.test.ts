import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createHandlers } from '../../../lib/background/handlers';
import { type CircleMarker, startCircleMarker } from '../../../lib/circle/marker';
import { MARKER_TAG } from '../../../lib/circle/marker-tag';
import { openDatabase, type RueckenwindDb } from '../../../lib/db/database';
import { seedBuiltinIntranets } from '../../../lib/db/writes';
import { demoAdapter } from '../../../lib/hosts/demo/adapter';
import { observePosts } from '../../../lib/inject/post-observer';
import { type DispatcherDeps, dispatch, type MessageSender } from '../../../lib/messages/dispatcher';
import { demoPage, post } from '../inject/demo-posts';
import { controlFrames } from '../inject/frames';

// The demo intranet as the background knows it (a built-in intranet), and a tab on it.
const EXTENSION_ID = 'abcdefghijklmnopabcdefghijklmnop';
const EXTENSION_ORIGIN = `chrome-extension://${EXTENSION_ID}`;
const DEMO = 'http://127.0.0.1:4321';
const PAGE = new URL(`${DEMO}/`);
const circlePage: MessageSender = { id: EXTENSION_ID, url: `${EXTENSION_ORIGIN}/circle.html` };
const demoTab: MessageSender = { id: EXTENSION_ID, url: `${DEMO}/`, tab: { id: 3, url: `${DEMO}/` } };
const anna = { name: 'Anna Schmidt', id: 'anna.schmidt', profileUrl: `${DEMO}/people/anna.schmidt` };
const mara = { name: 'Mara Keller', id: 'mara.keller', profileUrl: `${DEMO}/people/mara.keller` };

Object.assign(fakeBrowser.i18n, { getMessage: (name: string) => name });

let db: RueckenwindDb;
let deps: DispatcherDeps;
let ids = 0;
let feed: HTMLElement;
let frames: ReturnType<typeof controlFrames>;
let observers = 0;
const teardown: Array<() => void> = [];

/** The real background handlers answer what the content script sends, as if from a tab on the demo. */
const background = (raw: unknown, _sender: unknown, sendResponse: (reply: unknown) => void) => {
  void dispatch(raw, demoTab, deps).then(sendResponse);
  return true;
};

function startMarker(): Promise<CircleMarker | undefined> {
  return startCircleMarker({
    doc: document,
    adapter: demoAdapter,
    pageUrl: () => PAGE,
    me: mara,
    announce: () => undefined,
    isLive: () => true,
  });
}

async function circleWith(person?: typeof anna) {
  const circle = {
    name: 'Frühjahr',
    startDate: '2025-03-04',
    meeting: { weekday: 2, time: '18:00' },
    remindersOn: false,
    members: [],
  };
  expect(await dispatch({ type: 'circle.save', circle }, circlePage, deps)).toMatchObject({ ok: true });
  if (person) {
    const saved = await dispatch({ type: 'relationship.save', person, closeness: 1 }, circlePage, deps);
    expect(saved).toMatchObject({ ok: true });
  }
}

beforeEach(async () => {
  db = openDatabase(`marker-${crypto.randomUUID()}`);
  await seedBuiltinIntranets(db, 1_000);
  deps = {
    extensionId: EXTENSION_ID,
    extensionOrigin: EXTENSION_ORIGIN,
    ...createHandlers(db, { now: () => 1_000, newId: () => `id-${++ids}` }),
  };
  fakeBrowser.runtime.onMessage.addListener(background);
  feed = demoPage();
  frames = controlFrames();
  observers = 0;
  const Original = globalThis.MutationObserver;
  vi.stubGlobal(
    'MutationObserver',
    class extends Original {
      constructor(callback: MutationCallback) {
        super(callback);
        observers += 1;
      }
    },
  );
});

afterEach(async () => {
  for (const stop of teardown.splice(0)) stop();
  fakeBrowser.runtime.onMessage.removeListener(background);
  vi.unstubAllGlobals();
  db.close();
  await db.delete();
});

describe('the circle marker', () => {
  it('is fed by the page’s one observer, and its own elements arriving start no further batch', async () => {
    await circleWith(anna);
    feed.append(post('1'), post('2', { author: 'Jonas Weber' }), post('3', { author: 'Mara Keller' }));
    let marker: CircleMarker | undefined;
    const onPost = vi.fn((found: Element) => marker?.visit(found));
    const stopObserving = observePosts(document, demoAdapter, {
      onPost,
      onRemoval: () => undefined,
      isLive: () => true,
    });
    teardown.push(stopObserving);
    marker = await startMarker();
    if (marker) teardown.push(marker.stop);

    expect(observers).toBe(1);
    // Anna's post is marked, Jonas's offers "Add to my list", the user's own gets nothing.
    const footerOf = (id: string) => document.querySelector(`#post-${id} > footer`);
    expect(footerOf('1')?.querySelectorAll(`:scope > ${MARKER_TAG}`)).toHaveLength(1);
    expect(footerOf('2')?.querySelectorAll(`:scope > ${MARKER_TAG}`)).toHaveLength(1);
    expect(footerOf('3')?.querySelectorAll(`:scope > ${MARKER_TAG}`)).toHaveLength(0);
    await frames.next();
    await frames.next();
    expect(onPost.mock.calls.map(([found]) => found.id)).toEqual(['post-1', 'post-2', 'post-3']);

    // A post arriving later comes through the observer once; the marker that goes on it, not again.
    feed.append(post('4'));
    await frames.next();
    await frames.next();
    expect(footerOf('4')?.querySelectorAll(`:scope > ${MARKER_TAG}`)).toHaveLength(1);
    expect(onPost.mock.calls.map(([found]) => found.id)).toEqual(['post-1', 'post-2', 'post-3', 'post-4']);
    expect(observers).toBe(1);
  });

  it('does not exist where the user has no list and no circle', async () => {
    feed.append(post('1'), post('2', { author: 'Jonas Weber' }));
    expect(await startMarker()).toBeUndefined();
    expect(document.querySelectorAll(MARKER_TAG)).toHaveLength(0);
    expect(observers).toBe(0);
  });
});
