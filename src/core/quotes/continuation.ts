import type { ParsedDocument } from '../document';
import { lastParagraph, type QuoteFinding } from './finding';

// Quotes without a cue of their own: words in marks inside reported speech are the reported
// speaker's; a quote paragraph with no cue continues the previous speaker; a quote split by its
// cue is one quote. All findings are in document order.

/** How far apart the pieces of a split quote may stand: the cue between them, “…,” the second US official told reporters in Kyiv. “…” */
const MAX_SPLIT_GAP = 26;

/** Points each finding with no speaker phrase at the finding whose speaker it takes, if any. */
export function inheritSpeakers(doc: ParsedDocument, all: QuoteFinding[]): void {
  const reports = new SentenceReports(doc);
  for (let i = 0; i < all.length; i++) {
    const f = all[i];
    reports.reach(all, i);
    if (f.phrase) continue;
    // Words in marks inside reported speech are the reported speaker's.
    const container = containing(all, i, reports);
    if (container !== null) {
      f.inherits = container;
      f.inheritance = 'context';
      continue;
    }
    if (f.kind !== 'direct') continue;
    const prev = previousAttributed(doc, all, i);
    if (prev === null) continue;
    const p = all[prev];
    const opensParagraph = f.first === 0 || doc.paragraphOf[f.first - 1] !== f.paragraph;
    // A quote over several paragraphs is continued from where it ends.
    const pEnds = lastParagraph(doc, p);
    if (pEnds === f.paragraph || (opensParagraph && pEnds === f.paragraph - 1)) {
      f.inherits = prev;
      f.inheritance = 'continuation';
    }
  }
}

/**
 * The reported speech with a speaker among the findings before finding `i` in its sentence, kept
 * as it goes: a sentence of thousands of quotes (a transcript's "said, “…”, “…”, …") walked all
 * the earlier ones again for each.
 */
class SentenceReports {
  private sentence = -1;
  /** Indexes of the sentence's reported speech with a speaker, before the current finding. */
  private readonly indexes: number[] = [];
  /** The furthest end among indexes[0..j]: rises, so the first report reaching an offset is found by halving. */
  private readonly reach_: number[] = [];
  private next = 0;

  constructor(private readonly doc: ParsedDocument) {}

  /** Takes in the findings before `i` (call with i = 0, 1, 2 …). */
  reach(all: readonly QuoteFinding[], i: number): void {
    for (; this.next < i; this.next++) {
      const c = all[this.next];
      const sentence = this.doc.sentenceOf[c.first];
      if (sentence !== this.sentence) {
        this.sentence = sentence;
        this.indexes.length = 0;
        this.reach_.length = 0;
      }
      if (c.kind !== 'indirect' || c.phrase === null) continue;
      this.indexes.push(this.next);
      this.reach_.push(Math.max(c.end, this.reach_[this.reach_.length - 1] ?? -1));
    }
    // A finding in another sentence than the last one taken in has none before it in its own.
    if (this.doc.sentenceOf[all[i].first] !== this.sentence) {
      this.indexes.length = 0;
      this.reach_.length = 0;
    }
  }

  /** The first report before the current finding that ends at or after `end`, or null. */
  firstReaching(end: number): number | null {
    let lo = 0;
    let hi = this.reach_.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.reach_[mid] >= end) hi = mid;
      else lo = mid + 1;
    }
    return lo < this.indexes.length ? this.indexes[lo] : null;
  }
}

/** The outermost reported speech with a speaker that holds finding `i`: it lies in the same sentence, at or before it. */
function containing(all: QuoteFinding[], i: number, reports: SentenceReports): number | null {
  const f = all[i];
  const holds = (c: QuoteFinding) => c.kind === 'indirect' && c.phrase !== null && c.start <= f.start && f.end <= c.end;
  // Findings are in document order: the earlier ones start at or before f, so the first report
  // that reaches f's end holds it (checked all the same).
  const found = reports.firstReaching(f.end);
  if (found !== null && holds(all[found])) return found;
  for (let k = i + 1; k < all.length && all[k].start === f.start; k++) if (holds(all[k])) return k;
  return null;
}

function previousAttributed(doc: ParsedDocument, all: QuoteFinding[], i: number): number | null {
  for (let k = i - 1; k >= 0; k--) {
    const p = all[k];
    if (p.end > all[i].start) continue; // an enclosing reported quote
    // A title or scare quote in between ("Meet the Press") does not interrupt the speaker.
    if (!p.phrase && p.inherits === null && p.kind === 'partial') continue;
    if (!p.phrase && p.inherits === null) return null;
    return p.kind === 'indirect' ? quoteFramingReport(doc, all, k) : k;
  }
  return null;
}

/**
 * “…,” Lieberman told the Journal, after de Blasio stated an interest … “These contracts are
 * binding.” — reported speech inside the cue's sentence of a quote does not take its words over.
 */
function quoteFramingReport(doc: ParsedDocument, all: QuoteFinding[], report: number): number {
  const sentence = doc.sentenceOf[all[report].first];
  for (let k = report - 1; k >= 0; k--) {
    const q = all[k];
    if (q.kind === 'indirect' || !q.cue) continue;
    return doc.sentenceOf[q.cue.first] === sentence ? k : report;
  }
  return report;
}

/**
 * “Carolina’s going to win that one,” Gov. Kasich replied. “I hate to say it.” — one quote,
 * split by its cue. The second piece joins the first; returns the pieces merged away.
 */
export function mergeSplitQuotes(doc: ParsedDocument, all: QuoteFinding[]): Set<QuoteFinding> {
  const merged = new Set<QuoteFinding>();
  for (const f of all) {
    if (f.inheritance !== 'continuation' || f.inherits === null || f.kind === 'indirect') continue;
    // A third piece continues from the quote the second was merged into.
    while (merged.has(all[f.inherits]) && all[f.inherits].inherits !== null) f.inherits = all[f.inherits].inherits as number;
    const p = all[f.inherits];
    if (p.kind === 'indirect' || !p.cue || p.cue.first < p.last || lastParagraph(doc, p) !== f.paragraph) continue;
    if (!onlyFrameBetween(doc, p.last, f.first) || f.first - p.last > MAX_SPLIT_GAP) continue;
    p.parts = [...p.parts, ...f.parts];
    p.end = f.end;
    p.last = f.last;
    p.kind = 'direct';
    merged.add(f);
  }
  return merged;
}

function onlyFrameBetween(doc: ParsedDocument, from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (doc.quoteOf[k] >= 0) return false;
  return true;
}

/** Removes findings, re-pointing `inherits` past removed ones to what they inherited from. */
export function dropKeepingLinks(all: QuoteFinding[], drop: (f: QuoteFinding) => boolean): QuoteFinding[] {
  const dropped = all.map(drop);
  const newIndex: number[] = [];
  let n = 0;
  for (let i = 0; i < all.length; i++) newIndex.push(dropped[i] ? -1 : n++);
  const kept: QuoteFinding[] = [];
  all.forEach((f, i) => {
    if (dropped[i]) return;
    let target = f.inherits;
    while (target !== null && dropped[target]) target = all[target].inherits;
    kept.push({ ...f, inherits: target === null ? null : newIndex[target] });
  });
  return kept;
}
