// What the test wiki holds: three users and a small intranet around a release checklist. Tests count on it
// (every signed comment here must get a thank button), so it is data, kept apart from how it is written.

/** @typedef {'Alice' | 'Bob' | 'Mara'} UserName */

/**
 * One comment as its author saves it: `indent` is the wikitext list prefix (`:` replies, `*` votes),
 * `signed: false` is someone forgetting the `~~~~` (it happens, and must not become a post).
 * @typedef {{ author: UserName, at: string, indent: string, text: string, signed?: false }} Comment
 */

/** @typedef {{ heading: string, comments: Comment[] }} Section */
/** @typedef {{ title: string, sections: Section[] }} DiscussionPage */
/** @typedef {{ title: string, author: UserName, at: string, text: string }} PlainPage */

/** Test users and their passwords (this wiki listens on loopback only and lives in a temp dir). */
export const USERS = /** @type {const} */ ({
  Alice: 'alice-wiki-2026',
  Bob: 'bob-wiki-2026',
  Mara: 'mara-wiki-2026',
});

/** An article: text, headings, links, but no signatures, so no posts. */
export const ARTICLE = /** @type {PlainPage} */ ({
  title: 'Release checklist',
  author: 'Alice',
  at: '2026-11-15T16:40:00Z',
  text: `The '''release checklist''' is what the platform team walks through before every production release. \
Questions and proposals go to the [[Talk:Release checklist|discussion page]].

== Before the freeze ==
# Merge the release branch and tag it.
# Check that the staging deploy is green.
# Announce the freeze in the team channel.

== Rollback ==
# Switch the load balancer back to the previous release.
# Restore the database snapshot if the release migrated data.
# Flush the caches.

Contact: the platform team.`,
});

/** Alice has a user page (her signature links in blue); Bob and Mara do not (red links). */
export const ALICE_USER_PAGE = /** @type {PlainPage} */ ({
  title: 'User:Alice',
  author: 'Alice',
  at: '2026-11-15T16:30:00Z',
  text: 'Platform team, release manager. Ask me about deploys and the [[Release checklist]].',
});

/** The feed: several sections, replies on two levels, votes in a bullet list, a mention, an unsigned note. */
export const TALK_PAGE = /** @type {DiscussionPage} */ ({
  title: 'Talk:Release checklist',
  sections: [
    {
      heading: 'Moving the checklist from the shared drive',
      comments: [
        {
          author: 'Alice',
          at: '2026-11-16T09:12:00Z',
          indent: '',
          text: 'I copied the checklist from the old Word document on the shared drive and cleaned it up. Could someone who did the last rollback check the rollback steps?',
        },
        {
          author: 'Bob',
          at: '2026-11-16T10:47:00Z',
          indent: ':',
          text: "Checked them against last Tuesday's rollback: the cache flush was missing, I added it as step 3.",
        },
        {
          author: 'Alice',
          at: '2026-11-16T11:03:00Z',
          indent: '::',
          text: 'Thank you, that one would have bitten us.',
        },
        {
          author: 'Mara',
          at: '2026-11-17T08:30:00Z',
          indent: ':',
          text: 'Could we link the on-call rota from the top of the page? During the last incident I had to search for it.',
        },
        {
          author: 'Bob',
          at: '2026-11-17T09:05:00Z',
          indent: '::',
          text: '[[User:Mara|Mara]], good point: it is linked now, right under the introduction.',
        },
      ],
    },
    {
      heading: 'Staging freeze on Fridays',
      comments: [
        {
          author: 'Mara',
          at: '2026-11-18T14:20:00Z',
          indent: '',
          text: 'Proposal: no deploys to staging after 14:00 on Fridays, so that the weekend on-call starts from a known state. Opinions?',
        },
        { author: 'Bob', at: '2026-11-18T15:02:00Z', indent: '*', text: "'''Support'''." },
        {
          author: 'Alice',
          at: '2026-11-19T08:41:00Z',
          indent: '*',
          text: "'''Support''', with an exception for security fixes.",
        },
        {
          author: 'Mara',
          at: '2026-11-20T16:55:00Z',
          indent: '*:',
          text: "Added to the checklist under ''Before the freeze'', with Alice's exception.",
        },
      ],
    },
    {
      heading: 'Who owns this page?',
      comments: [
        {
          author: 'Bob',
          at: '2026-11-21T09:58:00Z',
          indent: '',
          text: 'Is there an owner for this page? The date of the last review is missing.',
          signed: false,
        },
        {
          author: 'Alice',
          at: '2026-11-21T10:15:00Z',
          indent: ':',
          text: 'The platform team owns it; I put myself down as the contact.',
        },
      ],
    },
  ],
});

/** A single thread with its replies, on a user talk page (where thanks on a wiki usually go). */
export const USER_TALK_PAGE = /** @type {DiscussionPage} */ ({
  title: 'User talk:Bob',
  sections: [
    {
      heading: 'Thanks for the rollback fix',
      comments: [
        {
          author: 'Alice',
          at: '2026-11-16T11:10:00Z',
          indent: '',
          text: 'Hi Bob, thanks for fixing the rollback steps so quickly. Do you have time on Thursday to walk Mara through them?',
        },
        {
          author: 'Bob',
          at: '2026-11-16T13:40:00Z',
          indent: ':',
          text: 'Sure, Thursday 10:00 works. I will book a room.',
        },
        { author: 'Mara', at: '2026-11-16T14:02:00Z', indent: '::', text: 'Great, see you there!' },
      ],
    },
  ],
});

/** The signed comments of a discussion page, in page order: exactly the posts an adapter should find. */
export function signedComments(/** @type {DiscussionPage} */ page) {
  return page.sections.flatMap((section) => section.comments.filter((comment) => comment.signed !== false));
}

/**
 * The edits that build a discussion page, one per comment and in order, each by its author at its time:
 * `edit(previousText)` returns the new page text (the wiki expands `~~~~` on save).
 * @param {DiscussionPage} page
 * @returns {{ author: UserName, at: string, edit: (previousText: string) => string }[]}
 */
export function discussionEdits(page) {
  return page.sections.flatMap((section) =>
    section.comments.map((comment, index) => ({
      author: comment.author,
      at: comment.at,
      edit: (previousText) => {
        const heading = index === 0 ? `== ${section.heading} ==\n` : '';
        const line = `${comment.indent}${comment.text}${comment.signed === false ? '' : ' ~~~~'}`;
        const before = previousText.trimEnd();
        const separator = before === '' ? '' : index === 0 ? '\n\n' : '\n';
        return `${before}${separator}${heading}${line}\n`;
      },
    })),
  );
}
