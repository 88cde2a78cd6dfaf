import { closeSync, openSync, readdirSync, readFileSync, readSync, realpathSync, statSync, type Dirent, type Stats } from 'node:fs';

/**
 * Every read of the file system that cross-file analysis makes, in one place. What another file holds can
 * only lower what a rule knows, never stop the lint run: each probe answers "not there / unknown" (`null`,
 * `false`) for every failure, not only `ENOENT`: `ENOTDIR` (`x.css/index.ts`), `EISDIR`, `EACCES`, `ELOOP`,
 * `ENAMETOOLONG`, text that is not UTF-8, JSON that does not parse.
 */

/** Larger files are generated (bundles, fixtures, schemas dumped to code): they hold no helper worth reading. */
export const MAX_SOURCE_BYTES = 2_000_000;

const utf8 = new TextDecoder('utf-8', { fatal: true });

export function statOf(file: string): Stats | null {
  try {
    return statSync(file, { throwIfNoEntry: false }) ?? null;
  } catch {
    return null;
  }
}

export function isFile(file: string): boolean {
  return statOf(file)?.isFile() ?? false;
}

/** The file's text, or null when it is missing, unreadable, larger than `maxBytes` or not UTF-8. */
export function readText(file: string, maxBytes = MAX_SOURCE_BYTES): string | null {
  // A missing file is the common miss (candidate paths of a resolution): answered without an exception.
  const stats = statOf(file);
  if (!stats?.isFile() || stats.size > maxBytes) return null;
  try {
    return utf8.decode(readFileSync(file));
  } catch {
    return null;
  }
}

/** The first `bytes` of a file as text (a directive at its top), or `''`. */
export function readHead(file: string, bytes: number): string {
  let fd: number | undefined;
  try {
    fd = openSync(file, 'r');
    const buffer = Buffer.alloc(bytes);
    return buffer.toString('utf8', 0, readSync(fd, buffer, 0, bytes, 0));
  } catch {
    return '';
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

export function realPath(file: string): string | null {
  try {
    return realpathSync(file);
  } catch {
    return null;
  }
}

export function readDirectory(dir: string): Dirent[] | null {
  try {
    return readdirSync(dir, { withFileTypes: true });
  } catch {
    return null;
  }
}

/** A JSON object from disk; tsconfig style (comments, trailing commas) is accepted. */
export function readJsonObject(file: string): Record<string, unknown> | null {
  const text = readText(file);
  if (text === null) return null;
  try {
    const value: unknown = JSON.parse(stripComments(text).replace(/,(\s*[}\]])/g, '$1'));
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/** Drops `//` and `/* *\/` comments of JS or JSON text, keeping string contents (an import specifier never holds a comment). */
export function stripComments(text: string): string {
  return text.replace(/("(?:\\.|[^"\\\n])*"|'(?:\\.|[^'\\\n])*'|`(?:\\.|[^`\\])*`)|\/\*[\s\S]*?\*\/|\/\/[^\n]*/g, (m, str) =>
    str ? m : ' ',
  );
}
