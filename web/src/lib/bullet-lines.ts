/**
 * Summaries copied from the city's plan keep its 「・」 items run together on one line
 * (「…を行う。・住居確保給付金を…」). This splits such a text into its items: a 「・」 at the start, or
 * after a sentence's end (。) or a line break, begins a new item. A text with fewer than two items is
 * returned whole, as its only line; line breaks typed by staff are kept as item boundaries too.
 */
export function bulletLines(text: string): string[] {
  const parts = text
    .split(/(?:^|(?<=[。\n]))\s*(?=・)|\n+/u)
    .map((part) => part.trim())
    .filter((part) => part !== '');
  return parts.length > 0 ? parts : [text];
}

/** Whether the text reads as a list of 「・」 items. */
export function isBulletList(lines: readonly string[]): boolean {
  return lines.length > 1 && lines.every((line) => line.startsWith('・'));
}
