import { parseArgs as nodeParseArgs } from 'node:util';
import type { DiagnosticCode, Severity } from '../core/types';
import { DIAGNOSTIC_CODES, type SeveritySetting } from '../workspace/severity';
import { formatSize, globProblem, HARD_MAX_FILE_BYTES } from '../node/files';

// Command-line arguments. Every mistake gets a message that says what was expected;
// nothing is guessed.

export type Format = 'text' | 'json' | 'sarif';

export interface CliOptions {
  command: 'analyze' | 'help' | 'version';
  paths: string[];
  format: Format;
  output: string | null;
  include: string[];
  /** Added to the editor's default exclusions (DEFAULT_EXCLUDE), unless `defaultExcludes` is off. */
  exclude: string[];
  /** Leave out what the editor leaves out by default (README, LICENSE, node_modules, build, …). */
  defaultExcludes: boolean;
  /** Leave out what .gitignore files list. */
  gitignore: boolean;
  cueVerbs: string[];
  maxFileSize: number;
  failOn: Severity | 'never';
  severities: Partial<Record<DiagnosticCode, SeveritySetting>>;
  quiet: boolean;
  /** Follow symbolic links out of the folders given (-L, as ripgrep's). */
  follow: boolean;
}

/** A news article is tens of kilobytes; anything this large is a log or a dump, not an article. */
export const DEFAULT_MAX_FILE_SIZE = 5 * 1024 * 1024;

export const USAGE = `Usage: byline analyze [options] <file or folder>...

Finds the quotations in news articles, attributes them to their speakers, and flags
numeric claims that conflict between articles. Folders are searched for .txt and .news files,
leaving out what the editor leaves out: README, LICENSE, CHANGELOG and the like, tools' folders
(node_modules, .venv, build, dist, …) and what .gitignore files list. Files named are always read.

Options:
  -f, --format <text|json|sarif>  output format (default: text)
  -o, --output <file>             write the report to a file instead of standard output
      --include <glob>            in folders, also analyse files matching the glob (repeatable), e.g. "**/*.md"
      --exclude <glob>            also skip files matching the glob (repeatable), e.g. "**/drafts/**"
      --no-default-excludes       do not leave out README, LICENSE, node_modules, build, … (the
                                  editor's default byline.exclude)
      --no-gitignore              read files that .gitignore files list
      --cue-verb <verb>           count another verb as a speech cue (repeatable), e.g. --cue-verb opine
      --max-file-size <size>      skip files larger than this (default: 5MB; e.g. 500KB, 20MB; at most 100MB)
  -L, --follow                    follow symbolic links that lead out of the folders given
                                  (by default they are named on stderr and not followed)
      --severity <code>=<level>   set a finding's severity: error, warning, information, hint or off
                                  (codes: ${DIAGNOSTIC_CODES.join(', ')});
                                  SARIF leaves quote and reported-speech off unless set here
      --no-reported-speech        do not list reported speech (same as --severity reported-speech=off)
      --fail-on <level>           exit with status 1 if a finding is at this severity or above
                                  (error, warning, information, hint; default: never)
  -q, --quiet                     text format: print only the summary
  -h, --help                      show this help
  -v, --version                   show the version

Exit status: 0 all inputs analysed; 1 a finding at or above --fail-on; 2 usage error or
nothing could be analysed; 3 some inputs could not be read (each is named on stderr).`;

const SEVERITY_LEVELS: readonly SeveritySetting[] = ['error', 'warning', 'information', 'hint', 'off'];

/** The options, for Node's parser: it splits `-fjson`, `--format=json`, `-qL` and a `--` before file names. */
const OPTIONS = {
  format: { type: 'string', short: 'f' },
  output: { type: 'string', short: 'o' },
  include: { type: 'string' },
  exclude: { type: 'string' },
  'no-default-excludes': { type: 'boolean' },
  'no-gitignore': { type: 'boolean' },
  'cue-verb': { type: 'string' },
  'max-file-size': { type: 'string' },
  follow: { type: 'boolean', short: 'L' },
  severity: { type: 'string' },
  'no-reported-speech': { type: 'boolean' },
  'fail-on': { type: 'string' },
  quiet: { type: 'boolean', short: 'q' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' },
} as const;

type OptionName = keyof typeof OPTIONS;

export function parseArgs(argv: readonly string[]): CliOptions | { error: string } {
  const o: CliOptions = {
    command: 'analyze',
    paths: [],
    format: 'text',
    output: null,
    include: [],
    exclude: [],
    defaultExcludes: true,
    gitignore: true,
    cueVerbs: [],
    maxFileSize: DEFAULT_MAX_FILE_SIZE,
    failOn: 'never',
    severities: {},
    quiet: false,
    follow: false,
  };
  const first = argv[0];
  if (first === undefined || first === 'help' || first === '-h' || first === '--help') return { ...o, command: 'help' };
  if (first === '-v' || first === '--version') return { ...o, command: 'version' };
  if (first !== 'analyze') return { error: `unknown command "${first}"; the command is "analyze" (see byline --help)` };

  // Not strict: each mistake is reported here, in words that say what was expected.
  const { tokens } = nodeParseArgs({ args: argv.slice(1), options: OPTIONS, allowPositionals: true, strict: false, tokens: true });
  try {
    for (const token of tokens) {
      if (token.kind === 'positional') o.paths.push(token.value);
      else if (token.kind === 'option') {
        if (!(token.name in OPTIONS)) throw new UsageError(`unknown option ${token.rawName} (see byline --help; a file name that starts with "-" goes after "--")`);
        const name = token.name as OptionName;
        const flag = token.rawName;
        if (OPTIONS[name].type === 'boolean' && token.value !== undefined) throw new UsageError(`${flag} takes no value; got "${token.value}"`);
        if (OPTIONS[name].type === 'string' && token.value === undefined) throw new UsageError(`${flag} needs a value`);
        if (name === 'help') return { ...o, command: 'help' };
        if (name === 'version') return { ...o, command: 'version' };
        apply(o, name, token.value ?? '');
      }
    }
  } catch (e) {
    if (e instanceof UsageError) return { error: e.message };
    throw e;
  }
  if (o.paths.length === 0) return { error: 'no files or folders given; e.g. byline analyze ./articles' };
  return o;
}

/** Applies one option with its value ('' for a flag that takes none). */
function apply(o: CliOptions, name: Exclude<OptionName, 'help' | 'version'>, value: string): void {
  switch (name) {
    case 'format':
      if (value !== 'text' && value !== 'json' && value !== 'sarif') throw new UsageError(`--format must be text, json or sarif; got "${value}"`);
      o.format = value;
      break;
    case 'output':
      o.output = value;
      break;
    case 'include':
    case 'exclude': {
      const problem = globProblem(value);
      if (problem) throw new UsageError(`--${name}: ${problem}`);
      (name === 'include' ? o.include : o.exclude).push(value);
      break;
    }
    case 'no-default-excludes':
      o.defaultExcludes = false;
      break;
    case 'no-gitignore':
      o.gitignore = false;
      break;
    case 'cue-verb': {
      const v = value.trim();
      if (!/^[a-z][a-z' -]*$/i.test(v)) throw new UsageError(`--cue-verb takes a verb such as "opine" or "point out"; got "${v}"`);
      o.cueVerbs.push(v.toLowerCase());
      break;
    }
    case 'max-file-size':
      o.maxFileSize = parseSize(value);
      break;
    case 'severity': {
      const [code, level] = value.split('=');
      if (!(DIAGNOSTIC_CODES as readonly string[]).includes(code)) throw new UsageError(`--severity: unknown code "${code}" (codes: ${DIAGNOSTIC_CODES.join(', ')})`);
      if (!(SEVERITY_LEVELS as readonly string[]).includes(level)) throw new UsageError(`--severity ${code}= must be one of ${SEVERITY_LEVELS.join(', ')}; got "${level ?? ''}"`);
      o.severities[code as DiagnosticCode] = level as SeveritySetting;
      break;
    }
    case 'no-reported-speech':
      o.severities['reported-speech'] = 'off';
      break;
    case 'fail-on':
      if (!['error', 'warning', 'information', 'hint', 'never'].includes(value)) throw new UsageError(`--fail-on must be error, warning, information, hint or never; got "${value}"`);
      o.failOn = value as CliOptions['failOn'];
      break;
    case 'follow':
      o.follow = true;
      break;
    case 'quiet':
      o.quiet = true;
      break;
  }
}

class UsageError extends Error {}

const SIZE_UNITS: Record<string, number> = { '': 1, b: 1, kb: 1024, k: 1024, mb: 1024 ** 2, m: 1024 ** 2, gb: 1024 ** 3, g: 1024 ** 3 };

export function parseSize(text: string): number {
  const m = /^\s*(\d+(?:\.\d+)?)\s*([a-z]*)\s*$/i.exec(text);
  const unit = m ? SIZE_UNITS[m[2].toLowerCase()] : undefined;
  if (!m || unit === undefined) throw new UsageError(`--max-file-size takes a size such as 500KB or 20MB; got "${text}"`);
  const size = Math.round(Number(m[1]) * unit);
  if (size > HARD_MAX_FILE_BYTES) throw new UsageError(`--max-file-size may be at most ${formatSize(HARD_MAX_FILE_BYTES).replace(' ', '')}: Byline reads no larger file; got "${text}"`);
  return size;
}
