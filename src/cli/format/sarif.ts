import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Severity } from '../../core/types';
import type { Report } from '../../workspace/report';
import { DIAGNOSTIC_CODES, EDITOR_SEVERITIES } from '../../workspace/severity';
import { RULE_DESCRIPTIONS } from '../../workspace/rules';

// SARIF 2.1.0, for code-scanning tools (GitHub code scanning, Azure DevOps, IDE viewers).
// Columns are UTF-16 code units, as in JavaScript strings and in the JSON report.

const LEVEL: Record<Severity, string> = { error: 'error', warning: 'warning', information: 'note', hint: 'note' };

/**
 * A SARIF report's defaults are the editor's: a quote is not a code-scanning alert, so quotes
 * and reported speech are left out unless `--severity` sets them.
 */
export const SARIF_SEVERITIES = EDITOR_SEVERITIES;

/**
 * `docs`: a link for each code to where it is documented (src/node/docs.ts), for the rules'
 * helpUri; `severities`: those the run used, for the rules' default level.
 */
export function formatSarif(report: Report, version: string, cwd: string, docs: ((code: string) => string) | null = null, severities: Readonly<Record<string, string>> = SARIF_SEVERITIES): string {
  // A file under the working folder is a relative reference against %SRCROOT%, each segment
  // percent-encoded (RFC 3986: "50% of #1.txt" is "50%25%20of%20%231.txt", not a path with a
  // fragment); any other is an absolute file URI, without a base.
  const location = (p: string): { uri: string; uriBaseId?: string } => {
    const relative = path.relative(cwd, path.resolve(cwd, p));
    if (relative.startsWith('..') || path.isAbsolute(relative)) return { uri: pathToFileURL(path.resolve(cwd, p)).href };
    // encodeURIComponent leaves unreserved characters and !'()*, which a segment may hold.
    return { uri: relative.split(path.sep).map(encodeURIComponent).join('/'), uriBaseId: '%SRCROOT%' };
  };
  const results = report.files.flatMap((f) =>
    f.diagnostics.map((d) => ({
      ruleId: d.code,
      level: LEVEL[d.severity],
      message: { text: d.message },
      locations: [{ physicalLocation: { artifactLocation: location(f.path), region: { startLine: d.line, startColumn: d.column, charOffset: d.start, charLength: d.end - d.start } } }],
      relatedLocations: d.related.map((r, i) => ({
        id: i + 1,
        message: { text: r.message },
        physicalLocation: { artifactLocation: location(r.path), region: { charOffset: r.start, charLength: r.end - r.start } },
      })),
    })),
  );
  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'Byline',
            version,
            rules: DIAGNOSTIC_CODES.map((code) => ({
              id: code,
              shortDescription: { text: RULE_DESCRIPTIONS[code] },
              help: { text: `${RULE_DESCRIPTIONS[code]} See docs/diagnostics.md in Byline's package (${code}).` },
              ...(docs ? { helpUri: docs(code) } : {}),
              defaultConfiguration: severities[code] === 'off' ? { enabled: false, level: 'none' } : { level: LEVEL[severities[code] as Severity] },
            })),
          },
        },
        columnKind: 'utf16CodeUnits',
        originalUriBaseIds: { '%SRCROOT%': { uri: pathToFileURL(cwd + path.sep).href } },
        artifacts: report.files.map((f) => ({ location: location(f.path) })),
        results,
        invocations: [
          {
            executionSuccessful: true,
            toolExecutionNotifications: report.skipped.map((s) => ({ level: 'warning', message: { text: `${s.path}: ${s.reason}` } })),
          },
        ],
      },
    ],
  };
  return JSON.stringify(sarif, null, 2) + '\n';
}
