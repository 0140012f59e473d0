/**
 * The bench's two anchors, served by a bare Fastify in a process of its own (as Kasane runs in its
 * own), so each operation is measured beside what the same machine does in the same minute:
 *
 *   GET /selects/:n  the operation's SELECT statements alone, issued one after the other as the
 *                    database owner (no session lookup, no transaction, no audit, no row-level
 *                    security) through a `pg` pool on PostgreSQL, or on PGlite through one instance
 *                    opened on the data directory (one statement at a time: it has one session),
 *                    the rows answered as JSON;
 *   GET /memory/:n   the JSON body Kasane answered for that operation, from memory: the HTTP limit.
 *
 * Started by bench/run.ts with BENCH_ANCHOR_PLAN naming a JSON file of
 * `{ database, port, operations: [{ selects: [{ sql, parameters }], body }] }` (database: see
 * bench/rawDatabase.ts).
 */
import fs from 'node:fs';
import Fastify from 'fastify';
import { type DatabaseLocation, openRawDatabase } from './rawDatabase.ts';

interface Plan {
  database: DatabaseLocation;
  port: number;
  operations: { selects: { sql: string; parameters: unknown[] }[]; body: string }[];
}

const planFile = process.env.BENCH_ANCHOR_PLAN;
if (!planFile) throw new Error('BENCH_ANCHOR_PLAN is not set');
const plan = JSON.parse(fs.readFileSync(planFile, 'utf8')) as Plan;
const database = await openRawDatabase(plan.database);
const app = Fastify({ logger: false });

const operation = (raw: string) => {
  const found = plan.operations[Number(raw)];
  if (!found) throw new Error(`no operation ${raw}`);
  return found;
};

app.get<{ Params: { n: string } }>('/selects/:n', async (request, reply) => {
  const results: unknown[] = [];
  for (const statement of operation(request.params.n).selects)
    results.push(await database.query(statement.sql, statement.parameters));
  return reply.type('application/json').send(JSON.stringify(results));
});

app.get<{ Params: { n: string } }>('/memory/:n', async (request, reply) =>
  reply.type('application/json').send(operation(request.params.n).body),
);

await app.listen({ port: plan.port, host: '127.0.0.1' });
console.log('anchor ready');
const stop = async () => {
  await app.close();
  await database.close();
  process.exit(0);
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
