import * as path from 'node:path';
import { analyzeDocument } from '../../src/core/analyze';
import type { Quote, Span } from '../../src/core/types';
import { loadSplit, polnearDir, type GoldArticle, type GoldAttribution } from './polnearData';

// Quote detection and speaker attribution on PolNeAR. Definitions (also in the README):
// - gold quotes: attributions whose content contains a double quotation mark;
// - detection recall: gold quotes overlapped over at least half their length by a Byline quote;
// - detection precision: Byline quotes in double marks (direct, partial) at least half inside some gold content;
// - speaker accuracy: over matched gold quotes with a source, the best-overlapping Byline quote's
//   (a quote in marks over the reported speech around it, when both cover the gold content equally)
//   mention overlaps the gold source, or its speaker's name contains the source's head word;
// - source P/R/F1 over all attributions: a Byline quote with a mention matches a gold attribution
//   when their contents overlap (half of the smaller) and the mention overlaps the source
//   (lenient) or equals it, ignoring surrounding punctuation (exact).

export interface PolnearScores {
  split: string;
  articles: number;
  goldQuotes: number;
  bylineMarked: number;
  detection: { precision: number; recall: number; f1: number };
  speakerAccuracy: number;
  speakerJudged: number;
  sourceLenient: { precision: number; recall: number; f1: number };
  sourceExact: { precision: number; recall: number; f1: number };
  seconds: number;
}

const DOUBLE_MARKS = /["“”«»]/;
const DOUBLE_OPENING = /^(["“”«»„]|'')/;
const PRONOUNS = new Set(['he', 'she', 'they', 'it', 'i', 'we', 'you', 'him', 'her', 'them']);

export function evaluatePolnear(root: string, split: 'dev' | 'train'): PolnearScores {
  const articles = loadSplit(polnearDir(root), split);
  const started = process.hrtime.bigint();
  const results = articles.map((a) => ({ article: a, analysis: analyzeDocument(a.text) }));
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;

  let goldQuotes = 0;
  let detected = 0;
  let marked = 0;
  let markedRight = 0;
  let judged = 0;
  let speakerRight = 0;
  let goldSources = 0;
  let bylineSources = 0;
  let foundLenient = 0;
  let foundExact = 0;
  let rightLenient = 0;
  let rightExact = 0;

  for (const { article, analysis } of results) {
    const names = new Map(analysis.speakers.map((s) => [s.key, s.name.toLowerCase()]));
    const contents = article.attributions.flatMap((g) => g.contentParts);

    for (const g of article.attributions) {
      if (!g.content || !DOUBLE_MARKS.test(g.contentText)) continue;
      goldQuotes++;
      const best = bestOverlap(g.contentParts, analysis.quotes);
      if (!best || partsOverlap(best.parts, g.contentParts) * 2 < totalLength(g.contentParts)) continue;
      detected++;
      if (!g.source) continue;
      judged++;
      if (speakerMatches(article, g, best, names)) speakerRight++;
    }

    for (const q of analysis.quotes) {
      // The same marks as the gold side: quotations in double marks ('' is a double mark in archive copy).
      if (q.kind === 'indirect' || !DOUBLE_OPENING.test(article.text.slice(q.start, q.start + 2))) continue;
      marked++;
      if (partsOverlap(q.parts, contents) * 2 >= totalLength(q.parts)) markedRight++;
    }

    const withSource = article.attributions.filter((g) => g.source && g.content);
    goldSources += withSource.length;
    const attributed = analysis.quotes.filter((q) => q.attribution?.mention);
    bylineSources += attributed.length;
    const matches = (q: Quote, g: GoldAttribution, exact: boolean) =>
      contentsMatch(q, g.content as Span) && sourceMatches(article.text, q, g.source as Span, exact);
    for (const exact of [false, true]) {
      let found = 0;
      let right = 0;
      for (const g of withSource) if (attributed.some((q) => matches(q, g, exact))) found++;
      for (const q of attributed) if (withSource.some((g) => matches(q, g, exact))) right++;
      if (exact) {
        foundExact += found;
        rightExact += right;
      } else {
        foundLenient += found;
        rightLenient += right;
      }
    }
  }

  return {
    split,
    articles: articles.length,
    goldQuotes,
    bylineMarked: marked,
    detection: prf(markedRight, marked, detected, goldQuotes),
    speakerAccuracy: judged ? speakerRight / judged : 0,
    speakerJudged: judged,
    sourceLenient: prf(rightLenient, bylineSources, foundLenient, goldSources),
    sourceExact: prf(rightExact, bylineSources, foundExact, goldSources),
    seconds,
  };
}

function speakerMatches(article: GoldArticle, g: GoldAttribution, q: Quote, names: Map<string, string>): boolean {
  const a = q.attribution;
  if (!a || !g.source) return false;
  if (a.mention && overlap(a.mention, g.source) > 0) return true;
  const head = headWord(article.text.slice(g.source.start, g.source.end));
  return head !== null && (names.get(a.speakerKey) ?? '').split(/\s+/).includes(head);
}

/** The last word of a source phrase, lower case, without a possessive; null for pronouns. */
function headWord(source: string): string | null {
  const words = source.toLowerCase().replace(/['’]s\b/g, '').match(/[\p{L}\p{N}.-]+/gu) ?? [];
  const head = words[words.length - 1];
  return head && !PRONOUNS.has(head) ? head : null;
}

function contentsMatch(q: Span, content: Span): boolean {
  return overlap(q, content) * 2 >= Math.min(length(q), length(content));
}

function sourceMatches(text: string, q: Quote, source: Span, exact: boolean): boolean {
  const m = q.attribution?.mention;
  if (!m) return false;
  if (!exact) return overlap(m, source) > 0;
  return trimmed(text, m) === trimmed(text, source);
}

function trimmed(text: string, s: Span): string {
  return text.slice(s.start, s.end).replace(/^[\s"“”'‘’,.(]+|[\s"“”'‘’,.)]+$/g, '');
}

/** The quote that covers most of the gold content; on a tie, a quote in marks over the reported speech around it. */
function bestOverlap(parts: readonly Span[], quotes: readonly Quote[]): Quote | null {
  let best: Quote | null = null;
  let bestOverlap = 0;
  for (const q of quotes) {
    const o = partsOverlap(q.parts, parts);
    if (o > bestOverlap || (o === bestOverlap && o > 0 && best?.kind === 'indirect' && q.kind !== 'indirect')) [best, bestOverlap] = [q, o];
  }
  return best;
}

/** Characters two sets of pieces share (pieces within a set do not overlap each other). */
function partsOverlap(a: readonly Span[], b: readonly Span[]): number {
  let n = 0;
  for (const x of a) for (const y of b) n += overlap(x, y);
  return n;
}

function totalLength(parts: readonly Span[]): number {
  return Math.max(1, parts.reduce((n, p) => n + (p.end - p.start), 0));
}

function overlap(a: Span, b: Span): number {
  return Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start));
}

function length(s: Span): number {
  return Math.max(1, s.end - s.start);
}

function prf(rightPredicted: number, predicted: number, foundGold: number, gold: number) {
  const precision = predicted ? rightPredicted / predicted : 0;
  const recall = gold ? foundGold / gold : 0;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return { precision, recall, f1 };
}

export function formatPolnear(s: PolnearScores): string[] {
  const p = (x: number) => x.toFixed(3);
  return [
    `PolNeAR ${s.split}: ${s.articles} articles, ${s.goldQuotes} gold quotes in marks, ${s.bylineMarked} Byline quotes in marks (${s.seconds.toFixed(2)} s)`,
    `  direct-quote detection   P ${p(s.detection.precision)}  R ${p(s.detection.recall)}  F1 ${p(s.detection.f1)}`,
    `  direct-quote speaker     accuracy ${p(s.speakerAccuracy)} over ${s.speakerJudged} matched quotes with a gold source`,
    `  source, all attributions lenient P ${p(s.sourceLenient.precision)}  R ${p(s.sourceLenient.recall)}  F1 ${p(s.sourceLenient.f1)}`,
    `                           exact   P ${p(s.sourceExact.precision)}  R ${p(s.sourceExact.recall)}  F1 ${p(s.sourceExact.f1)}`,
  ];
}

if (require.main === module) {
  const root = path.resolve(__dirname, '..', '..', '..');
  const split = process.argv[2] === 'train' ? 'train' : 'dev';
  for (const line of formatPolnear(evaluatePolnear(root, split))) console.log(line);
}
