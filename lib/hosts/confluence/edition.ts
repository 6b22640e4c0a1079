/** Confluence Cloud lives under `/wiki` on `<site>.atlassian.net`; anything else is Data Center. */
export const isCloud = (page: URL) =>
  page.hostname.endsWith('.atlassian.net') &&
  (page.pathname === '/wiki' || page.pathname.startsWith('/wiki/'));
