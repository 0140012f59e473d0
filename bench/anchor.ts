/**
 * The bench's two anchors, served by a bare Fastify in a process of its own (as Kasane runs in its
 * own), so each operation is measured beside what the same machine does in the same minute:
 *
 *   GET /selects/:n/:v  the SELECT statements of operation n's request variant v alone, issued one after the other as the
 *                    database owner (no session lookup, no transaction, no audit, no row-level
 *                    security) through a `pg` pool on PostgreSQL, or on PGlite through one instance
 *                    opened on the data directory (one statement at a time: it has one session),
 *                    the rows answered as JSON;
 *   GET /memory/:n/:v   the JSON body Kasane answered for that request, from memory: the HTTP limit.
 *
 * Started by bench/run.ts with BENCH_ANCHOR_PLAN naming a JSON file of
 * `{ database, port, operations: [[{ selects: [{ sql, parameters }], body }]] }`, each operation a list of
 * its request variants (a search cycles through several words; database: see
 * bench/rawDatabase.ts).
 */
import fs from 'node:fs';
import Fastify from 'fastify';
import { type DatabaseLocation, openRawDatabase } from './rawDatabase.ts';

interface Plan {
  database: DatabaseLocation;
  port: number;
  operations: { selects: { sql: string; parameters: unknown[] }[]; body: string }[][];
}

const planFile = process.env.BENCH_ANCHOR_PLAN;
if (!planFile) throw new Error('BENCH_ANCHOR_PLAN is not set');
const plan = JSON.parse(fs.readFileSync(planFile, 'utf8')) as Plan;
const database = await openRawDatabase(plan.database);
const app = Fastify({ logger: false });

type Params = { n: string; v: string };
const variant = ({ n, v }: Params) => {
  const found = plan.operations[Number(n)]?.[Number(v)];
  if (!found) throw new Error(`no operation ${n} variant ${v}`);
  return found;
};

app.get<{ Params: Params }>('/selects/:n/:v', async (request, reply) => {
  const results: unknown[] = [];
  for (const statement of variant(request.params).selects)
    results.push(await database.query(statement.sql, statement.parameters));
  return reply.type('application/json').send(JSON.stringify(results));
});

app.get<{ Params: Params }>('/memory/:n/:v', async (request, reply) =>
  reply.type('application/json').send(variant(request.params).body),
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
