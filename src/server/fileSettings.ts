import type { DiagnosticCode } from '../core/types';
import { DECISIONS_FILE } from '../workspace/decisions';
import type { SeveritySetting } from '../workspace/severity';
import { parseSettings, type Settings } from './settings';

// The project's settings in the decisions file (byline.json: include, exclude, cueVerbs,
// numericTolerance, severity) laid over the editor's or the command line's: the file is what a
// newsroom commits, so the editor and CI read the same. Each bad value is named, with the file,
// and the value it would replace stands.

export function withFileSettings(base: Settings, file: Record<string, unknown>, fileName = DECISIONS_FILE): { settings: Settings; problems: string[] } {
  const keys = Object.keys(file);
  if (keys.length === 0) return { settings: base, problems: [] };
  const { settings: parsed, problems: raw } = parseSettings(file);
  // parseSettings names settings as the editor does (byline.cueVerbs); here they are the file's.
  const problems = raw.map((p) => p.replace(/byline\.(\w+)/g, `settings.$1 in ${fileName}`).replace(/using the default$|ignored$/, 'this value is not used'));
  const bad = (key: string) => raw.some((p) => p.includes(`byline.${key}`));
  const out: Settings = { ...base };
  if ('include' in file && !bad('include')) out.include = parsed.include;
  if ('exclude' in file && !bad('exclude')) out.exclude = parsed.exclude;
  // The file's globs apply under every folder, over the folders' own editor settings.
  if (out.include !== base.include || out.exclude !== base.exclude) {
    out.folderFilters = Object.fromEntries(Object.entries(base.folderFilters).map(([folder, f]) => [folder, { ...f, include: out.include, exclude: out.exclude }]));
  }
  if ('cueVerbs' in file && !bad('cueVerbs')) out.cueVerbs = parsed.cueVerbs;
  if ('numericTolerance' in file && !bad('numericTolerance')) out.numericTolerance = parsed.numericTolerance;
  const severity = file.severity;
  if (severity && typeof severity === 'object' && !Array.isArray(severity)) {
    // Only the codes the file sets, with a value that is one: the others keep the editor's severity.
    const given = Object.keys(severity).filter((code) => code in parsed.severities && !raw.some((p) => p.includes(`"${code}"`))) as DiagnosticCode[];
    out.severities = { ...base.severities, ...Object.fromEntries(given.map((c) => [c, parsed.severities[c] as SeveritySetting])) };
  }
  return { settings: out, problems };
}
