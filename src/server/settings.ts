import type { DiagnosticCode } from '../core/types';
import { DEFAULT_SEVERITIES, EDITOR_SEVERITIES, parseSeverities, type Severities } from '../workspace/severity';
import { DEFAULT_EXCLUDE, DEFAULT_INCLUDE, type FileFilter, formatSize, globProblem, HARD_MAX_FILE_BYTES } from '../node/files';

// The byline.* settings, read and checked. A bad value never fails silently: it is named in
// a message, and its default is used instead.

export interface Settings {
  include: string[];
  /** What is left out: the defaults (unless byline.useDefaultExcludes is off) and byline.exclude. */
  exclude: string[];
  /** Leave out what .gitignore files list (byline.useGitignore). */
  gitignore: boolean;
  /**
   * Each workspace folder's own include, exclude and useGitignore (settings of `resource`
   * scope: a multi-root workspace may give each folder its own), by the folder's path. A
   * folder not listed uses the values above.
   */
  folderFilters: Record<string, FileFilter>;
  severities: Severities;
  cueVerbs: string[];
  /** Extra relative slack when comparing figures (0.05 = 5%), on top of hedges and rounding. */
  numericTolerance: number;
  maxFileSize: number;
  /** Mark reported speech (Milley said that …) as well as quotations in marks. */
  reportedSpeech: boolean;
}

// The editor's defaults are the CLI's (src/node/files.ts), so that CI checks what the editor checks.
export { DEFAULT_EXCLUDE, DEFAULT_INCLUDE };
export const DEFAULT_MAX_FILE_SIZE_KB = 5 * 1024;
/** byline.maxFileSizeKB's ceiling: the size no file is read over whatever the settings (HARD_MAX_FILE_BYTES). */
export const MAX_FILE_SIZE_KB_CEILING = HARD_MAX_FILE_BYTES / 1024;
/**
 * Verbs byline.cueVerbs may add: each is conjugated and checked against every word of every
 * file (30,000 of them made indexing three files take 33 s). Far more than any newsroom's list.
 */
export const MAX_CUE_VERBS = 200;
const MAX_CUE_VERB_LENGTH = 40;
/** Globs byline.include or byline.exclude may hold: each is matched against every path of a scan. */
export const MAX_GLOBS = 200;
export const DEFAULT_TOLERANCE = 0;

export const DEFAULT_SETTINGS: Settings = {
  include: DEFAULT_INCLUDE,
  exclude: DEFAULT_EXCLUDE,
  gitignore: true,
  folderFilters: {},
  // A session's severities until the client's settings are read; `parseSettings` starts from the
  // editor's (EDITOR_SEVERITIES), which leave quotes to the semantic tokens.
  severities: DEFAULT_SEVERITIES,
  cueVerbs: [],
  numericTolerance: DEFAULT_TOLERANCE,
  maxFileSize: DEFAULT_MAX_FILE_SIZE_KB * 1024,
  reportedSpeech: true,
};

export function parseSettings(raw: unknown): { settings: Settings; problems: string[] } {
  const problems: string[] = [];
  const r = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  const globs = (name: string, fallback: string[]): string[] => {
    // byline.exclude adds to the default exclusions: a bad one is dropped, and they still apply.
    const instead = name === 'exclude' ? 'ignored (the default exclusions still apply)' : 'using the default';
    const v = r[name];
    if (v === undefined || v === null) return fallback;
    if (!Array.isArray(v) || v.some((g) => typeof g !== 'string' || g.trim() === '')) {
      problems.push(`byline.${name} must be a list of glob patterns such as "**/*.txt"; ${instead}`);
      return fallback;
    }
    if (v.length > MAX_GLOBS) {
      problems.push(`byline.${name} holds ${v.length} glob patterns, more than the ${MAX_GLOBS} it may have; ${instead}`);
      return fallback;
    }
    const bad = v.map((g: string) => globProblem(g)).find((p) => p !== null);
    if (bad) {
      problems.push(`byline.${name}: ${bad}; ${instead}`);
      return fallback;
    }
    return v as string[];
  };
  const { severities, problems: severityProblems } = parseSeverities(r.severity, 'byline.severity', EDITOR_SEVERITIES);
  problems.push(...severityProblems);
  const s: Record<DiagnosticCode, Severities[DiagnosticCode]> = { ...severities };
  if (r.underlineReportedSpeech === false) s['reported-speech'] = 'off';
  else if (r.underlineReportedSpeech !== undefined && typeof r.underlineReportedSpeech !== 'boolean') problems.push('byline.underlineReportedSpeech must be true or false');

  let cueVerbs: string[] = [];
  if (r.cueVerbs !== undefined) {
    if (!Array.isArray(r.cueVerbs) || !r.cueVerbs.every((v) => typeof v === 'string' && v.trim().length <= MAX_CUE_VERB_LENGTH && /^[a-z][a-z' -]*$/i.test(v.trim()))) {
      problems.push(`byline.cueVerbs must be a list of verbs such as "opine" or "point out", each under ${MAX_CUE_VERB_LENGTH} letters; ignored`);
    } else if (r.cueVerbs.length > MAX_CUE_VERBS) {
      problems.push(`byline.cueVerbs holds ${r.cueVerbs.length} verbs, more than the ${MAX_CUE_VERBS} it may have; ignored`);
    } else cueVerbs = r.cueVerbs.map((v: string) => v.trim().toLowerCase());
  }

  let numericTolerance = DEFAULT_TOLERANCE;
  if (r.numericTolerance !== undefined) {
    if (typeof r.numericTolerance === 'number' && r.numericTolerance >= 0 && r.numericTolerance <= 1) numericTolerance = r.numericTolerance;
    else problems.push(`byline.numericTolerance must be a number from 0 to 1 (0.05 = 5%); got ${JSON.stringify(r.numericTolerance)}, using ${DEFAULT_TOLERANCE}`);
  }

  let maxFileSize = DEFAULT_SETTINGS.maxFileSize;
  if (r.maxFileSizeKB !== undefined) {
    if (typeof r.maxFileSizeKB === 'number' && r.maxFileSizeKB > 0 && r.maxFileSizeKB <= MAX_FILE_SIZE_KB_CEILING) maxFileSize = Math.round(r.maxFileSizeKB * 1024);
    else if (typeof r.maxFileSizeKB === 'number' && r.maxFileSizeKB > MAX_FILE_SIZE_KB_CEILING) {
      // 1e308 meant "no limit"; the ceiling is what the reader enforces anyway (files.ts).
      maxFileSize = MAX_FILE_SIZE_KB_CEILING * 1024;
      problems.push(`byline.maxFileSizeKB may be at most ${MAX_FILE_SIZE_KB_CEILING} (${formatSize(HARD_MAX_FILE_BYTES)}); got ${JSON.stringify(r.maxFileSizeKB)}, using ${MAX_FILE_SIZE_KB_CEILING}`);
    } else problems.push(`byline.maxFileSizeKB must be a positive number of kilobytes, at most ${MAX_FILE_SIZE_KB_CEILING}; got ${JSON.stringify(r.maxFileSizeKB)}, using ${DEFAULT_MAX_FILE_SIZE_KB}`);
  }

  const flag = (name: string): boolean => {
    const v = r[name];
    if (v === undefined || v === null || typeof v === 'boolean') return v !== false;
    problems.push(`byline.${name} must be true or false; got ${JSON.stringify(v)}, using true`);
    return true;
  };
  // byline.exclude adds to the defaults: setting it once no longer drops all 25 of them.
  const exclude = [...new Set([...(flag('useDefaultExcludes') ? DEFAULT_EXCLUDE : []), ...globs('exclude', [])])];

  return {
    settings: { include: globs('include', DEFAULT_INCLUDE), exclude, gitignore: flag('useGitignore'), folderFilters: {}, severities: s, cueVerbs, numericTolerance, maxFileSize, reportedSpeech: r.underlineReportedSpeech !== false },
    problems,
  };
}

/**
 * Adds each workspace folder's include/exclude/useGitignore, read with the folder as scope.
 * A problem in a folder's value is named with the folder, once: the ones the window's value
 * shares are already reported.
 */
export function withFolderSettings(settings: Settings, problems: readonly string[], folders: ReadonlyArray<{ path: string; name: string; raw: unknown }>): { settings: Settings; problems: string[] } {
  const all = [...problems];
  const folderFilters: Record<string, FileFilter> = {};
  for (const folder of folders) {
    const parsed = parseSettings(folder.raw);
    folderFilters[folder.path] = { include: parsed.settings.include, exclude: parsed.settings.exclude, gitignore: parsed.settings.gitignore };
    for (const p of parsed.problems) if (!problems.includes(p)) all.push(`in the folder ${folder.name}, ${p}`);
  }
  return { settings: { ...settings, folderFilters }, problems: [...new Set(all)] };
}

/** The include/exclude/useGitignore that apply under the workspace folder at `folder` (null: a file outside every folder). */
export function filterOf(settings: Settings, folder: string | null): FileFilter {
  return (folder !== null ? settings.folderFilters[folder] : undefined) ?? settings;
}
