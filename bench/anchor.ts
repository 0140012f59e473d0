/**
 * The bench's two anchors, served by a bare Fastify in a process of its own (as Kasane runs in its
 * own), so each operation is measured beside what the same machine does in the same minute:
 *
 *   GET /selects/:n  the operation's SELECT statements alone, issued one after the other through a
 *                    `pg` pool as the database owner (no session lookup, no transaction, no audit,
 *                    no row-level security), the rows answered as JSON;
 *   GET /memory/:n   the JSON body Kasane answered for that operation, from memory: the HTTP limit.
 *
 * Started by bench/run.ts with BENCH_ANCHOR_PLAN naming a JSON file of
 * `{ databaseUrl, poolSize, port, operations: [{ selects: [{ sql, parameters }], body }] }`.
 */
import fs from 'node:fs';
import Fastify from 'fastify';
import pg from 'pg';

interface Plan {
  databaseUrl: string;
  poolSize: number;
  port: number;
  operations: { selects: { sql: string; parameters: unknown[] }[]; body: string }[];
}

const planFile = process.env.BENCH_ANCHOR_PLAN;
if (!planFile) throw new Error('BENCH_ANCHOR_PLAN is not set');
const plan = JSON.parse(fs.readFileSync(planFile, 'utf8')) as Plan;
const pool = new pg.Pool({ connectionString: plan.databaseUrl, max: plan.poolSize });
const app = Fastify({ logger: false });

const operation = (raw: string) => {
  const found = plan.operations[Number(raw)];
  if (!found) throw new Error(`no operation ${raw}`);
  return found;
};

app.get<{ Params: { n: string } }>('/selects/:n', async (request, reply) => {
  const results: unknown[] = [];
  for (const statement of operation(request.params.n).selects)
    results.push((await pool.query(statement.sql, statement.parameters)).rows);
  return reply.type('application/json').send(JSON.stringify(results));
});

app.get<{ Params: { n: string } }>('/memory/:n', async (request, reply) =>
  reply.type('application/json').send(operation(request.params.n).body),
);

await app.listen({ port: plan.port, host: '127.0.0.1' });
console.log('anchor ready');
const stop = async () => {
  await app.close();
  await pool.end();
  process.exit(0);
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
