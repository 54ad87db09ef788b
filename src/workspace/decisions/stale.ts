import type { DocumentAnalysis } from '../../core/analyze';
import type { Span } from '../../core/types';
import { findAnchor } from './anchor';
import { quoteAt, speakerNamed } from './apply';
import { fileOf, type Decisions } from './resolve';
import type { Anchor, Decision } from './types';

// Decisions that no longer find their place: the article is gone, its words were edited away,
// or Byline no longer finds there what the decision was about. They apply to nothing, and are
// reported (on the decisions file in the editor, on stderr in the CLI) so that a reader can
// remove or redo them; they are never removed silently.

export interface StaleDecision {
  root: string;
  /** The decision's place in the file's `decisions` list. */
  index: number;
  message: string;
}

/** An article as the stale check needs it: its text and its analysis before any decision. */
export interface Article {
  text: string;
  analysis: DocumentAnalysis;
}

/** `article(root, file)`: the article the decisions file at `root` names `file`, or null when Byline does not read it. */
export function stale(decisions: Decisions, article: (root: string, file: string) => Article | null): StaleDecision[] {
  const out: StaleDecision[] = [];
  for (const { root, file } of decisions.roots) {
    for (const { index, decision } of file.decisions) {
      const name = fileOf(decision);
      const found = article(root, name);
      const why = found ? staleness(decision, name, found, article(root, decision.decision === 'different-figures' ? decision.otherFile : name)) : `${name} is not among the articles Byline reads`;
      if (why) out.push({ root, index, message: `Decision ${index + 1} (${decision.decision}) no longer applies: ${why}` });
    }
  }
  return out;
}

function staleness(d: Decision, name: string, a: Article, other: Article | null): string | null {
  const words = (anchor: Anchor): Span | string => findAnchor(a.text, anchor) ?? `the words “${clip(anchor.text)}” are no longer in ${name}`;
  switch (d.decision) {
    case 'not-a-quote':
    case 'speaker':
    case 'checked-quote': {
      const span = words(d.quote);
      if (typeof span === 'string') return span;
      return quoteAt(a.analysis.quotes, span) ? null : `Byline no longer finds a quote at “${clip(d.quote.text)}” in ${name}`;
    }
    case 'checked-conflict':
    case 'different-figures': {
      const span = words(d.figure);
      if (typeof span === 'string') return span;
      if (!a.analysis.claims.some((c) => c.start < span.end && span.start < c.end)) return `Byline no longer finds a figure at “${clip(d.figure.text)}” in ${name}`;
      if (d.decision === 'checked-conflict') return null;
      if (!other) return `${d.otherFile} is not among the articles Byline reads`;
      return other.analysis.claims.some((c) => sameWords(other.text.slice(c.start, c.end), d.otherFigure)) ? null : `${d.otherFile} no longer gives the figure “${clip(d.otherFigure)}”`;
    }
    case 'same-person':
    case 'different-person':
      return speakerNamed(a.analysis.speakers, d.name) ? null : `${name} no longer names a speaker “${d.name}”`;
  }
}

/** The same words, whatever the whitespace between them. */
export function sameWords(a: string, b: string): boolean {
  return a.trim().replace(/\s+/g, ' ') === b.trim().replace(/\s+/g, ' ');
}

function clip(text: string, max = 60): string {
  return text.length <= max ? text : `${text.slice(0, max).trimEnd()}…`;
}
