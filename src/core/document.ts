import type { Span, TextProblem } from './types';
import { findParagraphs } from './text/paragraphs';
import { splitSentences } from './text/sentences';
import { tokenize, type Token } from './text/tokenize';
import { scanQuotes, type MarkedQuote } from './quotes/marks';

// One pass over the text that every later stage reads: paragraphs, tokens, the quotations
// found by their marks, and sentences in which those quotations are opaque.

export interface Sentence {
  /** First token index. */
  first: number;
  /** One past the last token index. */
  last: number;
  paragraph: number;
}

export interface ParsedDocument {
  text: string;
  paragraphs: Span[];
  tokens: Token[];
  /** Paragraph index of each token. */
  paragraphOf: Int32Array;
  /** Index into `marked` of the quotation a token belongs to (its marks included), or -1. */
  quoteOf: Int32Array;
  marked: MarkedQuote[];
  sentences: Sentence[];
  /** Index into `sentences` of each token. */
  sentenceOf: Int32Array;
  problems: TextProblem[];
}

export function parseDocument(text: string): ParsedDocument {
  const paragraphs = findParagraphs(text);
  const { quotes: marked, problems } = scanQuotes(text, paragraphs);

  const tokens: Token[] = [];
  const paragraphStarts: number[] = [];
  for (const p of paragraphs) {
    paragraphStarts.push(tokens.length);
    for (const t of tokenize(text, p.start, p.end)) tokens.push(t);
  }
  paragraphStarts.push(tokens.length);

  const paragraphOf = new Int32Array(tokens.length);
  for (let p = 0; p < paragraphs.length; p++) paragraphOf.fill(p, paragraphStarts[p], paragraphStarts[p + 1]);

  const quoteOf = new Int32Array(tokens.length).fill(-1);
  const closers = new Set<number>();
  // Tokens and quote parts are both in text order: walk them together.
  const parts: Array<{ q: number; span: Span; last: boolean }> = [];
  marked.forEach((q, i) => q.parts.forEach((span, k) => parts.push({ q: i, span, last: k === q.parts.length - 1 })));
  parts.sort((a, b) => a.span.start - b.span.start);
  let k = 0;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    while (k < parts.length && parts[k].span.end <= t.start) k++;
    if (k < parts.length && t.start >= parts[k].span.start && t.end <= parts[k].span.end) {
      quoteOf[i] = parts[k].q;
      if (parts[k].last && marked[parts[k].q].closed && t.end === parts[k].span.end) closers.add(i);
    }
  }

  const sentences: Sentence[] = [];
  const sentenceOf = new Int32Array(tokens.length);
  const isMark = (i: number) => quoteOf[i] >= 0 && isMarkToken(tokens[i].text);
  const inQuote = (i: number) => quoteOf[i] >= 0 && !(closers.has(i) || (isMark(i) && tokens[i].start === partStart(marked[quoteOf[i]], tokens[i].start)));
  for (let p = 0; p < paragraphs.length; p++) {
    for (const s of splitSentences(tokens, paragraphStarts[p], paragraphStarts[p + 1], inQuote, (i) => closers.has(i))) {
      sentenceOf.fill(sentences.length, s.first, s.last);
      sentences.push({ first: s.first, last: s.last, paragraph: p });
    }
  }
  return { text, paragraphs, tokens, paragraphOf, quoteOf, marked, sentences, sentenceOf, problems };
}

function isMarkToken(s: string): boolean {
  return s.length === 1 && '"“”„‟«»\'‘’‹›'.includes(s);
}

/** The start of the part of `q` that begins at `offset`, or -1. */
function partStart(q: MarkedQuote, offset: number): number {
  for (const p of q.parts) if (p.start === offset) return p.start;
  return -1;
}
