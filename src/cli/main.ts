import { promises as fs } from 'node:fs';
import { parseArgs, USAGE, type CliOptions } from './args';
import { formatText } from './format/text';
import { formatSarif } from './format/sarif';
import { DEFAULT_INCLUDE, findFiles, readArticle, type Skipped } from '../node/files';
import { buildReport, type Report } from '../workspace/report';
import { DEFAULT_SEVERITIES } from '../workspace/severity';
import { Workspace } from '../workspace/workspace';
import type { Severity } from '../core/types';

// byline analyze <files or folders…>: the engine for CI pipelines and for people who live
// in a terminal. Findings go to stdout (or --output); problems with inputs go to stderr.

declare const BYLINE_VERSION: string;
const VERSION = typeof BYLINE_VERSION === 'string' ? BYLINE_VERSION : 'dev';

export const EXIT = { ok: 0, findings: 1, usage: 2, unreadable: 3 } as const;

const RANK: Record<Severity, number> = { hint: 0, information: 1, warning: 2, error: 3 };

export async function run(argv: readonly string[], out: NodeJS.WritableStream, err: NodeJS.WritableStream): Promise<number> {
  const parsed = parseArgs(argv);
  if ('error' in parsed) {
    err.write(`byline: ${parsed.error}\n`);
    return EXIT.usage;
  }
  if (parsed.command === 'help') {
    out.write(USAGE + '\n');
    return EXIT.ok;
  }
  if (parsed.command === 'version') {
    out.write(`byline ${VERSION}\n`);
    return EXIT.ok;
  }
  return analyze(parsed, out, err);
}

async function analyze(o: CliOptions, out: NodeJS.WritableStream, err: NodeJS.WritableStream): Promise<number> {
  const found = await findFiles(o.paths, { include: [...DEFAULT_INCLUDE, ...o.include], exclude: o.exclude });
  const skipped: Skipped[] = [...found.skipped];
  const workspace = new Workspace({ analysis: { cueVerbs: o.cueVerbs }, severities: { ...DEFAULT_SEVERITIES, ...o.severities } });
  for (const file of found.files) {
    const read = await readArticle(file, o.maxFileSize, '--max-file-size');
    if (!read.ok) {
      skipped.push({ path: file, reason: read.reason });
      continue;
    }
    if (read.note) err.write(`byline: ${file}: ${read.note}\n`);
    workspace.set(file, read.text);
  }
  for (const s of skipped) err.write(`byline: ${s.path}: ${s.reason}\n`);
  if (workspace.size === 0) {
    err.write(`byline: nothing to analyse (no .txt or .news files${o.include.length ? ' or files matching --include' : ''} were found and read)\n`);
    return EXIT.usage;
  }

  const report = buildReport(workspace, skipped);
  const text = o.format === 'json' ? JSON.stringify(report, null, 2) + '\n' : o.format === 'sarif' ? formatSarif(report, VERSION, process.cwd()) : formatText(report, o.quiet);
  if (o.output) await fs.writeFile(o.output, text);
  else out.write(text);
  return exitStatus(report, o, skipped.length);
}

function exitStatus(report: Report, o: CliOptions, skipped: number): number {
  if (o.failOn !== 'never') {
    const threshold = RANK[o.failOn];
    if (report.files.some((f) => f.diagnostics.some((d) => RANK[d.severity] >= threshold))) return EXIT.findings;
  }
  return skipped > 0 ? EXIT.unreadable : EXIT.ok;
}

if (require.main === module) {
  // `byline … | head` closes the pipe early: that is not an error.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw e;
  });
  run(process.argv.slice(2), process.stdout, process.stderr).then(
    (code) => {
      process.exitCode = code;
    },
    (e: unknown) => {
      process.stderr.write(`byline: internal error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
      process.exitCode = EXIT.usage;
    },
  );
}
