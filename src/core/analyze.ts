import { parseDocument } from './document';
import type { Attribution, DocumentSpeaker, Quote, Span, TextProblem } from './types';
import { cueLexicon } from './quotes/cues';
import { findQuotes } from './quotes/attribute';
import type { QuoteFinding } from './quotes/finding';
import { findNames } from './speakers/entities';
import { SpeakerRegistry, type ResolvedSpeaker } from './speakers/registry';
import { findClaims, type Claim } from './claims';

// One document in, plain data out: its quotations with their speakers, the speakers it
// names, and the problems with its text. Nothing here knows about files or editors.

export interface AnalysisOptions {
  /** Speech verbs to add to the built-in list (infinitives or any form): "opine", "tweet". */
  cueVerbs?: readonly string[];
  /** The most characters analysed in one text (its time budget); see ANALYSIS_BUDGET_CHARS. */
  budgetChars?: number;
}

/**
 * A text's time budget, in characters. The engine is linear in the worst case too (texts built
 * to be hard, docs/worst-case.md, take at most 1.2 s of CPU a million characters) and reads
 * ordinary articles at well over 1 MB a second; at a pessimistic 0.5 MB/s a million characters
 * is two seconds, so no file holds the analysis longer than that. A budget in characters,
 * unlike one in milliseconds, gives the same result for the same text on any machine under any
 * load.
 */
export const ANALYSIS_BUDGET_CHARS = 1_000_000;

export interface DocumentAnalysis {
  quotes: Quote[];
  speakers: DocumentSpeaker[];
  claims: Claim[];
  problems: TextProblem[];
}

export function analyzeDocument(fullText: string, options: AnalysisOptions = {}): DocumentAnalysis {
  const cut = budgetCut(fullText, options.budgetChars ?? ANALYSIS_BUDGET_CHARS);
  const text = cut === null ? fullText : fullText.slice(0, cut);
  const doc = parseDocument(text);
  const names = findNames(doc);
  const findings = findQuotes(doc, names, cueLexicon(options.cueVerbs));
  const registry = new SpeakerRegistry(doc, names, findings);
  const resolved = registry.resolveAll(findings);
  const quotes = findings.map((f, i) => toQuote(text, doc.tokens, f, resolved[i]));
  const problems = [...doc.problems];
  if (cut !== null) problems.push(truncation(fullText, cut));
  return { quotes, speakers: registry.speakers(), claims: findClaims(doc), problems };
}

/** Where a text over budget is cut: the last line break before the budget, or the budget itself. */
function budgetCut(text: string, budget: number): number | null {
  if (text.length <= budget) return null;
  const lineBreak = Math.max(text.lastIndexOf('\n', budget), text.lastIndexOf('\r', budget));
  let cut = lineBreak > budget / 2 ? lineBreak : budget;
  // Never between the halves of a surrogate pair.
  const c = text.charCodeAt(cut);
  if (c >= 0xdc00 && c <= 0xdfff) cut--;
  return cut;
}

function truncation(text: string, cut: number): TextProblem {
  const n = (x: number) => x.toLocaleString('en-US');
  return {
    start: cut,
    end: Math.min(text.length, cut + 1),
    code: 'analysis-truncated',
    message: `Byline analysed the first ${n(cut)} of ${n(text.length)} characters (its time budget per file); quotes and figures after this point are not shown.`,
  };
}

const MARKS = '"“”„‟«»\'‘’‹›';

function toQuote(text: string, tokens: ReturnType<typeof parseDocument>['tokens'], f: QuoteFinding, speaker: ResolvedSpeaker | null): Quote {
  return {
    start: f.start,
    end: f.end,
    kind: f.kind,
    text: f.parts.map((p) => (f.kind === 'indirect' ? text.slice(p.start, p.end) : innerText(text, p))).join(' '),
    parts: f.parts,
    attribution: speaker ? toAttribution(text, tokens, f, speaker) : null,
  };
}

/** A marked part without its marks (a part cut at its paragraph's end has no closing mark; '' is one mark). */
function innerText(text: string, p: Span): string {
  let start = p.start;
  let end = p.end;
  if (text.startsWith("''", start)) start += 2;
  else if (MARKS.includes(text[start])) start++;
  if (end - 2 >= start && text.startsWith("''", end - 2)) end -= 2;
  else if (end > start && MARKS.includes(text[end - 1])) end--;
  return text.slice(start, end);
}

function toAttribution(text: string, tokens: ReturnType<typeof parseDocument>['tokens'], f: QuoteFinding, s: ResolvedSpeaker): Attribution {
  const span = (r: { first: number; last: number }) => {
    const start = tokens[r.first].start;
    const end = tokens[r.last - 1].end;
    return { start, end, text: text.slice(start, end) };
  };
  return {
    speakerKey: s.key,
    mention: s.mention ? span(s.mention) : null,
    cue: f.cue ? span(f.cue) : null,
    via: s.via,
  };
}
