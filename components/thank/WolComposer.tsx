import { useState } from 'preact/hooks';
import { WOL_TEMPLATE_LABELS, wolPostText } from '../../lib/compose/post-texts';
import type { PostRef, WOL_TEMPLATES } from '../../lib/db/schemas';
import { t } from '../../lib/i18n/t';
import type { SaveFailure, WolDraft } from '../../lib/inject/composers-contract';
import type { Result } from '../../lib/messages/result';
import { listsTargets, TARGET_LOOKUP_HOSTS } from '../../lib/targets/hosts';
import type { TargetList } from '../../lib/targets/target';
import { TargetField, useTargets } from '../targets/TargetField';
import { ComposerFrame } from './ComposerFrame';
import { Preview } from './Preview';
import { useAnchoredPanel } from './useAnchoredPanel';

type Template = (typeof WOL_TEMPLATES)[number];
// Read from the labels, not from the schemas module: that one would bring zod into the composers script.
const TEMPLATES = Object.keys(WOL_TEMPLATE_LABELS) as Template[];

type Props = {
  id: string;
  post: PostRef;
  hashtag: string;
  /** Shown when the host has groups, spaces or channels to post into. */
  hasTargets: boolean;
  /** The user's groups or channels on this intranet (asked by the content script, which checks the reply). */
  listTargets: () => Promise<Result<TargetList>>;
  anchor: HTMLElement | null;
  onSave: (draft: WolDraft, postedText: string) => Promise<SaveFailure | undefined>;
  onCancel: () => void;
};

export function WolComposer({ id, post, hashtag, hasTargets, listTargets, anchor, onSave, onCancel }: Props) {
  const [template, setTemplate] = useState<Template | ''>('working-on');
  const [text, setText] = useState('');
  const [linkPost, setLinkPost] = useState(post.permalink !== undefined);
  const [withHashtag, setWithHashtag] = useState(true);
  const [target, setTarget] = useState('');
  // Where Rückenwind can list the user's groups or channels, the field offers them by name.
  const targets = useTargets(post.origin, hasTargets && listsTargets(post.host) ? listTargets : undefined);
  const [error, setError] = useState<string | undefined>();
  const [saving, setSaving] = useState(false);
  const { panelRef, firstFieldRef: textRef } = useAnchoredPanel<HTMLTextAreaElement>(anchor);

  const posted = wolPostText({
    template: template || undefined,
    text,
    link: linkPost ? post.permalink : undefined,
    hashtag: withHashtag ? hashtag : undefined,
  });

  const submit = async (event: Event) => {
    event.preventDefault();
    if (!text.trim()) {
      textRef.current?.focus();
      return setError(t('wolTextRequired'));
    }
    setSaving(true);
    setError(undefined);
    const failure = await onSave(
      {
        text: text.trim(),
        template: template || undefined,
        target: target.trim() || undefined,
        linkedPost: linkPost ? post : undefined,
      },
      posted,
    );
    setSaving(false);
    if (failure) setError(t(failure.reason, failure.detail ?? ''));
  };

  return (
    <ComposerFrame
      id={id}
      title={t('wolComposerTitle')}
      panelRef={panelRef}
      error={error}
      saving={saving}
      saveLabel={t('wolSave')}
      onSubmit={submit}
      onCancel={onCancel}
    >
      <label class="field">
        <span class="label">{t('wolTemplate')}</span>
        <select
          value={template}
          onChange={(event) => setTemplate(event.currentTarget.value as Template | '')}
        >
          <option value="">{t('wolTemplateNone')}</option>
          {TEMPLATES.map((key) => (
            <option key={key} value={key}>
              {t(WOL_TEMPLATE_LABELS[key])}
            </option>
          ))}
        </select>
      </label>
      <label class="field">
        <span class="label">{t('wolText')}</span>
        <textarea
          ref={textRef}
          maxLength={2000}
          aria-required="true"
          value={text}
          onInput={(event) => setText(event.currentTarget.value)}
        />
      </label>
      {post.permalink && (
        <label class="check">
          <input
            type="checkbox"
            checked={linkPost}
            onChange={(event) => setLinkPost(event.currentTarget.checked)}
          />
          {t('wolLinkPost')}
        </label>
      )}
      <label class="check">
        <input
          type="checkbox"
          checked={withHashtag}
          onChange={(event) => setWithHashtag(event.currentTarget.checked)}
        />
        {t('wolIncludeHashtag', hashtag)}
      </label>
      {hasTargets && (
        <TargetField
          id={`${id}-target`}
          label={t('wolTarget')}
          fieldClass="field"
          labelClass="label"
          value={target}
          onChange={setTarget}
          targets={targets}
          hostName={TARGET_LOOKUP_HOSTS[post.host] ?? post.host}
        />
      )}
      <Preview id={id} text={posted} />
    </ComposerFrame>
  );
}
