import type { CodemodEntry } from '../src/codemods/contract.js';

/** Every codemod of the package, by name, in alphabetical order; each is loaded only when it runs. */
export const codemods: CodemodEntry[] = [
  {
    name: 'add-index',
    description: 'Queries no index serves (require-index) → the missing indexes added to the Drizzle table definitions, then drizzle-kit generate',
    load: async () => (await import('./add-index/transform.js')).codemod,
  },
  {
    name: 'batch-writes',
    description: 'Drizzle inserts, updates and deletes run once per item → one statement per chunk of items (values([…]), inArray)',
    load: async () => (await import('./batch-writes/transform.js')).codemod,
  },
  {
    name: 'cursor-pagination',
    description: 'Drizzle queries paged by offset (tRPC procedures, offset cursors, builders in variables) → keyset (cursor) pagination',
    load: async () => (await import('./cursor-pagination/transform.js')).codemod,
  },
  {
    name: 'dataloader',
    description: 'N+1 lookups → per-request DataLoaders on ctx.loaders in tRPC procedures, one inArray query before the loop elsewhere (--strategy=context|inline for one only)',
    load: async () => (await import('./dataloader/transform.js')).codemod,
  },
  {
    name: 'redis-pipeline',
    description: 'Redis commands that could share a round trip → one pipeline or MGET (ioredis, node-redis, Upstash)',
    load: async () => (await import('./redis-pipeline/transform.js')).codemod,
  },
];
