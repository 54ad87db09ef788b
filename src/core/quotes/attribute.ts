import type { ParsedDocument } from '../document';
import type { QuoteKind, Span } from '../types';
import type { Token } from '../text/tokenize';
import { W, wordFlags } from '../text/lexicon';
import type { NameMention, TokenRange } from '../speakers/entities';
import { PhraseReader, type SpeakerPhrase } from '../speakers/phrase';
import { cueAt, type CueLexicon, type CueMatch } from './cues';
import { SubjectReader } from './subject';

// Finds every quotation — in marks or reported — and the phrase and cue that name its speaker.
// Who that phrase refers to (a pronoun, a description) is settled afterwards, in document order.

export interface QuoteFinding {
  kind: QuoteKind;
  start: number;
  end: number;
  /** Marked pieces (marks included) or, for reported speech, the content pieces. */
  parts: Span[];
  /** Token range the quote covers. */
  first: number;
  last: number;
  paragraph: number;
  phrase: SpeakerPhrase | null;
  cue: TokenRange | null;
  /** Index of the finding whose speaker this one takes when it has no cue of its own. */
  inherits: number | null;
  /** How `inherits` was decided. */
  inheritance: 'continuation' | 'context' | null;
}

/** Quotes of this many words or fewer, with no speaker in reach, are scare quotes. */
const SCARE_QUOTE_WORDS = 3;
/** Title-case quotations up to this many words with no cue next to them are titles ("Morning Joe"). */
const TITLE_WORDS = 6;
/** How far after a quote its cue may stand: “…,” Fred Kagan, director of the Critical Threats Project at the …, said. */
const POST_CUE_REACH = 24;
/** Longest parenthesis read past between a quote and its cue: (D-Wash.), (R-Texas). */
const MAX_PARENTHESIS = 8;
/** How far before a quote its cue may stand: he said on Friday in a statement: “…”. */
const PRE_CUE_REACH = 7;
/** Cues followed by the person spoken to: told reporters, informed the committee. */
const LISTENER_VERBS = new Set(['tell', 'inform', 'assure', 'remind', 'advise', 'warn', 'urge', 'ask']);

/** Nouns a title in marks follows: his book, “…”; a film titled “…”. */
const WORK_NOUNS = new Set([
  'book', 'books', 'novel', 'memoir', 'column', 'article', 'essay', 'op-ed', 'editorial', 'headline', 'film', 'movie',
  'documentary', 'show', 'series', 'episode', 'song', 'album', 'play', 'musical', 'poem', 'titled', 'entitled',
]);

/** Roles a title in marks qualifies: the “Jane the Virgin” star, the “Morning Joe” host. */
const WORK_ROLES = new Set([
  'star', 'stars', 'host', 'hosts', 'co-host', 'creator', 'co-creator', 'author', 'co-author', 'editor', 'co-editor',
  'actor', 'actress', 'producer', 'director', 'writer', 'anchor', 'showrunner', 'singer', 'style',
]);

/** Cues that name their object with the quote: called the system “rotten”, described him as “unfit”. */
const NAMING_VERBS = new Set(['call', 'describe', 'dub', 'label', 'brand', 'term']);

const OBJECT_PRONOUNS = new Set(['him', 'her', 'them', 'us', 'me', 'himself', 'herself', 'themselves']);

/** Words that start a new clause, where a quote's clause ends. */
const CLAUSE_BREAKS = new Set(['while', 'whereas', 'but', 'although', 'though']);

/** Words that join a cue to an earlier verb of the same subject: "… and joked", "… but argues". */
const COORDINATORS = new Set(['and', 'but', 'then']);
const DASHES = new Set(['-', '—', '–', '--']);
/** Words that may stand before a speaker's label: "More from the report:", "Here's Clinton:". */
const LABEL_LEAD_INS = new Set(['more', 'from', 'here', "'s", 'and', 'but', 'also']);

/** A party-and-state tag or a state's abbreviation: R-Ky, D-Ill, Va, Calif. */
const STATE_ABBREVIATION = /^(?:[RDI]-)?[A-Z][a-z]{0,4}$/;

/** Words before a noun that a cue word can also be: "many promises", "several reports". */
const QUANTIFIERS = new Set(['many', 'several', 'few', 'numerous', 'multiple', 'two', 'three', 'four', 'five', 'dozens', 'hundreds', 'thousands']);
const POSSESSIVES = new Set(['his', 'her', 'their', 'its', 'our', 'my', 'your', 'whose']);

/** Longest object after a cue in a sentence that introduces the next quote: "tweeted a stern warning". */
const SHORT_OBJECT = 4;

const SUBJECT_PRONOUNS = new Set(['i', 'we', 'you', 'he', 'she', 'it', 'they']);

const BE_FORMS = new Set(['is', 'are', 'was', 'were', 'be', 'been', "'s", "'re", 'am']);

/** Reported speech shorter than this (in tokens) is not a claim worth underlining. */
const MIN_INDIRECT_TOKENS = 3;

export function findQuotes(doc: ParsedDocument, names: readonly NameMention[], lex: CueLexicon): QuoteFinding[] {
  return new QuoteFinder(doc, names, lex).run();
}

class QuoteFinder {
  private readonly reader: PhraseReader;
  private readonly subjects: SubjectReader;
  private readonly tokens: readonly Token[];
  /** Cue tokens already used by a quotation in marks. */
  private readonly consumed = new Set<number>();
  /** Reported speech around partial quotes that have a cue of their own. */
  private readonly mixed: QuoteFinding[] = [];

  constructor(
    private readonly doc: ParsedDocument,
    names: readonly NameMention[],
    private readonly lex: CueLexicon,
  ) {
    this.reader = new PhraseReader(doc, names);
    this.subjects = new SubjectReader(doc, this.reader);
    this.tokens = doc.tokens;
  }

  run(): QuoteFinding[] {
    const marked = this.markedFindings();
    for (const f of marked) this.attachAdjacentCue(f);
    const reported = this.reportedFindings();
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
    this.inheritSpeakers(all);
    const merged = this.mergeSplitQuotes(all);
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

  /**
   * “Carolina’s going to win that one,” Gov. Kasich replied. “I hate to say it.” — one quote,
   * split by its cue. The second piece joins the first; returns the pieces merged away.
   */
  private mergeSplitQuotes(all: QuoteFinding[]): Set<QuoteFinding> {
    const merged = new Set<QuoteFinding>();
    for (const f of all) {
      if (f.inheritance !== 'continuation' || f.inherits === null || f.kind === 'indirect') continue;
      // A third piece continues from the quote the second was merged into.
      while (merged.has(all[f.inherits]) && all[f.inherits].inherits !== null) f.inherits = all[f.inherits].inherits as number;
      const p = all[f.inherits];
      if (p.kind === 'indirect' || !p.cue || p.cue.first < p.last || this.lastParagraph(p) !== f.paragraph) continue;
      if (!this.onlyFrameBetween(p.last, f.first) || f.first - p.last > POST_CUE_REACH + 2) continue;
      p.parts = [...p.parts, ...f.parts];
      p.end = f.end;
      p.last = f.last;
      p.kind = 'direct';
      merged.add(f);
    }
    return merged;
  }

  private lastParagraph(f: QuoteFinding): number {
    return this.doc.paragraphOf[f.last - 1];
  }

  private onlyFrameBetween(from: number, to: number): boolean {
    for (let k = from; k < to; k++) if (this.doc.quoteOf[k] >= 0) return false;
    return true;
  }

  // ── Quotations in marks ──────────────────────────────────────────────────────────────

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

  /** True when the quotation opening at token `i` is a whole quote of its own, not words inside a clause. */
  private standsAloneQuoteAt(i: number): boolean {
    const q = this.doc.quoteOf[i];
    let k = i;
    while (k < this.tokens.length && this.doc.quoteOf[k] === q) k++;
    return k >= this.tokens.length || this.doc.sentenceOf[k] !== this.doc.sentenceOf[i] || this.tokens[k].kind === 'punct';
  }

  /** A quotation stands alone when it opens its paragraph or sentence, or follows a cue or a colon. */
  private standsAlone(openMark: number, after: number): boolean {
    const { doc, tokens } = this;
    const prev = openMark - 1;
    if (prev < 0 || doc.paragraphOf[prev] !== doc.paragraphOf[openMark]) return true;
    const p = tokens[prev];
    if (p.kind === 'punct') return ',:;.!?—–-(…'.includes(p.text) || doc.quoteOf[prev] >= 0;
    // said “it gets me mad” every time … — a cue, then words in marks that run on: a partial quote.
    return this.cueEndingAt(prev) !== null && this.endsClause(after);
  }

  /** True when nothing but punctuation follows token `i - 1` in its sentence. */
  private endsClause(i: number): boolean {
    const { doc, tokens } = this;
    return i >= tokens.length || doc.sentenceOf[i] !== doc.sentenceOf[i - 1] || tokens[i].kind === 'punct';
  }

  private cueEndingAt(i: number): CueMatch | null {
    for (let k = i; k >= Math.max(0, i - 2); k--) {
      const m = this.cue(k, i + 1);
      if (m && m.last === i + 1) return m;
    }
    return null;
  }

  /** A cue at token `i`: verbs must be lower case (a capitalised "Post" is a newspaper). */
  private cue(i: number, limit: number): CueMatch | null {
    const t = this.tokens[i];
    if (t.kind !== 'word' || this.doc.quoteOf[i] >= 0) return null;
    const m = cueAt(this.lex, this.tokens, i, limit);
    if (!m) return null;
    if (t.cap && m.kind !== 'source-after' && i !== this.doc.sentences[this.doc.sentenceOf[i]].first) return null;
    if (m.kind === 'source-after') return m;
    const prev = i > 0 ? this.tokens[i - 1] : null;
    const next = m.last < this.tokens.length ? this.tokens[m.last] : null;
    // "the state’s", "Russia’s reported losses": after a determiner or a possessive, or before one, it is a noun.
    if (prev && prev.kind === 'word' && (wordFlags(prev.norm) & W.Determiner && !(wordFlags(prev.norm) & W.Pronoun) || prev.norm === "'s")) return null;
    if (next && next.norm === "'s") return null;
    // "are asking", "is telling": a participle after "be" is the verb of its clause.
    if (m.gerund && prev && BE_FORMS.has(prev.norm)) return { ...m, gerund: false };
    if (this.isPassive(i) || this.readsAsNoun(i, m)) return null;
    return m;
  }

  /** "was first reported by the Times", "he was told": the subject is not who spoke. */
  private isPassive(i: number): boolean {
    let k = i - 1;
    while (k >= 0 && this.tokens[k].kind === 'word' && wordFlags(this.tokens[k].norm) & W.Adverb && !BE_FORMS.has(this.tokens[k].norm)) k--;
    return k >= 0 && BE_FORMS.has(this.tokens[k].norm) && !/ing$/.test(this.tokens[i].norm);
  }

  /**
   * "his home state of Vermont", "many promises", "claims of fraud": a cue word in its plain or
   * -s form is a noun after a possessive and a modifier, after a number or quantifier, or before "of".
   */
  private readsAsNoun(i: number, m: CueMatch): boolean {
    const { tokens } = this;
    if (m.last - m.first !== 1 || !isPlainOrSForm(tokens[i].norm, m.lemma)) return false;
    if (tokens[m.last]?.norm === 'of') return true;
    const prev = tokens[i - 1];
    if (!prev) return false;
    // "many promises", "black voters in states like …"
    if (prev.kind === 'number' || QUANTIFIERS.has(prev.norm) || (prev.kind === 'word' && !prev.cap && wordFlags(prev.norm) & W.Preposition && prev.norm !== 'to')) return true;
    const before = tokens[i - 2];
    const fp = wordFlags(prev.norm);
    const modifier = prev.kind === 'word' && !prev.cap && !(fp & (W.Plural | W.SourceNoun | W.Title | W.OrgHead | W.Pronoun | W.Adverb | W.Auxiliary));
    if (!modifier || before === undefined) return false;
    // "his home state", "Clinton’s stock answer", "a snappy retort", "some interesting claims" —
    // but "the poll says", "the campaign says".
    if (POSSESSIVES.has(before.norm) || before.norm === "'s") return true;
    if ((before.norm === 'a' || before.norm === 'an') && tokens[i].norm === m.lemma) return true;
    return (wordFlags(before.norm) & W.Determiner) !== 0 && (fp & W.Adjective) !== 0;
  }

  private attachAdjacentCue(f: QuoteFinding): void {
    // He read “The Art of the Deal”: a title is named, not quoted, whatever verb stands next to it.
    if ((f.kind === 'partial' && this.isTitle(f)) || this.isNamedWork(f)) return;
    const after = this.cueAfter(f);
    const found = after ?? this.cueBefore(f);
    if (!found) return;
    f.phrase = found.phrase;
    f.cue = { first: found.cue.first, last: found.cue.last };
    for (let k = found.cue.first; k < found.cue.last; k++) this.consumed.add(k);
    if (f.kind !== 'partial') return;
    // Words in marks inside someone's sentence make that sentence theirs, partly in their own words:
    //   A reach a “mutual recognition” that B “is … other means,” Milley said.
    //   Clinton called the agreement “an historic step forward” in global efforts …
    const sentence = this.doc.sentences[this.doc.sentenceOf[f.first]];
    if (after) {
      const leadIn = this.leadIn(sentence.first, f.last);
      if (leadIn && leadIn.first < f.first) this.addMixed(found.phrase, found.cue, leadIn.first, f.last);
    } else {
      this.addMixed(found.phrase, found.cue, this.reportStart(found.cue, f.first), this.clauseEnd(f.last, sentence.last));
    }
  }

  private addMixed(phrase: SpeakerPhrase, cue: TokenRange, first: number, last: number): void {
    const mixed = first < last ? this.reported(phrase, cue, [{ first, last }]) : null;
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
    if (this.isTitle(f)) return;
    const sentence = this.doc.sentences[this.doc.sentenceOf[f.first]];
    const subject = this.subjects.subjectBefore(sentence.first, f.first);
    if (!subject) return;
    f.phrase = subject.phrase;
    f.cue = { first: subject.verb, last: subject.verb + 1 };
    this.addMixed(subject.phrase, f.cue, subject.verb + 1, this.clauseEnd(f.last, sentence.last));
  }

  /** “…,” he remarked / “…,” remarked Kupchan / “…,” according to Kirby. */
  private cueAfter(f: QuoteFinding): { phrase: SpeakerPhrase; cue: CueMatch } | null {
    const { doc, tokens } = this;
    let j = f.last;
    const paragraph = doc.paragraphOf[f.last - 1];
    if (j < tokens.length && doc.paragraphOf[j] !== paragraph && DASHES.has(tokens[j].text)) {
      // A quote paragraph signed by the next one: "- Bernie Sanders."
      return this.signature(j, this.paragraphEnd(j));
    }
    if (j < tokens.length && tokens[j].text === ',' && doc.paragraphOf[j] === paragraph) j++;
    let limit = j;
    let reach = 0;
    while (limit < tokens.length && reach < POST_CUE_REACH && doc.paragraphOf[limit] === paragraph) {
      const t = tokens[limit];
      // “…,” Rep. Jim McDermott (D-Wash.) said — a parenthesis is read past, whatever its periods.
      const close = t.text === '(' ? this.closingParenthesis(limit, paragraph) : -1;
      if (close > 0) {
        limit = close + 1;
        continue;
      }
      if (doc.quoteOf[limit] >= 0 || (t.kind === 'punct' && '.!?;'.includes(t.text) && !isGluedPeriod(tokens, limit))) break;
      limit++;
      reach++;
    }
    if (j >= limit) return null;
    // “… details.” The aide declined to … — after a quote that ended its sentence, only a real cue attributes.
    const endedSentence = doc.sentenceOf[j] !== doc.sentenceOf[f.last - 1] && !/[?!]/.test(tokens[f.last - 2]?.text ?? '');
    const found = this.postCue(j, limit, !endedSentence);
    // “… blood.” Zelensky said on Friday. — the quote ended its sentence, so the next one may
    // only be its cue, not a new report ("She says they are going ahead").
    if (found && doc.sentenceOf[j] !== doc.sentenceOf[f.last - 1] && tokens[found.cue.last]?.text !== ',') {
      const end = doc.sentences[doc.sentenceOf[j]].last;
      if (this.contentStart(found.cue, trimEnd(tokens, j, end)) !== null) return null;
    }
    return found;
  }

  private postCue(j: number, limit: number, anyVerb: boolean): { phrase: SpeakerPhrase; cue: CueMatch } | null {
    const signed = this.signature(j, limit);
    if (signed) return signed;
    const first = this.cue(j, limit);
    if (first && !first.gerund) {
      const phrase = this.reader.after(first.last, limit);
      return phrase && !this.clauseFollows(phrase.last, limit) ? { phrase, cue: first } : null;
    }
    for (let c = j + 1; c < limit; c++) {
      const m = this.cue(c, limit);
      if (!m) continue;
      if (m.kind === 'source-after' || m.gerund) return null;
      const phrase = this.reader.before(c, j);
      // A cue inside an apposition ("Cruz, who has proposed …, said") is not the quote's.
      if (!phrase || phrase.first !== j) {
        c = m.last - 1;
        continue;
      }
      return this.clauseFollows(m.last, limit) ? null : { phrase, cue: m };
    }
    return anyVerb ? this.postVerb(j, limit) : null;
  }

  /** “…” — Bernie Sanders. A name alone after a dash signs the quote (fact checks, epigraphs). */
  private signature(dash: number, limit: number): { phrase: SpeakerPhrase; cue: CueMatch } | null {
    if (!DASHES.has(this.tokens[dash].text)) return null;
    const name = this.reader.after(dash + 1, limit);
    if (!name || name.kind !== 'name' || (name.last < limit && this.tokens[name.last].kind !== 'punct')) return null;
    return { phrase: name, cue: { first: dash, last: dash + 1, lemma: '-', kind: 'quote-only', gerund: false } };
  }

  private paragraphEnd(i: number): number {
    let k = i;
    while (k < this.tokens.length && this.doc.paragraphOf[k] === this.doc.paragraphOf[i]) k++;
    return k;
  }

  /** The index of the ")" closing the "(" at `open` within a few tokens of its paragraph, or -1. */
  private closingParenthesis(open: number, paragraph: number): number {
    const { tokens, doc } = this;
    for (let k = open + 1; k < tokens.length && k - open <= MAX_PARENTHESIS && doc.paragraphOf[k] === paragraph; k++) {
      if (tokens[k].text === ')') return k;
      if (tokens[k].text === '(' || doc.quoteOf[k] >= 0) return -1;
    }
    return -1;
  }

  /** "…, he claimed they had never met": the cue governs a clause of its own, not the quote. */
  private clauseFollows(k: number, limit: number): boolean {
    if (k >= limit) return false;
    const t = this.tokens[k];
    const f = wordFlags(t.norm);
    return t.norm === 'that' || (t.kind === 'word' && (f & W.Pronoun) !== 0 && !OBJECT_PRONOUNS.has(t.norm));
  }

  /**
   * “France will always be France,” an angry Hollande retaliated. / “This is fantastic!” beamed
   * Donald Hartley. — right after a quote, any verb with someone who can speak is its cue.
   */
  private postVerb(j: number, limit: number): { phrase: SpeakerPhrase; cue: CueMatch } | null {
    const { tokens } = this;
    const isVerb = (k: number) => {
      const t = tokens[k];
      if (!t || t.kind !== 'word' || t.cap || k >= limit) return false;
      const f = wordFlags(t.norm);
      if (f & (W.Determiner | W.Preposition | W.Pronoun | W.Conjunction | W.Adverb) || !(f & W.Verb || /ed$/.test(t.norm))) return false;
      return !/ing$/.test(t.norm);
    };
    const cueAt = (k: number): CueMatch => ({ first: k, last: k + 1, lemma: tokens[k].norm, kind: 'quote-only', gerund: false });
    if (isVerb(j)) {
      const phrase = this.reader.after(j + 1, limit);
      if (phrase && phrase.kind === 'name' && this.isClauseEnd(phrase.last, limit)) return { phrase, cue: cueAt(j) };
      return null;
    }
    const phrase = this.reader.after(j, limit);
    if (!phrase || phrase.kind === 'description' && !this.subjects.canSpeak(phrase)) return null;
    let v = phrase.last;
    while (v < limit && wordFlags(tokens[v].norm) & W.Adverb) v++;
    // "he mocks": after a pronoun an -s form is the verb, whatever the lexicon files it as.
    const afterPronoun = phrase.kind === 'pronoun' && v < limit && tokens[v].kind === 'word' && !tokens[v].cap && /s$/.test(tokens[v].norm) && !(wordFlags(tokens[v].norm) & (W.Preposition | W.Conjunction | W.Adverb));
    if (!isVerb(v) && !afterPronoun) return null;
    // "shot back", "fired back": a particle may follow.
    let end = v + 1;
    if (end < limit && /^(back|out|up|in|off)$/.test(tokens[end].norm)) end++;
    return this.isClauseEnd(end, limit) ? { phrase, cue: { ...cueAt(v), last: end } } : null;
  }

  /** Nothing but punctuation or a short adverbial ("on Friday", "in Paris") until the sentence ends. */
  private isClauseEnd(k: number, limit: number): boolean {
    if (k >= limit) return true;
    const t = this.tokens[k];
    if (t.kind === 'punct') return true;
    // "declined to specify" goes on; "said on Friday" ends.
    return (wordFlags(t.norm) & (W.Preposition | W.Time | W.Adverb)) !== 0 && t.norm !== 'that' && t.norm !== 'to';
  }

  /** he advised, “…” / Milley said: “…” / According to Kirby, “…”. */
  private cueBefore(f: QuoteFinding): { phrase: SpeakerPhrase; cue: CueMatch } | null {
    const { doc, tokens } = this;
    let j = f.first - 1;
    // A quote that opens its paragraph may follow a paragraph ending "… McCrummen reports:".
    if (j < 0) return null;
    const sameParagraph = doc.paragraphOf[j] === f.paragraph;
    if (!sameParagraph && tokens[j].text !== ':') return null;
    if (tokens[j].text === ':') {
      const found = this.cueBeforeColon(j);
      if (found) return found;
    }
    if (tokens[j].text === '.' && sameParagraph) return this.cueSentenceBefore(j);
    if (',:—–'.includes(tokens[j].text) && tokens[j].kind === 'punct') j--;
    const sentenceFirst = doc.sentences[doc.sentenceOf[Math.max(j, 0)]].first;
    const opening = this.openingInversion(sentenceFirst, j + 1);
    if (opening) return opening;
    for (let c = j; c >= 0 && j - c < PRE_CUE_REACH && c >= sentenceFirst; c--) {
      const t = tokens[c];
      if (doc.quoteOf[c] >= 0 || (t.kind === 'punct' && '.!?;'.includes(t.text) && !isGluedPeriod(tokens, c))) break;
      const m = this.cue(c, j + 1);
      if (!m || this.consumed.has(c)) continue;
      if (!this.onlyAdverbials(m.last, j + 1)) continue;
      const min = this.frameStart(c, sentenceFirst);
      const phrase =
        m.kind === 'source-after'
          ? this.reader.after(m.last, j + 1)
          : m.gerund
            ? this.participleSubject(c, sentenceFirst)
            : (this.reader.before(c, min) ?? this.invertedBeforeQuote(m, j + 1) ?? this.coordinatedSubject(c, sentenceFirst, true));
      return phrase ? { phrase, cue: m } : null;
    }
    return null;
  }


  /** "tweeted a warning", "issued a statement": a determiner and a few words, no clause of their own. */
  private shortObject(from: number, to: number): boolean {
    const { tokens } = this;
    if (to - from > SHORT_OBJECT || !(wordFlags(tokens[from]?.norm ?? '') & W.Determiner)) return false;
    for (let k = from; k < to; k++) if (tokens[k].kind !== 'word' || tokens[k].norm === 'that' || SUBJECT_PRONOUNS.has(tokens[k].norm)) return false;
    return true;
  }

  /** Said Dorothy Poynter, who grew up with Ali in the neighborhood, “We were all so proud of him.” */
  private openingInversion(sentenceFirst: number, limit: number): { phrase: SpeakerPhrase; cue: CueMatch } | null {
    const m = this.cue(sentenceFirst, limit);
    if (!m || m.kind !== 'speech' || m.gerund || this.consumed.has(sentenceFirst)) return null;
    const phrase = this.reader.after(m.last, limit);
    return phrase && phrase.kind === 'name' ? { phrase, cue: m } : null;
  }

  /**
   * Dianne Bystrom agreed. “Republicans are running out of time.” — a sentence that is only a
   * speaker and a cue introduces the quote after it.
   */
  private cueSentenceBefore(stop: number): { phrase: SpeakerPhrase; cue: CueMatch } | null {
    const sentence = this.doc.sentences[this.doc.sentenceOf[stop]];
    for (let c = sentence.first + 1; c < stop; c++) {
      const m = this.cue(c, stop);
      if (!m || m.gerund || m.kind === 'source-after' || !(this.onlyAdverbials(m.last, stop) || this.shortObject(m.last, stop))) continue;
      const phrase = this.reader.before(c, sentence.first);
      return phrase && phrase.first === sentence.first ? { phrase, cue: m } : null;
    }
    return null;
  }

  /**
   * President Clinton released the following statement: “…” / Jared Potts echoed: “…” — a
   * quotation introduced by a colon is the words of the subject of the clause before it.
   */
  private cueBeforeColon(colon: number): { phrase: SpeakerPhrase; cue: CueMatch } | null {
    const sentenceFirst = this.doc.sentences[this.doc.sentenceOf[colon]].first;
    for (let c = colon - 1; c >= sentenceFirst && colon - c <= PRE_CUE_REACH; c--) {
      const m = this.cue(c, colon);
      if (!m || m.kind === 'source-after') continue;
      // "reacted to the news, saying: “…”" — a participle speaks for its clause's subject.
      const phrase = m.gerund ? this.participleSubject(c, sentenceFirst) : (this.reader.before(c, this.frameStart(c, sentenceFirst)) ?? this.invertedBeforeQuote(m, colon));
      if (phrase) return { phrase, cue: m };
    }
    const subject = this.subjects.subjectBefore(sentenceFirst, colon);
    if (subject) {
      const v = subject.verb;
      return { phrase: subject.phrase, cue: { first: v, last: v + 1, lemma: this.tokens[v].norm, kind: 'quote-only', gerund: false } };
    }
    return this.labelBeforeColon(colon, sentenceFirst);
  }

  /**
   * "Philip Bump: “…”", "More from the report: “…”" — in round-ups and transcripts a speaker
   * named alone before a colon introduces their words.
   */
  private labelBeforeColon(colon: number, sentenceFirst: number): { phrase: SpeakerPhrase; cue: CueMatch } | null {
    const { tokens } = this;
    let start = sentenceFirst;
    for (let k = sentenceFirst; k < colon; k++) if (DASHES.has(tokens[k].text)) start = k + 1;
    while (start < colon && LABEL_LEAD_INS.has(tokens[start].norm)) start++;
    const phrase = this.reader.before(colon, start);
    if (!phrase || phrase.kind === 'pronoun' || !this.subjects.canSpeak(phrase)) return null;
    // A description must be the whole label ("the report:"); a name may end a clause ("… doesn’t surprise pollster Daron Shaw:").
    if (phrase.first !== start && phrase.kind !== 'name') return null;
    return { phrase, cue: { first: colon, last: colon + 1, lemma: ':', kind: 'quote-only', gerund: false } };
  }

  /**
   * "He then adopted a fake accent and joked, “…”", "interrupted me to announce, “…”": a cue
   * that shares its subject with an earlier verb of the clause.
   */
  private coordinatedSubject(c: number, sentenceFirst: number, infinitive: boolean): SpeakerPhrase | null {
    let k = c - 1;
    while (k >= sentenceFirst && this.tokens[k].kind === 'word' && wordFlags(this.tokens[k].norm) & W.Adverb) k--;
    if (k < sentenceFirst || !(COORDINATORS.has(this.tokens[k].norm) || (infinitive && this.tokens[k].norm === 'to'))) return null;
    return this.subjects.subjectBefore(sentenceFirst, k)?.phrase ?? null;
  }

  /** "with Trump reportedly yelling: …" names its speaker right before it; ", saying …" hangs on the clause's subject. */
  private participleSubject(c: number, sentenceFirst: number): SpeakerPhrase | null {
    const adjacent = this.tokens[c - 1]?.text !== ',' ? this.reader.before(c, this.frameStart(c, sentenceFirst)) : null;
    // "with Trump reportedly yelling" — but not "responded on Facebook writing": there the name is a place of speech.
    const opener = adjacent ? this.tokens[adjacent.first - 1] : undefined;
    const absolute = opener === undefined || adjacent!.first === sentenceFirst || /^(with|and|,)$/.test(opener.norm) || DASHES.has(opener.text);
    if (adjacent && adjacent.kind !== 'description' && absolute) return adjacent;
    return this.subjects.subjectBefore(sentenceFirst, c)?.phrase ?? null;
  }

  /** said Milley: “…” — the phrase after the cue must reach the quote, or it is the cue's object. */
  private invertedBeforeQuote(m: CueMatch, limit: number): SpeakerPhrase | null {
    // "told Fox News: “…”", "called the system “rotten”" — after these verbs comes their object, never the speaker.
    if (LISTENER_VERBS.has(m.lemma) || NAMING_VERBS.has(m.lemma)) return null;
    const phrase = this.reader.after(m.last, limit);
    return phrase && phrase.last >= limit - 1 ? phrase : null;
  }

  /** Where a speaker phrase may start: after the last quotation before `c` in its sentence. */
  private frameStart(c: number, sentenceFirst: number): number {
    let k = c - 1;
    while (k >= sentenceFirst && this.doc.quoteOf[k] < 0) k--;
    return k + 1;
  }

  /** True when tokens [from, to) are only time words and short prepositional phrases ("on Friday in a statement", "vowed to “…”"). */
  private onlyAdverbials(from: number, to: number): boolean {
    for (let k = from; k < to; k++) {
      const t = this.tokens[k];
      if (t.kind === 'punct') {
        if (t.text === '.' && isGluedPeriod(this.tokens, k)) continue;
        return false;
      }
      const fl = wordFlags(t.norm);
      if (fl & W.Verb && !(fl & (W.Preposition | W.Time)) && !t.cap) return false;
      if (fl & W.Conjunction && t.norm !== 'and' && t.norm !== 'to') return false;
    }
    return true;
  }

  // ── Reported speech ──────────────────────────────────────────────────────────────────

  private reportedFindings(): QuoteFinding[] {
    const findings: QuoteFinding[] = [];
    for (const s of this.doc.sentences) {
      let from = s.first;
      while (from < s.last) {
        const found = this.reportedIn(s.first, s.last, from);
        if (!found) break;
        findings.push(found.finding);
        from = found.resume;
      }
    }
    return findings;
  }

  private reportedIn(first: number, last: number, from: number): { finding: QuoteFinding; resume: number } | null {
    // "Cost estimates, he added, were …": a cue set off by commas frames its whole sentence,
    // whatever cue-like words come before it.
    const aside = from === first ? this.parentheticalCue(first, last) : null;
    const framed = aside ? this.reportedBy(aside, first, last) : null;
    if (aside && framed) return { finding: framed, resume: last };
    for (let i = from; i < last; i++) {
      if (this.consumed.has(i)) continue;
      const m = this.cue(i, last);
      if (!m || m.kind === 'quote-only') continue;
      const found = m.kind === 'source-after' ? this.accordingTo(m, first, last) : m.gerund ? this.reportedWhile(m, first, last) : this.reportedBy(m, first, last);
      if (found) return { finding: found, resume: Math.max(found.last, m.last) };
      i = m.last - 1;
    }
    return null;
  }

  /** ", he added," / ", Smith said," inside a sentence: a speaker and a cue between commas. */
  private parentheticalCue(first: number, last: number): CueMatch | null {
    const { tokens } = this;
    for (let k = first + 1; k < last - 2; k++) {
      if (tokens[k].text !== ',' || this.doc.quoteOf[k] >= 0) continue;
      const phrase = this.reader.after(k + 1, last);
      if (!phrase || phrase.kind === 'description' || phrase.last >= last) continue;
      const m = this.cue(phrase.last, last);
      if (!m || m.kind !== 'speech' || m.gerund || this.consumed.has(m.first)) continue;
      if (tokens[m.last]?.text === ',') return m;
    }
    return null;
  }

  /** According to X, CONTENT. / CONTENT, according to X. / A, according to X, B. */
  private accordingTo(m: CueMatch, first: number, last: number): QuoteFinding | null {
    const { tokens } = this;
    const phrase = this.reader.after(m.last, last);
    if (!phrase) return null;
    const contentEnd = trimEnd(tokens, first, last);
    const after = phrase.last;
    const before = this.leadIn(first, m.first);
    if (before === null && after < last && tokens[after].text === ',') {
      return this.reported(phrase, m, [{ first: after + 1, last: contentEnd }]);
    }
    if (before !== null) {
      const pieces = [{ first: before.first, last: before.last }];
      if (after < last && tokens[after].text === ',' && after + 1 < contentEnd) pieces.push({ first: after + 1, last: contentEnd });
      return this.reported(phrase, m, pieces);
    }
    return null;
  }

  /** The content before a cue: sentence start up to the comma before it, or null when the cue opens the sentence. */
  private leadIn(first: number, cueFirst: number, fragment = false): TokenRange | null {
    let k = cueFirst - 1;
    // Skip "But", "And" — a cue that opens its sentence has no content before it.
    if (k < first) return null;
    if (this.tokens[k].text !== ',' && !(this.doc.quoteOf[k] >= 0)) return null;
    const end = this.tokens[k].text === ',' ? k : k + 1;
    let start = this.afterDateline(first, end);
    while (start < end && this.isFiller(start)) start++;
    // "On the health care page, she vows …": words before a cue are its content only if they make a
    // clause — or begin one the cue interrupts ("Cost estimates, he added, were …").
    if (fragment) return end > start ? { first: start, last: end } : null;
    return end - start >= MIN_INDIRECT_TOKENS && this.hasClause(start, end) ? { first: start, last: end } : null;
  }

  /**
   * True when tokens [first, end) hold a verb, an infinitive ("In order to help …"), a subject
   * pronoun or words in marks: something said, not a setting ("At one point") or a name.
   */
  private hasClause(first: number, end: number): boolean {
    for (let k = first; k < end; k++) {
      const t = this.tokens[k];
      if (this.doc.quoteOf[k] >= 0) return true;
      if (t.kind !== 'word') continue;
      if (SUBJECT_PRONOUNS.has(t.norm)) return true;
      if (t.cap) continue;
      if (t.norm === 'to' && k + 1 < end && this.tokens[k + 1].kind === 'word' && !this.tokens[k + 1].cap && !(wordFlags(this.tokens[k + 1].norm) & W.Determiner)) return true;
      const f = wordFlags(t.norm);
      if (f & (W.Verb | W.Auxiliary) && !(f & W.Preposition)) return true;
    }
    return false;
  }

  /** "WASHINGTON -- " or "KYIV, Ukraine (AP) — " opening a story is not anyone's words. */
  private afterDateline(first: number, end: number): number {
    const { tokens } = this;
    let k = first;
    while (k < end && k - first < 6 && (tokens[k].kind !== 'word' || tokens[k].text === tokens[k].text.toUpperCase() || tokens[k].cap)) {
      if (tokens[k].kind === 'punct' && /^[-—–]$/.test(tokens[k].text)) {
        while (k < end && tokens[k].kind === 'punct') k++;
        return k;
      }
      k++;
    }
    return first;
  }

  private isFiller(i: number): boolean {
    const t = this.tokens[i];
    return t.kind === 'punct' && !this.isOpeningMark(i);
  }

  private isOpeningMark(i: number): boolean {
    const q = this.doc.quoteOf[i];
    return q >= 0 && this.doc.marked[q].parts.some((p) => p.start === this.tokens[i].start);
  }

  /** X said (that) CONTENT. / CONTENT, X said. / CONTENT, said X. / A, he argued, B. */
  private reportedBy(m: CueMatch, first: number, last: number): QuoteFinding | null {
    const { tokens } = this;
    const contentEnd = trimEnd(tokens, first, last);
    // "careful to point out that …" reports; "prepared to say publicly …" does not: after "to", only with "that".
    const infinitive = this.tokens[m.last]?.norm === 'that';
    const subject = this.reader.before(m.first, this.frameStart(m.first, first)) ?? this.coordinatedSubject(m.first, first, infinitive);
    if (subject && !this.isPossessive(subject)) {
      const commaAfter = tokens[m.last]?.text === ',';
      const start = this.contentStart(m, contentEnd);
      const end = start === null ? contentEnd : this.nextReportStart(start, contentEnd);
      const leadIn = subject.first > first ? this.leadIn(first, subject.first, commaAfter && start !== null) : null;
      // "In New York last week, Milley said that …": an opening phrase is not content.
      if (start !== null && (!commaAfter || leadIn === null)) return this.reported(subject, m, [{ first: start, last: end }]);
      if (leadIn !== null) {
        // A, he argued, B — or — CONTENT, the White House said in a statement.
        const pieces = [leadIn];
        if (start !== null && commaAfter) pieces.push({ first: start, last: end });
        return this.reported(subject, m, pieces);
      }
      return null;
    }
    // CONTENT, said X. — unless the cue reports something of its own after it ("…, told Politico that …").
    const inverted = this.reader.after(m.last, last);
    const leadIn = this.leadIn(first, m.first);
    if (inverted && leadIn && (this.contentStart(m, contentEnd) === null || this.endsWithSpeaker(inverted, contentEnd))) return this.reported(inverted, m, [leadIn]);
    return null;
  }

  /** "…, said Geert Wilders, founder of the Party for Freedom." — nothing after the speaker but who they are. */
  private endsWithSpeaker(speaker: SpeakerPhrase, end: number): boolean {
    const { tokens } = this;
    let k = speaker.last;
    if (k < end && tokens[k].text === ',') {
      while (k < end && tokens[k].norm !== 'that' && !(tokens[k].kind === 'word' && wordFlags(tokens[k].norm) & W.Verb && !(wordFlags(tokens[k].norm) & (W.Title | W.SourceNoun | W.Adjective)) && !tokens[k].cap)) k++;
    }
    return k >= end;
  }

  /**
   * "Milli said the winter would slow the fighting, and Mark Mille insisted …", "… legislation
   * targeting accreditation bodies, which he called “a cartel”" — reported content ends where
   * another report is joined on: at ", and", ", but", ";" or a relative "which"/"who" before a
   * speaker and a cue of their own. Returns where the content ends.
   */
  private nextReportStart(start: number, end: number): number {
    const { tokens } = this;
    for (let k = start + 1; k < end - 1; k++) {
      const t = tokens[k];
      if (this.doc.quoteOf[k] >= 0) continue;
      const joins = t.text === ';' || (tokens[k - 1].text === ',' && (t.norm === 'and' || t.norm === 'but'));
      const relative = t.norm === 'which' || (t.norm === 'who' && tokens[k - 1].text === ',');
      if (!joins && !relative) continue;
      // "who called …": the relative pronoun is the speaker; "which he called …": a speaker follows it.
      const speaker = t.norm === 'who' ? null : this.reader.after(k + 1, end);
      if (t.norm !== 'who' && (!speaker || (speaker.kind === 'pronoun' && tokens[speaker.first].norm === 'it'))) continue;
      let c = speaker ? speaker.last : k + 1;
      while (c < end && tokens[c].kind === 'word' && wordFlags(tokens[c].norm) & W.Adverb) c++;
      const m = c < end ? cueAt(this.lex, tokens, c, end) : null;
      const reports = m !== null && !m.gerund && (m.kind === 'speech' || (relative && NAMING_VERBS.has(m.lemma)));
      if (reports) return trimEnd(tokens, start, t.text === ';' || (relative && tokens[k - 1].text !== ',') ? k : k - 1);
    }
    return end;
  }

  /**
   * "…, Fiorina said, adding that …" / "He began by talking about drugs, saying that …": a
   * participle reports for the speaker of the clause it hangs on.
   */
  private reportedWhile(m: CueMatch, first: number, last: number): QuoteFinding | null {
    const prev = this.tokens[m.first - 1];
    if (!prev || (prev.text !== ',' && prev.norm !== 'by')) return null;
    const start = this.contentStart(m, trimEnd(this.tokens, first, last));
    if (start === null) return null;
    // Without an earlier cue, only "saying that …" / "warning: …" report; "claiming millions of lives" does not.
    const earlier = this.speakerOfEarlierCue(first, m.first);
    // "saying the agreement goes “nowhere near far enough”": words in marks make it a report too.
    const content = trimEnd(this.tokens, first, last);
    let quoted = false;
    for (let k = start; k < content && !quoted; k++) quoted = this.doc.quoteOf[k] >= 0;
    const introduces = /^(that|:)$/.test(this.tokens[start - 1]?.norm ?? '') || quoted;
    if (!earlier && !introduces) return null;
    const speaker = earlier ?? this.subjects.subjectBefore(first, m.first)?.phrase ?? null;
    return speaker ? this.reported(speaker, m, [{ first: start, last: trimEnd(this.tokens, first, last) }]) : null;
  }

  private speakerOfEarlierCue(first: number, before: number): SpeakerPhrase | null {
    for (let c = before - 1; c >= first; c--) {
      const m = this.cue(c, before);
      if (!m || m.gerund || m.kind === 'source-after') continue;
      return this.reader.before(c, this.frameStart(c, first)) ?? this.reader.after(m.last, before);
    }
    return null;
  }

  /** "Russia's reported losses": a cue word after a possessive is an adjective. */
  private isPossessive(phrase: SpeakerPhrase): boolean {
    return this.tokens[phrase.last - 1].norm === "'s";
  }

  /** Where reported content starts after a cue: after "that", after a listener (told reporters), or right away. */
  private contentStart(m: CueMatch, end: number): number | null {
    const { tokens, doc } = this;
    let k = m.last;
    if (k >= end) return null;
    // A whole quotation in marks after the cue is a direct quote, not reported speech.
    const mark = doc.quoteOf[k] >= 0 ? k : tokens[k].kind === 'punct' && k + 1 < end && doc.quoteOf[k + 1] >= 0 ? k + 1 : -1;
    if (mark >= 0 && this.isOpeningMark(mark) && this.standsAloneQuoteAt(mark)) return null;
    // "The White House emphasized, Burns …" / "he argued, the US should …"
    if (tokens[k].text === ',' || tokens[k].text === ':') k++;
    if (LISTENER_VERBS.has(m.lemma) && k < end) {
      // told reporters (that) … / tells the crowd, …
      const listener = this.reader.after(k, end);
      if (listener) k = listener.last;
      // told NBC’s “Today” that … — the programme's title belongs to the listener.
      if (k < end && this.isOpeningMark(k)) {
        let close = k;
        while (close + 1 < end && doc.quoteOf[close + 1] === doc.quoteOf[k]) close++;
        if (this.isTitleRange(k, close + 1)) k = close + 1;
      }
      if (k < end && tokens[k].text === ',') k++;
    }
    if (k >= end) return null;
    // said on Wednesday that … — but not "maintains the position that".
    for (let j = k; j < Math.min(end, k + 8); j++) {
      if (tokens[j].norm === 'that') {
        if (j === k || (this.onlyAdverbials(k, j) && this.startsAdverbial(k))) return j + 1 < end ? j + 1 : null;
        break;
      }
      if (tokens[j].kind === 'punct' && !isGluedPeriod(tokens, j)) break;
    }
    // Adverbials directly after the cue (said Tuesday, said in a statement) leave no content when a comma follows.
    let j = k;
    while (j < end && (wordFlags(tokens[j].norm) & W.Time || (tokens[j].kind === 'word' && wordFlags(tokens[j].norm) & W.Preposition && tokens[j].norm !== 'that'))) {
      j = this.skipPrepositionalPhrase(j, end);
    }
    if (j >= end || (tokens[j].kind === 'punct' && !this.isOpeningMark(j))) return null;
    if (j > k && !(wordFlags(tokens[k].norm) & W.Time)) return null; // "said in a statement" then a clause: too unsure
    return end - j >= MIN_INDIRECT_TOKENS ? j : null;
  }

  private startsAdverbial(k: number): boolean {
    const f = wordFlags(this.tokens[k].norm);
    return (f & (W.Preposition | W.Time | W.Adverb)) !== 0 || this.tokens[k].norm === 'last';
  }

  private skipPrepositionalPhrase(j: number, end: number): number {
    const { tokens } = this;
    j++;
    let n = 0;
    while (j < end && n < 4 && tokens[j].kind === 'word' && !(wordFlags(tokens[j].norm) & (W.Verb | W.Pronoun | W.Preposition)) && tokens[j].norm !== 'that') {
      j++;
      n++;
    }
    return j;
  }

  private reported(phrase: SpeakerPhrase, m: TokenRange, pieces: TokenRange[]): QuoteFinding | null {
    const { tokens, doc } = this;
    const kept = pieces.filter((p) => p.last - p.first > 0);
    if (kept.length === 0) return null;
    const size = kept.reduce((n, p) => n + (p.last - p.first), 0);
    if (size < MIN_INDIRECT_TOKENS) return null;
    const parts = kept.map((p) => ({ start: tokens[p.first].start, end: tokens[p.last - 1].end }));
    return {
      kind: 'indirect',
      start: parts[0].start,
      end: parts[parts.length - 1].end,
      parts,
      first: kept[0].first,
      last: kept[kept.length - 1].last,
      paragraph: doc.paragraphOf[kept[0].first],
      phrase,
      cue: { first: m.first, last: m.last },
      inherits: null,
      inheritance: null,
    };
  }

  // ── Quotes without a cue of their own ────────────────────────────────────────────────

  private inheritSpeakers(all: QuoteFinding[]): void {
    for (let i = 0; i < all.length; i++) {
      const f = all[i];
      if (f.phrase) continue;
      // Words in marks inside reported speech are the reported speaker's.
      const container = this.containing(all, i);
      if (container !== null) {
        f.inherits = container;
        f.inheritance = 'context';
        continue;
      }
      if (f.kind !== 'direct') continue;
      const prev = this.previousAttributed(all, i);
      if (prev === null) continue;
      const p = all[prev];
      const opensParagraph = f.first === 0 || this.doc.paragraphOf[f.first - 1] !== f.paragraph;
      // A quote over several paragraphs is continued from where it ends.
      const pEnds = this.lastParagraph(p);
      if (pEnds === f.paragraph || (opensParagraph && pEnds === f.paragraph - 1)) {
        f.inherits = prev;
        f.inheritance = 'continuation';
      }
    }
  }

  /** The outermost reported speech with a speaker that holds finding `i`: it lies in the same sentence, at or before it. */
  private containing(all: QuoteFinding[], i: number): number | null {
    const f = all[i];
    const sentence = this.doc.sentenceOf[f.first];
    const holds = (c: QuoteFinding) => c.kind === 'indirect' && c.phrase !== null && c.start <= f.start && f.end <= c.end;
    let found: number | null = null;
    for (let k = i - 1; k >= 0 && this.doc.sentenceOf[all[k].first] === sentence; k--) if (holds(all[k])) found = k;
    if (found !== null) return found;
    for (let k = i + 1; k < all.length && all[k].start === f.start; k++) if (holds(all[k])) return k;
    return null;
  }

  private previousAttributed(all: QuoteFinding[], i: number): number | null {
    for (let k = i - 1; k >= 0; k--) {
      const p = all[k];
      if (p.end > all[i].start) continue; // an enclosing reported quote
      // A title or scare quote in between ("Meet the Press") does not interrupt the speaker.
      if (!p.phrase && p.inherits === null && p.kind === 'partial') continue;
      if (!p.phrase && p.inherits === null) return null;
      return p.kind === 'indirect' ? this.quoteFramingReport(all, k) : k;
    }
    return null;
  }

  /**
   * “…,” Lieberman told the Journal, after de Blasio stated an interest … “These contracts are
   * binding.” — reported speech inside the cue's sentence of a quote does not take its words over.
   */
  private quoteFramingReport(all: QuoteFinding[], report: number): number {
    const sentence = this.doc.sentenceOf[all[report].first];
    for (let k = report - 1; k >= 0; k--) {
      const q = all[k];
      if (q.kind === 'indirect' || !q.cue) continue;
      return this.doc.sentenceOf[q.cue.first] === sentence ? k : report;
    }
    return report;
  }

  /** Scare quotes and titles: a few words in marks, with no speaker in reach. */
  private isScareQuote(f: QuoteFinding): boolean {
    if (f.kind === 'indirect') return false;
    // A title inside a sentence is named, not quoted, even next to a cue: told NBC’s “Today”.
    if (this.isTitle(f) && (f.kind === 'partial' || !f.phrase)) return true;
    if (this.isNamedWork(f)) return true;
    if (f.phrase) return false;
    if (f.inherits !== null) return false;
    return this.wordCount(f) <= SCARE_QUOTE_WORDS && !this.isWholeSentence(f);
  }

  /**
   * The title of a work in sentence case: his new book, “Crippled America: …”; a column,
   * “The piling on must stop”; “The Living Room to close in December,” by Ben Sisario; the
   * “Orange is the New Black” star.
   */
  private isNamedWork(f: QuoteFinding): boolean {
    const { tokens } = this;
    let after = f.last;
    if (tokens[after]?.text === ',') after++;
    const by = tokens[after + 1];
    if (tokens[after]?.norm === 'by' && by?.cap && !(wordFlags(by.norm) & W.Time)) return true;
    // “Orange is the New Black” star Dascha Polanco: a work before the role it gives someone.
    const next = tokens[f.last];
    if (next && !next.cap && this.doc.paragraphOf[f.last] === this.lastParagraph(f) && WORK_ROLES.has(next.norm)) return true;
    let before = f.first - 1;
    while (before >= 0 && (tokens[before].text === ',' || tokens[before].text === '(' || tokens[before].text === ':')) before--;
    if (before < 0 || this.doc.paragraphOf[before] !== f.paragraph) return false;
    // "author of “America’s Bitter Pill”", "in the style of “Bridget Jones’s Diary”"
    if (tokens[before].norm === 'of' && before > 0) return WORK_ROLES.has(tokens[before - 1].norm) || WORK_NOUNS.has(tokens[before - 1].norm);
    return WORK_NOUNS.has(tokens[before].norm);
  }

  /** “Nobody wants detours.” standing as its own sentence is a quotation, however short. */
  private isWholeSentence(f: QuoteFinding): boolean {
    if (f.kind !== 'direct') return false;
    const lastWord = this.tokens[f.last - 2];
    return lastWord !== undefined && lastWord.kind === 'punct' && '.!?'.includes(lastWord.text) && !this.isTitle(f);
  }

  private wordCount(f: QuoteFinding): number {
    let n = 0;
    for (let k = f.first; k < f.last; k++) if (this.tokens[k].kind !== 'punct') n++;
    return n;
  }

  private isTitle(f: QuoteFinding): boolean {
    return this.isTitleRange(f.first, f.last);
  }

  /** Title case, a few words: “Meet the Press”, “The Art of the Deal”. */
  private isTitleRange(first: number, last: number): boolean {
    let words = 0;
    for (let k = first; k < last; k++) {
      const t = this.tokens[k];
      if (t.kind !== 'word') continue;
      words++;
      const small = wordFlags(t.norm) & (W.Preposition | W.Determiner | W.Conjunction);
      if (!t.cap && !small) return false;
    }
    return words > 0 && words <= TITLE_WORDS;
  }
}

/** Removes findings, re-pointing `inherits` past removed ones to what they inherited from. */
function dropKeepingLinks(all: QuoteFinding[], drop: (f: QuoteFinding) => boolean): QuoteFinding[] {
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

/** "state", "states" of the verb "state" — not "stated" or "stating". */
function isPlainOrSForm(norm: string, lemma: string): boolean {
  if (norm === lemma) return true;
  const stem = lemma.endsWith('y') ? lemma.slice(0, -1) + 'ie' : lemma;
  return norm === `${stem}s` || norm === `${stem}es`;
}

function trimEnd(tokens: readonly Token[], first: number, last: number): number {
  let end = last;
  while (end > first && tokens[end - 1].kind === 'punct' && '.!?;,'.includes(tokens[end - 1].text)) end--;
  return end;
}

function isGluedPeriod(tokens: readonly Token[], i: number): boolean {
  const t = tokens[i];
  if (t.text !== '.' || i === 0) return false;
  const prev = tokens[i - 1];
  if (prev.end !== t.start || prev.kind !== 'word') return false;
  if ((prev.text.length === 1 && prev.cap) || (wordFlags(prev.norm) & W.Honorific) !== 0) return true;
  // "McConnell, R-Ky., said", "(D-Ill.)": a state's abbreviation before a comma or a parenthesis.
  const next = tokens[i + 1];
  return prev.cap && STATE_ABBREVIATION.test(prev.text) && next !== undefined && (next.text === ',' || next.text === ')');
}
