import type { ReactNode } from 'react';

export type Fact = {
  term: string;
  /** `null`, `undefined` and '' show the `empty` text. */
  value: ReactNode;
  /** A long value (an evaluation, a reason) takes a line of its own. */
  wide?: boolean;
};

export type FactStripProps = {
  /** The region's name, read out with it. */
  label: string;
  facts: readonly Fact[];
  empty: string;
  /** Keep the strip in view at the top while the page scrolls (from 768 px; a phone needs the height). */
  sticky?: boolean;
};

/**
 * A compact header of term / value pairs side by side (a record's identity and state above its
 * tabs), a `<dl>` that wraps onto as many lines as the width needs.
 */
export function FactStrip({ label, facts, empty, sticky }: FactStripProps) {
  return (
    <section
      aria-label={label}
      className={`rounded-12 border border-solid-gray-420 bg-white px-4 py-3 ${sticky ? 'z-10 md:sticky md:top-0 md:shadow-1' : ''} print:static print:shadow-none`}
    >
      <dl className="flex flex-wrap gap-x-6 gap-y-2">
        {facts.map((fact) => (
          <div key={fact.term} className={`flex min-w-0 flex-col ${fact.wide ? 'basis-full' : ''}`}>
            <dt className="text-dns-14N-130 text-solid-gray-700">{fact.term}</dt>
            <dd className="text-std-16N-170 whitespace-pre-wrap text-solid-gray-900">
              {fact.value === null || fact.value === undefined || fact.value === '' ? empty : fact.value}
            </dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
