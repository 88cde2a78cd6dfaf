import path from 'node:path';
import plugin from '../index.js';
import { FIXES } from '../knowledge/fixes.js';
import { codeFrames } from './code-frame.js';
import type { Finding } from './findings.js';
import type { ScanResult } from './scan.js';

/**
 * One self-contained HTML page (styles inline, no script, nothing loaded from the network): totals per rule
 * with an inline SVG chart, then the findings grouped by file, each with its code frame, how to fix it, the
 * rule's docs and the codemod that fixes it. Every finding is an `<li class="finding">` whose data attributes
 * hold its rule, file, line and column, so a test (or a script) can read the page back.
 */
export function formatHtml(scan: ScanResult, findings: Finding[], cwd: string): string {
  const frameOf = codeFrames(cwd, false);
  const byFile = new Map<string, Finding[]>();
  for (const f of findings) byFile.set(f.file, [...(byFile.get(f.file) ?? []), f]);
  const counts = scan.rules.map((rule) => ({ rule, count: findings.filter((f) => f.rule === `hotpath/${rule}`).length }));
  const parseErrors = findings.filter((f) => f.rule === null).length;
  const title = `hotpath: ${findings.length} finding${findings.length === 1 ? '' : 's'} in ${path.basename(cwd)}`;
  const mode = scan.typed ? 'with type information' : 'without type information';
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escape(title)}</title>
<style>${STYLE}</style>
</head>
<body>
<header>
  <h1>${escape(title)}</h1>
  <p>${scan.files} files scanned ${mode} by ${escape(plugin.meta.name)} ${escape(plugin.meta.version)},
  ${scan.rules.length} rules; ${byFile.size} files with findings${parseErrors ? `, ${parseErrors} could not be parsed` : ''}.</p>
</header>
<section class="totals">
  <h2>By rule</h2>
  ${chart(counts)}
</section>
<section class="files">
  <h2>By file</h2>
  ${[...byFile].map(([file, list]) => fileSection(file, list, frameOf)).join('\n  ')}
  ${findings.length === 0 ? '<p class="clean">No problems found.</p>' : ''}
</section>
</body>
</html>
`;
}

function chart(counts: Array<{ rule: string; count: number }>): string {
  const max = Math.max(1, ...counts.map((c) => c.count));
  const row = 28;
  const labelWidth = 190;
  const barWidth = 360;
  const bars = counts.map(({ rule, count }, i) => {
    const y = i * row;
    const width = Math.max(count ? 4 : 0, Math.round((count / max) * barWidth));
    return [
      `<text x="0" y="${y + 18}" class="label">${escape(rule)}</text>`,
      `<rect x="${labelWidth}" y="${y + 5}" width="${width}" height="18" rx="3" class="${count ? 'bar' : 'bar none'}"/>`,
      `<text x="${labelWidth + width + 8}" y="${y + 19}" class="count">${count}</text>`,
    ].join('');
  });
  const height = counts.length * row + 4;
  return `<svg role="img" aria-label="findings per rule" width="${labelWidth + barWidth + 60}" height="${height}" viewBox="0 0 ${labelWidth + barWidth + 60} ${height}">${bars.join('')}</svg>`;
}

function fileSection(file: string, list: Finding[], frameOf: (f: Finding) => string): string {
  const items = list.map((f) => {
    const name = f.rule?.replace(/^hotpath\//, '') ?? null;
    const fix = name ? FIXES[name] : undefined;
    const docs = name ? plugin.rules[name]?.meta.docs?.url : undefined;
    const attributes = `data-rule="${escape(f.rule ?? '')}" data-file="${escape(f.file)}" data-line="${f.line}" data-column="${f.column}"`;
    return `<li class="finding ${f.severity}" ${attributes}>
      <div class="where"><span class="rule">${escape(f.rule ?? 'parse error')}</span> <span class="loc">${escape(`${f.file}:${f.line}:${f.column}`)}</span></div>
      <p class="message">${code(f.message)}</p>
      <pre class="frame">${escape(frameOf(f))}</pre>
      ${fix ? `<p class="fix"><b>Fix:</b> ${code(fix.hint)} <b>Fixed by:</b> <code>${escape(fix.fixedBy)}</code></p>` : ''}
      ${docs ? `<p class="docs"><a href="${escape(docs)}">${escape(name!)} docs</a></p>` : ''}
    </li>`;
  });
  return `<section class="file"><h3>${escape(file)} <small>(${list.length})</small></h3><ol>${items.join('')}</ol></section>`;
}

function escape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** Escaped text with its `backtick` spans as <code>. */
function code(text: string): string {
  return escape(text).replace(/`([^`]+)`/g, '<code>$1</code>');
}

const STYLE = `
body { font: 15px/1.5 system-ui, sans-serif; margin: 0 auto; max-width: 1100px; padding: 24px; color: #1f2328; background: #fff; }
h1 { font-size: 24px; margin: 0 0 4px; } h2 { font-size: 18px; border-bottom: 1px solid #d0d7de; padding-bottom: 4px; }
h3 { font: 600 14px ui-monospace, monospace; margin: 20px 0 8px; } h3 small { color: #656d76; font-weight: 400; }
header p { color: #656d76; margin: 0; }
svg .label { font: 13px ui-monospace, monospace; fill: #1f2328; } svg .count { font: 600 13px system-ui; fill: #1f2328; }
svg .bar { fill: #cf222e; } svg .bar.none { fill: #d0d7de; }
ol { list-style: none; padding: 0; margin: 0; }
.finding { border: 1px solid #d0d7de; border-left: 4px solid #cf222e; border-radius: 6px; padding: 10px 14px; margin: 0 0 12px; }
.finding.warning { border-left-color: #bf8700; }
.where { font-size: 13px; } .rule { font-weight: 600; color: #cf222e; } .loc { font-family: ui-monospace, monospace; color: #656d76; }
.message { margin: 6px 0; } .fix, .docs { margin: 6px 0 0; font-size: 13px; }
code { font: 12.5px ui-monospace, monospace; background: #f6f8fa; padding: 1px 4px; border-radius: 4px; }
pre.frame { font: 12.5px/1.45 ui-monospace, monospace; background: #f6f8fa; padding: 8px 10px; border-radius: 6px; overflow-x: auto; margin: 6px 0; }
.clean { color: #1a7f37; font-weight: 600; }
`;
