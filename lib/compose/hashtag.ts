/** "Sharing knowledge" → "#SharingKnowledge": a value as a hashtag people can search for on the host. */
export function hashtagOf(value: string): string {
  const words = value.match(/[\p{L}\p{N}]+/gu) ?? [];
  return `#${words.map((word) => word.charAt(0).toLocaleUpperCase() + word.slice(1)).join('')}`;
}

/** The tags that mark a post as a thank-you, in every language we post in (read back in issue 4). */
export const THANKS_TAGS = ['#danke', '#thanks'] as const;
