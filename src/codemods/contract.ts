import type { API, FileInfo, Options } from 'jscodeshift';
import type { Project } from 'ts-morph';

/**
 * What codemod authors write against. A codemod changes what it can prove safe and, for every site it
 * leaves alone, calls `bail(line, reason)` with the line in the original source: the runner lists it in
 * the summary and, with `--mark`, leaves a `// hotpath-todo(<codemod>): <reason>` comment above it.
 */
export interface HotpathApi extends API {
  bail(line: number, reason: string): void;
}

/** A single-file transform: returns the new source, or `undefined`/`null` when nothing changed. */
export interface JscodeshiftCodemod {
  kind: 'jscodeshift';
  name: string;
  description: string;
  /** The values `options` may hold, by option name (`keep-total: ['true']`); the CLI rejects others. */
  accepts?: Record<string, string[]>;
  transform(file: FileInfo, api: HotpathApi, options: Options): string | null | undefined;
}

/** What a project-wide transform is handed besides the project. */
export interface TsMorphOptions {
  /** The files to transform (absolute); others may be read, changed or created when the change needs it. */
  files: string[];
  /** The repository root the run started from. */
  cwd: string;
  /** Codemod-specific options from the command line (`--strategy=inline`). */
  options: Record<string, string>;
  bail(file: string, line: number, reason: string): void;
  /** A line for the summary: what the user has to do next (install a package, review a file). */
  note(text: string): void;
  /** How many of `files` it has gone through: the runner shows progress on long runs. */
  progress(done: number): void;
}

/**
 * A project-wide transform: edits the ts-morph `Project` in place (it may add files to it, and create new
 * ones); the runner writes every source file whose text changed, or that is new.
 */
export interface TsMorphCodemod {
  kind: 'ts-morph';
  name: string;
  description: string;
  /** The values `options` may hold, by option name; the CLI rejects others. */
  accepts?: Record<string, string[]>;
  run(project: Project, options: TsMorphOptions): Promise<void> | void;
}

export type Codemod = JscodeshiftCodemod | TsMorphCodemod;

/** A codemod as listed by `hotpath codemod --list`, loaded only when it runs. */
export interface CodemodEntry {
  name: string;
  description: string;
  load(): Promise<Codemod>;
}
