import { existsSync } from 'node:fs';
import path from 'node:path';
import { Node, ts, type Project, type SourceFile } from 'ts-morph';
import type { TsMorphCodemod, TsMorphOptions } from '../../src/codemod.js';
import { UnparsableSource } from '../../src/codemods/analyze.js';
import { removeDeadImports } from '../../src/codemods/dead-imports.js';
import { findLookupSites, type BatchPoint, type ImportNeed, type LookupSite } from '../../src/codemods/lookups.js';
import { readJsonObject } from '../../src/recognizers/disk.js';
import { resolveProjectModule } from '../../src/recognizers/module-graph.js';
import { batchQuery, helperOf, HELPERS, loaderName, loaderProperty, MODULE_DOC, specifierFrom } from './loader-code.js';
import { addNamedImport, findTrpcContext, wireLoaders, type TrpcContext } from './trpc-context.js';

const CONTEXT_KEYS = ['db'];

interface Found {
  file: string;
  site: LookupSite;
}

interface Edit {
  start: number;
  end: number;
  text: string;
}

export const codemod: TsMorphCodemod = {
  kind: 'ts-morph',
  name: 'dataloader',
  description: 'N+1 lookups in tRPC procedures → per-request DataLoaders on ctx.loaders (--strategy=inline: one inArray query per function)',
  accepts: { strategy: ['context', 'inline'] },
  async run(project, options) {
    const found = collectSites(project, options);
    if (options.options.strategy === 'inline') inline(project, found, options);
    else await viaContext(project, found, options);
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
      results = findLookupSites(source.getFullText(), file, CONTEXT_KEYS);
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

// ---- The default strategy: loaders made per request in createContext, called as ctx.loaders.<name>.load(key).

async function viaContext(project: Project, found: Found[], options: TsMorphOptions): Promise<void> {
  const usable = found.filter(({ file, site }) => {
    if (site.ctx) return true;
    options.bail(file, site.line, 'it is not in a tRPC procedure that takes `ctx`: there is no per-request context to hold a loader (try --strategy=inline)');
    return false;
  });
  if (usable.length === 0) return;
  const context = await findTrpcContext(project, options.cwd, options.files, CONTEXT_KEYS);
  if (typeof context === 'string') {
    for (const { file, site } of usable) options.bail(file, site.line, context);
    return;
  }
  const modulePath = path.join(path.dirname(context.file.getFilePath()), 'loaders.ts');
  const module = new LoadersModule(project, modulePath, context);
  const edits = new Map<string, Edit[]>();
  const primed = new Set<string>();
  const priming = new Set<string>();
  for (const { file, site } of usable) {
    if (site.database && !sameExport(site.database, context.dbImport)) {
      options.bail(file, site.line, `${site.helper ? `\`${site.helper}()\` reads` : 'it reads'} \`${site.database.local}\` from "${site.database.source}", not the context's database`);
      continue;
    }
    const loader = module.loaderFor(site);
    if ('clash' in loader) {
      options.bail(file, site.line, loader.clash);
      continue;
    }
    const { name } = loader;
    const list = edits.get(file) ?? [];
    list.push({ start: site.range[0], end: site.range[1], text: `${site.ctx}.loaders.${name}.load(${site.key})` });
    if (site.addCtxAt !== null && !list.some((e) => e.start === site.addCtxAt && e.text === 'ctx, ')) {
      list.push({ start: site.addCtxAt, end: site.addCtxAt, text: 'ctx, ' });
    }
    if (site.sequential && site.batch) {
      const once = `${file}:${site.batch.at}:${name}:${site.key}`;
      if (!primed.has(once)) {
        primed.add(once);
        const keys = keysOf(site.batch, site.key, false);
        list.push({ start: site.batch.at, end: site.batch.at, text: `await primeKeys(${site.ctx}.loaders.${name}, ${keys});\n${site.batch.indent}` });
        priming.add(file);
        module.useHelper('primeKeys');
      }
    }
    edits.set(file, list);
  }
  if (edits.size === 0) return;
  for (const [file, list] of edits) {
    const source = project.getSourceFileOrThrow(file);
    const before = source.getFullText();
    applyEdits(source, list);
    if (priming.has(file)) addNamedImport(source, moduleSpecifier(source, modulePath), 'primeKeys');
    removeHelpersMadeDead(source, usable.filter((f) => f.file === file).map((f) => f.site.helper));
    removeImportsMadeDead(source, before);
  }
  module.write();
  if (!context.wired) wireLoaders(context, moduleSpecifier(context.file, modulePath));
  if (!dependsOnDataloader(options.cwd)) options.note(`add the dataloader package: ${installCommand(options.cwd)} dataloader`);
  options.note(`review ${path.relative(options.cwd, modulePath)}: one loader per lookup, made per request in createContext`);
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

// ---- --strategy=inline: one inArray query before the items, and a Map lookup per item.

function inline(project: Project, found: Found[], options: TsMorphOptions): void {
  const edits = new Map<string, Edit[]>();
  const maps = new Map<string, string>();
  for (const { file, site } of found) {
    const reason = site.helper
      ? `the lookup is inside \`${site.helper}()\`: inline it there, or use the default strategy`
      : site.lookup.kind !== 'one'
        ? 'inline rewrites `findFirst` lookups by a unique column; a lookup of several rows needs the default strategy'
        : !site.batch
          ? `${site.noBatch}`
          : null;
    if (reason) {
      options.bail(file, site.line, reason);
      continue;
    }
    const source = project.getSourceFileOrThrow(file);
    const batch = site.batch!;
    const list = edits.get(file) ?? [];
    const signature = `${file}:${batch.at}:${site.receiver}:${loaderProperty('x', site.lookup)}:${site.key}`;
    let name = maps.get(signature);
    if (!name) {
      // Names of this file's maps: another file's `usersById` does not make this one `usersById2`.
      const taken = [...maps].filter(([key]) => key.startsWith(`${file}:`)).map(([, n]) => n);
      name = freeName(source, loaderName(site.lookup), taken);
      maps.set(signature, name);
      const keys = keysOf(batch, site.key, mayBeNull(source, site.keyRange));
      const query = batchQuery(site.lookup, site.receiver, keys);
      list.push({
        start: batch.at,
        end: batch.at,
        text: [
          `const ${name} = new Map(`,
          `  (await ${query}).map((row) => [row.${site.lookup.column}, row] as const),`,
          `);`,
          '',
        ].join(`\n${batch.indent}`),
      });
    }
    // `await db.query…findFirst()` becomes `byId.get(key)`: nothing is left to wait for.
    const awaited = awaitAround(source, site.range);
    list.push({ start: awaited?.[0] ?? site.range[0], end: awaited?.[1] ?? site.range[1], text: `${name}.get(${site.key})` });
    edits.set(file, list);
  }
  for (const [file, list] of edits) {
    const source = project.getSourceFileOrThrow(file);
    const before = source.getFullText();
    applyEdits(source, list);
    addNamedImport(source, 'drizzle-orm', 'inArray');
    if (found.some((f) => f.file === file && f.site.lookup.conditions.length)) addNamedImport(source, 'drizzle-orm', 'and');
    removeImportsMadeDead(source, before);
  }
}

function awaitAround(source: SourceFile, [start, end]: [number, number]): [number, number] | null {
  const node = source.getDescendantAtStartWithWidth(start, end - start);
  const parent = node?.getParent();
  return parent && Node.isAwaitExpression(parent) ? [parent.getStart(), parent.getEnd()] : null;
}

/** Whether the key can be null or undefined for some items (its declared type, not the narrowed one). */
function mayBeNull(source: SourceFile, [start, end]: [number, number]): boolean {
  const node = source.getDescendantAtStartWithWidth(start, end - start);
  if (!node) return false;
  const checker = source.getProject().getTypeChecker().compilerObject;
  const target = Node.isPropertyAccessExpression(node) ? node.getNameNode() : node;
  const symbol = checker.getSymbolAtLocation(target.compilerNode);
  const type = symbol ? checker.getTypeOfSymbol(symbol) : checker.getTypeAtLocation(node.compilerNode);
  const parts = type.isUnion() ? type.types : [type];
  return parts.some((t) => (t.flags & (ts.TypeFlags.Null | ts.TypeFlags.Undefined)) !== 0);
}

// ---- Shared

/** The key of every item: `rows.map((post) => post.authorId)`; `flatMap(… ?? [])` drops missing keys. */
function keysOf(batch: BatchPoint, key: string, dropNull: boolean): string {
  const item = batch.item.startsWith('(') ? batch.item : `(${batch.item})`;
  if (dropNull) return `${batch.collection}.flatMap(${item} => ${key} ?? [])`;
  return key === batch.item ? batch.collection : `${batch.collection}.map(${item} => ${key})`;
}

/** Applies edits given as ranges of the file's current text, from the last to the first. */
function applyEdits(source: SourceFile, edits: Edit[]): void {
  let text = source.getFullText();
  // Last first, so earlier offsets stay valid; insertions at one offset keep the order they were made in.
  const order = edits.map((edit, index) => ({ edit, index }));
  order.sort((a, b) => b.edit.start - a.edit.start || b.edit.end - a.edit.end || b.index - a.index);
  for (const { edit } of order) {
    text = text.slice(0, edit.start) + edit.text + text.slice(edit.end);
  }
  source.replaceWithText(text);
}

/**
 *   async function findAuthor(id: number) { return db.query.users.findFirst(…); }  // its calls were its only uses
 *   → (removed: each call is a load of the loader now)
 * Only a helper of this file whose calls were rewritten, that is not exported and that nothing else names.
 */
function removeHelpersMadeDead(source: SourceFile, helpers: Array<string | null>): void {
  for (const name of new Set(helpers)) {
    const fn = name ? source.getFunction(name) : undefined;
    if (!fn || fn.isExported() || fn.isDefaultExport()) continue;
    const named = source.getDescendantsOfKind(ts.SyntaxKind.Identifier).filter((id) => id.getText() === name);
    if (named.length === 1 && named[0] === fn.getNameNode()) fn.remove();
  }
}

// `import { eq } from "drizzle-orm"`, the table and `db`, when the lookups were their only uses in the file.
function removeImportsMadeDead(source: SourceFile, before: string): void {
  const after = source.getFullText();
  const pruned = removeDeadImports(before, after, source.getFilePath());
  if (pruned !== after) source.replaceWithText(pruned);
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

function freeName(source: SourceFile, base: string, taken: string[]): string {
  const used = (name: string) => taken.includes(name) || new RegExp(`\\b${name}\\b`).test(source.getFullText());
  let name = base;
  for (let i = 2; used(name); i++) name = `${base}${i}`;
  return name;
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
