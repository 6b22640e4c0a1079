import { useRef, useState } from 'preact/hooks';
import { t } from '../../lib/i18n/t';
import { sendFromUi } from '../../lib/messages/send-from-ui';

/** "Delete all my data", behind a confirmation that defaults to keeping it. */
export function DeleteAllData({ onDeleted }: { onDeleted: () => void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [status, setStatus] = useState<{ text: string; error: boolean }>({ text: '', error: false });

  const confirm = async () => {
    dialog.current?.close();
    const result = await sendFromUi({ type: 'data.deleteAll' });
    if (!result.ok)
      return setStatus({ text: t(result.error.reason, result.error.detail ?? ''), error: true });
    setStatus({ text: t('dataDeleted'), error: false });
    onDeleted();
  };

  return (
    <>
      <div class="row">
        <button type="button" class="danger" onClick={() => dialog.current?.showModal()}>
          {t('dataDelete')}
        </button>
      </div>
      <dialog ref={dialog} aria-labelledby="delete-heading" aria-describedby="delete-warning">
        <h2 id="delete-heading">{t('dataDeleteQuestion')}</h2>
        <p id="delete-warning">{t('dataDeleteWarning')}</p>
        <div class="row">
          {/* First, so showModal() focuses it: Enter keeps the data. */}
          <button type="button" class="primary" onClick={() => dialog.current?.close()}>
            {t('dataDeleteCancel')}
          </button>
          <button type="button" class="danger" onClick={() => void confirm()}>
            {t('dataDeleteConfirm')}
          </button>
        </div>
      </dialog>
      <p role="status" class={status.error ? 'status error' : 'status'}>
        {status.text}
      </p>
    </>
  );
}
