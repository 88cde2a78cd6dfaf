import type { InvalidTestCase, ValidTestCase } from '@typescript-eslint/rule-tester';
import { MODES, dedent } from '../test/support/harness.js';
import { filenameFor, ruleTester } from '../test/support/rule-tester.js';
import rule from './no-unbatched-redis.js';

type Invalid = InvalidTestCase<'commandPerItem' | 'consecutiveCommands', []>;

const IMPORTS = dedent`
  import { Cluster } from "ioredis";
  import { createClient } from "redis";
  import { Redis as Upstash } from "@upstash/redis";
  import { redis } from "./lib/redis.js";
  import { publicProcedure } from "./lib/trpc.js";
`;
const code = (body: string) => `${IMPORTS}\n${body}`;
const at = (line: number) => line + 6;

const EACH_AWAIT = 'one round trip each.';
const IOREDIS_TOGETHER = 'ioredis sends one command each.';
const CODEMOD = ', or `npx hotpath codemod redis-pipeline`.';
const perItem = (line: number, call: string, where: string, cost: string, advice: string) => ({
  messageId: 'commandPerItem' as const,
  line: at(line),
  data: { call, where, cost, advice },
});
const inARow = (line: number, count: number, commands: string, advice: string) => ({
  messageId: 'consecutiveCommands' as const,
  line: at(line),
  data: { count: String(count), commands, advice },
});

const invalid: Invalid[] = [
  {
    name: 'GET per item in a for-of loop',
    code: code(dedent`
      export async function load(ids: string[]) {
        const out = [];
        for (const id of ids) out.push(await redis.get(\`user:\${id}\`));
        return out;
      }
    `),
    errors: [perItem(3, 'redis.get()', 'per item of `ids`', EACH_AWAIT, `Use one \`mget\`${CODEMOD}`)],
  },
  {
    name: 'Promise.all(keys.map(k => redis.get(k)))',
    code: code('export const load = (keys: string[]) => Promise.all(keys.map((k) => redis.get(k)));'),
    errors: [perItem(1, 'redis.get()', 'per item of `keys`', IOREDIS_TOGETHER, `Use one \`mget\`${CODEMOD}`)],
  },
  {
    name: 'SET with an expiry per item',
    code: code(dedent`
      export async function save(entries: Array<[string, string]>) {
        for (const [key, value] of entries) await redis.set(key, value, "EX", 60);
      }
    `),
    errors: [
      perItem(2, 'redis.set()', 'per item of `entries`', EACH_AWAIT, `Use one \`pipeline()…exec()\`${CODEMOD}`),
    ],
  },
  {
    name: 'HSET per item in forEach',
    code: code('export const save = (ids: string[]) => ids.forEach((id) => void redis.hset(`h:${id}`, "seen", "1"));'),
    errors: [perItem(1, 'redis.hset()', 'per item of `ids`', IOREDIS_TOGETHER, `Use one \`pipeline()…exec()\`${CODEMOD}`)],
  },
  {
    name: 'GET per item on a cluster suggests a pipeline',
    code: code(dedent`
      const cluster = new Cluster([{ host: "127.0.0.1", port: 7000 }]);
      export const load = (ids: string[]) => Promise.all(ids.map((id) => cluster.get(id)));
    `),
    errors: [
      perItem(2, 'cluster.get()', 'per item of `ids`', IOREDIS_TOGETHER, `Use one \`pipeline()…exec()\`${CODEMOD}`),
    ],
  },
  {
    name: 'node-redis, sequential: each await is a round trip',
    code: code(dedent`
      const client = createClient();
      export async function load(ids: string[]) {
        for (const id of ids) await client.hGetAll(id);
      }
    `),
    errors: [perItem(3, 'client.hGetAll()', 'per item of `ids`', EACH_AWAIT, `Use one \`multi()…execAsPipeline()\`${CODEMOD}`)],
  },
  {
    name: 'node-redis, concurrent: pipelined, still N commands',
    code: code(dedent`
      const client = createClient();
      export const load = (ids: string[]) => Promise.all(ids.map((id) => client.get(id)));
    `),
    errors: [
      perItem(
        2,
        'client.get()',
        'per item of `ids`',
        'the server still runs one command each.',
        `Use one \`mGet\`${CODEMOD}`,
      ),
    ],
  },
  {
    name: 'Upstash: each command is an HTTP request',
    code: code(dedent`
      const kv = Upstash.fromEnv();
      export async function load(ids: string[]) {
        for (const id of ids) await kv.incr(id);
      }
    `),
    errors: [
      perItem(3, 'kv.incr()', 'per item of `ids`', 'one HTTP request each.', `Use one \`pipeline()…exec()\`${CODEMOD}`),
    ],
  },
  {
    name: 'ctx.redis per item in a procedure',
    code: code(dedent`
      export const p = publicProcedure.query(async ({ ctx }) => {
        for (const id of [1, 2, 3]) await ctx.redis.del(\`k:\${id}\`);
      });
    `),
    errors: [{ messageId: 'commandPerItem', line: at(2) }],
  },
  {
    name: 'two independent GETs in a row',
    code: code(dedent`
      export async function badge(userId: number) {
        const unread = await redis.get(\`unread:\${userId}\`);
        const seen = await redis.get(\`seen:\${userId}\`);
        return { unread, seen };
      }
    `),
    errors: [inARow(2, 2, 'GET, GET', `Use one \`mget\`${CODEMOD}`)],
  },
  {
    name: 'three mixed commands in a row',
    code: code(dedent`
      export async function touch(id: string) {
        await redis.incr(\`views:\${id}\`);
        await redis.expire(\`views:\${id}\`, 3600);
        const last = await redis.getset(\`last:\${id}\`, Date.now());
        return last;
      }
    `),
    errors: [inARow(2, 3, 'INCR, EXPIRE, GETSET', `Send one \`pipeline()…exec()\`${CODEMOD}`)],
  },
  {
    name: 'two commands with a TTL computed between them',
    code: code(dedent`
      export async function remember(id: string, value: string) {
        await redis.hset(\`check:\${id}\`, { value });
        const ttl = 60 * 60 * 24 * 7;
        await redis.expire(\`check:\${id}\`, ttl);
      }
    `),
    errors: [inARow(2, 2, 'HSET, EXPIRE', `Send one \`pipeline()…exec()\`${CODEMOD}`)],
  },
  {
    name: 'a command and a second one under an if that reads no reply',
    code: code(dedent`
      export async function vote(path: string, rating: string, previous: string | null) {
        await redis.hincrby(\`votes:\${path}\`, rating, 1);
        if (previous) {
          await redis.hincrby(\`votes:\${path}\`, previous, -1);
        }
      }
    `),
    errors: [inARow(2, 2, 'HINCRBY, HINCRBY', `Send one \`pipeline()…exec()\`${CODEMOD}`)],
  },
  {
    name: 'a DEL and a KEYS in a row',
    code: code(dedent`
      export async function invalidate(key: string) {
        await redis.del(\`cache:\${key}\`);
        const deps = await redis.keys("dep:*");
        return deps;
      }
    `),
    errors: [inARow(2, 2, 'DEL, KEYS', `Send one \`pipeline()…exec()\`${CODEMOD}`)],
  },
  {
    name: 'GET per item on a project interface that extends the ioredis client',
    code: code(dedent`
      interface ExtendedRedis extends Cluster {
        getJson<T>(key: string): Promise<T | null>;
      }
      export async function names(client: ExtendedRedis, ids: string[]) {
        for (const id of ids) await client.get(\`name:\${id}\`);
      }
    `),
    // A cluster: MGET would need every key in one slot.
    errors: [perItem(5, 'client.get()', 'per item of `ids`', 'one round trip each.', `Use one \`pipeline()…exec()\`${CODEMOD}`)],
  },
  {
    name: 'GETs on a cluster with one hash tag can use MGET',
    code: code(dedent`
      const cluster = new Cluster([{ host: "127.0.0.1", port: 7000 }]);
      export async function user(id: string) {
        const name = await cluster.get(\`{user:\${id}}:name\`);
        const mail = await cluster.get(\`{user:\${id}}:mail\`);
        return { name, mail };
      }
    `),
    errors: [inARow(3, 2, 'GET, GET', `Use one \`mget\`${CODEMOD}`)],
  },
  {
    name: 'GETs on a cluster across slots need a pipeline',
    code: code(dedent`
      const cluster = new Cluster([{ host: "127.0.0.1", port: 7000 }]);
      export async function two() {
        const a = await cluster.get("a");
        const b = await cluster.get("b");
        return [a, b];
      }
    `),
    errors: [inARow(3, 2, 'GET, GET', `Send one \`pipeline()…exec()\`${CODEMOD}`)],
  },
];

const valid: ValidTestCase<[]>[] = [
  { name: 'one command', code: code('export const one = () => redis.get("a");') },
  {
    name: 'a command in a loop that breaks right after it',
    code: code(dedent`
      export async function consume(tokens: string[], wanted: string) {
        for (const token of tokens) {
          if (token !== wanted) continue;
          await redis.del(\`token:\${token}\`);
          break;
        }
      }
    `),
  },
  {
    name: 'an if whose test reads the first reply',
    code: code(dedent`
      export async function claim(id: string) {
        const previous = await redis.getset(\`claim:\${id}\`, "1");
        if (previous) {
          await redis.del(\`claim:\${id}\`);
        }
      }
    `),
  },
  {
    name: 'the second command uses the first one’s reply',
    code: code(dedent`
      export async function follow() {
        const id = await redis.get("current");
        const value = await redis.get(\`item:\${id}\`);
        return value;
      }
    `),
  },
  {
    name: 'commands already in a pipeline',
    code: code(dedent`
      export async function save(ids: string[]) {
        const pipe = redis.pipeline();
        for (const id of ids) pipe.set(id, "1");
        await pipe.exec();
        await redis.multi().incr("a").incr("b").exec();
      }
    `),
  },
  {
    name: 'one MGET for many keys, one MSET for many writes',
    code: code('export const read = (keys: string[]) => redis.mget(keys);\nexport const write = () => redis.mset({ a: "1", b: "2" });'),
  },
  {
    name: 'a WATCH / MULTI transaction',
    code: code(dedent`
      export async function transfer() {
        await redis.watch("balance");
        const balance = await redis.get("balance");
        const other = await redis.get("other");
        await redis.multi().set("balance", Number(balance) - 1).exec();
        return other;
      }
    `),
  },
  {
    name: 'blocking and pub/sub commands',
    code: code(dedent`
      export async function worker(queues: string[]) {
        for (const q of queues) await redis.brpop(q, 5);
        await redis.subscribe("a");
        await redis.publish("b", "x");
      }
    `),
  },
  {
    name: 'a SCAN cursor walk',
    code: code(dedent`
      export async function keys() {
        let cursor = "0";
        do {
          const [next] = await redis.scan(cursor, "MATCH", "k:*");
          cursor = next;
        } while (cursor !== "0");
      }
    `),
  },
  {
    name: 'Map, URLSearchParams, Headers and other caches',
    code: code(dedent`
      const cache = new Map<string, string>();
      declare const lru: { get(k: string): string | undefined };
      export async function f(keys: string[], req: Request) {
        for (const k of keys) { cache.get(k); lru.get(k); new URLSearchParams(k).get("a"); req.headers.get(k); }
        const a = cache.get("a");
        const b = cache.get("b");
        return [a, b];
      }
    `),
  },
  {
    name: 'commands separated by other work',
    code: code(dedent`
      export async function f() {
        const a = await redis.get("a");
        console.log(a);
        const b = await redis.get("b");
        return b;
      }
    `),
  },
];

for (const mode of MODES) {
  const withFilename = <T extends { filename?: string }>(cases: T[]): T[] =>
    cases.map((c) => ({ filename: filenameFor(mode), ...c }));
  ruleTester(mode).run(`no-unbatched-redis (${mode})`, rule, { valid: withFilename(valid), invalid: withFilename(invalid) });
}
