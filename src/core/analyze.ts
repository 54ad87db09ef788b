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
}

export interface DocumentAnalysis {
  quotes: Quote[];
  speakers: DocumentSpeaker[];
  claims: Claim[];
  problems: TextProblem[];
}

export function analyzeDocument(text: string, options: AnalysisOptions = {}): DocumentAnalysis {
  const doc = parseDocument(text);
  const names = findNames(doc);
  const findings = findQuotes(doc, names, cueLexicon(options.cueVerbs));
  const registry = new SpeakerRegistry(doc, names, findings);
  const resolved = registry.resolveAll(findings);
  const quotes = findings.map((f, i) => toQuote(text, doc.tokens, f, resolved[i]));
  return { quotes, speakers: registry.speakers(), claims: findClaims(doc), problems: doc.problems };
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
