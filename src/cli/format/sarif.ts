import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Severity } from '../../core/types';
import type { Report } from '../../workspace/report';
import { DEFAULT_SEVERITIES, DIAGNOSTIC_CODES } from '../../workspace/severity';
import { RULE_DESCRIPTIONS } from '../../workspace/rules';

// SARIF 2.1.0, for code-scanning tools (GitHub code scanning, Azure DevOps, IDE viewers).
// Columns are UTF-16 code units, as in JavaScript strings and in the JSON report.

const LEVEL: Record<Severity, string> = { error: 'error', warning: 'warning', information: 'note', hint: 'note' };

export function formatSarif(report: Report, version: string, cwd: string): string {
  const uri = (p: string) => {
    const relative = path.relative(cwd, path.resolve(cwd, p));
    return relative.startsWith('..') || path.isAbsolute(relative) ? pathToFileURL(path.resolve(cwd, p)).href : relative.split(path.sep).join('/');
  };
  const results = report.files.flatMap((f) =>
    f.diagnostics.map((d) => ({
      ruleId: d.code,
      level: LEVEL[d.severity],
      message: { text: d.message },
      locations: [{ physicalLocation: { artifactLocation: { uri: uri(f.path), uriBaseId: '%SRCROOT%' }, region: { startLine: d.line, startColumn: d.column, charOffset: d.start, charLength: d.end - d.start } } }],
      relatedLocations: d.related.map((r, i) => ({
        id: i + 1,
        message: { text: r.message },
        physicalLocation: { artifactLocation: { uri: uri(r.path), uriBaseId: '%SRCROOT%' }, region: { charOffset: r.start, charLength: r.end - r.start } },
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
              help: { text: `${RULE_DESCRIPTIONS[code]} See "Diagnostics" in Byline's README (${code}).` },
              defaultConfiguration: { level: DEFAULT_SEVERITIES[code] === 'off' ? 'none' : LEVEL[DEFAULT_SEVERITIES[code] as Severity] },
            })),
          },
        },
        columnKind: 'utf16CodeUnits',
        originalUriBaseIds: { '%SRCROOT%': { uri: pathToFileURL(cwd + path.sep).href } },
        artifacts: report.files.map((f) => ({ location: { uri: uri(f.path), uriBaseId: '%SRCROOT%' } })),
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
