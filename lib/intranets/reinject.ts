import { browser } from 'wxt/browser';

type ScriptSet = { matches: string[]; js: string[] };

/** The content scripts the manifest declares and those registered at run time, with where they run. */
async function allContentScripts(): Promise<ScriptSet[]> {
  const declared = (browser.runtime.getManifest().content_scripts ?? []).map((script) => ({
    matches: script.matches ?? [],
    js: script.js ?? [],
  }));
  const registered = (await browser.scripting.getRegisteredContentScripts()).map((script) => ({
    matches: script.matches ?? [],
    js: script.js ?? [],
  }));
  return [...declared, ...registered].filter((script) => script.matches.length > 0 && script.js.length > 0);
}

/**
 * After an update the browser leaves the old content scripts orphaned in open tabs and starts no new
 * ones until the tab reloads. Starting the new version there gives working buttons at once; the old
 * copy steps aside (WXT's "script started" handover).
 */
export async function reinjectIntoOpenTabs(): Promise<number> {
  let injected = 0;
  for (const script of await allContentScripts()) {
    for (const tab of await browser.tabs.query({ url: script.matches })) {
      if (tab.id === undefined) continue;
      const ok = await browser.scripting
        .executeScript({ target: { tabId: tab.id }, files: script.js as never })
        .then(() => true)
        .catch(() => false);
      if (ok) injected += 1;
    }
  }
  return injected;
}
