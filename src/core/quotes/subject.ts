import type { ParsedDocument } from '../document';
import { W, wordFlags } from '../text/lexicon';
import { withoutContraction, type PhraseReader, type SpeakerPhrase } from '../speakers/phrase';

// The subject of the clause a quotation or a participle stands in, when that subject can speak:
//   Huma Abedin, vice chairwoman for Clinton’s campaign, emailed supporters, telling them, “…”
//   When Wallace died in 1998, President Clinton released the following statement: “…”
//   Trump, who has a commanding lead, mocked Rubio for “having a tough night”
// Sentences open with phrases that are not the subject ("In response to …,", "Speaking at …,",
// "When Wallace died …,"): each comma-separated stretch is tried in turn, and the first that
// reads as a speaker followed by a verb is the subject.

export interface ClauseSubject {
  phrase: SpeakerPhrase;
  /** Token index of the main verb. */
  verb: number;
}

/** Words that open a subordinate clause: its subject is not the sentence's. */
const SUBORDINATORS = new Set(['when', 'after', 'before', 'while', 'as', 'if', 'because', 'although', 'though', 'since', 'once', 'until', 'unless', 'whereas', 'where']);
/** Emphatic reflexives between a subject and its verb: "Sanders himself acknowledged". */
const REFLEXIVES = new Set(['himself', 'herself', 'themselves', 'itself']);
/** Words that open a time phrase between a subject and its verb: "on Saturday", "last week". */
const TIME_LEADS = new Set(['on', 'last', 'this', 'earlier', 'later', 'late', 'next']);
/** Longest apposition skipped between a subject and its verb: ", a 55-year-old salesman from Sumter, South Carolina,". */
const MAX_APPOSITION = 20;
/** Longest parenthesis skipped after a subject: (R-Texas). */
const MAX_PARENTHESIS = 8;
/**
 * Most stretches tried from a sentence's start. News sentences open with a few phrases before
 * their subject; past a dozen the subject is not among the openers, and trying every stretch of
 * a sentence of thousands of quotations ('war' … 'war' …) for each of them was quadratic.
 */
const MAX_OPENERS = 12;

export class SubjectReader {
  constructor(
    private readonly doc: ParsedDocument,
    private readonly reader: PhraseReader,
  ) {}

  /** The speaking subject of the clause that tokens [first, before) open, or null. */
  subjectBefore(first: number, before: number): ClauseSubject | null {
    for (let start = first, tried = 0; start < before && tried < MAX_OPENERS; start = this.nextStretch(start, before), tried++) {
      const found = this.subjectAt(start, before);
      if (found) return found;
    }
    return null;
  }

  /** People, bodies, unnamed sources and texts (a report, the ad) speak; "the music" and "it" do not. */
  canSpeak(phrase: SpeakerPhrase): boolean {
    const { tokens } = this.doc;
    if (phrase.kind === 'pronoun') return withoutContraction(tokens[phrase.first].norm) !== 'it';
    if (phrase.kind === 'name') return true;
    const head = tokens[phrase.headEnd - 1];
    return (wordFlags(head.norm) & (W.SourceNoun | W.Title | W.OrgHead | W.Document)) !== 0;
  }

  /** The token after the next comma or dash, or after the next quotation, outside quotation marks; or `before`. */
  private nextStretch(start: number, before: number): number {
    const { tokens, quoteOf } = this.doc;
    for (let k = start; k < before; k++) {
      // “…,” Cruz said, adding: — the writer's clause resumes after a quotation.
      if (quoteOf[k] >= 0) {
        if (k + 1 < before && quoteOf[k + 1] !== quoteOf[k]) return k + 1;
        continue;
      }
      if (tokens[k].text === ',' || tokens[k].text === '—' || tokens[k].text === '–' || tokens[k].text === '--') return k + 1;
    }
    return before;
  }

  private subjectAt(start: number, before: number): ClauseSubject | null {
    const { tokens } = this.doc;
    // Words in marks are someone's words, never the subject of the writer's clause.
    if (this.doc.quoteOf[start] >= 0) return null;
    let k = start;
    while (k < before && (tokens[k].kind === 'punct' || wordFlags(tokens[k].norm) & (W.Conjunction | W.Adverb)) && !SUBORDINATORS.has(tokens[k].norm)) k++;
    if (k >= before || SUBORDINATORS.has(tokens[k].norm) || this.isParticiple(k)) return null;
    const phrase = this.reader.after(k, before);
    if (!phrase || phrase.last >= before || !this.canSpeak(phrase)) return null;
    const verb = this.verbAfter(this.skipApposition(phrase, before), before);
    return verb === null ? null : { phrase, verb };
  }

  /** Past "on Saturday", "last week", "Tuesday" between a subject and its verb. */
  private skipTime(v: number, before: number): number {
    const { tokens } = this.doc;
    const lead = tokens[v];
    if (lead && TIME_LEADS.has(lead.norm) && v + 1 < before && wordFlags(tokens[v + 1].norm) & W.Time) return v + 2;
    if (lead && lead.kind === 'word' && wordFlags(lead.norm) & W.Time && !(wordFlags(lead.norm) & W.Verb)) return v + 1;
    return v;
  }

  /** "Speaking at a town hall, …", "Asked about it, …": an opening participle has no subject of its own. */
  private isParticiple(k: number): boolean {
    const t = this.doc.tokens[k];
    if (t.kind !== 'word') return false;
    const f = wordFlags(t.norm);
    return /(ing|ed)$/.test(t.norm) && (f & W.Verb) !== 0 && !(f & (W.FirstName | W.LastName | W.Title | W.SourceNoun));
  }

  /** Past ", the daughter of …," or "(R-Texas)" after a subject: where its verb may start. */
  private skipApposition(phrase: SpeakerPhrase, before: number): number {
    const { tokens, quoteOf } = this.doc;
    let v = phrase.last;
    if (v < before && tokens[v].text === '(') {
      for (let k = v + 1; k < before && k - v <= MAX_PARENTHESIS; k++) {
        if (tokens[k].text === ')') {
          v = k + 1;
          break;
        }
      }
    }
    if (v >= before || tokens[v].text !== ',' || phrase.kind === 'pronoun') return v;
    // The apposition ends at the last comma before a verb: ", a salesman from Sumter, South Carolina, says".
    let end = -1;
    for (let k = v + 1; k < before && k - v <= MAX_APPOSITION; k++) {
      if (quoteOf[k] >= 0 && tokens[k].kind === 'punct') return v;
      if (tokens[k].text === ',' && this.verbAfter(k + 1, before) !== null) {
        end = k + 1;
        break;
      }
    }
    return end > 0 ? end : v;
  }

  /** The main verb starting at `v` (past adverbs, times and auxiliaries: "on Saturday criticized", "has also called"), or null. */
  private verbAfter(v: number, before: number): number | null {
    const { tokens } = this.doc;
    v = this.skipTime(v, before);
    while (v < before && tokens[v].kind === 'word' && (wordFlags(tokens[v].norm) & W.Adverb || REFLEXIVES.has(tokens[v].norm))) v++;
    let main = v;
    // Past auxiliaries and the adverbs between them and the verb: "has also called", "did not release".
    const leads = (k: number) => wordFlags(tokens[k].norm) & W.Auxiliary || (k > v && wordFlags(tokens[k].norm) & W.Adverb);
    while (main + 1 < before && leads(main) && tokens[main + 1].kind === 'word' && wordFlags(tokens[main + 1].norm) & (W.Verb | W.Auxiliary | W.Adverb)) main++;
    const verb = tokens[main];
    if (main >= before || !verb || verb.kind !== 'word' || verb.cap) return null;
    const f = wordFlags(verb.norm);
    if (f & (W.Determiner | W.Preposition | W.Pronoun | W.Conjunction)) return null;
    // The lexicon files many past participles as adjectives ("anticipated"); after a subject they are verbs.
    const verbLike = f & (W.Verb | W.Auxiliary) || /ed$/.test(verb.norm) || (f === 0 && /s$/.test(verb.norm));
    return verbLike ? main : null;
  }
}
