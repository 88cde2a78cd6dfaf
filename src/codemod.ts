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
  transform(file: FileInfo, api: HotpathApi, options: Options): string | null | undefined;
}

/** A project-wide transform: edits the ts-morph `Project` in place; the runner writes what changed. */
export interface TsMorphCodemod {
  kind: 'ts-morph';
  name: string;
  description: string;
  run(project: Project, options: { files: string[]; bail(file: string, line: number, reason: string): void }): Promise<void> | void;
}

export type Codemod = JscodeshiftCodemod | TsMorphCodemod;

/** A codemod as listed by `hotpath codemod --list`, loaded only when it runs. */
export interface CodemodEntry {
  name: string;
  description: string;
  load(): Promise<Codemod>;
}
