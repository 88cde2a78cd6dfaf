import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Redis } from 'ioredis';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasRedisServer, startRedisServer } from '../../bench/redis-server.js';
import { startUpstashRest, type UpstashRest } from '../../bench/upstash-rest.js';

/**
 * The proof: each fixture's input and output run against a real redis-server on loopback, on the same
 * seeded data, return the same values, leave the same keyspace, and the output sends one batch where the
 * input sent N (commands issued in the same tick already travel together), and, for MGET, the server runs
 * one command where it ran N.
 */
const FIXTURES = path.join(import.meta.dirname, '__testfixtures__');
const BUILD = path.resolve(import.meta.dirname, '../../.cache/redis-proof');
const hasRedis = hasRedisServer();

let server: Awaited<ReturnType<typeof startRedisServer>>;
let rest: UpstashRest;
let admin: Redis;
let writes = 0;
const originalWrite = net.Socket.prototype.write;

type Module = Record<string, (...args: unknown[]) => Promise<unknown>> & {
  __client: { ping(): Promise<unknown>; disconnect?(): void; destroy?(): void };
};
const loaded: Module[] = [];

/** The fixture compiled to JavaScript next to the repository's node_modules, with its client exported. */
async function load(name: string): Promise<Module> {
  const source = readFileSync(path.join(FIXTURES, `${name}.ts`), 'utf8');
  const js = ts.transpileModule(`${source}\nexport const __client = redis;\n`, {
    compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 },
  }).outputText;
  mkdirSync(BUILD, { recursive: true });
  const file = path.join(BUILD, `${name}.mjs`);
  writeFileSync(file, js);
  const module = (await import(`${pathToFileURL(file).href}?${Date.now()}`)) as Module;
  loaded.push(module);
  // Connected and handshaken before anything is counted.
  await module.__client.ping();
  return module;
}

/** Every key with its type, value and whether it expires: what "the same final keyspace" means here. */
async function keyspace(): Promise<Record<string, unknown>> {
  const out: Record<string, unknown> = {};
  for (const key of (await admin.keys('*')).sort()) {
    const type = await admin.type(key);
    const value =
      type === 'string' ? await admin.get(key) : type === 'hash' ? await admin.hgetall(key) : `(${type})`;
    out[key] = { type, value, expires: (await admin.ttl(key)) > 0 };
  }
  return out;
}

interface Outcome {
  value?: unknown;
  error?: string;
  keyspace: Record<string, unknown>;
  roundTrips: number;
  /** Commands the server ran for the call (INFO commandstats). */
  commands: number;
}

async function commandsRun(): Promise<number> {
  const stats = await admin.info('commandstats');
  return [...stats.matchAll(/^cmdstat_(\w+):calls=(\d+)/gm)]
    .filter(([, name]) => !['info', 'config'].includes(name!))
    .reduce((sum, [, , calls]) => sum + Number(calls), 0);
}

/** Round trips so far: batches written to the server, or, for Upstash, HTTP requests to its REST front. */
let roundTrips = () => writes;

async function outcome(seed: () => Promise<unknown>, call: () => Promise<unknown>): Promise<Outcome> {
  await admin.flushall();
  await seed();
  await admin.config('RESETSTAT');
  writes = 0;
  const start = roundTrips();
  let value: unknown;
  let error: string | undefined;
  try {
    value = await call();
  } catch (e) {
    error = (e as Error).message;
  }
  const trips = roundTrips() - start;
  const commands = await commandsRun();
  return { ...(error === undefined ? { value } : { error }), keyspace: await keyspace(), roundTrips: trips, commands };
}

interface Scenario {
  fixture: string;
  fn: string;
  args: unknown[];
  seed: () => Promise<unknown>;
  /** Batches the original sends; the rewrite sends one. */
  before: number;
  /** For an MGET rewrite: commands the original runs; the rewrite runs one. */
  commands?: number;
}

const SCENARIOS: Scenario[] = [
  {
    fixture: 'consecutive',
    fn: 'readCachedFeed',
    args: [1, null],
    seed: () => admin.mset('feed:1:head', '[1,2]', 'feed:1:version', '7'),
    before: 2,
  },
  { fixture: 'consecutive', fn: 'touch', args: ['p1'], seed: () => admin.hset('post:p1', 'owner', 'ann'), before: 3 },
  { fixture: 'consecutive', fn: 'forget', args: ['p1'], seed: () => admin.mset('views:p1', '4', 'post:p1', 'x'), before: 2 },
  // Commands issued in one tick travel together already: one batch either way, but 3 commands become 1.
  {
    fixture: 'per-item',
    fn: 'readSessions',
    args: [['a', 'b', 'c']],
    seed: () => admin.mset('session:a', '1', 'session:c', '3'),
    before: 1,
    commands: 3,
  },
  {
    fixture: 'per-item',
    fn: 'cacheUsers',
    args: [[{ id: 1, json: '{}' }, { id: 2, json: '[]' }, { id: 3, json: '"x"' }]],
    seed: () => admin.set('user:2', 'stale'),
    before: 3,
  },
  { fixture: 'per-item', fn: 'countViews', args: [[1, 2, 2, 3]], seed: () => admin.set('views:3', '10'), before: 4 },
  {
    fixture: 'node-redis',
    fn: 'badge',
    args: [7],
    seed: () => admin.mset('unread:7', '3', 'seen:7', '2026-11-25'),
    before: 2,
  },
  { fixture: 'node-redis', fn: 'touch', args: ['p1'], seed: () => admin.hset('post:p1', 'owner', 'ann'), before: 2 },
  {
    fixture: 'node-redis',
    fn: 'readSessions',
    args: [['a', 'b', 'c']],
    seed: () => admin.mset('session:a', '1', 'session:c', '3'),
    before: 1,
    commands: 3,
  },
  { fixture: 'node-redis', fn: 'countViews', args: [[1, 2, 2]], seed: () => admin.set('views:2', '5'), before: 3 },
  // Upstash over its REST protocol: a round trip is an HTTP request. Its auto-pipelining already sends
  // commands of one tick in one request: the MGET rewrite turns 3 commands into 1.
  {
    fixture: 'upstash',
    fn: 'badge',
    args: [7],
    seed: () => admin.mset('unread:7', '3', 'seen:7', '2026-11-25'),
    before: 2,
  },
  { fixture: 'upstash', fn: 'touch', args: ['p1'], seed: () => admin.hset('post:p1', 'owner', 'ann'), before: 2 },
  {
    fixture: 'upstash',
    fn: 'readSessions',
    args: [['a', 'b', 'c']],
    seed: () => admin.mset('session:a', '1', 'session:c', '3'),
    before: 1,
    commands: 3,
  },
  {
    fixture: 'upstash',
    fn: 'cacheUsers',
    args: [[{ id: 1, json: '{}' }, { id: 2, json: '[]' }, { id: 3, json: '"x"' }]],
    seed: () => admin.set('user:2', 'stale'),
    before: 3,
  },
  { fixture: 'upstash', fn: 'cacheUsers', args: [[]], seed: () => admin.set('user:2', 'stale'), before: 0 },
];

describe.skipIf(!hasRedis && !process.env.CI)('redis-pipeline against a real redis-server', () => {
  beforeAll(async () => {
    server = await startRedisServer();
    const { port, url } = server;
    process.env.REDIS_URL = url;
    // The server needs a moment to listen: retry quietly until it answers.
    admin = new Redis(url, { retryStrategy: (times) => (times > 50 ? null : 100) });
    const quiet = () => {};
    admin.on('error', quiet);
    await admin.ping();
    admin.off('error', quiet);
    rest = await startUpstashRest(port);
    process.env.UPSTASH_REDIS_REST_URL = rest.url;
    process.env.UPSTASH_REDIS_REST_TOKEN = rest.token;
    // A round trip is a batch of commands sent before waiting for replies: writes in one tick of the event
    // loop go out together (node-redis corks them; an ioredis pipeline writes once), so count ticks.
    let flushing = false;
    net.Socket.prototype.write = function (this: net.Socket, ...args: Parameters<net.Socket['write']>) {
      if (this.remotePort === port && this !== admin.stream && !flushing) {
        writes++;
        flushing = true;
        setImmediate(() => (flushing = false));
      }
      return originalWrite.apply(this, args);
    } as net.Socket['write'];
  });

  afterAll(async () => {
    net.Socket.prototype.write = originalWrite;
    await rest?.close();
    // ioredis disconnects, node-redis v5 destroys.
    for (const { __client: client } of loaded) (client.disconnect ?? client.destroy)?.call(client);
    admin?.disconnect();
    server?.stop();
  });

  it.for(SCENARIOS)('$fixture $fn: same results and keyspace, $before batch(es) become 1', async (scenario) => {
    roundTrips = scenario.fixture === 'upstash' ? () => rest.requests() : () => writes;
    const before = await load(`${scenario.fixture}.input`);
    const after = await load(`${scenario.fixture}.output`);
    const original = await outcome(scenario.seed, () => before[scenario.fn]!(...scenario.args));
    const rewritten = await outcome(scenario.seed, () => after[scenario.fn]!(...scenario.args));
    expect(original.error).toBeUndefined();
    expect(rewritten.error).toBeUndefined();
    expect(rewritten.value).toEqual(original.value);
    expect(rewritten.keyspace).toEqual(original.keyspace);
    expect(original.roundTrips).toBe(scenario.before);
    // Nothing to send, nothing sent: an empty loop stays free.
    expect(rewritten.roundTrips).toBe(Math.min(scenario.before, 1));
    if (scenario.commands) {
      expect(original.commands).toBe(scenario.commands);
      expect(rewritten.commands).toBe(1);
    }
  });

  it.for(['consecutive', 'node-redis', 'upstash'])('%s: throws the same error when a command fails (WRONGTYPE)', async (fixture) => {
    roundTrips = fixture === 'upstash' ? () => rest.requests() : () => writes;
    const before = await load(`${fixture}.input`);
    const after = await load(`${fixture}.output`);
    const seed = () => admin.hset('views:bad', 'not', 'a counter');
    const original = await outcome(seed, () => before.touch!('bad'));
    const rewritten = await outcome(seed, () => after.touch!('bad'));
    expect(original.error).toMatch(/^(Command failed: )?WRONGTYPE/);
    expect(rewritten.error).toBe(original.error);
    expect(rewritten.keyspace).toEqual(original.keyspace);
  });
});
