import { z } from 'zod';

const names = z.array(z.string().min(1));
const kilobytes = z.number().positive();

/**
 * `settings.hotpath` in an ESLint flat config. Every key is optional; unknown keys are errors so that a typo
 * (`clientFile` for `clientFiles`) is not silently ignored.
 */
const settingsSchema = z.strictObject({
  drizzle: z
    .strictObject({
      /** Modules whose exports are Drizzle databases, e.g. `@acme/db` or `~/server/db`. */
      modules: names.optional(),
      /** Identifiers that hold a Drizzle database wherever they appear, e.g. a global `db`. */
      names: names.optional(),
      /** Keys of the tRPC context that hold the database (`ctx.db`). */
      contextKeys: names.optional(),
    })
    .optional(),
  redis: z
    .strictObject({
      /** Modules whose exports are Redis clients, e.g. `@acme/cache`. */
      modules: names.optional(),
      /** Identifiers that hold a Redis client wherever they appear. */
      names: names.optional(),
      /** Keys of the tRPC context that hold the Redis client (`ctx.redis`). */
      contextKeys: names.optional(),
    })
    .optional(),
  trpc: z
    .strictObject({
      /** Modules that export tRPC procedure builders (`publicProcedure`, `protectedProcedure`). */
      modules: names.optional(),
      /** Identifiers of procedure builders wherever they appear. */
      procedures: names.optional(),
    })
    .optional(),
  /** Globs (relative to the ESLint cwd) of files that run in the browser, beyond what Next.js' rules say. */
  clientFiles: names.optional(),
  /** Globs (relative to the ESLint cwd) of files that never run in the browser, even when they match `clientFiles`. */
  serverFiles: names.optional(),
  /** Folder names whose files are server code (e.g. `server`), for imports from client files; none by default. */
  serverFolders: names.optional(),
  /** Extra modules that must never reach a client bundle. */
  serverModules: names.optional(),
  budgets: z
    .strictObject({
      /** Per-import budget, kB minified + gzipped. */
      importKb: kilobytes.optional(),
      /** Per-file budget, kB minified + gzipped. */
      fileKb: kilobytes.optional(),
      /** Per-package overrides of `importKb`. */
      packages: z.record(z.string(), kilobytes).optional(),
    })
    .optional(),
});

export type HotpathSettingsInput = z.input<typeof settingsSchema>;

export interface HotpathSettings {
  drizzle: { modules: string[]; names: string[]; contextKeys: string[] };
  redis: { modules: string[]; names: string[]; contextKeys: string[] };
  trpc: { modules: string[]; procedures: string[] };
  clientFiles: string[];
  serverFiles: string[];
  serverFolders: string[];
  serverModules: string[];
  budgets: { importKb: number; fileKb: number; packages: Record<string, number> };
}

// Which files are client code follows Next.js' own rules (src/recognizers/next-app.ts); folder globs are only
// what a user adds. `*.server.*` is a file's own name, whatever folder it sits in.
const DEFAULT_CLIENT_FILES: string[] = [];
const DEFAULT_SERVER_FILES = ['**/*.server.{js,jsx,ts,tsx,mjs,mts}'];

/**
 * Thrown for an invalid `settings.hotpath`. ESLint's CLI prints an error's `stack`; ours is the message
 * alone, so the user sees one line naming the key instead of our internals.
 */
export class HotpathSettingsError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'HotpathSettingsError';
    this.stack = `eslint-plugin-hotpath: ${message}`;
  }
}

// The parsed settings of one flat config object; ESLint hands every rule of a file the same object.
const parsed = new WeakMap<object, HotpathSettings>();
const EMPTY = {};

/** Reads and validates `settings.hotpath`; throws `HotpathSettingsError` naming the first bad key. */
export function getSettings(context: { settings: Record<string, unknown> }): HotpathSettings {
  const raw = context.settings?.hotpath ?? EMPTY;
  if (typeof raw !== 'object' || raw === null) {
    throw new HotpathSettingsError('invalid setting `settings.hotpath`: expected an object.');
  }
  const cached = parsed.get(raw);
  if (cached) return cached;
  // Most projects set nothing: the defaults need no validation (and the schema's first use costs ~10 ms).
  const result = Object.keys(raw).length === 0 ? { success: true as const, data: {} } : settingsSchema.safeParse(raw);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    const keys = issue.code === 'unrecognized_keys' ? [...issue.path, issue.keys[0]!] : issue.path;
    const key = ['settings', 'hotpath', ...keys.map(String)].join('.');
    const what = issue.code === 'unrecognized_keys' ? 'unknown key' : issue.message;
    throw new HotpathSettingsError(`invalid setting \`${key}\`: ${what}.`);
  }
  const s = result.data;
  const settings: HotpathSettings = {
    drizzle: {
      modules: s.drizzle?.modules ?? [],
      names: s.drizzle?.names ?? [],
      contextKeys: s.drizzle?.contextKeys ?? ['db'],
    },
    redis: {
      modules: s.redis?.modules ?? [],
      names: s.redis?.names ?? [],
      contextKeys: s.redis?.contextKeys ?? ['redis', 'cache'],
    },
    trpc: { modules: s.trpc?.modules ?? [], procedures: s.trpc?.procedures ?? [] },
    clientFiles: s.clientFiles ?? DEFAULT_CLIENT_FILES,
    serverFiles: s.serverFiles ?? DEFAULT_SERVER_FILES,
    serverFolders: s.serverFolders ?? [],
    serverModules: s.serverModules ?? [],
    budgets: {
      importKb: s.budgets?.importKb ?? 15,
      fileKb: s.budgets?.fileKb ?? 50,
      packages: s.budgets?.packages ?? {},
    },
  };
  parsed.set(raw, settings);
  return settings;
}
