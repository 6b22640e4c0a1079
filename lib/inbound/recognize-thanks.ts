import { THANKS_TAGS } from '../compose/hashtag';

/**
 * Whether a reply to the user's post is a thank-you, in German or English. The one place this rule lives:
 * the content script filters with it and the background checks it again before importing.
 *
 * A reply counts when it carries one of the tags Rückenwind posts with (`#danke`, `#thanks`), or when it
 * says thank you in plain words ("Danke", "Vielen Dank", "Thank you", "Thanks", "Ich bedanke mich" …).
 * Phrases that look like thanks but are not are taken out first: refusals ("no thanks", "nein danke"),
 * thanks for something not yet done ("thanks in advance", "danke im Voraus", "vorab"), sarcasm ("thanks
 * for nothing", "danke für nichts"), "thank God", and the causal "thanks to …" ("thanks to the outage").
 * A thanks that only closes a question ("Could you check this? Thanks!") asks for help rather than
 * giving thanks, so thanks after a question mark does not count either.
 */
export function isThankYou(text: string): boolean {
  const normal = normalize(text);
  if (hasThanksTag(normal)) return true;
  let rest = normal;
  for (const pattern of NOT_THANKS) rest = rest.replace(pattern, ' ');
  const match = THANKS.exec(rest);
  if (!match) return false;
  return !rest.slice(0, match.index).includes('?');
}

function normalize(text: string): string {
  return text
    .normalize('NFKC')
    .toLocaleLowerCase('de')
    .replace(/[‘’`´]/g, "'")
    .replace(/\s+/g, ' ');
}

/** `#danke`, `#thanks` as whole tags (`#dankeschön` is another tag, but still plain "danke" below). */
function hasThanksTag(normal: string): boolean {
  return THANKS_TAGS.some((tag) => new RegExp(`${tag}(?![\\p{L}\\p{N}_])`, 'u').test(normal));
}

// Letters before or after a word: `\b` does not know umlauts.
const B = '(?<![\\p{L}\\p{N}])';
const E = '(?![\\p{L}\\p{N}])';

/** What looks like thanks but is not. Replaced by a space before the thanks are looked for. */
const NOT_THANKS = [
  // Refusals: "no thanks", "no, thank you", "nein danke", "nee, danke".
  new RegExp(`${B}(?:no|nope|nein|nee|ne)${E}[\\s,.!–—-]*(?:thanks|thank you|thank u|danke)${E}`, 'gu'),
  new RegExp(`${B}(?:thanks|thank you|danke)${E}[\\s,]*(?:but no|aber nein)${E}`, 'gu'),
  // Thanks for what has not happened yet.
  new RegExp(
    `${B}(?:(?:many |vielen |besten )?thanks|thank you|(?:vielen |besten |herzlichen )?dank(?:e)?)${E}[^.!?\\n]{0,20}${B}(?:in advance|ahead of time|im voraus|vorab|schon mal|schon einmal)${E}`,
    'gu',
  ),
  new RegExp(
    `${B}(?:vorab|schon mal|schon einmal|im voraus)${E}[\\s,]*(?:vielen |besten )?dank(?:e)?${E}`,
    'gu',
  ),
  // Sarcasm.
  new RegExp(`${B}(?:thanks|thank you) for nothing${E}`, 'gu'),
  new RegExp(`${B}danke für nichts${E}`, 'gu'),
  new RegExp(`${B}thank (?:god|goodness|heavens)${E}`, 'gu'),
  // "thanks to the outage" (because of); "thanks to you / all / everyone" stays thanks.
  new RegExp(`${B}thanks to${E}(?! (?:you|all|everyone|everybody|the team|both of you)${E})`, 'gu'),
];

/** Thank-you phrases. "dank" alone is also "thanks to" in German (`dank des Updates`): only in phrases. */
const THANKS = new RegExp(
  [
    `${B}danke(?:schön|sehr)?${E}`,
    `${B}(?:vielen|herzlichen|besten|tausend|lieben|großen|grossen) (?:lieben )?dank${E}`,
    `${B}(?:ich|wir) (?:bedanke|bedanken|danke|danken)${E}`,
    `${B}(?:möchte|möchten|will|wollte|wollten) (?:mich|uns) (?:\\p{L}+ )?bedanken${E}`,
    `${B}thank(?:s| you| u|you)${E}`,
    `${B}thx${E}`,
    `${B}(?:much|many) appreciated${E}`,
  ].join('|'),
  'u',
);
