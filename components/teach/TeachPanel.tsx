import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { TaughtSelectors } from '../../lib/db/schemas';
import { textOf } from '../../lib/hosts/read-dom';
import { type MessageKey, t } from '../../lib/i18n/t';
import type { Failure } from '../../lib/messages/result';
import { deriveCurrentUser, deriveSelectors } from '../../lib/teach/derive-selectors';
import { signatureOf } from '../../lib/teach/features';
import type { Outlines } from '../../lib/teach/outlines';
import { type CandidateOf, createPicker, type Picker } from '../../lib/teach/picker';
import { reviewSelectors } from '../../lib/teach/review';
import { growToHold, snapToLink, suggestPost } from '../../lib/teach/suggest';
import { ReviewDetails } from './ReviewDetails';

type Step = 'post' | 'author' | 'me' | 'review' | 'saved';

type Props = {
  doc: Document;
  page: URL;
  /** Our overlay's host element: events on it are the panel's, not the page's. */
  host: Element;
  outlines: Outlines;
  save: (selectors: TaughtSelectors) => Promise<Failure['error'] | undefined>;
  /** Ends the teach session and removes the picker. */
  cancel: () => void;
  /** Removes the picker after saving. */
  close: () => void;
};

const INSTRUCTIONS: Record<Step, MessageKey> = {
  post: 'teachStepPost',
  author: 'teachStepAuthor',
  me: 'teachStepMe',
  review: 'teachStepReview',
  saved: 'teachStepReview',
};
const LABELS: Partial<Record<Step, MessageKey>> = {
  post: 'teachLabelPost',
  author: 'teachLabelAuthor',
  me: 'teachLabelMe',
};
/** What a pointed-at element means in each picking step; the other steps leave the page alone. */
const MODES: Partial<Record<Step, CandidateOf>> = {
  post: suggestPost,
  author: snapToLink,
  me: snapToLink,
};

function describe(el: Element, step: Step): string {
  const text = textOf(el, 61);
  const what = `<${el.localName}> “${text.length > 60 ? `${text.slice(0, 60)}…` : text}”`;
  if (step !== 'post') return t('teachOutlined', what);
  return t('teachOutlinedPost', [what, String(el.ownerDocument.querySelectorAll(signatureOf(el)).length)]);
}

/**
 * The picker's panel: step 1 a post, step 2 its author's name, step 3 (optional) the user's own name,
 * then what the derived selectors find on this page, to save or to pick again. Not modal: the page
 * stays usable, and only the clicks that pick are kept from it.
 */
export function TeachPanel({ doc, page, host, outlines, save, cancel, close }: Props) {
  const [step, setStep] = useState<Step>('post');
  const [post, setPost] = useState<Element>();
  const [author, setAuthor] = useState<Element>();
  const [me, setMe] = useState<Element>();
  const [selectors, setSelectors] = useState<TaughtSelectors>();
  const [candidate, setCandidate] = useState<{ el: Element; byKeyboard: boolean }>();
  const [alert, setAlert] = useState('');
  const [announcement, setAnnouncement] = useState('');
  const [saving, setSaving] = useState(false);
  const [left, setLeft] = useState(false);
  const titleRef = useRef<HTMLHeadingElement>(null);
  const picker = useRef<Picker | undefined>(undefined);
  // The picker is created once; its callbacks reach the current step through these refs.
  const onPick = useRef<(el: Element) => void>(() => undefined);
  const onCancel = useRef(cancel);

  useEffect(() => {
    const created = createPicker(doc, host, {
      onCandidate: (el, byKeyboard) => setCandidate(el && { el, byKeyboard }),
      onPick: (el) => onPick.current(el),
      onCancel: () => onCancel.current(),
    });
    picker.current = created;
    titleRef.current?.focus();
    return () => created.stop();
  }, [doc, host]);

  const review = useMemo(
    () => (step === 'review' && selectors ? reviewSelectors(selectors, doc, page) : undefined),
    [step, selectors, doc, page],
  );

  const goTo = (next: Step, note = '') => {
    setAlert('');
    setStep(next);
    setAnnouncement(`${note} ${t(INSTRUCTIONS[next])}`.trim());
  };

  useEffect(() => {
    picker.current?.setMode(MODES[step]);
    onCancel.current = step === 'saved' ? close : cancel;
    if (step === 'review' || step === 'saved') titleRef.current?.focus();
  }, [step]);

  useEffect(() => {
    outlines.clear();
    if (step === 'saved') return;
    if (review) {
      outlines.show('match', review.posts);
      outlines.show('author', review.authors);
    } else {
      if (post) outlines.show('post', [post], t('teachLabelPost'));
      if (author) outlines.show('author', [author], t('teachLabelAuthor'));
    }
    if (me) outlines.show('me', [me], t('teachLabelMe'));
    const label = LABELS[step];
    if (candidate && label) outlines.show('candidate', [candidate.el], t(label));
  }, [step, post, author, me, candidate, review]);

  const pickAuthor = (current: Element, el: Element) => {
    if (!textOf(el)) return setAlert(t('teachNoText'));
    const grown = growToHold(current, el);
    if (!grown) return setAlert(t('teachNotInPost'));
    const derived = deriveSelectors(grown, el);
    if (!derived) return setAlert(t('teachNoSelectors'));
    setPost(grown);
    setAuthor(el);
    setSelectors(derived);
    goTo('me', grown === current ? '' : t('teachPostGrew'));
  };
  const pickMe = (current: TaughtSelectors, el: Element) => {
    const css = deriveCurrentUser(el, current.post);
    if (!css) return setAlert(t('teachMeNotFound'));
    setMe(el);
    setSelectors({ ...current, currentUser: css });
    goTo('review');
  };
  onPick.current = (el) => {
    if (step === 'post') {
      setPost(el);
      return goTo('author');
    }
    if (step === 'author' && post) return pickAuthor(post, el);
    if (step === 'me' && selectors) return pickMe(selectors, el);
  };

  const skipMe = () => {
    if (!selectors) return;
    const { currentUser: _skipped, ...rest } = selectors;
    setMe(undefined);
    setSelectors(rest);
    goTo('review');
  };
  const back = () => {
    if (step === 'author') return goTo('post');
    if (step === 'me') return goTo('author');
    if (step === 'review') return goTo('me');
  };
  const pickAgain = () => {
    setPost(undefined);
    setAuthor(undefined);
    setMe(undefined);
    setSelectors(undefined);
    goTo('post');
  };
  const onSave = async () => {
    if (!selectors || saving) return;
    setSaving(true);
    const failure = await save(selectors);
    setSaving(false);
    if (!failure) return goTo('saved', t('teachSaved', page.host));
    // The teach session is over (it expired): the user starts again from the popup.
    setAlert(
      failure.reason === 'errorWrongSender' ? t('teachExpired') : t(failure.reason, failure.detail ?? ''),
    );
  };

  const picking = MODES[step] !== undefined;
  return (
    <div
      class={left ? 'panel left' : 'panel'}
      role="dialog"
      aria-modal="false"
      aria-labelledby="rw-teach-title"
      aria-describedby="rw-teach-step"
    >
      <h2 id="rw-teach-title" ref={titleRef} tabIndex={-1}>
        {t('teachThisSite')}
      </h2>
      <p id="rw-teach-step" class="step">
        {step === 'saved' ? t('teachSaved', page.host) : t(INSTRUCTIONS[step])}
      </p>
      {picking && (
        <>
          {candidate && <p class="candidate">{describe(candidate.el, step)}</p>}
          <p class="hint">{t('teachKeyboardHint')}</p>
        </>
      )}
      {review && selectors && step === 'review' && (
        <ReviewDetails review={review} selectors={selectors} me={me && textOf(me)} />
      )}
      <p class="alert" role="alert">
        {alert}
      </p>
      <p class="visually-hidden" role="status">
        {candidate?.byKeyboard && picking ? describe(candidate.el, step) : announcement}
      </p>
      <div class="buttons">
        {step !== 'saved' && (
          <button type="button" class="move" onClick={() => setLeft(!left)}>
            {t('teachMovePanel')}
          </button>
        )}
        {step === 'me' && (
          <button type="button" onClick={skipMe}>
            {t('teachSkip')}
          </button>
        )}
        {(step === 'author' || step === 'me' || step === 'review') && (
          <button type="button" onClick={back}>
            {t('teachBack')}
          </button>
        )}
        {step === 'review' && (
          <button type="button" onClick={pickAgain}>
            {t('teachPickAgain')}
          </button>
        )}
        {step === 'saved' ? (
          <button type="button" class="primary" onClick={close}>
            {t('teachClose')}
          </button>
        ) : (
          <button type="button" onClick={cancel}>
            {t('teachCancel')}
          </button>
        )}
        {step === 'review' && (
          <button type="button" class="primary" disabled={saving} onClick={() => void onSave()}>
            {saving ? t('teachSaving') : t('teachSave')}
          </button>
        )}
      </div>
    </div>
  );
}
