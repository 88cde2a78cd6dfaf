import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT } from '../../test/support/harness.js';
import { getSettings } from '../settings.js';
import { recognizeServerModule } from './server-module.js';

const CLIENT = path.join(PROJECT, 'apps/web/src/components/feed.tsx');
const reason = (specifier: string, hotpath: Record<string, unknown> = {}) =>
  recognizeServerModule(specifier, CLIENT, getSettings({ settings: { hotpath } }), PROJECT)?.reason ?? null;

describe('recognizeServerModule', () => {
  it('knows Node.js built-ins and server packages', () => {
    expect(reason('node:fs')).toBe('is a Node.js built-in');
    expect(reason('crypto')).toBe('is a Node.js built-in');
    expect(reason('drizzle-orm/pg-core')).toBe('is the server package `drizzle-orm`');
    expect(reason('ioredis')).toBe('is the server package `ioredis`');
    expect(reason('server-only')).toBe('is the server package `server-only`');
    expect(reason('@trpc/server')).toBe('is the tRPC server');
    expect(reason('@trpc/server/adapters/fetch')).toBe('is the tRPC server');
    // What client links use of it is not.
    expect(reason('@trpc/server/observable')).toBeNull();
  });

  it('finds project modules in the server folders of the settings, counted from the folder both files share', () => {
    const api = { serverFolders: ['api'] };
    expect(reason('../../../api/src/router.js', api)).toBe('is in the server folder `api`');
    // Folders above the one both files share do not count: a whole repository under `/srv/api/` is not server code.
    expect(reason('../app/feed/page.js', { serverFolders: ['web'] })).toBeNull();
  });

  it('judges a module by what it imports, not by its folder or package name', () => {
    // No folder is a server folder by default; the router is server code because it reaches the tRPC server.
    expect(reason('../../../api/src/router.js')).toBe('imports `@trpc/server`');
    expect(reason('../app/feed/page.js')).toBeNull();
  });

  it('follows project modules to the server packages they import', () => {
    expect(reason('../../../../lib/db.js')).toBe('imports `drizzle-orm`');
    expect(reason('../../../../lib/index.js')).toBe('imports `drizzle-orm`');
  });

  it('leaves client-safe modules alone and honours serverModules', () => {
    expect(reason('react')).toBeNull();
    expect(reason('../../../../lib/models.js')).toBeNull();
    expect(reason('@acme/secrets', { serverModules: ['@acme/secrets'] })).toBe('is the server package `@acme/secrets`');
  });
});
