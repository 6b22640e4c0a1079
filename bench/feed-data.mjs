/**
 * The benchmark's feed: a deterministic list of posts (same seed, same feed, on every machine), so two runs
 * and two commits measure the same page.
 */

import { seededRandom } from './seeded-random.mjs';

/**
 * @typedef {{ id: string, name: string, profileUrl: string }} FeedAuthor
 * @typedef {{ id: string, author: FeedAuthor, createdAt: string, body: string, replies: FeedPost[] }} FeedPost
 */

const FIRST_NAMES = [
  'Anna',
  'Jonas',
  'Priya',
  'Lukas',
  'Fatma',
  'Tobias',
  'Sofia',
  'Wei',
  'Katharina',
  'Mehmet',
  'Julia',
  'Stefan',
  'Aylin',
  'Marco',
  'Ingrid',
  'Kwame',
  'Lena',
  'Dmitri',
  'Chiara',
  'Björn',
];
const LAST_NAMES = [
  'Schmidt',
  'Weber',
  'Natarajan',
  'Hoffmann',
  'Yılmaz',
  'Becker',
  'Rossi',
  'Chen',
  'Müller',
  'Demir',
  'Wagner',
  'Fischer',
  'Kowalski',
  'Nguyen',
  'Schulz',
  'Mensah',
  'Lehmann',
  'Petrov',
  'Bianchi',
  'Lund',
];
const OPENERS = [
  'Kurzes Update aus dem Team:',
  'Heute gelernt:',
  'Danke an alle, die mitgeholfen haben:',
  'Working Out Loud, Zwischenstand:',
  'Frage in die Runde:',
  'Wir haben es geschafft:',
];
const SUBJECTS = [
  'die neue Montagelinie',
  'das Onboarding-Wiki',
  'der Lieferantenworkshop',
  'die Schichtplanung',
  'unser Dashboard für die Qualitätsdaten',
  'die Sicherheitsunterweisung',
  'das Projekt „Papierlos“',
  'die Kantinenumfrage',
];
const PREDICATES = [
  'läuft seit Montag stabil',
  'ist jetzt für alle freigeschaltet',
  'hat uns zwei Tage Arbeit gespart',
  'braucht noch ein paar Testerinnen und Tester',
  'wurde auf Deutsch und Englisch übersetzt',
  'ist früher fertig geworden als geplant',
];
const CLOSERS = [
  'Feedback gern hier in die Kommentare.',
  'Details stehen im Teamraum.',
  'Wer Fragen hat, meldet sich einfach bei mir.',
  'Nächste Woche gibt es mehr dazu.',
  '',
];

/** The feed's newest post; fixed so that dates (and their rendered widths) never change between runs. */
const NEWEST = Date.UTC(2026, 10, 22, 9, 0);

/**
 * @template T
 * @param {() => number} next
 * @param {readonly T[]} items
 * @returns {T}
 */
function pick(next, items) {
  const item = items[Math.floor(next() * items.length)];
  if (item === undefined) throw new Error('pick from an empty list');
  return item;
}

/**
 * @param {() => number} next
 * @returns {FeedAuthor}
 */
function author(next) {
  const first = pick(next, FIRST_NAMES);
  const last = pick(next, LAST_NAMES);
  const id = `${first}.${last}`
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z.]/g, '');
  return { id, name: `${first} ${last}`, profileUrl: `/people/${id}` };
}

/**
 * One to three paragraphs separated by blank lines, as the demo intranet's posts are.
 * @param {() => number} next
 */
function body(next) {
  const paragraphs = [];
  const count = 1 + Math.floor(next() * 3);
  for (let paragraph = 0; paragraph < count; paragraph++) {
    const sentence = `${pick(next, OPENERS)} ${pick(next, SUBJECTS)} ${pick(next, PREDICATES)}.`;
    paragraphs.push(`${sentence} ${pick(next, CLOSERS)}`.trim());
  }
  return paragraphs.join('\n\n');
}

/**
 * Top-level posts, newest first, some with one to three replies, totalling exactly `count` posts
 * (replies included: each is an `article.post` of its own and gets its own button).
 * @param {{ count: number, seed?: number }} options
 * @returns {FeedPost[]}
 */
export function generateFeed({ count, seed = 20261122 }) {
  if (!Number.isInteger(count) || count < 0) throw new Error(`count must be a whole number, not ${count}`);
  const next = seededRandom(seed);
  /** @type {FeedPost[]} */
  const feed = [];
  let made = 0;
  /** @param {number} minutesAgo @returns {FeedPost} */
  const post = (minutesAgo) => {
    made += 1;
    return {
      id: String(100_000 + made),
      author: author(next),
      createdAt: new Date(NEWEST - minutesAgo * 60_000).toISOString(),
      body: body(next),
      replies: [],
    };
  };
  while (made < count) {
    const minutesAgo = feed.length * 37;
    const thread = post(minutesAgo);
    // About one thread in five has replies, as in the demo intranet.
    const replies = next() < 0.2 ? 1 + Math.floor(next() * 3) : 0;
    for (let reply = 0; reply < replies && made < count; reply++) {
      thread.replies.push(post(minutesAgo - 5 * (reply + 1)));
    }
    feed.push(thread);
  }
  return feed;
}

/**
 * @param {FeedPost} post
 * @returns {number} the post and all its replies
 */
export function postsIn(post) {
  return post.replies.reduce((sum, reply) => sum + postsIn(reply), 1);
}
