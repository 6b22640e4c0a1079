import type { TaughtSelectors } from '../../lib/db/schemas';
import { t } from '../../lib/i18n/t';
import { SELECTOR_LABELS } from '../../lib/teach/labels';
import type { Review } from '../../lib/teach/review';

type Props = { review: Review; selectors: TaughtSelectors; me: string | undefined };

/** What the derived selectors find on this page, and the selectors themselves for those who read CSS. */
export function ReviewDetails({ review, selectors, me }: Props) {
  const entries = (Object.keys(SELECTOR_LABELS) as Array<keyof TaughtSelectors>).flatMap((key) => {
    const value = selectors[key];
    return value ? [{ key, value }] : [];
  });
  return (
    <>
      <p>
        <strong>
          {review.posts.length === 1 ? t('teachMatchesOne') : t('teachMatches', String(review.posts.length))}
        </strong>
      </p>
      <ul class="facts">
        {review.names.length > 0 && <li>{t('teachAuthorsExample', review.names.join(', '))}</li>}
        {review.unreadable > 0 && <li>{t('teachUnreadable', String(review.unreadable))}</li>}
        <li>{selectors.actions ? t('teachMountActions') : t('teachMountAfterAuthor')}</li>
        <li>{me ? t('teachMeFound', me) : t('teachMeSkipped')}</li>
      </ul>
      <details>
        <summary>{t('teachSelectors')}</summary>
        <dl>
          {entries.map(({ key, value }) => (
            <div key={key}>
              <dt>{t(SELECTOR_LABELS[key])}</dt>
              <dd>
                <code>{value}</code>
              </dd>
            </div>
          ))}
        </dl>
      </details>
    </>
  );
}
