/**
 * The process-wide memos of the analysis, owned here: each is bounded (the oldest entry goes first, or the
 * least recently used with `recent`), `clearMemos()` empties them all, and a remembered "not found" (`null`)
 * is answered for `MISS_RECHECK_MS` only, so that in an editor an import written before its file exists
 * resolves once the file is there. They hold plain data of the file system (paths, facts, mtimes), never an
 * AST node of a linted file. Callers that depend on a file's content key or stamp entries by its mtime.
 */

const MISS_RECHECK_MS = 2000;

const memos: Array<Memo<unknown>> = [];

interface Entry<V> {
  value: V;
  /** When a `null` answer was stored; a hit after `MISS_RECHECK_MS` is a miss, to look again. */
  missedAt?: number;
}

export class Memo<V> {
  private readonly entries = new Map<string, Entry<V>>();

  /** `max` entries at most; with `recent`, a hit moves to the back, so the working set stays. */
  constructor(
    private readonly max: number,
    private readonly recent = false,
  ) {
    memos.push(this as Memo<unknown>);
  }

  /** The answer kept for `key`, or `undefined` when there is none (or a `null` answer is due for a recheck). */
  get(key: string): V | undefined {
    const entry = this.entries.get(key);
    if (entry === undefined) return undefined;
    if (entry.missedAt !== undefined && Date.now() - entry.missedAt >= MISS_RECHECK_MS) {
      this.entries.delete(key);
      return undefined;
    }
    if (this.recent) {
      this.entries.delete(key);
      this.entries.set(key, entry);
    }
    return entry.value;
  }

  /** Keeps `value` for `key` and returns it. */
  set(key: string, value: V): V {
    this.entries.delete(key);
    if (this.entries.size >= this.max) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(key, value === null ? { value, missedAt: Date.now() } : { value });
    return value;
  }

  get size(): number {
    return this.entries.size;
  }

  clear(): void {
    this.entries.clear();
  }
}

/** Forgets every memo of the analysis: for a host that knows the file system changed under it. */
export function clearMemos(): void {
  for (const memo of memos) memo.clear();
}
