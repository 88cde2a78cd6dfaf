import { describe, expect, it } from 'vitest';
import { MODES, probe } from '../../test/support/harness.js';
import { recognizeClientFile } from './client-file.js';

const classify = (code: string, mode: (typeof MODES)[number], filename: string, settings?: Record<string, unknown>) =>
  probe(code, mode, { on: 'Program', run: (_node, file) => recognizeClientFile(file)?.reason ?? 'server' }, {
    filename,
    settings,
  })[0];

const PLAIN = 'export const x = 1;\n';
const USE_CLIENT = `"use client";\n${PLAIN}`;

describe.for(MODES)('recognizeClientFile (%s)', (mode) => {
  it.for<[string, string, string]>([
    ['a "use client" file anywhere', 'apps/api/src/server.ts', USE_CLIENT],
    ['a component of apps/web', 'apps/web/src/components/feed.tsx', PLAIN],
    ['a pages/ page', 'apps/web/src/pages/index.tsx', PLAIN],
    ['a client component in app/', 'apps/web/src/app/feed/page.tsx', USE_CLIENT],
  ])('client: %s', ([, filename, code]) => {
    expect(classify(code, mode, filename)).not.toBe('1: server');
  });

  it.for<[string, string, string]>([
    ['an API server file', 'apps/api/src/server.ts', PLAIN],
    ['a Server Component in app/', 'apps/web/src/app/feed/page.tsx', PLAIN],
    ['a route handler', 'apps/web/src/app/api/posts/route.ts', PLAIN],
    ['a pages/api route', 'apps/web/src/pages/api/posts.ts', PLAIN],
    ['a *.server.ts module', 'apps/web/src/lib.server.ts', PLAIN],
    ['a "use server" file', 'apps/web/src/components/feed.tsx', `"use server";\n${PLAIN}`],
    ['a server-only module, even with "use client"', 'apps/web/src/components/feed.tsx', `"use client";\nimport "server-only";\n`],
  ])('server: %s', ([, filename, code]) => {
    expect(classify(code, mode, filename)).toBe('1: server');
  });

  it('tells why a file is client code', () => {
    expect(classify(USE_CLIENT, mode, 'apps/web/src/components/feed.tsx')).toBe('1: use-client');
    expect(classify(PLAIN, mode, 'apps/web/src/components/feed.tsx')).toBe('1: client-glob');
  });

  it('uses clientFiles and serverFiles from settings', () => {
    const settings = { hotpath: { clientFiles: ['apps/api/**'], serverFiles: ['**/components/**'] } };
    expect(classify(PLAIN, mode, 'apps/api/src/server.ts', settings)).toBe('1: client-glob');
    expect(classify(PLAIN, mode, 'apps/web/src/components/feed.tsx', settings)).toBe('1: server');
  });
});
