import path from 'node:path';
import type { Project, SourceFile } from 'ts-morph';
import { applyEdits, type TextEdit } from '../../src/codemods/text-edits.js';
import type { WriteSite } from '../../src/codemods/write-sites.js';

/** A module the split changed, with its text before, to undo it. */
export interface Touched {
  file: SourceFile;
  before: string;
}

/**
 * Splits the helpers that `sites` insert through (`readInsertHelper`): in the caller's own text (`edits`), or
 * in their modules, with the re-exports the caller imports the twins through (`beforeChange` sees each module first). A module another file's
 * rewrite split already in this run is left as it is. A string says why a helper's module cannot be split.
 */
export function splitHelpers(project: Project, caller: string, sites: WriteSite[], beforeChange: (file: SourceFile) => void): { edits: TextEdit[]; touched: Touched[] } | string {
  const edits: TextEdit[] = [];
  const touched: Touched[] = [];
  const done = new Set<string>();
  for (const { helper } of sites) {
    if (!helper || done.has(`${helper.file}\0${helper.name}`)) continue;
    done.add(`${helper.file}\0${helper.name}`);
    if (path.resolve(helper.file) === path.resolve(caller)) {
      edits.push(...(helper.split ?? []));
      continue;
    }
    const changes: Array<{ file: string; source: string; edits: TextEdit[] }> = [];
    if (helper.split) changes.push({ file: helper.file, source: helper.source, edits: helper.split });
    const reexport = helper.imports.reexport;
    if (reexport) changes.push({ file: reexport.file, source: reexport.source, edits: [reexport.edit] });
    for (const change of changes) {
      const file = project.getSourceFile(change.file) ?? project.addSourceFileAtPath(change.file);
      const current = file.getFullText();
      if (current === change.source) {
        if (!touched.some((t) => t.file === file)) {
          beforeChange(file);
          touched.push({ file, before: current });
        }
        file.replaceWithText(applyEdits(current, change.edits));
      } else if (!new RegExp(`(?<![\\w$])${helper.rowsName.replace(/\$/g, '\\$')}(?![\\w$])`).test(current)) {
        return `\`${path.basename(change.file)}\` changed since the codemod read \`${helper.name}()\` in it`;
      }
    }
  }
  return { edits, touched };
}
