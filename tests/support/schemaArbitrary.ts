import fc from 'fast-check';

/** The subset of JSON Schema (draft 2020-12, as zod and @fastify/swagger emit it) the fuzzer reads. */
export interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  minItems?: number;
  maxItems?: number;
  format?: string;
  pattern?: string;
  $ref?: string;
}

export interface ArbitraryContext {
  /** Ids a valid request may name (records of the caller's own city). */
  ids: readonly string[];
  /** Named schemas, for `$ref`. */
  components: Record<string, JsonSchema>;
}

const pad = (n: number) => String(n).padStart(2, '0');
const isoDate = (d: Date) => `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
const dates = fc.date({
  min: new Date('1930-01-01T00:00:00Z'),
  max: new Date('2030-12-31T00:00:00Z'),
  noInvalidDate: true,
});
const texts = fc.oneof(
  fc.constantFrom('（試験）', '鹿児島 花子', 'カナ', 'ひらがな', '相談内容', '週1回', 'A'),
  fc.string({ minLength: 1, maxLength: 12 }),
);

/** An arbitrary of values that (mostly) satisfy the schema. */
export function schemaArbitrary(schema: JsonSchema, ctx: ArbitraryContext, depth = 0): fc.Arbitrary<unknown> {
  if (schema.$ref) {
    const name = schema.$ref.split('/').pop() ?? '';
    const target = ctx.components[name];
    return target ? schemaArbitrary(target, ctx, depth) : fc.constant({});
  }
  if (schema.enum) return fc.constantFrom(...schema.enum);
  if (schema.const !== undefined) return fc.constant(schema.const);
  const alternatives = schema.anyOf ?? schema.oneOf;
  if (alternatives) return fc.oneof(...alternatives.map((s) => schemaArbitrary(s, ctx, depth + 1)));
  const types = Array.isArray(schema.type) ? schema.type : [schema.type];
  if (types.length > 1)
    return fc.oneof(...types.map((type) => schemaArbitrary({ ...schema, type }, ctx, depth)));
  switch (types[0]) {
    case 'object': {
      const properties = schema.properties ?? {};
      if (depth > 4) return fc.constant({});
      return fc.record(
        Object.fromEntries(
          Object.entries(properties).map(([k, s]) => [k, schemaArbitrary(s, ctx, depth + 1)]),
        ),
        { requiredKeys: (schema.required ?? []).filter((k) => k in properties) },
      );
    }
    case 'array':
      return fc.array(schema.items ? schemaArbitrary(schema.items, ctx, depth + 1) : fc.constant(null), {
        minLength: schema.minItems ?? 0,
        maxLength: Math.max(schema.minItems ?? 0, Math.min(schema.maxItems ?? 3, 3)),
      });
    case 'string':
      return stringArbitrary(schema, ctx);
    case 'integer':
      return fc.integer({ min: schema.minimum ?? -1000, max: schema.maximum ?? 100_000 });
    case 'number':
      return fc.double({
        min: schema.minimum ?? -1e6,
        max: schema.maximum ?? 1e6,
        noNaN: true,
        noDefaultInfinity: true,
      });
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    default:
      return fc.constant('x');
  }
}

function stringArbitrary(schema: JsonSchema, ctx: ArbitraryContext): fc.Arbitrary<string> {
  if (schema.format === 'uuid') return ctx.ids.length ? fc.constantFrom(...ctx.ids) : fc.uuid();
  if (schema.format === 'date' || schema.pattern === '^\\d{4}-\\d{2}-\\d{2}$') return dates.map(isoDate);
  if (schema.format === 'date-time') return dates.map((d) => `${isoDate(d)}T10:00:00+09:00`);
  if (schema.format === 'email') return fc.constantFrom('kasane@example.jp', '');
  const max = schema.maxLength ?? 40;
  if (schema.pattern) {
    try {
      return fc
        .stringMatching(new RegExp(schema.pattern))
        .filter((s) => s.length >= (schema.minLength ?? 0) && s.length <= max);
    } catch {
      return fc.constant('x');
    }
  }
  const min = schema.minLength ?? 0;
  return texts.map((s) => (s.length < min ? s.padEnd(min, 'あ') : s.slice(0, max)));
}

/** Every path (list of keys) inside a JSON value, the root included. */
export function pathsOf(value: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  const paths: (string | number)[][] = [prefix];
  if (Array.isArray(value)) {
    for (const [i, v] of value.entries()) paths.push(...pathsOf(v, [...prefix, i]));
  } else if (value && typeof value === 'object')
    for (const [k, v] of Object.entries(value)) paths.push(...pathsOf(v, [...prefix, k]));
  return paths;
}

/** A copy of the value with the node at the path replaced (or removed with `undefined`). */
export function setAt(value: unknown, path: (string | number)[], replacement: unknown): unknown {
  if (path.length === 0) return replacement;
  const [head, ...rest] = path;
  if (Array.isArray(value)) {
    const copy = [...value];
    if (rest.length === 0 && replacement === undefined) copy.splice(Number(head), 1);
    else copy[Number(head)] = setAt(copy[Number(head)], rest, replacement);
    return copy;
  }
  if (value && typeof value === 'object') {
    const copy: Record<string, unknown> = { ...(value as Record<string, unknown>) };
    if (rest.length === 0 && replacement === undefined) delete copy[String(head)];
    else copy[String(head)] = setAt(copy[String(head)], rest, replacement);
    return copy;
  }
  return value;
}

export function valueAt(value: unknown, path: (string | number)[]): unknown {
  let node = value;
  for (const key of path) node = (node as Record<string | number, unknown> | undefined)?.[key];
  return node;
}
