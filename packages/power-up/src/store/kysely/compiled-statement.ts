import { createQueryId, type Compilable, type CompiledQuery, type Kysely, type QueryResult } from 'kysely';
import type { Database } from './database.js';

/*
 * Statements the request path runs on every request, built and compiled by Kysely once instead of per call. Building
 * a query (immutable nodes, frozen at each step) and compiling it to SQL cost more CPU than the rest of a simple read
 * together; the SQL text is the same every time, only the values differ. A statement is built once with a stand-in
 * (a `Slot`) for each value the caller gives, compiled, and each call puts its values where the stand-ins ended up in
 * the parameter list. Reusing the one SQL string also lets the prepared-statement pool find its name without hashing
 * a new copy of the text.
 *
 * Both dialects (PGlite, PostgreSQL) compile with Kysely's PostgreSQL compiler, so the SQL compiled on the first call
 * is right for any connection or transaction the statement later runs on.
 */

/** The stand-in for one value of a statement; compiles to a parameter like any value. */
class Slot {
  constructor(readonly name: string) {}
}

/** A stand-in typed as the value it stands for, so the Kysely query that uses it type-checks as with a real value. */
export type SlotOf<Values> = <K extends keyof Values & string>(name: K) => Values[K];

type Compiled = Pick<CompiledQuery, 'query' | 'sql' | 'parameters'>;

function compile<Values, Row>(
  db: Kysely<Database>,
  build: (db: Kysely<Database>, slot: SlotOf<Values>) => Compilable<Row>,
): Compiled {
  const asked = new Set<string>();
  const slot = ((name: string) => {
    asked.add(name);
    return new Slot(name);
  }) as SlotOf<Values>;
  const { query, sql, parameters } = build(db, slot).compile();
  // A stand-in used where Kysely does not make a parameter of it (stringified, or inlined) would run as its own text.
  const placed = new Set(parameters.flatMap((parameter) => (parameter instanceof Slot ? [parameter.name] : [])));
  const lost = [...asked].filter((name) => !placed.has(name));
  if (lost.length > 0) {
    throw new Error(`compiledStatement: ${lost.join(', ')} did not become parameters; pass them as plain values.`);
  }
  return { query, sql, parameters };
}

/**
 * A statement compiled on its first run and reused: `build` makes the Kysely query with `slot(name)` in place of each
 * value, and every run passes those values by name.
 *
 * @example
 * const byId = compiledStatement<{ id: string }, { name: string }>((db, slot) =>
 *   db.selectFrom('tenants').select('name').where('id', '=', slot('id')),
 * );
 * const { rows } = await byId(db, { id: 'acme' });
 */
export function compiledStatement<Values extends Record<string, unknown>, Row>(
  build: (db: Kysely<Database>, slot: SlotOf<Values>) => Compilable<Row>,
): (db: Kysely<Database>, values: Values) => Promise<QueryResult<Row>> {
  let compiled: Compiled | undefined;
  return async (db, values) => {
    compiled ??= compile(db, build);
    const parameters = compiled.parameters.map((parameter) =>
      parameter instanceof Slot ? values[parameter.name] : parameter,
    );
    return db.executeQuery<Row>({ query: compiled.query, sql: compiled.sql, parameters, queryId: createQueryId() });
  };
}

/**
 * Statements whose text depends on the call (a list with a `where` per filter given): one compiled statement per
 * distinct shape, named by `shapeOf`. The shapes must be few (a fixed set of optional filters), never one per value.
 */
export function compiledStatements<Shape, Values extends Record<string, unknown>, Row>(
  shapeOf: (shape: Shape) => string,
  build: (shape: Shape, db: Kysely<Database>, slot: SlotOf<Values>) => Compilable<Row>,
): (db: Kysely<Database>, shape: Shape, values: Values) => Promise<QueryResult<Row>> {
  const byShape = new Map<string, ReturnType<typeof compiledStatement<Values, Row>>>();
  return (db, shape, values) => {
    const key = shapeOf(shape);
    let statement = byShape.get(key);
    if (statement === undefined) {
      statement = compiledStatement<Values, Row>((on, slot) => build(shape, on, slot));
      byShape.set(key, statement);
    }
    return statement(db, values);
  };
}
