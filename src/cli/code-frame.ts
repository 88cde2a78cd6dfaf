import { readFileSync } from 'node:fs';
import path from 'node:path';
import { codeFrameColumns } from '@babel/code-frame';
import type { Finding } from './findings.js';

/** Code frames of findings, reading each file once. */
export function codeFrames(cwd: string, color: boolean): (finding: Finding) => string {
  const sources = new Map<string, string>();
  return (f) => {
    if (!sources.has(f.file)) sources.set(f.file, readFileSync(path.resolve(cwd, f.file), 'utf8'));
    return codeFrameColumns(
      sources.get(f.file)!,
      // The first line of the node is enough to find it; a whole query chain would drown the message.
      f.endLine === f.line
        ? { start: { line: f.line, column: f.column }, end: { line: f.line, column: f.endColumn } }
        : { start: { line: f.line, column: f.column } },
      // `forceColor`: babel otherwise asks the terminal itself, and `--color` into a pipe or a file would lose it.
      { highlightCode: color, forceColor: color, linesAbove: 1, linesBelow: 1 },
    );
  };
}
