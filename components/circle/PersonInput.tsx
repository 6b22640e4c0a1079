import { type Person, PersonSchema } from '../../lib/db/schemas';
import { type MessageKey, t } from '../../lib/i18n/t';
import type { Status } from './status';

/** The person typed into a name and an optional profile field, or what is wrong with them. */
export function parsePerson(name: string, profile: string): { person: Person } | { problem: Status } {
  const parsed = PersonSchema.safeParse(profile.trim() ? { name, profileUrl: profile.trim() } : { name });
  if (parsed.success) return { person: parsed.data };
  return {
    problem: { text: t(name.trim() ? 'circleMemberBadProfile' : 'circleMemberNameRequired'), error: true },
  };
}

type Props = {
  nameLabel: MessageKey;
  name: string;
  profile: string;
  onName: (name: string) => void;
  onProfile: (profile: string) => void;
};

/** A person's name and profile address, as typed for a circle member or a relationship. */
export function PersonFields({ nameLabel, name, profile, onName, onProfile }: Props) {
  return (
    <>
      <label class="field">
        <span>{t(nameLabel)}</span>
        <input type="text" maxLength={200} value={name} onInput={(e) => onName(e.currentTarget.value)} />
      </label>
      <label class="field">
        <span>{t('circleMemberProfile')}</span>
        <input
          type="url"
          placeholder="https://"
          value={profile}
          onInput={(e) => onProfile(e.currentTarget.value)}
        />
      </label>
    </>
  );
}
