#!/usr/bin/env node
import path from 'node:path';
import { createInterface } from 'node:readline/promises';
import { Command, CommanderError, Option } from 'commander';
import writeFileAtomic from 'write-file-atomic';
import plugin from '../index.js';
import { HotpathSettingsError } from '../settings.js';
import { codemodCommand, listCodemods } from './codemod-command.js';
import { findingsOf } from './findings.js';
import { formatGithub } from './format-github.js';
import { formatHtml } from './format-html.js';
import { formatJson } from './format-json.js';
import { formatPretty } from './format-pretty.js';
import { formatSarif } from './format-sarif.js';
import { scan } from './scan.js';
import { collect, parseConcurrency, parseMaxWarnings, parseShard, useColor } from './scan-options.js';
import { UsageError } from '../usage-error.js';

// Scans of this many files or more show progress (on a terminal only).
const PROGRESS_FROM = 300;

interface ScanFlags {
  format: string;
  output?: string;
  types: boolean;
  rule?: string[];
  config?: string;
  configLookup: boolean;
  quiet?: boolean;
  maxWarnings?: string;
  color?: boolean;
  concurrency: string;
  cache?: boolean;
  cacheLocation: string;
  shard?: string;
  exitZero?: boolean;
}

interface CodemodFlags {
  list?: boolean;
  dry?: boolean;
  print?: boolean;
  force?: boolean;
  mark?: boolean;
  strategy?: string;
  keepTotal?: boolean;
  config?: string;
  configLookup: boolean;
  include?: string[];
  exclude?: string[];
  report?: string;
}

const program = new Command('hotpath')
  .description('Find and fix the performance mistakes of tRPC + Drizzle + Redis + Next.js code.')
  .version(plugin.meta.version)
  .exitOverride()
  .configureOutput({ outputError: (text, write) => write(text.split('\n')[0]!.replace(/^error: /, 'hotpath: ') + '\n') });

program
  .command('scan')
  .description('Run the recommended rules over a repository, with the settings of your ESLint config if there is one')
  .argument('[paths...]', 'files or folders to scan', ['.'])
  .addOption(new Option('-f, --format <format>', 'output format').choices(['pretty', 'json', 'sarif', 'github', 'html']).default('pretty'))
  .option('-o, --output <file>', 'write the report to a file instead of stdout')
  .option('--no-types', 'lint without type information even when a tsconfig.json is found')
  .option('--rule <name>', 'run only this rule; repeat it (or give a,b) for several', collect)
  .option('-c, --config <file>', 'the ESLint config to read settings.hotpath from (default: eslint.config.* as ESLint finds it)')
  .option('--no-config-lookup', 'read no ESLint config: the plugin’s defaults only')
  .option('--quiet', 'report errors only, not warnings')
  .option('--max-warnings <n>', 'exit 1 when there are more than n warnings')
  .option('--color', 'colour the output even off a terminal (also FORCE_COLOR=1)')
  .option('--no-color', 'never colour the output (also NO_COLOR=1 or FORCE_COLOR=0)')
  .option('--concurrency <n|auto|off>', "lint in ESLint's worker threads: a number, auto, or off", 'off')
  .option('--cache', "keep ESLint's result cache and lint only files that changed")
  .option('--cache-location <file>', 'where the cache lives', 'node_modules/.cache/eslint-plugin-hotpath/eslintcache')
  .option('--shard <i/n>', 'lint only part i of n of the files (for CI matrices)')
  .option('--exit-zero', 'exit 0 even when problems are found')
  .action(async (paths: string[], opts: ScanFlags) => {
    const cwd = process.cwd();
    if (opts.config !== undefined && !opts.configLookup) throw new UsageError('--config and --no-config-lookup cannot be used together');
    const maxWarnings = opts.maxWarnings === undefined ? undefined : parseMaxWarnings(opts.maxWarnings);
    const result = await scan({
      cwd,
      paths,
      types: opts.types,
      rules: opts.rule ?? [],
      config: opts.configLookup ? opts.config : false,
      concurrency: parseConcurrency(opts.concurrency),
      cacheLocation: opts.cache ? path.resolve(cwd, opts.cacheLocation) : null,
      ...(opts.shard ? { shard: parseShard(opts.shard) } : {}),
      onProgress(done, total) {
        if (total < PROGRESS_FROM || !process.stderr.isTTY) return;
        // One line that rewrites itself. (A spinner library measured the terminal's width to clear its
        // lines and flooded a pseudo-terminal that reported a width of 0.)
        process.stderr.write(done < total ? `\r\u001b[2Klinting ${done}/${total} files` : '\r\u001b[2K');
      },
    });
    if (opts.quiet) {
      for (const r of result.results) {
        r.messages = r.messages.filter((m) => m.severity === 2);
        r.warningCount = 0;
      }
    }
    const findings = findingsOf(result, cwd);
    const color = useColor(opts.color, process.env, Boolean(process.stdout.isTTY) && !opts.output);
    const formats: Record<string, () => string> = {
      json: () => formatJson(result, findings),
      sarif: () => formatSarif(result, findings, cwd),
      github: () => formatGithub(findings),
      html: () => formatHtml(result, findings, cwd),
      pretty: () => formatPretty(result, findings, cwd, Boolean(color)),
    };
    const text = formats[opts.format]!();
    if (opts.output) writeFileAtomic.sync(path.resolve(cwd, opts.output), text);
    else process.stdout.write(text);
    const warnings = findings.filter((f) => f.severity === 'warning').length;
    const tooMany = maxWarnings !== undefined && warnings > maxWarnings;
    if (tooMany) process.stderr.write(`hotpath: ${warnings} warnings, more than --max-warnings ${maxWarnings} allows\n`);
    const failed = findings.some((f) => f.severity === 'error') || tooMany;
    process.exitCode = failed && !opts.exitZero ? 1 : 0;
  });

program
  .command('codemod')
  .description('Rewrite code with a codemod; --dry shows the diff first')
  .argument('[name]', 'codemod name, or the path of a jscodeshift / ts-morph transform file')
  .argument('[paths...]', 'files or folders to rewrite', [])
  .option('--list', 'list the codemods')
  .option('-d, --dry', 'print a unified diff and write nothing')
  .option('-p, --print', 'print the new sources')
  .option('-f, --force', 'run even when the git tree has uncommitted changes')
  .option('--mark', 'leave a // hotpath-todo comment at each site the codemod cannot rewrite safely')
  .option('--strategy <name>', 'dataloader: `context` (per-request loaders) or `inline` (one query before the loop) only; by default each site gets the one that fits')
  .option('--keep-total', 'cursor-pagination: also rewrite pages returned with a total, keeping the count (only when no client jumps to a page)')
  .option('-c, --config <file>', 'the ESLint config whose settings.hotpath and rule options the codemod follows (default: eslint.config.* as ESLint finds it)')
  .option('--no-config-lookup', 'read no ESLint config: the plugin’s defaults only')
  .option('--include <glob...>', 'transform only files matching these globs (relative to the current folder)')
  .option('--exclude <glob...>', 'leave files matching these globs alone')
  .option('--report <file>', 'write a JSON summary per file (changed / unchanged / skipped with the reason / failed)')
  .action(async (name: string | undefined, paths: string[], opts: CodemodFlags) => {
    if (opts.list) {
      process.stdout.write(listCodemods());
      return;
    }
    if (!name) throw new UsageError('missing codemod name (see hotpath codemod --list)');
    if (opts.config !== undefined && !opts.configLookup) throw new UsageError('--config and --no-config-lookup cannot be used together');
    process.exitCode = await codemodCommand(name, paths, {
      cwd: process.cwd(),
      dry: Boolean(opts.dry),
      print: Boolean(opts.print),
      force: Boolean(opts.force),
      mark: Boolean(opts.mark),
      options: { ...(opts.strategy ? { strategy: opts.strategy } : {}), ...(opts.keepTotal ? { 'keep-total': 'true' } : {}) },
      config: opts.configLookup ? opts.config : false,
      include: opts.include,
      exclude: opts.exclude,
      report: opts.report,
      progress: Boolean(process.stderr.isTTY),
      // Without paths, a terminal is asked before the current folder is rewritten; a script gets an error.
      confirm: process.stdin.isTTY && process.stderr.isTTY ? ask : undefined,
      out: (text) => process.stdout.write(text),
      err: (text) => process.stderr.write(text),
    });
  });

try {
  await program.parseAsync(process.argv);
} catch (error) {
  if (error instanceof CommanderError) {
    process.exitCode = error.exitCode === 0 ? 0 : 2;
  } else if (error instanceof UsageError || error instanceof HotpathSettingsError) {
    process.stderr.write(`hotpath: ${error.message}\n`);
    process.exitCode = 2;
  } else {
    // A crash is not a finding: exit 2, as ESLint does, so that a CI job can tell the two apart.
    process.stderr.write(`hotpath: crashed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 2;
  }
}

async function ask(question: string): Promise<boolean> {
  const prompt = createInterface({ input: process.stdin, output: process.stderr });
  try {
    return /^y(es)?$/i.test((await prompt.question(question)).trim());
  } finally {
    prompt.close();
  }
}
