import { Node, type Project, type SourceFile } from 'ts-morph';
import type { TsMorphOptions } from '../../src/codemods/contract.js';
import type { ImportNeed, LookupSite } from './lookups.js';
import { changesOf, keysOf, keyTypeMismatch, mayBeNull, notAnArray, type FileChanges } from './file-changes.js';
import { batchQuery, GROUP_BY_KEY, loaderName, specifierFrom } from './loader-code.js';

export interface Found {
  file: string;
  site: LookupSite;
}

/**
 *   for (const post of rows) post.author = await db.query.users.findFirst({ where: eq(users.id, post.authorId) });
 *   → const usersById = new Map((await db.query.users.findMany({ where: inArray(users.id, rows.map(…)) })).map(…));
 *     for (const post of rows) post.author = usersById.get(post.authorId);
 * One query in front of the loop (in the function, the transaction, the route handler it is in), and a `Map`
 * lookup per item: a row per key (`findFirst`), or the key's rows in query order (`findMany`, `select()`).
 */
export function inline(project: Project, found: Found[], options: TsMorphOptions, all: Map<string, FileChanges>): void {
  const maps = new Map<string, string>();
  for (const { file, site } of found) {
    const source = project.getSourceFileOrThrow(file);
    const reason = site.noBatch ?? site.notInline ?? notAnArray(source, site.batch!) ?? keyTypeMismatch(source, site) ?? importClash(source, site);
    if (reason) {
      options.bail(file, site.line, reason);
      continue;
    }
    const batch = site.batch!;
    const changes = changesOf(all, file);
    const query = batchQuery(site.lookup, site.receiver, keysOf(batch, mayBeNull(source, site.keyRange)));
    // One map per query and keys in front of one statement: two reads of the same author share it.
    const signature = `${file}:${batch.at}:${query}`;
    let name = maps.get(signature);
    if (!name) {
      // Names of this file's maps: another file's `usersById` does not make this one `usersById2`.
      const taken = [...maps].filter(([key]) => key.startsWith(`${file}:`)).map(([, n]) => n);
      name = freeName(source, loaderName(site.lookup), taken);
      maps.set(signature, name);
      const unit = indentUnit(source);
      changes.edits.push({ start: batch.at, end: batch.at, text: `${declaration(name, site, query, unit).join(`\n${batch.indent}`)}\n${batch.indent}` });
      if (site.lookup.kind !== 'one') changes.functions.set('groupByKey', GROUP_BY_KEY.replace(/^( {2})+/gm, (spaces) => unit.repeat(spaces.length / 2)));
    }
    const value = valueOf(name, site);
    const [start, end, promised, bare] = replaced(source, site, !value.low);
    const lookup = value.low && !bare && !promised ? `(${value.text})` : value.text;
    changes.edits.push({ start, end, text: promised ? `Promise.resolve(${lookup})` : lookup });
    changes.import('drizzle-orm', 'inArray');
    if (site.lookup.conditions.length) changes.import('drizzle-orm', 'and');
    if (site.helper) {
      changes.helpers.add(site.helper);
      for (const need of helperNeeds(site)) changes.import(specifierFrom(need, file), need.imported, need.local);
    }
  }
}

/**
 * What the call's value becomes: the key's row (`one`) or rows (`[]` when none), then the helper's own
 * steps on it (`[0]`, `?? null`). `low`: the text is a `??`, which needs parentheses where it is not bare.
 */
function valueOf(name: string, site: LookupSite): { text: string; low: boolean } {
  let value = { text: `${name}.get(${site.key})`, low: false };
  if (site.lookup.kind !== 'one') value = { text: `${value.text} ?? []`, low: true };
  for (const step of site.steps) {
    if (step === 'first') value = { text: `${value.low ? `(${value.text})` : value.text}[0]`, low: false };
    else value = { text: `${value.text} ?? null`, low: true };
  }
  return value;
}

/** The database (when the helper imports it) and the bindings its query reads: the caller imports them. */
function helperNeeds(site: LookupSite): ImportNeed[] {
  return [...(site.database ? [site.database] : []), ...site.lookup.imports];
}

function declaration(name: string, site: LookupSite, query: string, unit: string): string[] {
  const { lookup } = site;
  if (lookup.kind === 'one') return [`const ${name} = new Map(`, `${unit}(await ${query}).map((row) => [row.${lookup.column}, row] as const),`, `);`];
  const groups = lookup.fields ? `(row) => row.key, (row) => row.row` : `(row) => row.${lookup.column}`;
  return [`const ${name} = groupByKey(await ${query}, ${groups});`];
}

/**
 * The range the lookup replaces, whether its value must stay a promise, and whether an expression of lower
 * precedence (`get(k) ?? []`) can stand there bare. `await q` becomes the value (and `(await q)?.name`
 * loses its parentheses when the value is a call); so does `q` where a promise and its value read the same
 * (returned from an async function, or the result of a callback whose results `Promise.all` collects);
 * elsewhere (`q.then(…)`, `const p = q`) it is wrapped in `Promise.resolve()`.
 */
function replaced(source: SourceFile, site: LookupSite, call: boolean): [number, number, boolean, boolean] {
  const node = source.getDescendantAtStartWithWidth(site.range[0], site.range[1] - site.range[0]);
  const parent = node?.getParent();
  if (!node || !parent) return [site.range[0], site.range[1], true, false];
  if (Node.isAwaitExpression(parent)) {
    const around = parent.getParent();
    if (call && around && Node.isParenthesizedExpression(around)) return [around.getStart(), around.getEnd(), false, false];
    return [parent.getStart(), parent.getEnd(), false, bareAllowed(parent)];
  }
  const fn = Node.isReturnStatement(parent) ? parent.getFirstAncestor((a) => Node.isFunctionLikeDeclaration(a)) : Node.isArrowFunction(parent) ? parent : undefined;
  const settles = fn && ((Node.isAsyncable(fn) && fn.isAsync()) || (site.concurrent && isCollected(fn)));
  return [site.range[0], site.range[1], !settles, bareAllowed(node)];
}

/** Where `a ?? b` needs no parentheses: a whole initializer, property value, argument, element, or body. */
function bareAllowed(node: Node): boolean {
  const parent = node.getParent();
  if (!parent) return false;
  if (Node.isCallExpression(parent)) return parent.getArguments().includes(node);
  if (Node.isConditionalExpression(parent)) return parent.getCondition() !== node;
  return (
    Node.isVariableDeclaration(parent) ||
    Node.isPropertyAssignment(parent) ||
    Node.isReturnStatement(parent) ||
    Node.isArrowFunction(parent) ||
    Node.isArrayLiteralExpression(parent) ||
    Node.isParenthesizedExpression(parent) ||
    Node.isExpressionStatement(parent)
  );
}

/** `Promise.all(xs.map((x) => …))`: the callback whose results are awaited together. */
function isCollected(fn: Node): boolean {
  const map = fn.getParent();
  const combinator = map?.getParent();
  return Boolean(map && Node.isCallExpression(map) && combinator && Node.isCallExpression(combinator) && /^Promise\.(all|allSettled)$/.test(combinator.getExpression().getText()));
}

/** For a lookup through a helper of another module: the names its query needs must be free here, or the same import. */
function importClash(source: SourceFile, site: LookupSite): string | null {
  if (!site.helper) return null;
  const text = source.getFullText();
  for (const need of helperNeeds(site)) {
    const specifier = specifierFrom(need, source.getFilePath());
    const imported = source.getImportDeclarations().some(
      (d) => d.getModuleSpecifierValue() === specifier && !d.isTypeOnly() && d.getNamedImports().some((n) => n.getName() === need.imported && (n.getAliasNode()?.getText() ?? n.getName()) === need.local && !n.isTypeOnly()),
    );
    if (!imported && new RegExp(`(?<![\\w$.])${need.local.replace(/\$/g, '\\$')}(?![\\w$])`).test(text)) {
      return `\`${site.helper}()\`'s query reads \`${need.local}\`, which names something else here: inline it by hand`;
    }
  }
  return null;
}

/** The file's own indentation step: a tab, or the smallest run of leading spaces (2 when none is found). */
function indentUnit(source: SourceFile): string {
  const text = source.getFullText();
  if (/^\t/m.test(text) && !/^ {2}\S/m.test(text)) return '\t';
  const widths = [...text.matchAll(/^( +)\S/gm)].map((m) => m[1]!.length).filter((n) => n > 1);
  return ' '.repeat(widths.length ? Math.min(...widths) : 2);
}

function freeName(source: SourceFile, base: string, taken: string[]): string {
  const used = (name: string) => taken.includes(name) || new RegExp(`\\b${name}\\b`).test(source.getFullText());
  let name = base;
  for (let i = 2; used(name); i++) name = `${base}${i}`;
  return name;
}
