import type { DiagnosticCode, Severity } from '../core/types';

// How loudly each kind of finding is shown. Every quote is underlined at Information so
// it reads as an underline, not an error; a user can turn any code down or `off`.

export type SeveritySetting = Severity | 'off';

export const DIAGNOSTIC_CODES: readonly DiagnosticCode[] = [
  'quote',
  'reported-speech',
  'unattributed-quote',
  'unclosed-quote',
  'conflicting-claim',
  'updated-claim',
  'analysis-truncated',
];

export const DEFAULT_SEVERITIES: Readonly<Record<DiagnosticCode, SeveritySetting>> = {
  quote: 'information',
  'reported-speech': 'information',
  'unattributed-quote': 'hint',
  'unclosed-quote': 'warning',
  'conflicting-claim': 'warning',
  'updated-claim': 'information',
  'analysis-truncated': 'warning',
};

export type Severities = Readonly<Record<DiagnosticCode, SeveritySetting>>;

const SETTINGS: readonly SeveritySetting[] = ['error', 'warning', 'information', 'hint', 'off'];

/**
 * Reads a user's severity overrides. Unknown codes and values are reported, never silently
 * ignored; the defaults stand for them. `setting` is how the messages name the setting
 * (`byline.severity`).
 */
export function parseSeverities(raw: unknown, setting: string): { severities: Severities; problems: string[] } {
  const severities: Record<DiagnosticCode, SeveritySetting> = { ...DEFAULT_SEVERITIES };
  const problems: string[] = [];
  if (raw === undefined || raw === null) return { severities, problems };
  if (typeof raw !== 'object' || Array.isArray(raw)) {
    problems.push(`${setting} must be an object mapping a diagnostic code to one of ${SETTINGS.join(', ')}; got ${JSON.stringify(raw)}`);
    return { severities, problems };
  }
  for (const [code, value] of Object.entries(raw as Record<string, unknown>)) {
    if (!(DIAGNOSTIC_CODES as readonly string[]).includes(code)) {
      problems.push(`unknown diagnostic code "${code}" in ${setting} (known: ${DIAGNOSTIC_CODES.join(', ')})`);
      continue;
    }
    if (typeof value !== 'string' || !(SETTINGS as readonly string[]).includes(value)) {
      problems.push(`${setting}: the severity of "${code}" must be one of ${SETTINGS.join(', ')}; got ${JSON.stringify(value)}`);
      continue;
    }
    severities[code as DiagnosticCode] = value as SeveritySetting;
  }
  return { severities, problems };
}
