import type { TSESTree } from '@typescript-eslint/utils';

/** A replacement of `source.slice(start, end)`, in the original source's offsets. */
export interface Edit {
  start: number;
  end: number;
  text: string;
}

/** Applies non-overlapping edits, last first, so that earlier offsets stay valid. */
export function applyEdits(source: string, edits: Edit[]): string {
  let output = source;
  for (const edit of [...edits].sort((a, b) => b.start - a.start)) output = output.slice(0, edit.start) + edit.text + output.slice(edit.end);
  return output;
}

export function replaceNode(node: TSESTree.Node, text: string): Edit {
  return { start: node.range[0], end: node.range[1], text };
}

export function replaceArgs(call: TSESTree.CallExpression, text: string): Edit {
  const args = call.arguments;
  return { start: args[0]!.range[0], end: args.at(-1)!.range[1], text };
}

/** `.name(…)` removed from its chain, with the dot before it. */
export function removeStep(call: TSESTree.CallExpression): Edit {
  return { start: (call.callee as TSESTree.MemberExpression).object.range[1], end: call.range[1], text: '' };
}

// An object property with its comma and the rest of its line, so no blank line or dangling comma is left.
export function removeProperty(source: string, prop: TSESTree.Property): Edit {
  let start = prop.range[0];
  let end = prop.range[1];
  const after = /^\s*,/.exec(source.slice(end));
  if (after) end += after[0].length;
  const lineStart = source.lastIndexOf('\n', start - 1) + 1;
  if (/^\s*$/.test(source.slice(lineStart, start))) {
    start = lineStart;
    const rest = /^[^\S\n]*(\/\/[^\n]*)?\n/.exec(source.slice(end));
    if (rest) end += rest[0].length;
  }
  return { start, end, text: '' };
}

/** A new line at the indentation of `node` when it starts its line, else a space. */
export function lineBreakOrSpace(source: string, node: TSESTree.Node): string {
  const before = /\n([^\S\n]*)$/.exec(source.slice(0, node.range[0]));
  return before ? `\n${before[1]}` : ' ';
}

/** A chain laid out one step per line gets its new step on a line of its own, at the same indentation. */
export function lineBreakBefore(source: string, step: TSESTree.CallExpression): string {
  const dot = (step.callee as TSESTree.MemberExpression).object.range[1];
  const before = /\n([^\S\n]*)$/.exec(source.slice(0, source.indexOf('.', dot)));
  return before ? `\n${before[1]}` : '';
}

export function lineEnd(source: string, index: number): number {
  const end = source.indexOf('\n', index);
  return end === -1 ? source.length : end;
}

/** The indentation of the line `index` is on. */
export function lineIndent(source: string, index: number): string {
  return /^[^\S\n]*/.exec(source.slice(source.lastIndexOf('\n', index - 1) + 1))![0];
}

const OPERATOR_NAMES = new Set(['and', 'asc', 'desc', 'eq', 'gt', 'gte', 'inArray', 'lt', 'lte', 'ne', 'or', 'sql']);

/**
 * Adds `names` to the import the file takes Drizzle's operators from: `drizzle-orm`, or the app's own
 * re-export of them (`import { and, eq } from "@acme/db"`), so that no new dependency appears; a new
 * `drizzle-orm` import when it has none.
 */
export function addDrizzleImports(source: string, names: string[]): string {
  if (names.length === 0) return source;
  const imports = [...source.matchAll(/import\s*\{([^}]*)\}\s*from\s*["']([^"']+)["'];?/g)];
  const have = (m: RegExpMatchArray) => m[1]!.split(',').map((n) => n.trim()).filter(Boolean);
  const existing =
    imports.find((m) => m[2] === 'drizzle-orm') ??
    imports.find((m) => have(m).some((name) => OPERATOR_NAMES.has(name)));
  if (existing) {
    const all = [...new Set([...have(existing), ...names])].sort();
    const start = existing.index! + existing[0].indexOf('{');
    // One name per line stays one name per line, at the same indentation.
    const indent = /\n([^\S\n]+)\S/.exec(existing[1]!)?.[1];
    const list = indent ? `{\n${all.map((n) => `${indent}${n},`).join('\n')}\n}` : `{ ${all.join(', ')} }`;
    return `${source.slice(0, start)}${list}${source.slice(existing.index! + existing[0].indexOf('}') + 1)}`;
  }
  return `import { ${[...names].sort().join(', ')} } from "drizzle-orm";\n${source}`;
}
