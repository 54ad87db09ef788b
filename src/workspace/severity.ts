import type { DiagnosticCode, Severity } from '../core/types';

// How loudly each kind of finding is shown; a user can turn any code up, down or `off`.
// A report (the CLI) lists every quote. An editor lists only what needs attention: a quote is
// not a problem, so there it is marked with semantic tokens and an inlay hint naming its
// speaker (src/server/semanticTokens.ts, inlayHints.ts), not with a diagnostic, unless the
// user sets a severity for it.

export type SeveritySetting = Severity | 'off';

export const DIAGNOSTIC_CODES: readonly DiagnosticCode[] = [
  'quote',
  'reported-speech',
  'unattributed-quote',
  'unclosed-quote',
  'conflicting-claim',
  'updated-claim',
  'analysis-truncated',
  'quote-differs',
  'quote-speaker-differs',
];

export const DEFAULT_SEVERITIES: Readonly<Record<DiagnosticCode, SeveritySetting>> = {
  quote: 'information',
  'reported-speech': 'information',
  'unattributed-quote': 'hint',
  'unclosed-quote': 'warning',
  'conflicting-claim': 'warning',
  'updated-claim': 'information',
  'analysis-truncated': 'warning',
  // Another outlet's wording is worth knowing, not a fault of this file; another speaker for the same words is.
  'quote-differs': 'information',
  'quote-speaker-differs': 'warning',
};

/** The editor's defaults: quotes and reported speech stay out of the Problems panel, F8 and the status counts. */
export const EDITOR_SEVERITIES: Readonly<Record<DiagnosticCode, SeveritySetting>> = {
  ...DEFAULT_SEVERITIES,
  quote: 'off',
  'reported-speech': 'off',
};

export type Severities = Readonly<Record<DiagnosticCode, SeveritySetting>>;

const SETTINGS: readonly SeveritySetting[] = ['error', 'warning', 'information', 'hint', 'off'];

/**
 * Reads a user's severity overrides. Unknown codes and values are reported, never silently
 * ignored; the defaults stand for them. `setting` is how the messages name the setting
 * (`byline.severity`).
 */
export function parseSeverities(raw: unknown, setting: string, defaults: Severities = DEFAULT_SEVERITIES): { severities: Severities; problems: string[] } {
  const severities: Record<DiagnosticCode, SeveritySetting> = { ...defaults };
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
