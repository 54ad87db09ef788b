import type { ParsedDocument } from '../document';
import type { Token } from '../text/tokenize';
import { W, wordFlags } from '../text/lexicon';
import type { NameMention } from '../speakers/entities';
import { PhraseReader, type SpeakerPhrase } from '../speakers/phrase';
import { cueAt, type CueLexicon, type CueMatch } from './cues';
import { DASHES, isGluedPeriod } from './finding';
import { SubjectReader } from './subject';
import { isTitleRange } from './titles';

// Reading cues in one document: which words are cues here (not nouns, not passives), where a
// cue's subject and its content are, and which cues quotations in marks have already taken.
// The finders of quotes in marks and of reported speech share one reader.

/** Cues followed by the person spoken to: told reporters, informed the committee. */
export const LISTENER_VERBS = new Set(['tell', 'inform', 'assure', 'remind', 'advise', 'warn', 'urge', 'ask']);
/** Cues that name their object with the quote: called the system “rotten”, described him as “unfit”. */
export const NAMING_VERBS = new Set(['call', 'describe', 'dub', 'label', 'brand', 'term']);
export const SUBJECT_PRONOUNS = new Set(['i', 'we', 'you', 'he', 'she', 'it', 'they']);
/** Reported speech shorter than this (in tokens) is not a claim worth underlining. */
export const MIN_INDIRECT_TOKENS = 3;

/** Words that join a cue to an earlier verb of the same subject: "… and joked", "… but argues". */
const COORDINATORS = new Set(['and', 'but', 'then']);
/** Words before a noun that a cue word can also be: "many promises", "several reports". */
const QUANTIFIERS = new Set(['many', 'several', 'few', 'numerous', 'multiple', 'two', 'three', 'four', 'five', 'dozens', 'hundreds', 'thousands']);
const POSSESSIVES = new Set(['his', 'her', 'their', 'its', 'our', 'my', 'your', 'whose']);
const BE_FORMS = new Set(['is', 'are', 'was', 'were', 'be', 'been', "'s", "'re", 'am']);
/** Longest run of adverbials between a cue and its "that": "said in an interview with The Associated Press last week that". */
const MAX_ADVERBIAL = 14;
/** Longest object after a cue in a sentence that introduces the next quote: "tweeted a stern warning". */
const SHORT_OBJECT = 4;

export class CueReader {
  readonly tokens: readonly Token[];
  readonly reader: PhraseReader;
  readonly subjects: SubjectReader;
  /** Cue tokens already used by a quotation in marks. */
  readonly consumed = new Set<number>();

  constructor(
    readonly doc: ParsedDocument,
    names: readonly NameMention[],
    readonly lex: CueLexicon,
  ) {
    this.tokens = doc.tokens;
    this.reader = new PhraseReader(doc, names);
    this.subjects = new SubjectReader(doc, this.reader);
  }

  /** True when the quotation opening at token `i` is a whole quote of its own, not words inside a clause. */
  private standsAloneQuoteAt(i: number): boolean {
    const q = this.doc.quoteOf[i];
    let k = i;
    while (k < this.tokens.length && this.doc.quoteOf[k] === q) k++;
    return k >= this.tokens.length || this.doc.sentenceOf[k] !== this.doc.sentenceOf[i] || this.tokens[k].kind === 'punct';
  }

  cueEndingAt(i: number): CueMatch | null {
    for (let k = i; k >= Math.max(0, i - 2); k--) {
      const m = this.cue(k, i + 1);
      if (m && m.last === i + 1) return m;
    }
    return null;
  }

  /**
   * A cue at token `i`: verbs must be lower case (a capitalised "Post" is a newspaper). Verbs of
   * thought and evidence count only when `attitudes` is set: they frame reported content, never a quote.
   */
  cue(i: number, limit: number, attitudes = false): CueMatch | null {
    const t = this.tokens[i];
    if (t.kind !== 'word' || this.doc.quoteOf[i] >= 0) return null;
    const m = cueAt(this.lex, this.tokens, i, limit);
    if (!m || (m.kind === 'attitude' && !attitudes)) return null;
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

  /** "tweeted a warning", "issued a statement": a determiner and a few words, no clause of their own. */
  shortObject(from: number, to: number): boolean {
    const { tokens } = this;
    if (to - from > SHORT_OBJECT || !(wordFlags(tokens[from]?.norm ?? '') & W.Determiner)) return false;
    for (let k = from; k < to; k++) if (tokens[k].kind !== 'word' || tokens[k].norm === 'that' || SUBJECT_PRONOUNS.has(tokens[k].norm)) return false;
    return true;
  }

  /**
   * "He then adopted a fake accent and joked, “…”", "interrupted me to announce, “…”": a cue
   * that shares its subject with an earlier verb of the clause.
   */
  coordinatedSubject(c: number, sentenceFirst: number, infinitive: boolean): SpeakerPhrase | null {
    let k = c - 1;
    while (k >= sentenceFirst && this.tokens[k].kind === 'word' && wordFlags(this.tokens[k].norm) & W.Adverb) k--;
    if (k < sentenceFirst || !(COORDINATORS.has(this.tokens[k].norm) || (infinitive && this.tokens[k].norm === 'to'))) return null;
    return this.subjects.subjectBefore(sentenceFirst, k)?.phrase ?? null;
  }

  /** "with Trump reportedly yelling: …" names its speaker right before it; ", saying …" hangs on the clause's subject. */
  participleSubject(c: number, sentenceFirst: number): SpeakerPhrase | null {
    const adjacent = this.tokens[c - 1]?.text !== ',' ? this.reader.before(c, this.frameStart(c, sentenceFirst)) : null;
    // "with Trump reportedly yelling" — but not "responded on Facebook writing": there the name is a place of speech.
    const opener = adjacent ? this.tokens[adjacent.first - 1] : undefined;
    const absolute = opener === undefined || adjacent!.first === sentenceFirst || /^(with|and|,)$/.test(opener.norm) || DASHES.has(opener.text);
    if (adjacent && absolute && (adjacent.kind !== 'description' || opener?.norm === 'with')) return adjacent;
    // "Trump issued a statement saying …" is Trump's; "A message was posted stating …", with no one
    // to speak it, is the message's: a participle right after a text is what the text says.
    const subject = this.subjects.subjectBefore(sentenceFirst, c)?.phrase ?? null;
    if (subject || !adjacent || adjacent.kind !== 'description') return subject;
    return wordFlags(this.tokens[adjacent.headEnd - 1].norm) & W.Document ? adjacent : null;
  }

  /** said Milley: “…” — the phrase after the cue must reach the quote, or it is the cue's object. */
  invertedBeforeQuote(m: CueMatch, limit: number): SpeakerPhrase | null {
    // "told Fox News: “…”", "called the system “rotten”" — after these verbs comes their object, never the speaker.
    if (LISTENER_VERBS.has(m.lemma) || NAMING_VERBS.has(m.lemma)) return null;
    const phrase = this.reader.after(m.last, limit);
    return phrase && phrase.last >= limit - 1 ? phrase : null;
  }

  /** Where a speaker phrase may start: after the last quotation before `c` in its sentence. */
  frameStart(c: number, sentenceFirst: number): number {
    let k = c - 1;
    while (k >= sentenceFirst && this.doc.quoteOf[k] < 0) k--;
    return k + 1;
  }

  /** True when tokens [from, to) are only time words and short prepositional phrases ("on Friday in a statement", "vowed to “…”"). */
  onlyAdverbials(from: number, to: number): boolean {
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

  isOpeningMark(i: number): boolean {
    const q = this.doc.quoteOf[i];
    return q >= 0 && this.doc.marked[q].parts.some((p) => p.start === this.tokens[i].start);
  }

  /** Where reported content starts after a cue: after "that", after a listener (told reporters), or right away. */
  contentStart(m: CueMatch, end: number): number | null {
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
        if (isTitleRange(this.tokens, k, close + 1)) k = close + 1;
      }
      if (k < end && tokens[k].text === ',') k++;
    }
    if (k >= end) return null;
    // said on Wednesday that … — but not "maintains the position that".
    for (let j = k; j < Math.min(end, k + MAX_ADVERBIAL); j++) {
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
    // "said in a statement" then words: unsure, unless they open a clause ("said on Friday he met …").
    if (j > k && !(wordFlags(tokens[k].norm) & W.Time) && !this.opensClause(j, end)) return null;
    return end - j >= MIN_INDIRECT_TOKENS ? j : null;
  }

  /** True when a clause starts at `start`: after "that", or a subject pronoun, or a few words and then a finite verb. */
  opensClause(start: number, end: number): boolean {
    const { tokens } = this;
    if (tokens[start - 1]?.norm === 'that' || SUBJECT_PRONOUNS.has(tokens[start].norm)) return true;
    const opener = tokens[start];
    if (opener.kind !== 'word' || (!opener.cap && wordFlags(opener.norm) & (W.Verb | W.Preposition | W.Adverb) && !(wordFlags(opener.norm) & W.Determiner))) return false;
    for (let k = start + 1; k < Math.min(end, start + 7); k++) {
      const t = tokens[k];
      if (t.kind === 'punct' && !isGluedPeriod(tokens, k)) return false;
      if (t.kind !== 'word' || t.cap) continue;
      const f = wordFlags(t.norm);
      // A finite verb after its subject: "the meeting went well", "voters want"; not a participle ("meeting").
      if (f & W.Auxiliary || (f & W.Verb && !/ing$/.test(t.norm) && !(f & (W.Preposition | W.Plural | W.Adjective)))) return true;
    }
    return false;
  }

  private startsAdverbial(k: number): boolean {
    const f = wordFlags(this.tokens[k].norm);
    return (f & (W.Preposition | W.Time | W.Adverb)) !== 0 || this.tokens[k].norm === 'last';
  }

  private skipPrepositionalPhrase(j: number, end: number): number {
    const { tokens } = this;
    j++;
    let n = 0;
    // "at a rally", "in an interview": after a determiner, a verb's form is a noun.
    const noun = (k: number) => !(wordFlags(tokens[k].norm) & (W.Verb | W.Pronoun | W.Preposition)) || (wordFlags(tokens[k - 1].norm) & W.Determiner) !== 0;
    while (j < end && n < 4 && tokens[j].kind === 'word' && noun(j) && tokens[j].norm !== 'that') {
      j++;
      n++;
    }
    return j;
  }
}

/** "state", "states" of the verb "state" — not "stated" or "stating". */
function isPlainOrSForm(norm: string, lemma: string): boolean {
  if (norm === lemma) return true;
  const stem = lemma.endsWith('y') ? lemma.slice(0, -1) + 'ie' : lemma;
  return norm === `${stem}s` || norm === `${stem}es`;
}
