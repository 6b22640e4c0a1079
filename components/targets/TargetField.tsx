import { useEffect, useRef, useState } from 'preact/hooks';
import { t } from '../../lib/i18n/t';
import type { Result } from '../../lib/messages/result';
import type { Target, TargetList } from '../../lib/targets/target';

/** Options shown at once: enough to choose from while typing, short enough to scan. */
const SHOWN_MAX = 50;

/** What the field knows about the user's targets: still loading, the list, or why there is none. */
export type TargetsState = { loading: true } | TargetList;

/**
 * Loads the user's targets once per `key` (an origin) through `load`; `load` undefined: this host has
 * none to list. A failed message counts as unreachable.
 */
export function useTargets(
  key: string,
  load: (() => Promise<Result<TargetList>>) | undefined,
): TargetsState | undefined {
  const [state, setState] = useState<TargetsState | undefined>(load ? { loading: true } : undefined);
  const loadRef = useRef(load);
  loadRef.current = load;
  const enabled = load !== undefined;
  useEffect(() => {
    const current = loadRef.current;
    if (!current) return setState(undefined);
    let live = true;
    setState({ loading: true });
    void current().then((result) => {
      if (!live) return;
      setState(result.ok ? result.value : { unavailable: 'unreachable', detail: t(result.error.reason) });
    });
    return () => {
      live = false;
    };
  }, [key, enabled]);
  return state;
}

const fold = (text: string) => text.trim().toLocaleLowerCase();

/** The id a typed text stands for: a target whose name (or id) it spells exactly, else the text itself. */
export function targetIdOf(text: string, targets: readonly Target[]): string {
  const typed = fold(text);
  const named = targets.find((target) => fold(target.name) === typed || target.id === text.trim());
  return named ? named.id : text.trim();
}

function matching(text: string, targets: readonly Target[]): Target[] {
  const typed = fold(text).replace(/^#/, '');
  if (!typed) return targets.slice(0, SHOWN_MAX);
  return targets
    .filter((target) => fold(target.name).includes(typed) || fold(target.id).startsWith(typed))
    .slice(0, SHOWN_MAX);
}

function unavailableText(state: Exclude<TargetList, { targets: Target[] }>, hostName: string): string {
  const detail = state.detail ?? '';
  switch (state.unavailable) {
    case 'not-connected':
      return t('targetsNotConnected', hostName);
    case 'refused':
      return t('targetsRefused', [hostName, detail]);
    case 'unreachable':
    case 'unreadable':
      return t('targetsUnreachable', [hostName, detail]);
    case 'unsupported':
      return '';
  }
}

type Props = {
  /** The input's id; the list's and the hint's ids derive from it. */
  id: string;
  label: string;
  /** Class of the wrapper and of the label text, as the surrounding form styles its fields. */
  fieldClass: string;
  labelClass?: string;
  /** The stored id (what the host's API takes). */
  value: string;
  onChange: (id: string) => void;
  /** The user's targets; undefined where the host has none Rückenwind can list (a plain text field). */
  targets: TargetsState | undefined;
  hostName: string;
  disabled?: boolean;
};

/**
 * A group, space or channel field: a combobox (ARIA 1.2, list autocomplete) that offers the user's
 * targets by name as they type and keeps the chosen one's id. A typed id works too; without a list
 * (no account, offline, refused) the field says why and takes the id as typed. Where the host has no
 * list at all (`targets` undefined) it is a plain text field.
 */
export function TargetField({
  id,
  label,
  fieldClass,
  labelClass,
  value,
  onChange,
  targets,
  hostName,
  disabled,
}: Props) {
  const list = targets && 'targets' in targets ? targets.targets : undefined;
  const nameOf = (targetId: string) => list?.find((target) => target.id === targetId)?.name;
  const [text, setText] = useState(() => nameOf(value) ?? value);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  // The list arrived after the field showed a stored id: show its name instead. If the user typed
  // meanwhile, what they typed may be a name now known: keep their text, store its id.
  const typed = useRef(false);
  useEffect(() => {
    if (!list) return;
    if (typed.current) return onChange(targetIdOf(text, list));
    const name = nameOf(value);
    if (name) setText(name);
  }, [list]);

  const listId = `${id}-list`;
  const hintId = `${id}-hint`;
  const shown = list && open ? matching(text, list) : [];
  const expanded = shown.length > 0;

  const choose = (target: Target) => {
    typed.current = true;
    setText(target.name);
    setOpen(false);
    setActive(-1);
    onChange(target.id);
  };
  const onInput = (next: string) => {
    typed.current = true;
    setText(next);
    setOpen(true);
    setActive(-1);
    onChange(list ? targetIdOf(next, list) : next.trim());
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (!list) return;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const options = matching(text, list);
      if (!open) setOpen(true);
      if (options.length === 0) return;
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActive((active + step + options.length) % options.length);
    } else if (event.key === 'Enter' && expanded && shown[active]) {
      // Chooses the option instead of submitting the form.
      event.preventDefault();
      choose(shown[active]);
    } else if (event.key === 'Escape' && expanded) {
      // Closes the list only; a second Escape reaches the form (the composer closes).
      event.preventDefault();
      event.stopPropagation();
      setOpen(false);
      setActive(-1);
    }
  };

  const chosenName = nameOf(value);
  let hint = '';
  if (targets && 'loading' in targets) hint = t('targetsLoading');
  else if (targets && 'unavailable' in targets) hint = unavailableText(targets, hostName);
  else if (list && list.length === 0) hint = t('targetsEmpty', hostName);
  else if (list && value && chosenName) hint = t('targetsChosenId', value);
  else if (list && value) hint = t('targetsNoMatch');
  else if (list) hint = t('targetsHint');

  const input = (
    <input
      id={id}
      type="text"
      maxLength={200}
      autoComplete="off"
      disabled={disabled}
      value={text}
      aria-describedby={hint ? hintId : undefined}
      onInput={(event) => onInput(event.currentTarget.value)}
      onKeyDown={onKeyDown}
      onBlur={() => setOpen(false)}
      // A combobox from the first frame wherever a list can come (its role does not change under the
      // user's hands); until one does, it is one without options.
      {...(targets
        ? {
            role: 'combobox',
            'aria-autocomplete': 'list',
            'aria-expanded': expanded,
            'aria-controls': listId,
            'aria-activedescendant': expanded && active >= 0 ? `${listId}-${active}` : undefined,
          }
        : {})}
    />
  );

  return (
    <div class={fieldClass} style={{ margin: '0 0 10px' }}>
      <label for={id} class={labelClass} style={{ display: 'block', margin: '0 0 4px', fontWeight: 600 }}>
        {label}
      </label>
      {/* The list lies over what follows: opening or closing it moves nothing (a click on "Save" that
          closes it on the way must still land on "Save"). */}
      <div style={{ position: 'relative' }}>
        {input}
        {targets && (
          <div
            id={listId}
            role="listbox"
            aria-label={label}
            hidden={!expanded}
            style={{
              position: 'absolute',
              top: '100%',
              left: 0,
              right: 0,
              zIndex: 1,
              boxShadow: '0 4px 12px rgb(0 0 0 / 20%)',
              margin: '2px 0 0',
              padding: '2px',
              maxHeight: '12em',
              overflowY: 'auto',
              border: '1px solid var(--rw-line, #c8ccd1)',
              borderRadius: '6px',
              background: 'var(--rw-surface, #fff)',
              color: 'var(--rw-text, inherit)',
            }}
          >
            {shown.map((target, index) => (
              // biome-ignore lint/a11y/useKeyWithClickEvents: the keys are the combobox input's (aria-activedescendant), as ARIA's pattern has it.
              <div
                key={target.id}
                id={`${listId}-${index}`}
                role="option"
                tabIndex={-1}
                aria-selected={index === active}
                // Keeps the focus in the input, so the list does not close before the click lands.
                onMouseDown={(event) => event.preventDefault()}
                onClick={() => choose(target)}
                style={{
                  padding: '4px 8px',
                  borderRadius: '4px',
                  cursor: 'pointer',
                  background: index === active ? 'var(--rw-quiet, #eef2f7)' : 'transparent',
                  outline: index === active ? '2px solid var(--rw-accent, #0b65c2)' : 'none',
                  outlineOffset: '-2px',
                }}
              >
                {target.name}
              </div>
            ))}
          </div>
        )}
      </div>
      {hint && (
        <p id={hintId} style={{ margin: '4px 0 0', fontSize: '0.9em', opacity: 0.8 }}>
          {hint}
        </p>
      )}
    </div>
  );
}
