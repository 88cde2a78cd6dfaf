/** A replacement of `[start, end)` of a file's current text; `start === end` inserts. */
export interface TextEdit {
  start: number;
  end: number;
  text: string;
}

/** Applies edits given as ranges of `source`, from the last to the first; insertions at one offset keep their order. */
export function applyTextEdits(source: string, edits: TextEdit[]): string {
  const order = edits.map((edit, index) => ({ edit, index }));
  order.sort((a, b) => b.edit.start - a.edit.start || b.edit.end - a.edit.end || b.index - a.index);
  let text = source;
  for (const { edit } of order) text = text.slice(0, edit.start) + edit.text + text.slice(edit.end);
  return text;
}

/** `base`, or `base2`, `base3`…: the first name that neither the text nor `taken` uses. */
export function freeName(text: string, base: string, taken: readonly string[] = []): string {
  const used = (name: string) => taken.includes(name) || new RegExp(`(?<![\\w$])${name.replace(/\$/g, '\\$')}(?![\\w$])`).test(text);
  let name = base;
  for (let i = 2; used(name); i++) name = `${base}${i}`;
  return name;
}
