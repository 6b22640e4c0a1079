import { render } from 'preact';
import { TEACH_CSS } from '../../components/teach/styles';
import { TeachPanel } from '../../components/teach/TeachPanel';
import { setAddressForm } from '../i18n/t';
import { sendFromPicker } from '../messages/send-from-picker';
import { createOutlines } from './outlines';
import { createOverlayHost } from './overlay-host';

/**
 * Opens the picker in this tab (injected by the background on "Teach Rückenwind this site"). Without a
 * teach session for this tab the background refuses the greeting, and nothing is shown. Injected again
 * while open, it only brings the panel back into focus.
 */
export async function startTeaching(): Promise<void> {
  // Our isolated world, out of the page's reach.
  const scope = globalThis as { rueckenwindTeaching?: () => void };
  if (scope.rueckenwindTeaching) return scope.rueckenwindTeaching();
  const page = new URL(location.href);
  const hello = await sendFromPicker({ type: 'teach.hello', origin: page.origin });
  if (!hello.ok || scope.rueckenwindTeaching) return;
  setAddressForm(hello.value.addressForm);

  const { host, layer, app } = createOverlayHost(document, TEACH_CSS);
  const outlines = createOutlines(layer);
  const close = () => {
    render(null, app);
    outlines.stop();
    host.remove();
    scope.rueckenwindTeaching = undefined;
  };
  const cancel = () => {
    void sendFromPicker({ type: 'teach.cancel', origin: page.origin });
    close();
  };
  const save: Parameters<typeof TeachPanel>[0]['save'] = async (selectors) => {
    const result = await sendFromPicker({ type: 'teach.save', origin: page.origin, selectors });
    return result.ok ? undefined : result.error;
  };
  scope.rueckenwindTeaching = () => app.querySelector<HTMLElement>('h2')?.focus();
  render(
    <TeachPanel
      doc={document}
      page={page}
      host={host}
      outlines={outlines}
      save={save}
      cancel={cancel}
      close={close}
    />,
    app,
  );
}
