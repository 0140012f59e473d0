import { bulletLines, isBulletList } from '../../lib/bullet-lines.ts';

/** A programme summary as the plan reads: 「・」 items one a line (a list), other text by its lines. */
export function SummaryText({ text }: { text: string }) {
  const lines = bulletLines(text);
  if (isBulletList(lines)) {
    return (
      <ul className="flex flex-col gap-1">
        {lines.map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
    );
  }
  return (
    <div className="flex flex-col gap-1">
      {lines.map((line) => (
        <p key={line}>{line}</p>
      ))}
    </div>
  );
}
