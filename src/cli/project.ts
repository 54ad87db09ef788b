import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { DEFAULT_SETTINGS, type Settings } from '../server/settings';
import { withFileSettings } from '../server/fileSettings';
import { Decisions, DECISIONS_FILE, parseDecisions } from '../workspace/decisions';
import { DEFAULT_SEVERITIES } from '../workspace/severity';

// The project's decisions file (byline.json in the folder `byline analyze` runs in, as the
// editor reads it at the top of a workspace folder): the reader's corrections, and the settings
// a newsroom commits so that CI reports what the editor shows. Options on the command line add
// to the file's settings.

export interface Project {
  /** The file, when there is one. */
  file: string | null;
  decisions: Decisions | null;
  /** The file's settings over the command line's defaults. */
  settings: Settings;
  problems: string[];
}

/** The command line's defaults, before the file's settings: every finding in the report, and the editor's exclusions. */
const CLI_DEFAULTS: Settings = { ...DEFAULT_SETTINGS, severities: DEFAULT_SEVERITIES };

export async function readProject(folder: string): Promise<Project> {
  const file = path.join(folder, DECISIONS_FILE);
  let text: string;
  try {
    text = await fs.readFile(file, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { file: null, decisions: null, settings: CLI_DEFAULTS, problems: [] };
    return { file, decisions: null, settings: CLI_DEFAULTS, problems: [`${file}: cannot be read (${code ?? String(e)}); its decisions and settings do not apply`] };
  }
  const read = parseDecisions(text);
  const { settings, problems } = withFileSettings(CLI_DEFAULTS, read.settings, file);
  const decisions = read.decisions.length > 0 ? new Decisions([{ root: folder, file: read }], (p) => path.resolve(folder, p)) : null;
  return { file, decisions, settings, problems: [...read.problems.map((p) => `${file}: ${p.message.replace(/^byline\.json: /, '')}`), ...problems] };
}
