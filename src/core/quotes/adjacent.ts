import type { ParsedDocument } from '../document';
import type { Token } from '../text/tokenize';
import { W, wordFlags } from '../text/lexicon';
import type { SpeakerPhrase } from '../speakers/phrase';
import type { CueMatch } from './cues';
import type { CueReader } from './cueReading';
import { DASHES, isGluedPeriod, trimEnd, type QuoteFinding } from './finding';

// The cue next to a quotation in marks and the phrase that names its speaker: after it
// (“…,” he remarked / remarked Kupchan / — Bernie Sanders), before it (he advised, “…” /
// According to Kirby, “…” / Philip Bump: “…”), or in the sentence before (Bystrom agreed. “…”).

/** How far after a quote its cue may stand: “…,” Fred Kagan, director of the Critical Threats Project at the …, said. */
const POST_CUE_REACH = 24;
/** Longest parenthesis read past between a quote and its cue: (D-Wash.), (R-Texas). */
const MAX_PARENTHESIS = 8;
/** How far before a quote its cue may stand: he said on Friday in a statement: “…”. */
const PRE_CUE_REACH = 7;
const OBJECT_PRONOUNS = new Set(['him', 'her', 'them', 'us', 'me', 'himself', 'herself', 'themselves']);
/** Words that may stand before a speaker's label: "More from the report:", "Here's Clinton:". */
const LABEL_LEAD_INS = new Set(['more', 'from', 'here', "'s", 'and', 'but', 'also']);

export interface FoundCue {
  phrase: SpeakerPhrase;
  cue: CueMatch;
}

export class AdjacentCues {
  private readonly doc: ParsedDocument;
  private readonly tokens: readonly Token[];

  constructor(private readonly cues: CueReader) {
    this.doc = cues.doc;
    this.tokens = cues.tokens;
  }

  /** “…,” he remarked / “…,” remarked Kupchan / “…,” according to Kirby. */
  cueAfter(f: QuoteFinding): FoundCue | null {
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
      if (this.cues.contentStart(found.cue, trimEnd(tokens, j, end)) !== null) return null;
    }
    return found;
  }

  private postCue(j: number, limit: number, anyVerb: boolean): FoundCue | null {
    const signed = this.signature(j, limit);
    if (signed) return signed;
    const first = this.cues.cue(j, limit);
    if (first && !first.gerund) {
      const phrase = this.cues.reader.after(first.last, limit);
      return phrase && !this.clauseFollows(phrase.last, limit) ? { phrase, cue: first } : null;
    }
    for (let c = j + 1; c < limit; c++) {
      const m = this.cues.cue(c, limit);
      if (!m) continue;
      if (m.kind === 'source-after' || m.gerund) return null;
      const phrase = this.cues.reader.before(c, j);
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
  private signature(dash: number, limit: number): FoundCue | null {
    if (!DASHES.has(this.tokens[dash].text)) return null;
    const name = this.cues.reader.after(dash + 1, limit);
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
  private postVerb(j: number, limit: number): FoundCue | null {
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
      const phrase = this.cues.reader.after(j + 1, limit);
      if (phrase && phrase.kind === 'name' && this.isClauseEnd(phrase.last, limit)) return { phrase, cue: cueAt(j) };
      return null;
    }
    const phrase = this.cues.reader.after(j, limit);
    if (!phrase || phrase.kind === 'description' && !this.cues.subjects.canSpeak(phrase)) return null;
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
  cueBefore(f: QuoteFinding): FoundCue | null {
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
      const m = this.cues.cue(c, j + 1);
      if (!m || this.cues.consumed.has(c)) continue;
      if (!this.cues.onlyAdverbials(m.last, j + 1)) continue;
      const min = this.cues.frameStart(c, sentenceFirst);
      const phrase =
        m.kind === 'source-after'
          ? this.cues.reader.after(m.last, j + 1)
          : m.gerund
            ? this.cues.participleSubject(c, sentenceFirst)
            : (this.cues.reader.before(c, min) ?? this.cues.invertedBeforeQuote(m, j + 1) ?? this.cues.coordinatedSubject(c, sentenceFirst, true));
      return phrase ? { phrase, cue: m } : null;
    }
    return null;
  }

  /** Said Dorothy Poynter, who grew up with Ali in the neighborhood, “We were all so proud of him.” */
  private openingInversion(sentenceFirst: number, limit: number): FoundCue | null {
    const m = this.cues.cue(sentenceFirst, limit);
    if (!m || m.kind !== 'speech' || m.gerund || this.cues.consumed.has(sentenceFirst)) return null;
    const phrase = this.cues.reader.after(m.last, limit);
    return phrase && phrase.kind === 'name' ? { phrase, cue: m } : null;
  }

  /**
   * Dianne Bystrom agreed. “Republicans are running out of time.” — a sentence that is only a
   * speaker and a cue introduces the quote after it.
   */
  private cueSentenceBefore(stop: number): FoundCue | null {
    const sentence = this.doc.sentences[this.doc.sentenceOf[stop]];
    for (let c = sentence.first + 1; c < stop; c++) {
      const m = this.cues.cue(c, stop);
      if (!m || m.gerund || m.kind === 'source-after' || !(this.cues.onlyAdverbials(m.last, stop) || this.cues.shortObject(m.last, stop))) continue;
      const phrase = this.cues.reader.before(c, sentence.first);
      return phrase && phrase.first === sentence.first ? { phrase, cue: m } : null;
    }
    return null;
  }

  /**
   * President Clinton released the following statement: “…” / Jared Potts echoed: “…” — a
   * quotation introduced by a colon is the words of the subject of the clause before it.
   */
  private cueBeforeColon(colon: number): FoundCue | null {
    const sentenceFirst = this.doc.sentences[this.doc.sentenceOf[colon]].first;
    for (let c = colon - 1; c >= sentenceFirst && colon - c <= PRE_CUE_REACH; c--) {
      const m = this.cues.cue(c, colon);
      if (!m || m.kind === 'source-after') continue;
      // "reacted to the news, saying: “…”" — a participle speaks for its clause's subject.
      const phrase = m.gerund ? this.cues.participleSubject(c, sentenceFirst) : (this.cues.reader.before(c, this.cues.frameStart(c, sentenceFirst)) ?? this.cues.invertedBeforeQuote(m, colon));
      if (phrase) return { phrase, cue: m };
    }
    const subject = this.cues.subjects.subjectBefore(sentenceFirst, colon);
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
  private labelBeforeColon(colon: number, sentenceFirst: number): FoundCue | null {
    const { tokens } = this;
    let start = sentenceFirst;
    for (let k = sentenceFirst; k < colon; k++) if (DASHES.has(tokens[k].text)) start = k + 1;
    while (start < colon && LABEL_LEAD_INS.has(tokens[start].norm)) start++;
    const phrase = this.cues.reader.before(colon, start);
    if (!phrase || phrase.kind === 'pronoun' || !this.cues.subjects.canSpeak(phrase)) return null;
    // A description must be the whole label ("the report:"); a name may end a clause ("… doesn’t surprise pollster Daron Shaw:").
    if (phrase.first !== start && phrase.kind !== 'name') return null;
    return { phrase, cue: { first: colon, last: colon + 1, lemma: ':', kind: 'quote-only', gerund: false } };
  }
}
