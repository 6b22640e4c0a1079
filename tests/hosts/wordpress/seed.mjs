// What the test WordPress holds: people and an intranet blog with threaded comments. install-site.php
// writes it; the tests read it here, so expectations follow the content instead of repeating it.

/**
 * @typedef {object} SeedUser
 * @property {string} login
 * @property {string} password A throwaway: the site only ever listens on 127.0.0.1.
 * @property {string} displayName
 * @property {'administrator' | 'editor' | 'author'} role
 */

/**
 * A comment by a user (`by`: a login) or by a guest without an account (`guest`). `replyTo` names an
 * earlier comment of the same post by its `key`.
 * @typedef {object} SeedComment
 * @property {string} key
 * @property {string} [by]
 * @property {{ name: string, email: string, url?: string }} [guest]
 * @property {string} [replyTo]
 * @property {number} hoursAgo
 * @property {string} text
 */

/**
 * @typedef {object} SeedPost
 * @property {string} slug
 * @property {string} title
 * @property {string} by login of the author
 * @property {number} hoursAgo
 * @property {string[]} paragraphs
 * @property {SeedComment[]} comments
 */

/** The person the tests sign in as. */
export const SIGNED_IN_LOGIN = 'mara';

/** @type {SeedUser[]} */
export const USERS = [
  { login: 'admin', password: 'admin-test-only', displayName: 'Intranet Admin', role: 'administrator' },
  { login: 'mara', password: 'mara-test-only', displayName: 'Mara Schneider', role: 'editor' },
  { login: 'anna', password: 'anna-test-only', displayName: 'Anna Becker', role: 'author' },
  { login: 'jonas', password: 'jonas-test-only', displayName: 'Jonas Weber', role: 'author' },
];

export const SITE_TITLE = 'Intranet Blog';

/**
 * Newest first, as the blog's home page lists them. The first one is the post the tests open.
 * @type {SeedPost[]}
 */
export const POSTS = [
  {
    slug: 'onboarding-wiki-ist-online',
    title: 'Onboarding-Wiki ist online / The onboarding wiki is live',
    by: 'anna',
    hoursAgo: 30,
    paragraphs: [
      'Liebe Kolleginnen und Kollegen, ab heute findet ihr alles für die ersten Wochen an einem Ort: ' +
        'Checkliste für den ersten Tag, Ansprechpartner je Standort, IT-Zugänge und die wichtigsten Abkürzungen.',
      'Dear colleagues, from today everything new people need for their first weeks is in one place: ' +
        'a first-day checklist, contacts per site, IT accounts and the acronyms nobody explains.',
      'Fehlt etwas? Schreibt es in die Kommentare. / Something missing? Tell us in the comments.',
    ],
    comments: [
      {
        key: 'jonas-checklist',
        by: 'jonas',
        hoursAgo: 28,
        text: 'Super, Anna! Genau diese Checkliste hat mir in meiner ersten Woche gefehlt.',
      },
      {
        key: 'anna-thanks',
        by: 'anna',
        replyTo: 'jonas-checklist',
        hoursAgo: 27,
        text: 'Freut mich, Jonas! Sag Bescheid, wenn etwas fehlt.',
      },
      {
        key: 'jonas-time-tracking',
        by: 'jonas',
        replyTo: 'anna-thanks',
        hoursAgo: 26,
        text: 'Mach ich. Ein Abschnitt zur Zeiterfassung wäre noch gut – die Frage kam dreimal.',
      },
      {
        key: 'guest-parking',
        guest: { name: 'Külli Tamm (Facilities)', email: 'kuelli.tamm@example.com' },
        hoursAgo: 20,
        text: 'The parking section is out of date: the new garage opens in December. I will send you the details.',
      },
      {
        key: 'mara-walkthrough',
        by: 'mara',
        hoursAgo: 6,
        text: 'I walked our new teammate through it yesterday and it saved us an hour. Thank you!',
      },
      {
        key: 'guest-it-accounts',
        guest: { name: 'Ole Hansen', email: 'ole.hansen@example.com', url: 'https://example.com/ole' },
        replyTo: 'mara-walkthrough',
        hoursAgo: 3,
        text: 'Tipp: Die IT-Zugänge am besten schon vor dem ersten Tag beantragen, das dauert zwei Tage.',
      },
    ],
  },
  {
    slug: 'wol-circle-startet',
    title: 'Working Out Loud: neuer Circle startet im Januar',
    by: 'mara',
    hoursAgo: 50,
    paragraphs: [
      'Zwölf Wochen, vier bis fünf Leute, ein Ziel pro Person. Wer mitmachen möchte, meldet sich bis Freitag.',
      'Twelve weeks, four or five people, one goal each. Sign up by Friday if you want to join.',
    ],
    comments: [
      { key: 'jonas-joins', by: 'jonas', hoursAgo: 49, text: 'Ich bin dabei! / Count me in.' },
      {
        key: 'anna-joins',
        by: 'anna',
        replyTo: 'jonas-joins',
        hoursAgo: 48,
        text: 'Ich auch, wenn der Termin nicht am Montag ist.',
      },
    ],
  },
  {
    slug: 'kantine-oeffnungszeiten',
    title: 'Kantine: neue Öffnungszeiten ab Montag',
    by: 'jonas',
    hoursAgo: 75,
    paragraphs: [
      'Ab Montag hat die Kantine von 11:30 bis 14:00 Uhr geöffnet. The canteen opens 11:30–14:00 from Monday.',
    ],
    comments: [
      { key: 'mara-canteen', by: 'mara', hoursAgo: 70, text: 'Endlich! Danke fürs Nachhaken, Jonas.' },
    ],
  },
  {
    slug: 'all-hands-q4',
    title: 'All-hands Q4: slides and recording',
    by: 'anna',
    hoursAgo: 100,
    paragraphs: [
      'Slides and the recording of Thursday’s all-hands are in the shared drive under /all-hands/2026-q4.',
    ],
    comments: [],
  },
];
