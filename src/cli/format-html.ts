import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import plugin from '../index.js';
import { codeFrames } from './code-frame.js';
import type { Finding } from './findings.js';
import type { ScanResult } from './scan.js';

/**
 * One self-contained HTML page (styles and script inline, nothing loaded from the network, which its
 * Content-Security-Policy enforces), titled with the project's name: totals per rule with an inline SVG
 * chart, filters by rule and severity, a choice of grouping (by file, by rule, or files with the most
 * findings first), then each finding with its code frame, a link to its line in the repository, how to fix
 * it, the rule's docs and the codemod that fixes it.
 *
 * Every finding is an `<li class="finding">` whose data attributes hold its rule, file, line and column, so
 * a test (or a script) can read the page back. The filters and the grouping live in the URL's hash
 * (`report.html#rule=no-n-plus-one&severity=error&sort=count`), applied on load: a link to a filtered view
 * can be shared, and a headless browser's `--dump-dom` shows what a reader of that view sees. Without
 * script, the page shows every finding by file.
 */
export function formatHtml(scan: ScanResult, findings: Finding[], cwd: string): string {
  const frameOf = codeFrames(cwd, false);
  const linkOf = repositoryLinks(cwd);
  const byFile = new Map<string, Finding[]>();
  for (const f of findings) byFile.set(f.file, [...(byFile.get(f.file) ?? []), f]);
  const counts = scan.rules.map((rule) => ({ rule, count: findings.filter((f) => f.rule === `hotpath/${rule}`).length }));
  const parseErrors = findings.filter((f) => f.rule === null).length;
  const project = projectName(cwd);
  const total = `${findings.length} finding${findings.length === 1 ? '' : 's'}`;
  const mode = scan.typed ? 'with type information' : 'without type information';
  const errors = findings.filter((f) => f.severity === 'error').length;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escape(`${project}: ${total} (hotpath)`)}</title>
<style>${STYLE}</style>
</head>
<body>
<header>
  <h1>${escape(project)}</h1>
  <p>${total}: ${scan.files} files scanned ${mode} by ${escape(plugin.meta.name)} ${escape(plugin.meta.version)},
  ${scan.rules.length} rules; ${byFile.size} files with findings${parseErrors ? `, ${parseErrors} could not be parsed` : ''}.</p>
</header>
<section class="totals">
  <h2>By rule</h2>
  ${chart(counts)}
</section>
<section class="findings">
  <h2>Findings</h2>
  <form class="controls" id="controls" hidden>
    <label>Rule <select name="rule">
      <option value="">all rules (${findings.length})</option>
      ${counts.map(({ rule, count }) => `<option value="${escape(rule)}">${escape(rule)} (${count})</option>`).join('')}
      ${parseErrors ? `<option value="${PARSE_ERROR}">parse errors (${parseErrors})</option>` : ''}
    </select></label>
    <label>Severity <select name="severity">
      <option value="">all</option>
      <option value="error">errors (${errors})</option>
      <option value="warning">warnings (${findings.length - errors})</option>
    </select></label>
    <label>Group <select name="sort">
      <option value="file">by file</option>
      <option value="rule">by rule</option>
      <option value="count">by file, most findings first</option>
    </select></label>
    <output id="shown" data-total="${findings.length}">${total}</output>
  </form>
  <div id="groups">
  ${[...byFile].map(([file, list]) => fileSection(file, list, frameOf, linkOf)).join('\n  ')}
  </div>
  ${findings.length === 0 ? '<p class="clean">No problems found.</p>' : ''}
</section>
<script>${SCRIPT}</script>
</body>
</html>
`;
}

/** The value of the rule filter that selects the files that could not be parsed. */
const PARSE_ERROR = 'parse-error';

/** The `name` of the package.json at the scan root, else the root folder's name. */
function projectName(cwd: string): string {
  try {
    const { name } = JSON.parse(readFileSync(path.join(cwd, 'package.json'), 'utf8')) as { name?: unknown };
    if (typeof name === 'string' && name.trim()) return name.trim();
  } catch {
    // no package.json, or not JSON: the folder names the project
  }
  return path.basename(path.resolve(cwd));
}

/**
 * Links from a finding to its line at the commit that was scanned, when the scan root is in a git work tree
 * whose `origin` is on a host whose URL scheme is known; otherwise no links. The link points at the
 * commit, not a branch, so it shows the line the report talks about even after the branch moves on (a file
 * edited since the commit may have moved its lines: the report cannot know).
 */
function repositoryLinks(cwd: string): (f: Finding) => string | null {
  const git = (...args: string[]) => {
    try {
      return execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], timeout: 10_000 }).trim();
    } catch {
      return null;
    }
  };
  const remote = git('remote', 'get-url', 'origin');
  const commit = remote ? git('rev-parse', '--verify', 'HEAD') : null;
  const top = commit ? git('rev-parse', '--show-toplevel') : null;
  if (!remote || !commit || !top) return () => null;
  // Paths in the repository are relative to its top, which may be above the scan root.
  const prefix = path.relative(top, path.resolve(cwd)).split(path.sep).join('/');
  return (f) => blobUrl(remote, commit, prefix ? `${prefix}/${f.file}` : f.file, f.line);
}

/**
 * The web address of `file` at line `line` of `commit`, from a git remote in any of its forms
 * (`git@host:owner/repo.git`, `ssh://git@host/owner/repo`, `https://user:token@host/owner/repo.git`), or
 * null for a host whose URL scheme is not known (a local path, an unknown forge). Credentials in the
 * remote are never copied into the page.
 */
export function blobUrl(remote: string, commit: string, file: string, line: number): string | null {
  const scp = /^(?:[^@/]+@)?([^:/]+):(?!\/)(.+)$/.exec(remote); // git@github.com:owner/repo.git
  let host: string;
  let repo: string;
  if (scp && !/^[a-z]+:\/\//i.test(remote)) {
    [, host, repo] = scp as unknown as [string, string, string];
  } else {
    let url: URL;
    try {
      url = new URL(remote);
    } catch {
      return null;
    }
    if (!['https:', 'http:', 'ssh:', 'git:'].includes(url.protocol)) return null;
    host = url.hostname;
    repo = url.pathname;
  }
  repo = repo.replace(/^\/+|\/+$/g, '').replace(/\.git$/, '');
  if (!repo.includes('/')) return null;
  const at = `${encodePath(file)}#L${line}`;
  const base = `https://${host.toLowerCase()}/${repo}`;
  if (/(^|\.)gitlab\b/i.test(host)) return `${base}/-/blob/${commit}/${at}`;
  if (/(^|\.)github\b/i.test(host)) return `${base}/blob/${commit}/${at}`;
  return null;
}

function encodePath(file: string): string {
  return file.split('/').map(encodeURIComponent).join('/');
}

function chart(counts: Array<{ rule: string; count: number }>): string {
  const max = Math.max(1, ...counts.map((c) => c.count));
  const row = 28;
  const labelWidth = 190;
  const barWidth = 360;
  const bars = counts.map(({ rule, count }, i) => {
    const y = i * row;
    const width = Math.max(count ? 4 : 0, Math.round((count / max) * barWidth));
    // Each bar is a link to the view of its rule alone.
    return [
      `<a href="#rule=${encodeURIComponent(rule)}"><title>show only ${escape(rule)}</title>`,
      `<text x="0" y="${y + 18}" class="label">${escape(rule)}</text>`,
      `<rect x="${labelWidth}" y="${y + 5}" width="${width}" height="18" rx="3" class="${count ? 'bar' : 'bar none'}"/>`,
      `<text x="${labelWidth + width + 8}" y="${y + 19}" class="count">${count}</text>`,
      '</a>',
    ].join('');
  });
  const height = counts.length * row + 4;
  return `<svg role="img" aria-label="findings per rule" width="${labelWidth + barWidth + 60}" height="${height}" viewBox="0 0 ${labelWidth + barWidth + 60} ${height}">${bars.join('')}</svg>`;
}

function fileSection(file: string, list: Finding[], frameOf: (f: Finding) => string, linkOf: (f: Finding) => string | null): string {
  const items = list.map((f) => {
    const name = f.rule?.replace(/^hotpath\//, '') ?? null;
    const meta = name ? plugin.rules[name]?.meta.docs : undefined;
    const fix = meta?.howToFix;
    const docs = meta?.url;
    const attributes = `data-rule="${escape(f.rule ?? '')}" data-file="${escape(f.file)}" data-line="${f.line}" data-column="${f.column}"`;
    const where = escape(`${f.file}:${f.line}:${f.column}`);
    const link = linkOf(f);
    return `<li class="finding ${f.severity}" ${attributes}>
      <div class="where"><span class="rule">${escape(f.rule ?? 'parse error')}</span> <span class="severity">${f.severity}</span> ${link ? `<a class="loc" href="${escape(link)}">${where}</a>` : `<span class="loc">${where}</span>`}</div>
      <p class="message">${code(f.message)}</p>
      <pre class="frame">${escape(frameOf(f))}</pre>
      ${fix ? `<p class="fix"><b>Fix:</b> ${code(fix.hint)} <b>Fixed by:</b> <code>${escape(fix.fixedBy)}</code></p>` : ''}
      ${docs ? `<p class="docs"><a href="${escape(docs)}">${escape(name!)} docs</a></p>` : ''}
    </li>`;
  });
  return `<section class="group" data-key="${escape(file)}"><h3>${escape(file)} <small>(${list.length})</small></h3><ol>${items.join('')}</ol></section>`;
}

function escape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** Escaped text with its `backtick` spans as <code>. */
function code(text: string): string {
  return escape(text).replace(/`([^`]+)`/g, '<code>$1</code>');
}

/**
 * The page's behaviour: read the view from the hash (`rule`, comma-separated rules, with or without
 * `hotpath/`; `severity`; `sort`: file, rule or count), regroup the findings, hide the others, and keep the
 * form and the hash in step. Plain ES2017 and DOM, no library.
 */
const SCRIPT = `
(function () {
  var form = document.getElementById('controls');
  var groups = document.getElementById('groups');
  var shown = document.getElementById('shown');
  if (!form || !groups) return;
  var items = Array.prototype.slice.call(groups.querySelectorAll('li.finding'));
  var SORTS = ['file', 'rule', 'count'];
  function ruleOf(li) { return li.dataset.rule ? li.dataset.rule.replace(/^hotpath\\//, '') : '${PARSE_ERROR}'; }
  // The \`selected\` attribute too, not only the property: what the page shows is then in its DOM.
  function choose(select, value) {
    Array.prototype.forEach.call(select.options, function (o) { o.defaultSelected = o.value === value; });
    select.value = value;
  }
  function view() {
    var params = new URLSearchParams(location.hash.replace(/^#/, ''));
    var rules = (params.get('rule') || '').split(',').map(function (r) { return r.trim().replace(/^hotpath\\//, ''); }).filter(Boolean);
    var severity = params.get('severity') || '';
    var sort = params.get('sort') || 'file';
    return { rules: rules, severity: severity === 'error' || severity === 'warning' ? severity : '', sort: SORTS.indexOf(sort) >= 0 ? sort : 'file' };
  }
  function apply() {
    var v = view();
    var visible = 0;
    var byKey = new Map();
    items.forEach(function (li) {
      var show = (v.rules.length === 0 || v.rules.indexOf(ruleOf(li)) >= 0) && (!v.severity || li.classList.contains(v.severity));
      li.hidden = !show;
      if (show) visible++;
      var key = v.sort === 'rule' ? (li.dataset.rule || 'parse error') : li.dataset.file;
      if (!byKey.has(key)) byKey.set(key, []);
      byKey.get(key).push(li);
    });
    var keys = Array.from(byKey.keys());
    var count = function (key) { return byKey.get(key).filter(function (li) { return !li.hidden; }).length; };
    if (v.sort === 'count') keys.sort(function (a, b) { return count(b) - count(a) || (a < b ? -1 : a > b ? 1 : 0); });
    else keys.sort();
    var sections = keys.map(function (key) {
      var section = document.createElement('section');
      section.className = 'group';
      section.dataset.key = key;
      var title = document.createElement('h3');
      title.textContent = key + ' ';
      var small = document.createElement('small');
      small.textContent = '(' + count(key) + ')';
      title.appendChild(small);
      var list = document.createElement('ol');
      byKey.get(key).forEach(function (li) { list.appendChild(li); });
      section.appendChild(title);
      section.appendChild(list);
      section.hidden = count(key) === 0;
      return section;
    });
    groups.replaceChildren.apply(groups, sections);
    groups.dataset.sort = v.sort;
    choose(form.elements.rule, v.rules.length === 1 ? v.rules[0] : '');
    choose(form.elements.severity, v.severity);
    choose(form.elements.sort, v.sort);
    shown.textContent = visible === items.length ? items.length + ' findings' : visible + ' of ' + items.length + ' findings shown';
    shown.dataset.shown = String(visible);
  }
  form.addEventListener('change', function () {
    var params = new URLSearchParams();
    if (form.elements.rule.value) params.set('rule', form.elements.rule.value);
    if (form.elements.severity.value) params.set('severity', form.elements.severity.value);
    if (form.elements.sort.value !== 'file') params.set('sort', form.elements.sort.value);
    var hash = params.toString();
    if (hash) location.hash = hash;
    else { history.replaceState(null, '', location.pathname + location.search); apply(); }
  });
  window.addEventListener('hashchange', apply);
  form.hidden = false;
  apply();
})();
`;

const STYLE = `
body { font: 15px/1.5 system-ui, sans-serif; margin: 0 auto; max-width: 1100px; padding: 24px; color: #1f2328; background: #fff; }
h1 { font-size: 24px; margin: 0 0 4px; } h2 { font-size: 18px; border-bottom: 1px solid #d0d7de; padding-bottom: 4px; }
h3 { font: 600 14px ui-monospace, monospace; margin: 20px 0 8px; } h3 small { color: #656d76; font-weight: 400; }
header p { color: #656d76; margin: 0; }
svg a { cursor: pointer; } svg a:hover .bar { fill: #a40e26; }
svg .label { font: 13px ui-monospace, monospace; fill: #1f2328; } svg .count { font: 600 13px system-ui; fill: #1f2328; }
svg .bar { fill: #cf222e; } svg .bar.none { fill: #d0d7de; }
.controls { display: flex; flex-wrap: wrap; gap: 8px 18px; align-items: center; font-size: 13px; margin: 0 0 4px; position: sticky; top: 0; background: #fff; padding: 8px 0; border-bottom: 1px solid #d0d7de; }
.controls[hidden], [hidden] { display: none; }
.controls select { font: inherit; padding: 2px 4px; border: 1px solid #d0d7de; border-radius: 6px; background: #f6f8fa; }
.controls output { color: #656d76; margin-left: auto; }
ol { list-style: none; padding: 0; margin: 0; }
.finding { border: 1px solid #d0d7de; border-left: 4px solid #cf222e; border-radius: 6px; padding: 10px 14px; margin: 0 0 12px; }
.finding.warning { border-left-color: #bf8700; }
.where { font-size: 13px; } .rule { font-weight: 600; color: #cf222e; } .finding.warning .rule { color: #9a6700; }
.severity { font-size: 11px; text-transform: uppercase; letter-spacing: .04em; color: #656d76; border: 1px solid #d0d7de; border-radius: 10px; padding: 0 6px; }
.loc { font-family: ui-monospace, monospace; color: #656d76; } a.loc { color: #0969da; text-decoration: none; } a.loc:hover { text-decoration: underline; }
.message { margin: 6px 0; } .fix, .docs { margin: 6px 0 0; font-size: 13px; }
code { font: 12.5px ui-monospace, monospace; background: #f6f8fa; padding: 1px 4px; border-radius: 4px; }
pre.frame { font: 12.5px/1.45 ui-monospace, monospace; background: #f6f8fa; padding: 8px 10px; border-radius: 6px; overflow-x: auto; margin: 6px 0; }
.clean { color: #1a7f37; font-weight: 600; }
`;
