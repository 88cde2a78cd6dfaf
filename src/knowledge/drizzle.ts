/** Drizzle ORM shapes, as of drizzle-orm 0.30–0.45 (pg-core, mysql-core, sqlite-core, gel-core). */

/** Exports that build a database object: `drizzle(client)` from any driver entry, `withReplicas(primary, …)`. */
export const DATABASE_FACTORIES: ReadonlySet<string> = new Set(['drizzle', 'withReplicas']);

/** Exported types of databases and transactions: `PostgresJsDatabase`, `NodePgDatabase`, `PgTransaction`… */
export const DATABASE_TYPE = /(?:Database|Transaction)$/;

/** Methods of a database that start a query, and the operation they start. */
export const QUERY_ENTRIES: ReadonlyMap<string, DrizzleOperation> = new Map([
  ['select', 'select'],
  ['selectDistinct', 'select'],
  ['selectDistinctOn', 'select'],
  ['with', 'select'],
  ['insert', 'insert'],
  ['update', 'update'],
  ['delete', 'delete'],
  ['query', 'query'],
  ['execute', 'execute'],
  ['run', 'execute'],
  ['all', 'execute'],
  ['get', 'execute'],
  ['values', 'execute'],
  ['$count', 'count'],
  ['batch', 'batch'],
  ['transaction', 'transaction'],
  ['refreshMaterializedView', 'refresh'],
] as const);

export type DrizzleOperation =
  | 'select'
  | 'insert'
  | 'update'
  | 'delete'
  | 'query'
  | 'execute'
  | 'count'
  | 'batch'
  | 'transaction'
  | 'refresh'
  | 'prepared';

/** Relational query methods: `db.query.users.findMany()`. */
export const RELATIONAL_METHODS: ReadonlySet<string> = new Set(['findMany', 'findFirst']);

/** Builder methods that turn a query into something that is not executed here. */
export const NON_EXECUTING: ReadonlySet<string> = new Set(['toSQL', 'getSQL', 'prepare', 'as', 'toString']);

/** Builder methods that run the query at once (`.execute()`; SQLite's synchronous `.all()/.get()/.run()`). */
export const EXECUTING: ReadonlySet<string> = new Set(['execute', 'all', 'get', 'run', 'values']);

/** Ways a promise is consumed; a Drizzle builder is lazy and only runs when one of these happens. */
export const PROMISE_METHODS: ReadonlySet<string> = new Set(['then', 'catch', 'finally']);

/** drizzle-orm's condition operators, which take a table's column first: `eq(users.id, id)`. */
export const CONDITION_OPERATORS: ReadonlySet<string> = new Set([
  'eq', 'ne', 'gt', 'gte', 'lt', 'lte', 'inArray', 'notInArray', 'isNull', 'isNotNull', 'like', 'ilike',
  'notLike', 'notIlike', 'between', 'notBetween', 'arrayContains', 'arrayContained', 'arrayOverlaps',
]);

/** Exports that define a table: `pgTable("users", { … })`. */
export const TABLE_FACTORIES = /^(?:pg|mysql|sqlite|singlestore|gel)Table(?:Creator)?$/;
