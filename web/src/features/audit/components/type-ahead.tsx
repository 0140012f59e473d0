import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Field } from '../../../components/ui/form-control.tsx';
import '../../../lib/i18n/admin.bundle.ts';

export type Choice = { id: string; label: string; detail?: string | null };

/**
 * A type-ahead picker (WAI-ARIA combobox with a list popup): the auditor types part of a name, the
 * matching choices appear below, ↑↓ and Enter (or a click) pick one. Editing the text afterwards
 * drops the choice, so what is shown is always what filters. `useChoices` (a hook) gives the choices for
 * the text typed (filtered locally or fetched).
 */
export function TypeAhead({
  id,
  label,
  supportText,
  selected,
  onSelect,
  useChoices,
}: {
  id: string;
  label: string;
  supportText?: string;
  selected: Choice | null;
  onSelect: (choice: Choice | null) => void;
  useChoices: (text: string) => { choices: Choice[]; pending: boolean };
}) {
  const { t } = useTranslation();
  const [text, setText] = useState(selected?.label ?? '');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const { choices, pending } = useChoices(open ? text.trim() : '');
  const listId = `${id}-choices`;
  const shown = open && text.trim() !== '';
  const choose = (choice: Choice) => {
    onSelect(choice);
    setText(choice.label);
    setOpen(false);
  };
  return (
    <Field id={id} label={label} supportText={supportText}>
      {(control) => (
        <div className="relative max-w-[40rem]">
          <input
            {...control}
            type="text"
            role="combobox"
            autoComplete="off"
            aria-autocomplete="list"
            aria-expanded={shown && choices.length > 0}
            aria-controls={listId}
            aria-activedescendant={shown && choices[active] ? `${id}-choice-${active}` : undefined}
            className="h-14 w-full rounded-8 border border-solid-gray-600 bg-white px-4 py-3 text-oln-16N-100 text-solid-gray-800 hover:border-black"
            value={text}
            onChange={(event) => {
              setText(event.currentTarget.value);
              setOpen(true);
              setActive(0);
              if (selected) onSelect(null);
            }}
            onBlur={() => setOpen(false)}
            onKeyDown={(event) => {
              if (event.key === 'ArrowDown') {
                event.preventDefault();
                setOpen(true);
                setActive((i) => Math.min(i + 1, Math.max(choices.length - 1, 0)));
              } else if (event.key === 'ArrowUp') {
                event.preventDefault();
                setActive((i) => Math.max(i - 1, 0));
              } else if (event.key === 'Enter' && shown && choices[active]) {
                event.preventDefault();
                choose(choices[active]);
              } else if (event.key === 'Escape') {
                setOpen(false);
              }
            }}
          />
          <div
            id={listId}
            role="listbox"
            aria-label={label}
            hidden={!shown || choices.length === 0}
            className="absolute z-10 mt-1 max-h-72 w-full overflow-y-auto rounded-8 border border-solid-gray-600 bg-white shadow-1"
          >
            {choices.map((choice, index) => (
              <div
                key={choice.id}
                id={`${id}-choice-${index}`}
                role="option"
                tabIndex={-1}
                aria-selected={index === active}
                className={`cursor-pointer px-4 py-2 ${index === active ? 'bg-blue-50' : ''}`}
                onMouseDown={(event) => {
                  event.preventDefault();
                  choose(choice);
                }}
              >
                {choice.label}
                {choice.detail ? <span className="ml-2 text-solid-gray-700">{choice.detail}</span> : null}
              </div>
            ))}
          </div>
          <p className="sr-only" aria-live="polite">
            {shown
              ? pending
                ? t('audit.picker.searching')
                : choices.length === 0
                  ? t('audit.picker.none')
                  : t('audit.picker.count', { count: choices.length })
              : ''}
          </p>
        </div>
      )}
    </Field>
  );
}
