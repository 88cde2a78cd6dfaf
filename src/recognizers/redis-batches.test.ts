import type { TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';
import { MODES, dedent, probe } from '../../test/support/harness.js';
import { findCommandRuns } from './redis-batches.js';

describe.for(MODES)('findCommandRuns (%s)', (mode) => {
  it('groups consecutive independent awaited commands and splits on dependence and other work', () => {
    const code = dedent`
      import { redis } from "./lib/redis.js";
      export async function f() {
        const a = await redis.get("a");
        await redis.incr("n");
        const b = await redis.get(\`x:\${a}\`);
        const c = await redis.hgetall("h");
        console.log(b, c);
        await redis.set("s", "1");
        await redis.brpop("q", 1);
        await redis.del("d");
      }
    `;
    const runs = probe(code, mode, {
      on: 'BlockStatement',
      run(node, file) {
        const found = findCommandRuns((node as TSESTree.BlockStatement).body, file);
        return found.length ? found.map((run) => run.map((c) => c.command.name).join('+')).join(' | ') : null;
      },
    });
    expect(runs).toEqual(['2: get+incr | get+hgetall']);
  });
});
