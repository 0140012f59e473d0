import type { ReactNode } from 'react';

const gaps = { 4: 'gap-4', 5: 'gap-5' } as const;

/**
 * The fields of one row of a repeated group (a plan item, a relation, an invited organisation),
 * boxed under the row's legend; `gap` is the space between the fields (4 unless given).
 */
export function RowFieldset({
  legend,
  gap = 4,
  children,
}: {
  legend: ReactNode;
  gap?: keyof typeof gaps;
  children: ReactNode;
}) {
  return (
    <fieldset className={`flex flex-col ${gaps[gap]} rounded-8 border border-solid-gray-420 p-4`}>
      <legend className="px-1 text-std-17B-170 text-solid-gray-900">{legend}</legend>
      {children}
    </fieldset>
  );
}
