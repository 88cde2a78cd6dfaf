import path from 'node:path';
import type { ScanResult } from './scan.js';

/** One report of a scan, with its path relative to the scanned root. */
export interface Finding {
  rule: string | null;
  severity: 'error' | 'warning';
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  message: string;
}

/** The scan's reports in file order; `rule` is null for a file that could not be parsed. */
export function findingsOf(scan: ScanResult, cwd: string): Finding[] {
  return scan.results.flatMap((result) =>
    result.messages.map((m) => ({
      rule: m.ruleId,
      severity: m.severity === 2 ? ('error' as const) : ('warning' as const),
      file: path.relative(cwd, result.filePath).split(path.sep).join('/'),
      line: m.line,
      column: m.column,
      endLine: m.endLine ?? m.line,
      endColumn: m.endColumn ?? m.column,
      message: m.message,
    })),
  );
}
