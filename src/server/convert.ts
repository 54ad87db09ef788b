import type { Diagnostic as LspDiagnostic, DiagnosticSeverity } from 'vscode-languageserver';
import type { Diagnostic, Severity } from '../core/types';
import type { WireRange } from '../shared/protocol';

// Between the engine's offsets and LSP's line/character positions. Both count UTF-16 code
// units, so a character is a string index within its line.

export type RangeOf = (uri: string, start: number, end: number) => WireRange | null;

const SEVERITY: Record<Severity, DiagnosticSeverity> = { error: 1, warning: 2, information: 3, hint: 4 };

/**
 * `docs`: where each code is documented (docs/diagnostics.md shipped with the server, see
 * src/node/docs.ts); the Problems panel shows the code as a link to it.
 */
export function toLspDiagnostic(uri: string, d: Diagnostic, rangeOf: RangeOf, docs: ((code: string) => string) | null = null): LspDiagnostic | null {
  const range = rangeOf(uri, d.start, d.end);
  if (!range) return null;
  const related = d.related.flatMap((r) => {
    const relatedRange = rangeOf(r.path, r.start, r.end);
    return relatedRange ? [{ location: { uri: r.path, range: relatedRange }, message: r.message }] : [];
  });
  return {
    range,
    severity: SEVERITY[d.severity],
    code: d.code,
    ...(docs ? { codeDescription: { href: docs(d.code) } } : {}),
    source: 'Byline',
    message: d.message,
    ...(related.length > 0 ? { relatedInformation: related } : {}),
  };
}
