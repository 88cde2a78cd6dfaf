/** A replacement of `[start, end)` of a file's current text; `start === end` inserts. */
export interface TextEdit {
  start: number;
  end: number;
  text: string;
}

/**
 * Applies edits given as ranges of `source`. Insertions at one offset keep their order; an insertion at the start
 * or end of a replaced range is not an overlap. Overlapping edits throw: one of them would be lost or garbled.
 */
export function applyEdits(source: string, edits: readonly TextEdit[]): string {
  const order = edits.map((edit, index) => ({ edit, index }));
  order.sort((a, b) => a.edit.start - b.edit.start || a.edit.end - b.edit.end || a.index - b.index);
  let widest: TextEdit | undefined;
  for (const { edit } of order) {
    if (widest && widest.end > edit.start) throw new Error(`overlapping edits: [${widest.start}, ${widest.end}) and [${edit.start}, ${edit.end})`);
    if (!widest || edit.end > widest.end) widest = edit;
  }
  // Last first, so the offsets of the edits still to make stay valid.
  let text = source;
  for (const { edit } of order.reverse()) text = text.slice(0, edit.start) + edit.text + text.slice(edit.end);
  return text;
}

/** `base`, or `base2`, `base3`…: the first name that neither the text nor `taken` uses. */
export function freeName(text: string, base: string, taken: readonly string[] = []): string {
  const used = (name: string) => taken.includes(name) || new RegExp(`(?<![\\w$])${name.replace(/\$/g, '\\$')}(?![\\w$])`).test(text);
  let name = base;
  for (let i = 2; used(name); i++) name = `${base}${i}`;
  return name;
}
