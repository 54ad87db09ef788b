import type { ParsedDocument } from '../document';
import type { Token } from '../text/tokenize';
import type { NameMention, TokenRange } from '../speakers/entities';
import type { SpeakerPhrase } from '../speakers/phrase';
import { AdjacentCues } from './adjacent';
import { dropKeepingLinks, inheritSpeakers, mergeSplitQuotes } from './continuation';
import { CueReader, MIN_INDIRECT_TOKENS } from './cueReading';
import type { CueLexicon } from './cues';
import { trimEnd, type QuoteFinding } from './finding';
import { ReportedSpeech } from './reported';
import { isNamedWork, isTitle, isWholeSentence, wordCount } from './titles';

// Finds every quotation — in marks or reported — and the phrase and cue that name its speaker.
// Who that phrase refers to (a pronoun, a description) is settled afterwards, in document order.

/** Quotes of this many words or fewer, with no speaker in reach, are scare quotes. */
const SCARE_QUOTE_WORDS = 3;
/** Forms of "be": a verb that describes its subject rather than reporting what it said. */
const COPULAS = new Set(['is', 'are', 'was', 'were', 'be', 'been', 'being', "'s", "'re"]);
/** Words that start a new clause, where a quote's clause ends. */
const CLAUSE_BREAKS = new Set(['while', 'whereas', 'but', 'although', 'though']);

export function findQuotes(doc: ParsedDocument, names: readonly NameMention[], lex: CueLexicon): QuoteFinding[] {
  return new QuoteFinder(doc, names, lex).run();
}

class QuoteFinder {
  private readonly tokens: readonly Token[];
  private readonly cues: CueReader;
  private readonly adjacent: AdjacentCues;
  private readonly reports: ReportedSpeech;
  /** Reported speech around partial quotes that have a cue of their own. */
  private readonly mixed: QuoteFinding[] = [];

  constructor(
    private readonly doc: ParsedDocument,
    names: readonly NameMention[],
    lex: CueLexicon,
  ) {
    this.tokens = doc.tokens;
    this.cues = new CueReader(doc, names, lex);
    this.adjacent = new AdjacentCues(this.cues);
    this.reports = new ReportedSpeech(this.cues);
  }

  run(): QuoteFinding[] {
    const marked = this.markedFindings();
    for (const f of marked) this.attachAdjacentCue(f);
    const reported = this.reports.reportedFindings();
    // Words in marks inside someone's reported speech are theirs; only the others look for a subject.
    const bySentence = new Map<number, QuoteFinding[]>();
    for (const r of [...reported, ...this.mixed]) {
      const key = this.doc.sentenceOf[r.first];
      bySentence.set(key, [...(bySentence.get(key) ?? []), r]);
    }
    const inReport = (f: QuoteFinding) => (bySentence.get(this.doc.sentenceOf[f.first]) ?? []).some((r) => r.start <= f.start && f.end <= r.end);
    for (const f of marked) {
      if (f.kind === 'partial' && !f.phrase && !inReport(f)) this.attachSubject(f);
    }
    reported.push(...this.mixed);
    const framed = this.endBeforeInnerFrames(reported, marked);
    const all = [...marked, ...framed].sort((a, b) => a.start - b.start || b.end - a.end);
    inheritSpeakers(this.doc, all);
    const merged = mergeSplitQuotes(this.doc, all);
    return dropKeepingLinks(all, (f) => merged.has(f) || this.isScareQuote(f));
  }

  /**
   * Reid said both men are “non-entities,” but he gave the Texan a compliment: “…” — reported
   * content ends where a direct quotation in it is framed by a speaker and a cue of its own: each
   * word belongs to one attribution. Returns the reports kept (one cut too short is dropped).
   */
  private endBeforeInnerFrames(reports: QuoteFinding[], marked: readonly QuoteFinding[]): QuoteFinding[] {
    const framesBySentence = new Map<number, Array<{ start: number; cue: number }>>();
    for (const f of marked) {
      // Words in marks inside a sentence (partial quotes) stay inside the report that holds them.
      if (f.kind !== 'direct' || !f.phrase || !f.cue) continue;
      const frame = { start: Math.min(f.first, f.phrase.first, f.cue.first), cue: f.cue.first };
      const key = this.doc.sentenceOf[frame.start];
      framesBySentence.set(key, [...(framesBySentence.get(key) ?? []), frame]);
    }
    return reports.filter((r) => {
      // A quote framed by the report's own cue (its mixed quote) is part of it.
      const inner = (framesBySentence.get(this.doc.sentenceOf[r.first]) ?? []).filter((fr) => fr.start > r.first && fr.start < r.last && fr.cue !== r.cue?.first);
      if (inner.length === 0) return true;
      const cut = trimEnd(this.tokens, r.first, Math.min(...inner.map((fr) => fr.start)));
      if (cut - r.first < MIN_INDIRECT_TOKENS) return false;
      const end = this.tokens[cut - 1].end;
      r.parts = r.parts.filter((p) => p.start < end).map((p) => ({ start: p.start, end: Math.min(p.end, end) }));
      r.last = cut;
      r.end = end;
      return true;
    });
  }

  private markedFindings(): QuoteFinding[] {
    const { doc } = this;
    const ranges = new Map<number, TokenRange>();
    for (let i = 0; i < this.tokens.length; i++) {
      const q = doc.quoteOf[i];
      if (q < 0) continue;
      const r = ranges.get(q);
      if (r) r.last = i + 1;
      else ranges.set(q, { first: i, last: i + 1 });
    }
    const findings: QuoteFinding[] = [];
    doc.marked.forEach((q, index) => {
      const r = ranges.get(index);
      if (!r || r.last - r.first < 2) return; // a lone mark
      const start = q.parts[0].start;
      const end = q.parts[q.parts.length - 1].end;
      findings.push({
        kind: q.parts.length > 1 || this.standsAlone(r.first, r.last) ? 'direct' : 'partial',
        start,
        end,
        parts: q.parts,
        first: r.first,
        last: r.last,
        paragraph: doc.paragraphOf[r.first],
        phrase: null,
        cue: null,
        inherits: null,
        inheritance: null,
      });
    });
    return findings;
  }

  /** A quotation stands alone when it opens its paragraph or sentence, or follows a cue or a colon. */
  private standsAlone(openMark: number, after: number): boolean {
    const { doc, tokens } = this;
    const prev = openMark - 1;
    if (prev < 0 || doc.paragraphOf[prev] !== doc.paragraphOf[openMark]) return true;
    const p = tokens[prev];
    if (p.kind === 'punct') return ',:;.!?—–-(…'.includes(p.text) || doc.quoteOf[prev] >= 0;
    // said “it gets me mad” every time … — a cue, then words in marks that run on: a partial quote.
    return this.cues.cueEndingAt(prev) !== null && this.endsClause(after);
  }

  /** True when nothing but punctuation follows token `i - 1` in its sentence. */
  private endsClause(i: number): boolean {
    const { doc, tokens } = this;
    return i >= tokens.length || doc.sentenceOf[i] !== doc.sentenceOf[i - 1] || tokens[i].kind === 'punct';
  }

  private attachAdjacentCue(f: QuoteFinding): void {
    // He read “The Art of the Deal”: a title is named, not quoted, whatever verb stands next to it.
    if ((f.kind === 'partial' && isTitle(this.tokens, f)) || isNamedWork(this.doc, f)) return;
    const after = this.adjacent.cueAfter(f);
    const found = after ?? this.adjacent.cueBefore(f);
    if (!found) return;
    f.phrase = found.phrase;
    f.cue = { first: found.cue.first, last: found.cue.last };
    for (let k = found.cue.first; k < found.cue.last; k++) this.cues.consumed.add(k);
    if (f.kind !== 'partial') return;
    // Words in marks inside someone's sentence make that sentence theirs, partly in their own words:
    //   A reach a “mutual recognition” that B “is … other means,” Milley said.
    //   Clinton called the agreement “an historic step forward” in global efforts …
    const sentence = this.doc.sentences[this.doc.sentenceOf[f.first]];
    if (after) {
      const leadIn = this.reports.leadIn(sentence.first, f.last);
      if (leadIn && leadIn.first < f.first) this.addMixed(found.phrase, found.cue, leadIn.first, f.last);
    } else {
      this.addMixed(found.phrase, found.cue, this.reportStart(found.cue, f.first), this.clauseEnd(f.last, sentence.last));
    }
  }

  private addMixed(phrase: SpeakerPhrase, cue: TokenRange, first: number, last: number): void {
    const mixed = first < last ? this.reports.reported(phrase, cue, [{ first, last }]) : null;
    // Two partial quotes in one clause make one report, not two.
    if (mixed && !this.mixed.some((m) => m.start === mixed.start && m.end === mixed.end)) this.mixed.push(mixed);
  }

  /** After a cue: past the listener (told reporters) and "that". */
  private reportStart(cue: TokenRange, limit: number): number {
    let k = cue.last;
    if (k < limit && (this.tokens[k].text === ',' || this.tokens[k].text === ':')) k++;
    for (let j = k; j < Math.min(limit, k + 8); j++) if (this.tokens[j].norm === 'that') return j + 1;
    return k;
  }

  /** The end of the clause a quote stands in: the sentence's end, or before "while …", "but …", ";". */
  private clauseEnd(from: number, sentenceLast: number): number {
    for (let k = from; k < sentenceLast; k++) {
      const t = this.tokens[k];
      if (this.doc.quoteOf[k] >= 0) continue;
      if (t.text === ';' || (t.kind === 'word' && CLAUSE_BREAKS.has(t.norm))) return trimEnd(this.tokens, from, k);
    }
    return trimEnd(this.tokens, from, sentenceLast);
  }

  /**
   * A partial quote with no cue in reach of its own belongs to the sentence's subject when
   * that subject is someone who can speak: Christie refers to him as “Mr. Trump”.
   */
  private attachSubject(f: QuoteFinding): void {
    // Without a speech verb, a title or a word or two in marks is the writer's: “Morning Joe”, the “establishment”.
    if (isTitle(this.tokens, f)) return;
    const sentence = this.doc.sentences[this.doc.sentenceOf[f.first]];
    const subject = this.cues.subjects.subjectBefore(sentence.first, f.first);
    if (!subject) return;
    // Critics were “highly critical” of it: after "be", a few words in marks describe the subject in the writer's words.
    if (COPULAS.has(this.tokens[subject.verb].norm) && wordCount(this.tokens, f) <= SCARE_QUOTE_WORDS) return;
    f.phrase = subject.phrase;
    f.cue = { first: subject.verb, last: subject.verb + 1 };
    this.addMixed(subject.phrase, f.cue, subject.verb + 1, this.clauseEnd(f.last, sentence.last));
  }

  /** Scare quotes and titles: a few words in marks, with no speaker in reach. */
  private isScareQuote(f: QuoteFinding): boolean {
    if (f.kind === 'indirect') return false;
    // A title inside a sentence is named, not quoted, even next to a cue: told NBC’s “Today”.
    if (isTitle(this.tokens, f) && (f.kind === 'partial' || !f.phrase)) return true;
    if (isNamedWork(this.doc, f)) return true;
    if (f.phrase) return false;
    if (f.inherits !== null) return false;
    return wordCount(this.tokens, f) <= SCARE_QUOTE_WORDS && !isWholeSentence(this.tokens, f);
  }
}
