// `npm start`: the built extension in Chromium on the built-in demo intranet. With a display the browser
// stays open for you; without one it clicks through the main flow and leaves screenshots behind.
import { startDemoIntranet } from '../demo-intranet/server.mjs';
import { headlessTour } from './lib/headless-tour.mjs';
import { launchWithExtension } from './lib/launch-extension.mjs';

const EXTENSION_DIR = '.output/chrome-mv3';
const SCREENSHOT_DIR = process.env.SCREENSHOT_DIR ?? 'screenshots';
const hasDisplay =
  Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY) || process.platform !== 'linux';
const headless = process.env.CI === 'true' || !hasDisplay;

async function main() {
  const demo = await startDemoIntranet({ port: Number(process.env.DEMO_PORT ?? 0) });
  console.log(`Demo intranet: ${demo.url}/`);
  let extension;
  try {
    extension = await launchWithExtension({ extensionDir: EXTENSION_DIR, headless });
  } catch (error) {
    await demo.close();
    throw error;
  }

  if (headless) {
    console.log('No display found: running the main flow headless.');
    try {
      const shots = await headlessTour(extension, demo.url, SCREENSHOT_DIR);
      console.log('Screenshots:');
      for (const shot of shots) console.log(`  ${shot}`);
    } finally {
      await extension.context.close();
      await demo.close();
    }
    return;
  }

  const page = extension.context.pages()[0] ?? (await extension.context.newPage());
  await page.goto(demo.url);
  console.log('Chromium is open with Rückenwind loaded. Close the browser window (or press Ctrl+C) to stop.');
  const stop = async () => {
    await extension.context.close().catch(() => undefined);
    await demo.close();
    process.exit(0);
  };
  extension.context.on('close', stop);
  process.on('SIGINT', stop);
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
