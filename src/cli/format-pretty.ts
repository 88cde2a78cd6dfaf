import { createColors } from 'picocolors';
import plugin from '../index.js';
import { codeFrames } from './code-frame.js';
import type { Finding } from './findings.js';
import type { ScanResult } from './scan.js';

/** Findings grouped by rule, each with a code frame, then the rule's doc link and a summary. */
export function formatPretty(scan: ScanResult, findings: Finding[], cwd: string, color: boolean): string {
  const c = createColors(color);
  const out: string[] = [];
  const byRule = new Map<string, Finding[]>();
  for (const f of findings) {
    const key = f.rule ?? 'parse error';
    byRule.set(key, [...(byRule.get(key) ?? []), f]);
  }
  const frameOf = codeFrames(cwd, color);
  for (const [rule, list] of byRule) {
    const name = rule.replace(/^hotpath\//, '');
    out.push(c.bold(`${c.red('●')} ${rule} ${c.dim(`(${list.length})`)}`), '');
    for (const f of list) {
      out.push(`  ${c.cyan(`${f.file}:${f.line}:${f.column}`)}`, `  ${f.message}`);
      out.push(frameOf(f).replace(/^/gm, '    '), '');
    }
    const docs = plugin.rules[name]?.meta.docs?.url;
    if (docs) out.push(`  ${c.dim(`How to fix: ${docs}`)}`, '');
  }
  const errors = findings.filter((f) => f.severity === 'error').length;
  const mode = scan.typed ? 'with type information' : 'without type information';
  const rules = `${scan.rules.length} rule${scan.rules.length === 1 ? '' : 's'}`;
  if (findings.length === 0) {
    out.push(c.green(`✓ No problems in ${scan.files} files (${rules}, ${mode}).`));
  } else {
    const files = new Set(findings.map((f) => f.file)).size;
    out.push(c.bold(`${findings.length} problems (${errors} errors) in ${files} of ${scan.files} files (${rules}, ${mode}).`));
  }
  return `${out.join('\n')}\n`;
}
