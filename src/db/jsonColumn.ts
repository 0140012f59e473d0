/**
 * A json/jsonb column's value as read: node-postgres hands it over parsed, the embedded database's
 * driver may hand over the text. The caller names the type the column holds.
 */
export const parseJsonColumn = <T>(value: unknown): T =>
  (typeof value === 'string' ? JSON.parse(value) : value) as T;
