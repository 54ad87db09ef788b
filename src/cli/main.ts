import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { printable } from './format/printable';
import { parseArgs, USAGE, type CliOptions } from './args';
import { formatText } from './format/text';
import { formatSarif, SARIF_SEVERITIES } from './format/sarif';
import { codeLinks, shippedDocs } from '../node/docs';
import { DEFAULT_EXCLUDE, findFiles, type Skipped } from '../node/files';
import { readFiles } from './pooled';
import { buildReport, type Report } from '../workspace/report';
import { readProject } from './project';
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
  // Where the report goes is checked before the analysis, not found wrong after it.
  const output = o.output === null ? null : await checkOutput(o.output);
  if (output !== null && 'problem' in output) {
    err.write(`byline: ${printable(output.problem)}\n`);
    return EXIT.usage;
  }
  // byline.json in this folder: the reader's decisions, and the project's settings, which the options add to.
  const project = await readProject(process.cwd());
  for (const p of project.problems) err.write(`byline: ${printable(p)}\n`);
  const s = project.settings;
  // The editor's defaults (src/node/files.ts) under the file's: CI checks the files the editor checks.
  const exclude = o.defaultExcludes ? s.exclude : s.exclude.filter((g) => !DEFAULT_EXCLUDE.includes(g));
  const filter = { include: [...s.include, ...o.include], exclude: [...exclude, ...o.exclude], gitignore: o.gitignore && s.gitignore };
  const found = await findFiles(o.paths, filter, { confine: !o.follow, outsideReason: OUTSIDE_GIVEN });
  const skipped: Skipped[] = [...found.skipped];
  const cueVerbs = [...new Set([...s.cueVerbs, ...o.cueVerbs])];
  // In SARIF a quote is no alert: quotes and reported speech are off unless the file or an option sets them.
  const base = o.format === 'sarif' ? { ...s.severities, ...Object.fromEntries((['quote', 'reported-speech'] as const).filter((c) => s.severities[c] === DEFAULT_SEVERITIES[c]).map((c) => [c, SARIF_SEVERITIES[c]])) } : s.severities;
  const severities = { ...base, ...o.severities };
  const workspace = new Workspace({ analysis: { cueVerbs }, severities, numericTolerance: s.numericTolerance });
  workspace.setDecisions(project.decisions);
  for await (const read of readFiles(found.files, { analysis: { cueVerbs }, maxFileSize: o.maxFileSize, sizeSetting: '--max-file-size' })) {
    if ('reason' in read) {
      skipped.push({ path: read.file, reason: read.reason });
      continue;
    }
    if (read.note) err.write(`byline: ${printable(read.file)}: ${read.note}\n`);
    workspace.setMany([read.document]);
  }
  for (const s of skipped) err.write(`byline: ${printable(s.path)}: ${s.reason}\n`);
  for (const s of workspace.staleDecisions()) err.write(`byline: ${printable(project.file ?? '')}: ${printable(s.message)}\n`);
  if (workspace.size === 0) {
    err.write(`byline: nothing to analyse (no .txt or .news files${o.include.length ? ' or files matching --include' : ''} were found and read)\n`);
    return EXIT.usage;
  }

  const report = buildReport(workspace, skipped);
  const text = o.format === 'json' ? JSON.stringify(report, null, 2) + '\n' : o.format === 'sarif' ? formatSarif(report, VERSION, process.cwd(), codeLinks(shippedDocs(__dirname)), severities) : formatText(report, o.quiet);
  if (output) {
    const problem = await writeReport(output.file, text);
    if (problem) {
      err.write(`byline: ${printable(problem)}\n`);
      return EXIT.usage;
    }
  } else out.write(text);
  return exitStatus(report, o, skipped.length);
}

/** Why a link out of a folder given on the command line is not followed. */
const OUTSIDE_GIVEN = 'symbolic link to a place outside the folder given; not followed (-L/--follow follows it)';

/**
 * Where `-o` may write: its folder must exist, and it may not be a folder or a symbolic link
 * (a link planted where the report goes would have it written elsewhere).
 */
async function checkOutput(file: string): Promise<{ file: string } | { problem: string }> {
  const folder = path.dirname(path.resolve(file));
  try {
    if (!(await fs.stat(folder)).isDirectory()) return { problem: `cannot write the report to ${file}: ${folder} is not a folder` };
  } catch {
    return { problem: `cannot write the report to ${file}: the folder ${folder} does not exist` };
  }
  try {
    const stat = await fs.lstat(file);
    if (stat.isSymbolicLink()) return { problem: `will not write the report to ${file}: it is a symbolic link (remove it, or give the file it leads to)` };
    if (!stat.isFile()) return { problem: `cannot write the report to ${file}: it is ${stat.isDirectory() ? 'a folder' : 'not a regular file'}` };
  } catch {
    // No such file yet: it is created.
  }
  return { file };
}

/**
 * Writes the report to a new file beside `file` and renames it over `file`: a reader never
 * sees half a report, and a link put where the report goes meanwhile is replaced, not written
 * through. Returns what went wrong, or null.
 */
async function writeReport(file: string, text: string): Promise<string | null> {
  const temporary = path.join(path.dirname(path.resolve(file)), `.${path.basename(file)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    // 'wx': created here, never opened through something already there.
    await fs.writeFile(temporary, text, { flag: 'wx' });
    await fs.rename(temporary, file);
    return null;
  } catch (e) {
    await fs.rm(temporary, { force: true }).catch(() => undefined);
    return `cannot write the report to ${file}: ${e instanceof Error ? e.message : String(e)}`;
  }
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
