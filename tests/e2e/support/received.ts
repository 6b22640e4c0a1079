// Thanks received, read back from the extension's IndexedDB, and the service-worker restart that makes
// the background forget when it last looked for them.
import { type ExtensionFixture, readExtensionDb } from './fixtures';

type Stored = { direction: string; createdAt: number; message: string };

/** The received thanks the extension stored, oldest first (those of one second by their text). */
export async function receivedThanks(extension: ExtensionFixture): Promise<unknown[]> {
  const records = (await readExtensionDb(extension, 'recognitions')) as Stored[];
  return records
    .filter((rec) => rec.direction === 'received')
    .sort((a, b) => a.createdAt - b.createdAt || a.message.localeCompare(b.message));
}

type WorkerVersions = { versions: Array<{ runningStatus: string; scriptURL: string }> };

/**
 * Stops the extension's service worker, as Chrome does after 30 s without events; the next event (a
 * message from a page) starts it afresh, with nothing kept in memory. Through CDP on a page of the
 * extension's own origin, whose workers are the extension's.
 */
export async function stopServiceWorker(extension: ExtensionFixture): Promise<void> {
  const page = await extension.context.newPage();
  try {
    // A page of the extension's origin that runs none of its scripts (which could wake the worker).
    await page.goto(`chrome-extension://${extension.extensionId}/manifest.json`);
    const cdp = await extension.context.newCDPSession(page);
    const stopped = new Promise<void>((resolve) => {
      cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }: WorkerVersions) => {
        if (versions.some((v) => v.scriptURL.endsWith('/background.js') && v.runningStatus === 'stopped'))
          resolve();
      });
    });
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');
    await stopped;
  } finally {
    await page.close();
  }
}
