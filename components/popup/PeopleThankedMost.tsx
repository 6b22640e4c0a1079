import { useEffect, useState } from 'preact/hooks';
import type { RueckenwindDb } from '../../lib/db/database';
import type { DayKey } from '../../lib/db/schemas';
import { t } from '../../lib/i18n/t';
import { readPeopleThankedMost } from '../../lib/streak/read-stats';
import type { ThankedPerson } from '../../lib/streak/top-people';

/** The user's own list, for the user alone: no ranking of people against each other's numbers. */
export function PeopleThankedMost({ db, today }: { db: RueckenwindDb; today: DayKey }) {
  const [people, setPeople] = useState<ThankedPerson[] | undefined>();
  useEffect(() => {
    void readPeopleThankedMost(db, today).then(setPeople);
  }, [db, today]);
  if (!people) return null;
  return (
    <section aria-labelledby="people-heading">
      <h2 id="people-heading">{t('peopleHeading')}</h2>
      <p class="hint">{t('peopleHint')}</p>
      {people.length === 0 ? (
        <p>{t('peopleNone')}</p>
      ) : (
        <ul class="people">
          {people.map(({ person, thanks }) => (
            <li key={person.id ?? person.name}>
              <span class="grow">{person.name}</span>
              <span class="muted">
                {thanks === 1 ? t('peopleThanksOne') : t('peopleThanksMany', String(thanks))}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
