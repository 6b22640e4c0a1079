import { fail, ok, type Result } from '../messages/result';
import { awaitComposers, type Composers } from './composers-contract';

/**
 * Loads the composers once per content script, on first use (or when the user points at or focuses one
 * of our buttons, so they are usually there by the time the click lands). `askBackground` asks the
 * background to inject the composers script into this frame; a failed load is tried again next time.
 */
export function createComposerLoader(askBackground: () => Promise<Result<unknown>>) {
  let loading: Promise<Result<Composers>> | undefined;
  const load = async (): Promise<Result<Composers>> => {
    let arrived: Composers | undefined;
    const waiting = awaitComposers().then((composers) => {
      arrived = composers;
    });
    const asked = await askBackground();
    if (!asked.ok) return asked;
    // The script has run by the time the background answers: its hand-over is already queued.
    await Promise.race([waiting, Promise.resolve()]);
    return arrived ? ok(arrived) : fail('errorUnknown', 'the composers did not start');
  };
  return (): Promise<Result<Composers>> => {
    if (!loading) {
      const started = load();
      loading = started;
      void started.then((result) => {
        if (!result.ok && loading === started) loading = undefined;
      });
    }
    return loading;
  };
}
