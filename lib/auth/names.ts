import type { TokenHost } from '../db/schemas';

/** The token hosts' product names, as users know them. */
export const TOKEN_HOST_NAMES: Record<TokenHost, string> = { 'viva-engage': 'Viva Engage', slack: 'Slack' };
