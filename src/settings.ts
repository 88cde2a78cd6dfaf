import { z } from 'zod';

const names = z.array(z.string().min(1));
const kilobytes = z.number().positive();
/** A list setting, empty unless set. */
const list = names.default(() => []);

// Which files are client code follows Next.js' own rules (src/recognizers/next-app.ts); folder globs are only
// what a user adds. `*.server.*` is a file's own name, whatever folder it sits in.
const DEFAULT_SERVER_FILES = ['**/*.server.{js,jsx,ts,tsx,mjs,mts}'];

/**
 * `settings.hotpath` in an ESLint flat config. Every key is optional and the schema owns its default (an
 * absent group is read as `{}`, so that its keys get theirs); unknown keys are errors so that a typo
 * (`clientFile` for `clientFiles`) is not silently ignored.
 */
const settingsSchema = z.strictObject({
  drizzle: z
    .strictObject({
      /** Modules whose exports are Drizzle databases, e.g. `@acme/db` or `~/server/db`. */
      modules: list,
      /** Identifiers that hold a Drizzle database wherever they appear, e.g. a global `db`. */
      names: list,
      /** Keys of the tRPC context that hold the database (`ctx.db`). */
      contextKeys: names.default(() => ['db']),
    })
    .prefault({}),
  redis: z
    .strictObject({
      /** Modules whose exports are Redis clients, e.g. `@acme/cache`. */
      modules: list,
      /** Identifiers that hold a Redis client wherever they appear. */
      names: list,
      /** Keys of the tRPC context that hold the Redis client (`ctx.redis`). */
      contextKeys: names.default(() => ['redis', 'cache']),
    })
    .prefault({}),
  trpc: z
    .strictObject({
      /** Modules that export tRPC procedure builders (`publicProcedure`, `protectedProcedure`). */
      modules: list,
      /** Identifiers of procedure builders wherever they appear. */
      procedures: list,
    })
    .prefault({}),
  /** Globs (relative to the ESLint cwd) of files that run in the browser, beyond what Next.js' rules say. */
  clientFiles: list,
  /** Globs (relative to the ESLint cwd) of files that never run in the browser, even when they match `clientFiles`. */
  serverFiles: names.default(() => DEFAULT_SERVER_FILES),
  /** Folder names whose files are server code (e.g. `server`), for imports from client files; none by default. */
  serverFolders: list,
  /** Extra modules that must never reach a client bundle. */
  serverModules: list,
  budgets: z
    .strictObject({
      /** Per-import budget, kB minified + gzipped. */
      importKb: kilobytes.default(15),
      /** Per-file budget, kB minified + gzipped. */
      fileKb: kilobytes.default(50),
      /** Per-package overrides of `importKb`. */
      packages: z.record(z.string(), kilobytes).default(() => ({})),
    })
    .prefault({}),
});

export type HotpathSettingsInput = z.input<typeof settingsSchema>;
/** The settings as the recognizers read them: every default filled in. */
export type HotpathSettings = z.output<typeof settingsSchema>;

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
  const result = settingsSchema.safeParse(raw);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    const keys = issue.code === 'unrecognized_keys' ? [...issue.path, issue.keys[0]!] : issue.path;
    const key = ['settings', 'hotpath', ...keys.map(String)].join('.');
    const what = issue.code === 'unrecognized_keys' ? 'unknown key' : issue.message;
    throw new HotpathSettingsError(`invalid setting \`${key}\`: ${what}.`);
  }
  const settings = result.data;
  parsed.set(raw, settings);
  return settings;
}
