import { pathToFileURL } from 'node:url';
import plugin from '../index.js';
import { REPOSITORY_URL } from '../create-rule.js';
import type { Finding } from './findings.js';
import type { ScanResult } from './scan.js';

/**
 * SARIF 2.1.0, as code-scanning services read it: one run, the rules that ran as the driver's rules, one
 * result per finding with a location relative to `%SRCROOT%`, and unparsable files as notifications.
 */
export function formatSarif(scan: ScanResult, findings: Finding[], cwd: string): string {
  const ruleIds = scan.rules.map((r) => `hotpath/${r}`);
  const location = (f: Finding) => ({
    physicalLocation: {
      artifactLocation: { uri: encodeURI(f.file), uriBaseId: '%SRCROOT%' },
      region: { startLine: f.line, startColumn: f.column, endLine: f.endLine, endColumn: f.endColumn },
    },
  });
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: plugin.meta.name,
            version: plugin.meta.version,
            informationUri: REPOSITORY_URL,
            rules: ruleIds.map((id) => {
              const rule = plugin.rules[id.replace('hotpath/', '')]!;
              return {
                id,
                shortDescription: { text: rule.meta.docs?.description ?? id },
                helpUri: rule.meta.docs?.url,
                defaultConfiguration: { level: 'error' },
              };
            }),
          },
        },
        originalUriBaseIds: { '%SRCROOT%': { uri: pathToFileURL(cwd.endsWith('/') ? cwd : `${cwd}/`).href } },
        invocations: [
          {
            executionSuccessful: true,
            toolExecutionNotifications: findings
              .filter((f) => f.rule === null)
              .map((f) => ({ level: 'error', message: { text: f.message }, locations: [location(f)] })),
          },
        ],
        results: findings
          .filter((f) => f.rule !== null)
          .map((f) => ({
            ruleId: f.rule,
            ...(ruleIds.includes(f.rule!) ? { ruleIndex: ruleIds.indexOf(f.rule!) } : {}),
            level: f.severity === 'error' ? 'error' : 'warning',
            message: { text: f.message },
            locations: [location(f)],
          })),
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}
