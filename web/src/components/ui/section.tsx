import type { ReactNode } from 'react';

const titleStyles = {
  large: 'text-std-24B-150 text-solid-gray-900',
  medium: 'text-std-20B-150 text-solid-gray-900',
  small: 'text-std-17B-170 text-solid-gray-900',
  hidden: 'sr-only',
};

export type SectionProps = {
  /** The heading's id; the section is labelled by it. */
  id: string;
  title: ReactNode;
  /** The heading level: 2 for a part of the page, 3 for a part of a part. */
  level?: 2 | 3;
  /** `large` (the default for level 2), `medium` (for level 3), `small` (a notice's heading), or `hidden`: read out, not shown. */
  size?: keyof typeof titleStyles;
  /** A sentence under the heading saying what the part is for; heading and lead stand together. */
  lead?: ReactNode;
  /** The section's layout; a column with gap-4 unless given. */
  className?: string;
  children: ReactNode;
};

/** A part of a page: a `<section>` labelled by its own heading, the landmark screen readers list. */
export function Section({
  id,
  title,
  level = 2,
  size = level === 2 ? 'large' : 'medium',
  lead,
  className = 'flex flex-col gap-4',
  children,
}: SectionProps) {
  const Heading = level === 2 ? 'h2' : 'h3';
  const heading = (
    <Heading id={id} className={titleStyles[size]}>
      {title}
    </Heading>
  );
  return (
    <section aria-labelledby={id} className={className}>
      {lead ? (
        <div className="flex flex-col gap-2">
          {heading}
          <p>{lead}</p>
        </div>
      ) : (
        heading
      )}
      {children}
    </section>
  );
}
