#!/usr/bin/env node
import { Command, CommanderError, Option } from 'commander';
import plugin from '../index.js';
import { HotpathSettingsError } from '../settings.js';
import { codemodCommand, listCodemods } from './codemod-command.js';
import { findingsOf } from './findings.js';
import { formatJson } from './format-json.js';
import { formatPretty } from './format-pretty.js';
import { formatSarif } from './format-sarif.js';
import { scan } from './scan.js';
import { UsageError } from './usage-error.js';

// Scans of this many files or more show progress (on a terminal only).
const PROGRESS_FROM = 300;

const program = new Command('hotpath')
  .description('Find and fix the performance mistakes of tRPC + Drizzle + Redis + Next.js code.')
  .version(plugin.meta.version)
  .exitOverride()
  .configureOutput({ outputError: (text, write) => write(text.split('\n')[0]!.replace(/^error: /, 'hotpath: ') + '\n') });

program
  .command('scan')
  .description('Run the recommended rules over a repository, without an ESLint config')
  .argument('[paths...]', 'files or folders to scan', ['.'])
  .addOption(new Option('-f, --format <format>', 'output format').choices(['pretty', 'json', 'sarif']).default('pretty'))
  .option('--no-types', 'lint without type information even when a tsconfig.json is found')
  .option('--rule <name>', 'run only this rule')
  .option('--exit-zero', 'exit 0 even when problems are found')
  .action(async (paths: string[], opts: { format: string; types: boolean; rule?: string; exitZero?: boolean }) => {
    const cwd = process.cwd();
    const result = await scan({
      cwd,
      paths,
      types: opts.types,
      rule: opts.rule,
      onProgress(done, total) {
        if (total < PROGRESS_FROM || !process.stderr.isTTY) return;
        // One line that rewrites itself. (A spinner library measured the terminal's width to clear its
        // lines and flooded a pseudo-terminal that reported a width of 0.)
        process.stderr.write(done < total ? `\r\u001b[2Klinting ${done}/${total} files` : '\r\u001b[2K');
      },
    });
    const findings = findingsOf(result, cwd);
    const color = process.stdout.isTTY && !process.env.NO_COLOR;
    const text =
      opts.format === 'json'
        ? formatJson(result, findings)
        : opts.format === 'sarif'
          ? formatSarif(result, findings, cwd)
          : formatPretty(result, findings, cwd, Boolean(color));
    process.stdout.write(text);
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
  .action(async (name: string | undefined, paths: string[], opts: { list?: boolean; dry?: boolean; print?: boolean; force?: boolean; mark?: boolean; strategy?: string }) => {
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
    throw error;
  }
}
