import { DateText } from './date-text.tsx';
import { Td, Th } from './table.tsx';

/**
 * A table cell holding one date, kept on one line on screen; with `rowHeader` it is the header cell
 * that names its row (a list of dated entries).
 */
export function DateCell({ value, rowHeader = false }: { value: string | Date; rowHeader?: boolean }) {
  const date = <DateText value={value} />;
  return rowHeader ? (
    <Th scope="row" className="whitespace-nowrap">
      {date}
    </Th>
  ) : (
    <Td className="whitespace-nowrap">{date}</Td>
  );
}
