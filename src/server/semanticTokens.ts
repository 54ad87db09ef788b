import { LineIndex } from '../core/text/lineIndex';
import type { Workspace } from '../workspace/workspace';

// Semantic tokens (standard LSP): quotations and the figures Byline compared across files,
// so that an editor can mark them without calling them problems. The token types are Byline's
// own; the VS Code extension declares them (package.json `semanticTokenTypes`) and underlines
// them by default, and a theme or the user's `editor.semanticTokenColorCustomizations` can
// style them like any other token. Any LSP client gets the same tokens.

import { TOKEN_MODIFIERS, TOKEN_TYPES, type TokenModifier, type TokenType } from '../shared/tokenLegend';

export { LEGEND, TOKEN_MODIFIERS, TOKEN_TYPES, type TokenModifier, type TokenType } from '../shared/tokenLegend';

export interface TokenSpan {
  start: number;
  end: number;
  type: TokenType;
  modifiers: readonly TokenModifier[];
}

export interface TokenOptions {
  /** Mark reported speech (Milley said that …) too; `byline.underlineReportedSpeech`. */
  reportedSpeech: boolean;
}

/** The spans to mark in one indexed document: each quote's marked parts, and its figures that are linked to another file's. */
export function tokenSpans(workspace: Workspace, uri: string, options: TokenOptions): TokenSpan[] {
  const doc = workspace.get(uri);
  if (!doc) return [];
  const spans: TokenSpan[] = [];
  for (const q of doc.analysis.quotes) {
    if (q.kind === 'indirect' && !options.reportedSpeech) continue;
    const modifiers: TokenModifier[] = [];
    if (q.kind === 'indirect') modifiers.push('reported');
    if (!q.attribution) modifiers.push('unattributed');
    for (const p of q.parts) spans.push({ start: p.start, end: p.end, type: 'quote', modifiers });
  }
  const claims = workspace.claims.claimsOf(uri);
  workspace.claims.standingOf(uri).forEach((standing, i) => {
    const c = claims[i];
    if (standing && c) spans.push({ start: c.start, end: c.end, type: 'figure', modifiers: standing.conflicting && !workspace.checkedConflict(uri, c.start, c.end) ? ['conflicting'] : [] });
  });
  return spans;
}

/**
 * Encodes spans as LSP semantic token data (relative line, relative start, length, type,
 * modifier bits). Tokens may neither overlap nor span lines (VS Code does not accept
 * multi-line tokens), so spans are cut at line ends, and where they overlap the innermost
 * wins: a figure inside a quote is a figure, a partial quote inside reported speech a quote.
 */
export function encodeTokens(text: string, spans: readonly TokenSpan[]): number[] {
  const lines = new LineIndex(text);
  const flat = flatten(spans);
  const data: number[] = [];
  let prevLine = 0;
  let prevChar = 0;
  for (const s of flat) {
    let start = s.start;
    while (start < s.end) {
      const p = lines.positionAt(start);
      // The end of this line's text (before its line break), or the span's end.
      const lineEnd = Math.min(s.end, lines.offsetAt({ line: p.line, character: Number.MAX_SAFE_INTEGER }));
      if (lineEnd > start) {
        data.push(p.line - prevLine, p.line === prevLine ? p.character - prevChar : p.character, lineEnd - start, TOKEN_TYPES.indexOf(s.type), modifierBits(s.modifiers));
        prevLine = p.line;
        prevChar = p.character;
      }
      if (p.line + 1 >= lines.lineCount) break;
      start = Math.max(lineEnd, lines.offsetAt({ line: p.line + 1, character: 0 }));
    }
  }
  return data;
}

function modifierBits(modifiers: readonly TokenModifier[]): number {
  return modifiers.reduce((bits, m) => bits | (1 << TOKEN_MODIFIERS.indexOf(m)), 0);
}

/** Non-overlapping pieces in text order; where spans overlap, the shortest covering span wins. */
function flatten(spans: readonly TokenSpan[]): TokenSpan[] {
  const valid = spans.filter((s) => s.end > s.start);
  const cuts = [...new Set(valid.flatMap((s) => [s.start, s.end]))].sort((a, b) => a - b);
  const byStart = [...valid].sort((a, b) => a.start - b.start);
  const out: TokenSpan[] = [];
  let active: TokenSpan[] = [];
  let next = 0;
  for (let i = 0; i + 1 < cuts.length; i++) {
    const [from, to] = [cuts[i], cuts[i + 1]];
    while (next < byStart.length && byStart[next].start <= from) active.push(byStart[next++]);
    active = active.filter((s) => s.end > from);
    if (active.length === 0) continue;
    const top = active.reduce((a, b) => (b.end - b.start < a.end - a.start ? b : a));
    const last = out[out.length - 1];
    if (last && last.end === from && last.type === top.type && last.modifiers === top.modifiers) last.end = to;
    else out.push({ start: from, end: to, type: top.type, modifiers: top.modifiers });
  }
  return out;
}
