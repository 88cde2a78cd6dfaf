import DataLoader from "dataloader";
import { and, asc, inArray, isNull } from "drizzle-orm";
import { comments, posts, users } from "./schema.js";
import type { db as contextDb } from "./db.js";

/**
 * Per-request DataLoaders, made by `createContext` for each request: a loader caches what it loaded, so one
 * is never shared between requests or users. Each turns the loads of one tick into one `inArray` query and
 * gives every key its rows, in key order. Written by `hotpath codemod dataloader`; edit freely.
 */
export function createLoaders(db: typeof contextDb) {
  return {
    usersById: new DataLoader(async (keys: readonly (typeof users.$inferSelect)["id"][]) =>
      firstByKey(keys, await db.query.users.findMany({ where: inArray(users.id, [...keys]) }), (row) => row.id),
    ),
    commentsByPostId: new DataLoader(async (keys: readonly (typeof comments.$inferSelect)["postId"][]) =>
      allByKey(keys, await db.query.comments.findMany({ where: inArray(comments.postId, [...keys]), orderBy: asc(comments.id), with: { author: true } }), (row) => row.postId),
    ),
    usersByHandleRows: new DataLoader(async (keys: readonly (typeof users.$inferSelect)["handle"][]) =>
      allByKey(keys, await db.select({ key: users.handle, row: { id: users.id, name: users.name } }).from(users).where(inArray(users.handle, [...keys])), (row) => row.key, (row) => row.row),
    ),
    postsById: new DataLoader(async (keys: readonly (typeof posts.$inferSelect)["id"][]) =>
      firstByKey(keys, await db.query.posts.findMany({ where: and(inArray(posts.id, [...keys]), isNull(posts.deletedAt)) }), (row) => row.id),
    ),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;

/**
 * Loads the keys of all items in one batch before a loop that then loads them one at a time (from the
 * loader's cache): awaited one by one, loads never meet in a batch. Missing keys (`null`) are skipped, and
 * errors surface at the load that needs the key, as they did before.
 */
export async function primeKeys<K, V>(loader: DataLoader<K, V>, keys: ReadonlyArray<K | null | undefined>): Promise<void> {
  await loader.loadMany([...new Set(keys)].filter((key): key is K => key !== null && key !== undefined));
}

/** The row of each key, in key order; `undefined` where no row has the key. */
function firstByKey<K, R>(keys: readonly K[], rows: readonly R[], keyOf: (row: R) => K): (R | undefined)[] {
  const byKey = new Map<K, R>();
  for (const row of rows) if (!byKey.has(keyOf(row))) byKey.set(keyOf(row), row);
  return keys.map((key) => byKey.get(key));
}

/** The rows of each key, in key order and in the order the query returned them; `[]` where none. */
function allByKey<K, R, V = R>(keys: readonly K[], rows: readonly R[], keyOf: (row: R) => K, valueOf?: (row: R) => V): V[][] {
  const byKey = new Map<K, V[]>();
  for (const row of rows) {
    const group = byKey.get(keyOf(row)) ?? [];
    group.push(valueOf ? valueOf(row) : (row as unknown as V));
    byKey.set(keyOf(row), group);
  }
  return keys.map((key) => byKey.get(key) ?? []);
}
