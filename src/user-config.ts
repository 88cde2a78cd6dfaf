import path from 'node:path';
import { ESLint } from 'eslint';
import { UsageError } from './usage-error.js';

/** What a user's ESLint config says, for the files of one group: the settings and severities a scan takes from it. */
export interface ConfigOverride {
  /** Patterns (relative to the scan's cwd) of the files it applies to; absent for all files. */
  files?: string[];
  /** `settings.hotpath` of the user's config. */
  hotpath?: Record<string, unknown>;
  /** The hotpath rules (names without the prefix) the user's config sets to "warn". */
  warn: string[];
}

/** Where the settings come from: `undefined` looks `eslint.config.*` up as ESLint does, a path names the file, `false` reads none. */
export type ConfigChoice = string | false | undefined;

const SOURCES = ['**/*.{ts,tsx,mts,cts,js,jsx,mjs,cjs}'];
const MISSING = /^Could not find config file/;

/**
 * Reads `settings.hotpath`, and which hotpath rules are set to "warn", from the user's ESLint config for each
 * of `files`, through the installed ESLint (so lookup and merging are exactly what `npx eslint` does). Files
 * with the same answer form one group; the groups that differ from no config at all are returned. Nothing
 * else of the config is used: its plugins, parsers and ignores stay the user's ESLint's business.
 */
export async function readUserConfig(cwd: string, files: string[], choice: ConfigChoice): Promise<ConfigOverride[]> {
  const configs = await readFileConfigs(cwd, files, choice, ' (--no-config-lookup scans without it)');
  const groups = new Map<string, { files: string[]; override: ConfigOverride }>();
  for (const [file, { hotpath, rules }] of configs ?? []) {
    const warn = Object.entries(rules)
      .filter(([, entry]) => isWarn(entry[0]))
      .map(([name]) => name)
      .sort();
    if (hotpath === undefined && warn.length === 0) continue;
    const key = JSON.stringify([hotpath, warn]);
    const group = groups.get(key) ?? { files: [], override: { ...(hotpath === undefined ? {} : { hotpath }), warn } };
    group.files.push(file);
    groups.set(key, group);
  }
  const all = [...groups.values()];
  // The common case, one answer for every file, needs no patterns.
  if (all.length === 1 && all[0]!.files.length === files.length) return [all[0]!.override];
  return all.map(({ files: members, override }) => ({ ...override, files: members.map((f) => literalPattern(path.relative(cwd, f))) }));
}

/** One file's answer: `settings.hotpath`, and each hotpath rule's entry (`[severity, ...options]`) by name without the prefix. */
export interface FileConfig {
  hotpath?: Record<string, unknown>;
  rules: Record<string, unknown[]>;
}

/**
 * Each file's config, as the installed ESLint computes it for that file; `null` when no config file is
 * found by lookup. A config that does not load is a usage error (`hint` says how to go without it).
 */
export async function readFileConfigs(cwd: string, files: string[], choice: ConfigChoice, hint = ''): Promise<Map<string, FileConfig> | null> {
  if (choice === false || files.length === 0) return null;
  const configFile = typeof choice === 'string' ? path.resolve(cwd, choice) : undefined;
  let eslint: ESLint;
  try {
    // The extra object makes TypeScript files match in a config that names only JavaScript ones.
    eslint = new ESLint({ cwd, overrideConfigFile: configFile, overrideConfig: [{ files: SOURCES }] });
  } catch (error) {
    throw new UsageError(`cannot use ${choice}: ${(error as Error).message}`);
  }
  const configs = new Map<string, FileConfig>();
  for (const file of files) {
    let config: { settings?: Record<string, unknown>; rules?: Record<string, unknown> } | undefined;
    try {
      config = (await eslint.calculateConfigForFile(file)) as typeof config;
    } catch (error) {
      const message = (error as Error).message;
      if (MISSING.test(message) && configFile === undefined) return null;
      throw new UsageError(`cannot read the ESLint config${configFile ? ` ${choice}` : ''}: ${message.split('\n')[0]}${configFile ? '' : hint}`);
    }
    const rules: Record<string, unknown[]> = {};
    for (const [id, entry] of Object.entries(config?.rules ?? {})) {
      if (id.startsWith('hotpath/')) rules[id.slice('hotpath/'.length)] = Array.isArray(entry) ? entry : [entry];
    }
    const hotpath = config?.settings?.hotpath as Record<string, unknown> | undefined;
    configs.set(file, { ...(hotpath === undefined ? {} : { hotpath }), rules });
  }
  return configs;
}

function isWarn(severity: unknown): boolean {
  return severity === 1 || severity === 'warn';
}

/** A relative path as a glob that matches only itself: Next.js folders such as `[id]` and `(group)` are glob syntax. */
export function literalPattern(relative: string): string {
  return relative.split(path.sep).join('/').replace(/[*?[\](){}!+@\\]/g, '\\$&');
}
