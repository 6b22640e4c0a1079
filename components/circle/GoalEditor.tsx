import { useState } from 'preact/hooks';
import { countWords, GOAL_WORD_LIMIT } from '../../lib/circle/goal';
import type { Circle } from '../../lib/db/schemas';
import { t } from '../../lib/i18n/t';
import { sendFromUi } from '../../lib/messages/send-from-ui';
import { failureStatus, NO_STATUS, type Status } from './status';

const QUESTIONS = [
  ['care', 'circleGoalCare'],
  ['progress', 'circleGoalProgress'],
  ['help', 'circleGoalHelp'],
] as const;

/** The goal for the 12 weeks in under 25 words, and the three questions to ask of it. */
export function GoalEditor({ circle, onSaved }: { circle: Circle; onSaved: () => void }) {
  const [goal, setGoal] = useState(circle.goal ?? '');
  const [checks, setChecks] = useState(circle.goalChecks ?? { care: false, progress: false, help: false });
  const [status, setStatus] = useState<Status>(NO_STATUS);
  const words = countWords(goal);
  const tooLong = words >= GOAL_WORD_LIMIT;

  const save = async (event: Event) => {
    event.preventDefault();
    const { id, createdAt: _created, sharedLogs: _seen, ...rest } = circle;
    const result = await sendFromUi({
      type: 'circle.save',
      circle: { ...rest, id, goal: goal.trim() || undefined, goalChecks: checks },
    });
    if (!result.ok) return setStatus(failureStatus(result));
    setStatus({ text: t('circleGoalSaved'), error: false });
    onSaved();
  };

  return (
    <form onSubmit={save} aria-labelledby="goal-heading">
      <h2 id="goal-heading">{t('circleGoalHeading')}</h2>
      <p class="hint">{t('circleGoalHint')}</p>
      <label class="field">
        <span>{t('circleGoal')}</span>
        <textarea
          rows={3}
          maxLength={400}
          value={goal}
          aria-describedby="goal-count"
          aria-invalid={tooLong}
          onInput={(e) => setGoal(e.currentTarget.value)}
        />
      </label>
      <p id="goal-count" class={tooLong ? 'status error' : 'status muted'} aria-live="polite">
        {tooLong ? t('circleGoalTooLong', String(words)) : t('circleGoalWords', String(words))}
      </p>
      <fieldset>
        <legend>{t('circleGoalQuestions')}</legend>
        {QUESTIONS.map(([key, label]) => (
          <label class="check" key={key}>
            <input
              type="checkbox"
              checked={checks[key]}
              onChange={(e) => setChecks({ ...checks, [key]: e.currentTarget.checked })}
            />
            {t(label)}
          </label>
        ))}
      </fieldset>
      <button type="submit" class="primary">
        {t('circleGoalSave')}
      </button>
      <p class={status.error ? 'status error' : 'status'} role={status.error ? 'alert' : 'status'}>
        {status.text}
      </p>
    </form>
  );
}
