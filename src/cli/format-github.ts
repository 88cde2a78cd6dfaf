import type { Finding } from './findings.js';

/**
 * GitHub Actions workflow commands, one line per finding: the runner turns them into annotations on the
 * pull request's diff (`::error file=…,line=…,col=…,endLine=…,endColumn=…,title=…::message`).
 */
export function formatGithub(findings: Finding[]): string {
  return findings
    .map((f) => {
      const properties = [
        `file=${property(f.file)}`,
        `line=${f.line}`,
        `col=${f.column}`,
        `endLine=${f.endLine}`,
        `endColumn=${f.endColumn}`,
        `title=${property(f.rule ?? 'hotpath: parse error')}`,
      ];
      return `::${f.severity} ${properties.join(',')}::${data(f.message)}\n`;
    })
    .join('');
}

// The escapes the runner undoes: in messages `%`, CR and LF; in properties also `:` and `,`.
const data = (text: string) => text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const property = (text: string) => data(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
