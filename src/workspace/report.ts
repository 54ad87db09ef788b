import { LineIndex } from '../core/text/lineIndex';
import type { Diagnostic, QuoteKind, RelatedLocation, Severity, SpeakerKind, TextSpan } from '../core/types';
import type { Claim } from '../core/claims';
import type { Conflict, RelatedClaim } from './claimIndex';
import type { SpeakerRole } from './speakerIndex';
import type { Workspace } from './workspace';
import { quoteVariants, relatedQuotes, type QuoteVariantReport, type RelatedQuoteReport } from './quotes/report';

// The JSON report (version 1), shared by the CLI's --format json and anything that wants
// Byline's findings as data. The shape is documented in the README and kept stable: fields
// may be added, none renamed or removed without a new version.

export const REPORT_VERSION = 1;

export interface QuoteReport {
  start: number;
  end: number;
  kind: QuoteKind;
  text: string;
  speaker: null | { id: string; name: string; mention: TextSpan | null; cue: TextSpan | null };
  /** The same remark quoted in other files (quotes/report.ts). */
  related: RelatedQuoteReport[];
}

export interface DiagnosticReport {
  start: number;
  end: number;
  /** 1-based. */
  line: number;
  /** 1-based, in UTF-16 code units. */
  column: number;
  severity: Severity;
  code: string;
  message: string;
  related: RelatedLocation[];
}

export interface ClaimReport extends Claim {
  related: RelatedClaim[];
}

export interface FileReport {
  path: string;
  quotes: QuoteReport[];
  claims: ClaimReport[];
  diagnostics: DiagnosticReport[];
}

export interface SpeakerReport {
  id: string;
  name: string;
  kind: SpeakerKind;
  aliases: string[];
  roles: SpeakerRole[];
  quoteCount: number;
  files: string[];
}

export interface SkippedFile {
  path: string;
  reason: string;
}

export interface Report {
  version: typeof REPORT_VERSION;
  files: FileReport[];
  speakers: SpeakerReport[];
  conflicts: Conflict[];
  /** Each pair of versions of a quote that differ, in words or in speaker, once. */
  quoteVariants: QuoteVariantReport[];
  skipped: SkippedFile[];
}

export function buildReport(workspace: Workspace, skipped: readonly SkippedFile[] = []): Report {
  const files = workspace.paths().map((path) => fileReport(workspace, path));
  const speakers = workspace.speakers.all().map((s) => ({
    id: s.id,
    name: s.name,
    kind: s.kind,
    aliases: s.aliases,
    roles: s.roles,
    quoteCount: s.quoteCount,
    files: s.files,
  }));
  return {
    version: REPORT_VERSION,
    files,
    speakers,
    conflicts: workspace.conflicts(),
    quoteVariants: quoteVariants(workspace.quoteVariants, workspace.speakers),
    skipped: [...skipped],
  };
}

function fileReport(workspace: Workspace, path: string): FileReport {
  const doc = workspace.get(path);
  if (!doc) return { path, quotes: [], claims: [], diagnostics: [] };
  const lines = new LineIndex(doc.text);
  const quotes = doc.analysis.quotes.map((q): QuoteReport => {
    const a = q.attribution;
    const speaker = a ? workspace.speakers.speakerOf(path, a.speakerKey) : null;
    return {
      start: q.start,
      end: q.end,
      kind: q.kind,
      text: q.text,
      speaker: a && speaker ? { id: speaker.id, name: speaker.name, mention: a.mention, cue: a.cue } : null,
      related: relatedQuotes(workspace.quoteVariants, workspace.speakers, path, q.start, q.end, a?.speakerKey ?? null),
    };
  });
  const links = workspace.claims.linksOf(path);
  const claims = doc.analysis.claims.map((c, i) => ({ ...c, related: links[i] ?? [] }));
  return { path, quotes, claims, diagnostics: workspace.diagnostics(path).map((d) => diagnosticReport(lines, d)) };
}

export function diagnosticReport(lines: LineIndex, d: Diagnostic): DiagnosticReport {
  const p = lines.positionAt(d.start);
  return {
    start: d.start,
    end: d.end,
    line: p.line + 1,
    column: p.character + 1,
    severity: d.severity,
    code: d.code,
    message: d.message,
    related: d.related,
  };
}
