import type { ReactNode } from 'react';
import { Button } from './button.tsx';

export type RepeatedEntriesProps = {
  legend: string;
  /** The entries as the form holds them (`useFieldArray`'s `fields`): each keyed by its `id`. */
  entries: readonly { id: string }[];
  /** The heading of the n-th entry, counted from 1. */
  title: (n: number) => string;
  /** The n-th entry's remove button. */
  removeLabel: (n: number) => string;
  addLabel: string;
  onRemove: (index: number) => void;
  onAdd: () => void;
  /** The fields of the entry at `index`, laid out two to a row on wide screens. */
  children: (index: number) => ReactNode;
};

/**
 * A fieldset of entries the user adds and removes (a 社会資源's 場所, 開催日時, 連絡先…): each entry a
 * numbered card of its fields with its remove button, and the add button last.
 */
export function RepeatedEntries({
  legend,
  entries,
  title,
  removeLabel,
  addLabel,
  onRemove,
  onAdd,
  children,
}: RepeatedEntriesProps) {
  return (
    <fieldset className="flex flex-col gap-4">
      <legend className="text-std-17B-170">{legend}</legend>
      {entries.map((entry, index) => (
        <div key={entry.id} className="flex flex-col gap-4 rounded-8 border border-solid-gray-420 p-4">
          <p className="text-std-16B-170">{title(index + 1)}</p>
          <div className="grid grid-cols-1 gap-4 md:grid-cols-2">{children(index)}</div>
          <div>
            <Button type="button" variant="text" onClick={() => onRemove(index)}>
              {removeLabel(index + 1)}
            </Button>
          </div>
        </div>
      ))}
      <div>
        <Button type="button" variant="outline" onClick={onAdd}>
          {addLabel}
        </Button>
      </div>
    </fieldset>
  );
}
