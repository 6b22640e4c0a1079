import { describe, expect, it } from 'vitest';
import { type Composers, handOverComposers } from '../../../lib/inject/composers-contract';
import { createComposerLoader } from '../../../lib/inject/load-composers';
import { fail, ok, type Result } from '../../../lib/messages/result';

const composers: Composers = { open: () => () => undefined };

describe('loading the composers on first use', () => {
  it('asks the background once, however many buttons ask at the same time', async () => {
    let asked = 0;
    // As the background does: the injected script hands itself over before the answer comes back.
    const load = createComposerLoader(async () => {
      asked += 1;
      handOverComposers(composers);
      return ok({ loaded: true });
    });
    const results = await Promise.all([load(), load(), load()]);
    expect(results.map((result) => result.ok && result.value)).toEqual([composers, composers, composers]);
    expect((await load()).ok).toBe(true);
    expect(asked).toBe(1);
  });

  it('passes a refusal on, and asks again next time', async () => {
    let answer: Result<{ loaded: true }> = fail('errorNotEnabled', 'https://intranet.example');
    const load = createComposerLoader(async () => {
      if (answer.ok) handOverComposers(composers);
      return answer;
    });
    expect(await load()).toEqual(fail('errorNotEnabled', 'https://intranet.example'));
    answer = ok({ loaded: true as const });
    expect(await load()).toEqual(ok(composers));
  });

  it('does not take a success for one when no composers arrived', async () => {
    const load = createComposerLoader(async () => ok({ loaded: true }));
    expect(await load()).toEqual(fail('errorUnknown', 'the composers did not start'));
  });
});
