import type { ReactNode } from 'react';

/**
 * A group of fields under a visible `<legend>` (電話番号, 指標, 出席), in a column: for groups whose
 * fields carry their own labels and errors (`FieldGroup` is the one for a group of choices).
 */
export function Fieldset({ legend, children }: { legend: string; children: ReactNode }) {
  return (
    <fieldset className="flex flex-col gap-4">
      <legend className="mb-2 text-std-17B-170 text-solid-gray-800">{legend}</legend>
      {children}
    </fieldset>
  );
}
