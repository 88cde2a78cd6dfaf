#!/usr/bin/env node
import path from 'node:path';
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
import { parseConcurrency, parseShard } from './scan-options.js';
import { UsageError } from './usage-error.js';

// Scans of this many files or more show progress (on a terminal only).
const PROGRESS_FROM = 300;

interface ScanFlags {
  format: string;
  output?: string;
  types: boolean;
  rule?: string;
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
  .description('Run the recommended rules over a repository, without an ESLint config')
  .argument('[paths...]', 'files or folders to scan', ['.'])
  .addOption(new Option('-f, --format <format>', 'output format').choices(['pretty', 'json', 'sarif', 'github', 'html']).default('pretty'))
  .option('-o, --output <file>', 'write the report to a file instead of stdout')
  .option('--no-types', 'lint without type information even when a tsconfig.json is found')
  .option('--rule <name>', 'run only this rule')
  .option('--concurrency <n|auto|off>', "lint in ESLint's worker threads: a number, auto, or off", 'off')
  .option('--cache', "keep ESLint's result cache and lint only files that changed")
  .option('--cache-location <file>', 'where the cache lives', 'node_modules/.cache/eslint-plugin-hotpath/eslintcache')
  .option('--shard <i/n>', 'lint only part i of n of the files (for CI matrices)')
  .option('--exit-zero', 'exit 0 even when problems are found')
  .action(async (paths: string[], opts: ScanFlags) => {
    const cwd = process.cwd();
    const result = await scan({
      cwd,
      paths,
      types: opts.types,
      rule: opts.rule,
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
    const findings = findingsOf(result, cwd);
    const color = process.stdout.isTTY && !process.env.NO_COLOR && !opts.output;
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
    const failed = findings.some((f) => f.severity === 'error');
    process.exitCode = failed && !opts.exitZero ? 1 : 0;
  });

program
  .command('codemod')
  .description('Rewrite code with a codemod; --dry shows the diff first')
  .argument('[name]', 'codemod name, or the path of a jscodeshift / ts-morph transform file')
  .argument('[paths...]', 'files or folders to rewrite', [])
  .option('--list', 'list the codemods')
  .option('--dry', 'print a unified diff and write nothing')
  .option('--print', 'print the new sources')
  .option('--force', 'run even when the git tree has uncommitted changes')
  .option('--mark', 'leave a // hotpath-todo comment at each site the codemod cannot rewrite safely')
  .option('--strategy <name>', 'dataloader: `context` (per-request loaders, the default) or `inline` (one query per function)')
  .option('--include <glob...>', 'transform only files matching these globs (relative to the current folder)')
  .option('--exclude <glob...>', 'leave files matching these globs alone')
  .option('--report <file>', 'write a JSON summary per file (changed / unchanged / skipped with the reason / failed)')
  .action(async (name: string | undefined, paths: string[], opts: CodemodFlags) => {
    if (opts.list) {
      process.stdout.write(listCodemods());
      return;
    }
    if (!name) throw new UsageError('missing codemod name (see hotpath codemod --list)');
    process.exitCode = await codemodCommand(name, paths, {
      cwd: process.cwd(),
      dry: Boolean(opts.dry),
      print: Boolean(opts.print),
      force: Boolean(opts.force),
      mark: Boolean(opts.mark),
      options: opts.strategy ? { strategy: opts.strategy } : {},
      include: opts.include,
      exclude: opts.exclude,
      report: opts.report,
      progress: Boolean(process.stderr.isTTY),
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
