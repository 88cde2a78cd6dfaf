import plugin from '../index.js';
import type { Finding } from './findings.js';
import type { ScanResult } from './scan.js';

/** A stable JSON document for scripts: the tool, the run, and every finding. */
export function formatJson(scan: ScanResult, findings: Finding[]): string {
  return `${JSON.stringify(
    {
      tool: plugin.meta,
      typed: scan.typed,
      rules: scan.rules.map((r) => `hotpath/${r}`),
      files: scan.files,
      summary: {
        errors: findings.filter((f) => f.severity === 'error').length,
        warnings: findings.filter((f) => f.severity === 'warning').length,
      },
      findings,
    },
    null,
    2,
  )}\n`;
}
