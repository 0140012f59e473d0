import type { Kysely, Transaction } from 'kysely';
import type { DB } from './schema.ts';

/** What a query runs on: the database itself, or a transaction the caller has opened. */
export type Executor = Kysely<DB> | Transaction<DB>;
