import type { Report } from '../../workspace/report';
import { printable } from './printable';

// The text format: one line per finding, as compilers print them
// (path:line:col severity code message), then who speaks and a summary.

export function formatText(report: Report, quiet: boolean): string {
  const lines: string[] = [];
  if (!quiet) {
    for (const f of report.files) {
      for (const d of f.diagnostics) lines.push(`${f.path}:${d.line}:${d.column} ${d.severity} ${d.code} ${d.message}`);
    }
    const speaking = report.speakers.filter((s) => s.quoteCount > 0);
    if (speaking.length > 0) {
      lines.push('', `Speakers (${speaking.length}):`);
      for (const s of speaking) {
        const files = s.files.length === 1 ? '1 file' : `${s.files.length} files`;
        const quotes = s.quoteCount === 1 ? '1 quote' : `${s.quoteCount} quotes`;
        const aliases = s.aliases.length > 0 ? `; also ${s.aliases.join(', ')}` : '';
        lines.push(`  ${s.name} — ${quotes} in ${files}${aliases}`);
        const roles = [...new Set(s.roles.map((r) => r.text))];
        if (roles.length > 0 && s.kind === 'person') lines.push(`      ${roles.join('; ')}`);
      }
    }
    lines.push('');
  }
  const quotes = report.files.reduce((n, f) => n + f.quotes.length, 0);
  const attributed = report.files.reduce((n, f) => n + f.quotes.filter((q) => q.speaker).length, 0);
  const claims = report.files.reduce((n, f) => n + f.claims.length, 0);
  const speakers = report.speakers.filter((s) => s.quoteCount > 0).length;
  const parts = [
    `${report.files.length} ${report.files.length === 1 ? 'file' : 'files'} analysed`,
    `${quotes} ${quotes === 1 ? 'quote' : 'quotes'} (${attributed} attributed)`,
    `${speakers} ${speakers === 1 ? 'speaker' : 'speakers'}`,
    `${claims} numeric ${claims === 1 ? 'claim' : 'claims'}`,
    `${report.conflicts.length} ${report.conflicts.length === 1 ? 'conflict' : 'conflicts'}`,
  ];
  if (report.skipped.length > 0) parts.push(`${report.skipped.length} skipped`);
  lines.push(parts.join(', ') + '.');
  // Every line, not only the paths: speakers' names and roles are words from the articles.
  return lines.map(printable).join('\n') + '\n';
}
