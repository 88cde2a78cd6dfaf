import { existsSync } from 'node:fs';
import path from 'node:path';
import { Node, type Project, type SourceFile } from 'ts-morph';
import type { TsMorphCodemod, TsMorphOptions } from '../../src/codemods/contract.js';
import { UnparsableSource } from '../../src/codemods/analyze.js';
import { findLookupSites, type ImportNeed, type LookupSite } from './lookups.js';
import { codemodConfig } from '../../src/codemods/run-config.js';
import { readJsonObject } from '../../src/recognizers/disk.js';
import { resolveProjectModule } from '../../src/recognizers/module-graph.js';
import { getSettings } from '../../src/settings.js';
import { applyChanges, changesOf, keysOf, keyTypeMismatch, notAnArray, type FileChanges } from './file-changes.js';
import { inline, type Found } from './inline.js';
import { helperOf, HELPERS, loaderName, loaderProperty, MODULE_DOC, specifierFrom } from './loader-code.js';
import { addNamedImport, findTrpcContext, wireLoaders, type TrpcContext } from './trpc-context.js';

/** The keys of the tRPC context that hold the database for `file`: the user's `settings.hotpath.drizzle.contextKeys`. */
function contextKeys(file: string): readonly string[] {
  return getSettings({ settings: { hotpath: codemodConfig(file).settings } }).drizzle.contextKeys;
}

/**
 * `auto` (the default): per-request loaders on the tRPC context where a lookup is in a procedure that can
 * reach one, the inline rewrite everywhere else (route handlers, server actions, jobs, transactions).
 * `context` and `inline` use one strategy only, and list what it cannot rewrite.
 */
export const codemod: TsMorphCodemod = {
  kind: 'ts-morph',
  name: 'dataloader',
  description: 'N+1 lookups → per-request DataLoaders on ctx.loaders in tRPC procedures, one inArray query before the loop elsewhere (--strategy=context|inline for one only)',
  accepts: { strategy: ['auto', 'context', 'inline'] },
  async run(project, given) {
    // Sites are declined at different steps: listed in file and line order all the same.
    const bails: Array<[string, number, string]> = [];
    const options: TsMorphOptions = { ...given, bail: (file, line, reason) => void bails.push([file, line, reason]) };
    const found = collectSites(project, options);
    const strategy = options.options.strategy ?? 'auto';
    const changes = new Map<string, FileChanges>();
    const rest = strategy === 'inline' ? found : await viaContext(project, found, options, changes, strategy === 'auto');
    inline(project, rest, options, changes);
    applyChanges(project, changes);
    bails.sort(([fa, la], [fb, lb]) => fa.localeCompare(fb) || la - lb);
    for (const [file, line, reason] of bails) given.bail(file, line, reason);
  },
};

/** The lookups `no-n-plus-one` reports in the given files; the other reported sites are declined with the reason. */
function collectSites(project: Project, options: TsMorphOptions): Found[] {
  const found: Found[] = [];
  for (const [index, file] of options.files.entries()) {
    options.progress(index + 1);
    const source = project.getSourceFile(file);
    if (!source || !/\.[cm]?[jt]sx?$/.test(file)) continue;
    let results;
    try {
      results = findLookupSites(source.getFullText(), file, contextKeys(file), codemodConfig(file).options['no-n-plus-one']);
    } catch (error) {
      // A file that does not parse has nothing to rewrite; anything else is a bug to report, not to hide.
      if (!(error instanceof UnparsableSource)) throw error;
      options.bail(file, error.line, error.reason);
      continue;
    }
    for (const result of results) {
      if ('bail' in result) options.bail(file, result.bail.line, result.bail.reason);
      else found.push({ file, site: result.site });
    }
  }
  return found;
}

// ---- Loaders made per request in createContext, called as ctx.loaders.<name>.load(key).

/**
 * Rewrites the lookups a per-request loader can serve; returns the others when `fallback` (for the inline
 * strategy), or lists each with its reason.
 */
async function viaContext(project: Project, found: Found[], options: TsMorphOptions, all: Map<string, FileChanges>, fallback: boolean): Promise<Found[]> {
  const rest: Found[] = [];
  const decline = (f: Found, reason: string) => (fallback ? rest.push(f) : options.bail(f.file, f.site.line, reason));
  const usable = found.filter((f) => {
    const reason = f.site.notForLoaders ?? (f.site.ctx ? null : 'it is not in a tRPC procedure that takes `ctx`: there is no per-request context to hold a loader (try --strategy=inline)');
    if (reason) decline(f, reason);
    return !reason;
  });
  if (usable.length === 0) return rest;
  const context = await findTrpcContext(project, options.cwd, options.files, contextKeys(options.files[0] ?? options.cwd));
  if (typeof context === 'string') {
    for (const f of usable) decline(f, context);
    return rest;
  }
  const modulePath = path.join(path.dirname(context.file.getFilePath()), 'loaders.ts');
  const module = new LoadersModule(project, modulePath, context);
  const primed = new Set<string>();
  let rewritten = false;
  for (const f of usable) {
    const { file, site } = f;
    if (site.database && !sameExport(site.database, context.dbImport)) {
      decline(f, `${site.helper ? `\`${site.helper}()\` reads` : 'it reads'} \`${site.database.local}\` from "${site.database.source}", not the context's database`);
      continue;
    }
    const primes = site.sequential && site.batch;
    const mismatch = keyTypeMismatch(project.getSourceFileOrThrow(file), site) ?? (primes ? notAnArray(project.getSourceFileOrThrow(file), site.batch!) : null);
    if (mismatch) {
      options.bail(file, site.line, mismatch);
      continue;
    }
    const loader = module.loaderFor(site);
    if ('clash' in loader) {
      decline(f, loader.clash);
      continue;
    }
    const { name } = loader;
    const changes = changesOf(all, file);
    rewritten = true;
    changes.edits.push({ start: site.range[0], end: site.range[1], text: `${site.ctx}.loaders.${name}.load(${site.key})` });
    if (site.addCtxAt !== null && !changes.edits.some((e) => e.start === site.addCtxAt && e.text === 'ctx, ')) {
      changes.edits.push({ start: site.addCtxAt, end: site.addCtxAt, text: 'ctx, ' });
    }
    if (site.helper) changes.helpers.add(site.helper);
    if (site.sequential && site.batch) {
      const once = `${file}:${site.batch.at}:${name}:${site.key}`;
      if (!primed.has(once)) {
        primed.add(once);
        const keys = keysOf(site.batch, false);
        changes.edits.push({ start: site.batch.at, end: site.batch.at, text: `await primeKeys(${site.ctx}.loaders.${name}, ${keys});\n${site.batch.indent}` });
        changes.import(moduleSpecifier(project.getSourceFileOrThrow(file), modulePath), 'primeKeys');
        module.useHelper('primeKeys');
      }
    }
  }
  if (!rewritten) return rest;
  module.write();
  if (!context.wired) wireLoaders(context, moduleSpecifier(context.file, modulePath));
  if (!dependsOnDataloader(options.cwd)) options.note(`add the dataloader package: ${installCommand(options.cwd)} dataloader`);
  options.note(`review ${path.relative(options.cwd, modulePath)}: one loader per lookup, made per request in createContext`);
  return rest;
}

/** The loaders module: read when it exists, so that a later run adds to it and reuses what is there. */
class LoadersModule {
  private readonly existing = new Map<string, string>();
  private readonly added = new Map<string, string>();
  private readonly imports = new Map<string, { specifier: string; imported: string }>();
  /** Imports the module lacks so far: the locals of `imports` that new loaders brought. */
  private readonly missing = new Set<string>();
  /** The module's own helper functions, and the drizzle-orm operators, that its loaders call. */
  private readonly helpers = new Set<keyof typeof HELPERS>();
  private readonly operators = new Set<'and' | 'inArray'>();
  private readonly file: SourceFile | undefined;

  constructor(
    private readonly project: Project,
    private readonly modulePath: string,
    private readonly context: TrpcContext,
  ) {
    this.file = project.getSourceFile(modulePath) ?? (existsSync(modulePath) ? project.addSourceFileAtPath(modulePath) : undefined);
    for (const property of this.returnedObject()?.getProperties() ?? []) {
      if (Node.isPropertyAssignment(property)) this.existing.set(property.getName(), normalize(property.getText()));
    }
    for (const declaration of this.file?.getImportDeclarations() ?? []) {
      // `import type { db as contextDb }` names the database's type, not a binding loaders can use.
      if (declaration.isTypeOnly()) continue;
      for (const named of declaration.getNamedImports()) {
        const local = named.getAliasNode()?.getText() ?? named.getName();
        this.imports.set(local, { specifier: declaration.getModuleSpecifierValue(), imported: named.getName() });
      }
    }
  }

  /** The loader's name (reused when an identical loader exists), or why its imports clash with the module's. */
  loaderFor(site: LookupSite): { name: string } | { clash: string } {
    const needs = [...site.lookup.imports].map((need) => ({ local: need.local, imported: need.imported, specifier: specifierFrom(need, this.modulePath) }));
    const clash = needs.find((n) => {
      const known = this.imports.get(n.local);
      return known && (known.specifier !== n.specifier || known.imported !== n.imported);
    });
    if (clash) return { clash: `\`${clash.local}\` means another binding in the loaders module: name it alike in both files` };
    const base = loaderName(site.lookup);
    for (let i = 1; ; i++) {
      const name = i === 1 ? base : `${base}${i}`;
      const property = loaderProperty(name, site.lookup);
      const known = this.existing.get(name) ?? (this.added.has(name) ? normalize(this.added.get(name)!) : undefined);
      if (known === normalize(property)) return { name };
      if (known !== undefined) continue;
      this.added.set(name, property);
      for (const n of needs) {
        if (!this.imports.has(n.local)) this.missing.add(n.local);
        this.imports.set(n.local, { specifier: n.specifier, imported: n.imported });
      }
      this.useHelper(helperOf(site.lookup));
      this.operators.add('inArray');
      if (site.lookup.conditions.length) this.operators.add('and');
      return { name };
    }
  }

  useHelper(name: keyof typeof HELPERS): void {
    this.helpers.add(name);
  }

  write(): void {
    if (this.added.size === 0 && [...this.helpers].every((h) => this.file?.getFunction(h))) return;
    if (!this.file) {
      this.project.createSourceFile(this.modulePath, this.fresh());
      return;
    }
    const object = this.returnedObject();
    if (!object) throw new Error(`${path.basename(this.modulePath)} exists but has no \`createLoaders\` returning an object literal`);
    // Before the line of the closing brace, indented like the properties above it.
    const text = this.file.getFullText();
    const close = object.getEnd() - 1;
    const lineStart = text.lastIndexOf('\n', close) + 1;
    const last = object.getProperties().at(-1);
    const indentation = last ? /[^\S\n]*$/.exec(text.slice(0, last.getStart()))![0] : '    ';
    const comma = last && !text.slice(last.getEnd(), close).includes(',') ? ',' : '';
    const added = [...this.added.values()].map((p) => `${indent(p, indentation)},\n`).join('');
    this.file.replaceWithText(
      last ? `${text.slice(0, last.getEnd())}${comma}${text.slice(last.getEnd(), lineStart)}${added}${text.slice(lineStart)}` : `${text.slice(0, close)}\n${added}${text.slice(close)}`,
    );
    for (const name of this.operators) addNamedImport(this.file, 'drizzle-orm', name);
    for (const local of this.missing) {
      const { specifier, imported } = this.imports.get(local)!;
      addNamedImport(this.file, specifier, imported, local);
    }
    for (const helper of ['primeKeys', 'firstByKey', 'allByKey'] as const) {
      if (this.helpers.has(helper) && !this.file.getFunction(helper)) this.file.addStatements(`\n${HELPERS[helper]}`);
    }
  }

  private fresh(): string {
    const { dbImport } = this.context;
    const dbSpecifier = specifierFrom(dbImport, this.modulePath);
    const bySpecifier = new Map<string, string[]>([['drizzle-orm', [...this.operators]]]);
    for (const [local, { specifier, imported }] of [...this.imports].sort(([a], [b]) => a.localeCompare(b))) {
      bySpecifier.set(specifier, [...(bySpecifier.get(specifier) ?? []), imported === local ? local : `${imported} as ${local}`]);
    }
    const dbType = dbImport.imported === 'default' ? `import type contextDb from "${dbSpecifier}";` : `import type { ${dbImport.imported} as contextDb } from "${dbSpecifier}";`;
    const properties = [...this.added.values()].map((p) => indent(p, '    ')).join(',\n');
    return [
      'import DataLoader from "dataloader";',
      ...[...bySpecifier].map(([specifier, names]) => `import { ${[...new Set(names)].sort().join(', ')} } from "${specifier}";`),
      dbType,
      '',
      MODULE_DOC,
      'export function createLoaders(db: typeof contextDb) {',
      '  return {',
      `${properties},`,
      '  };',
      '}',
      '',
      'export type Loaders = ReturnType<typeof createLoaders>;',
      ...(['primeKeys', 'firstByKey', 'allByKey'] as const).filter((h) => this.helpers.has(h)).flatMap((h) => ['', HELPERS[h]]),
      '',
    ].join('\n');
  }

  private returnedObject() {
    const fn = this.file?.getFunction('createLoaders');
    const returned = fn?.getStatements().find(Node.isReturnStatement)?.getExpression();
    return returned && Node.isObjectLiteralExpression(returned) ? returned : undefined;
  }
}

function sameExport(a: ImportNeed, b: ImportNeed): boolean {
  const target = (need: ImportNeed) => resolveProjectModule(need.source, need.file) ?? need.source;
  return a.imported === b.imported && target(a) === target(b);
}

/** `./loaders.js` or `./loaders`, as the file writes its other relative imports. */
function moduleSpecifier(from: SourceFile, modulePath: string): string {
  const withJs = from.getImportDeclarations().some((d) => /^\.\.?\/.*\.js$/.test(d.getModuleSpecifierValue()));
  return specifierFrom({ source: `./${path.basename(modulePath, '.ts')}${withJs ? '.js' : ''}`, file: modulePath }, from.getFilePath());
}

function normalize(code: string): string {
  return code.replace(/\s+/g, ' ').replace(/,\s*([)\]}])/g, '$1').trim();
}

function indent(code: string, prefix: string): string {
  return code
    .split('\n')
    .map((line) => prefix + line)
    .join('\n');
}

function dependsOnDataloader(cwd: string): boolean {
  const pkg = (readJsonObject(path.join(cwd, 'package.json')) ?? {}) as Record<string, Record<string, string> | undefined>;
  return Boolean(pkg.dependencies?.dataloader ?? pkg.devDependencies?.dataloader);
}

function installCommand(cwd: string): string {
  if (existsSync(path.join(cwd, 'pnpm-lock.yaml'))) return 'pnpm add';
  if (existsSync(path.join(cwd, 'yarn.lock'))) return 'yarn add';
  if (existsSync(path.join(cwd, 'bun.lockb')) || existsSync(path.join(cwd, 'bun.lock'))) return 'bun add';
  return 'npm install';
}
