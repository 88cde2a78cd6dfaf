import type { CodemodEntry } from '../src/codemod.js';

/** Every codemod of the package, by name, in alphabetical order; each is loaded only when it runs. */
export const codemods: CodemodEntry[] = [
  {
    name: 'redis-pipeline',
    description: 'Redis commands that could share a round trip → one pipeline or MGET (ioredis, node-redis)',
    load: async () => (await import('./redis-pipeline/transform.js')).codemod,
  },
];
