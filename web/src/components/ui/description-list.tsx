import type { ReactNode } from 'react';

export type DescriptionItem = {
  term: string;
  /** The value; `null`, `undefined` and '' show the `empty` text so a blank never looks like an omission. */
  value: ReactNode;
};

/** Term / value pairs of a detail page (`<dl>`), two columns on wide screens and in print. */
export function DescriptionList({ items, empty }: { items: readonly DescriptionItem[]; empty: string }) {
  return (
    <dl className="grid grid-cols-1 gap-x-8 gap-y-3 sm:grid-cols-[12rem_1fr] print:grid-cols-[10rem_1fr]">
      {items.map((item) => (
        <div key={item.term} className="contents">
          <dt className="text-std-16B-170 text-solid-gray-800">{item.term}</dt>
          <dd className="text-std-16N-170 whitespace-pre-wrap text-solid-gray-800">
            {item.value === null || item.value === undefined || item.value === '' ? empty : item.value}
          </dd>
        </div>
      ))}
    </dl>
  );
}
