import type { ParsedDocument } from '../document';
import type { Token } from '../text/tokenize';
import { W, wordFlags } from '../text/lexicon';
import type { NameMention, TokenRange } from './entities';

// The noun phrase that names a speaker next to a cue: before it ("the second US official
// said"), after it ("said retired Lt. Gen. Ben Hodges"), or around an apposition
// ("General Mark Milley, the chairman of the US Joint Chiefs, claimed").

export interface SpeakerPhrase extends TokenRange {
  kind: 'pronoun' | 'name' | 'description';
  /** One past the head noun: "another person familiar with the situation" ends its head at "familiar". */
  headEnd: number;
  /** For kind 'name': the name the phrase ends with. */
  name: NameMention | null;
}

const SUBJECT_PRONOUNS = new Set(['he', 'she', 'they', 'we', 'i', 'it']);

/** A word without the contraction it carries: "he'd" → "he", "she'll" → "she" (a subject pronoun all the same). */
export function withoutContraction(norm: string): string {
  return norm.replace(/'(d|ll|s|ve|re|m)$/, '');
}
/** Words that stand alone for an unnamed source before a cue: "Another said", "One wrote". */
const STANDALONE_SOURCES = new Set(['another', 'one', 'others', 'some', 'many', 'several']);
const REFLEXIVES = new Set(['himself', 'herself', 'themselves', 'itself', 'myself', 'ourselves']);
/** Nouns of time that the lexicon does not file as times: "at the time", "in the past". */
const WHEN_NOUNS = new Set(['time', 'past', 'moment', 'outset', 'start']);
/** Longest phrase read as a speaker: "American Enterprise Institute defense strategy expert Frederick Kagan". */
const MAX_PHRASE = 12;
/** Longest relative clause read past between a speaker and its cue: "who spoke anonymously to discuss …". */
const MAX_RELATIVE = 12;
/** Longest apposition skipped between a name and its cue. */
const MAX_APPOSITION = 18;

export class PhraseReader {
  /** Token index → the name mention ending there. */
  private readonly nameEndingAt = new Map<number, NameMention>();
  /** Token index → the name mention starting there. */
  private readonly nameStartingAt = new Map<number, NameMention>();

  constructor(
    private readonly doc: ParsedDocument,
    names: readonly NameMention[],
  ) {
    for (const n of names) {
      this.nameEndingAt.set(n.last, n);
      this.nameStartingAt.set(n.first, n);
    }
  }

  /** The speaker phrase that ends just before token `end` (skipping adverbs and time words), not reaching before `min`. */
  before(end: number, min: number): SpeakerPhrase | null {
    const { tokens } = this.doc;
    let j = end - 1;
    j = this.skipAdverbialsLeft(j, min);
    if (j < min) return null;
    const t = tokens[j];
    if (t.kind === 'word' && SUBJECT_PRONOUNS.has(withoutContraction(t.norm))) return { first: j, last: j + 1, headEnd: j + 1, kind: 'pronoun', name: null };
    // "Mike Lee, who declared …": the relative pronoun stands for the name before its comma.
    if (t.norm === 'who' && (tokens[j - 1]?.text === ',' || this.nameEndingAt.has(j))) {
      // The name right before the comma is the antecedent: "a reaction from President Barack Obama, who called …".
      const named = this.nameEndingAt.get(j - 1) ?? this.nameEndingAt.get(j);
      if (named) return { first: j, last: j + 1, headEnd: j + 1, kind: 'name', name: named };
      return this.before(j - 1, min);
    }
    // "Gov. John Kasich (R-OH), said": a stray comma after a name's parenthesis.
    if (t.text === ',' && tokens[j - 1]?.text === ')') {
      const inner = this.skipAdverbialsLeft(j - 1, min);
      if (inner < j - 1 && this.nameEndingAt.has(inner + 1)) return this.before(inner + 1, min);
    }
    if (t.text === ',') return this.beforeApposition(j, min);
    let k = j;
    if (!this.isPhraseWordLeft(j, j) && this.isNounAfterDeterminer(j)) k = j - 1;
    while (k >= min && j - k < MAX_PHRASE && this.isPhraseWordLeft(k, j)) {
      // "Jeffrey Lewis of the James Martin Center": "of the" inside a name runs on.
      const ofThe = tokens[k].norm === 'the' && tokens[k - 1]?.norm === 'of' && k + 1 <= j && tokens[k + 1].cap;
      if (tokens[k].kind === 'word' && wordFlags(tokens[k].norm) & W.Determiner && !tokens[k].cap && !ofThe) break;
      k--;
    }
    // Include a determiner that opens the phrase.
    if (k >= min && tokens[k].kind === 'word' && wordFlags(tokens[k].norm) & W.Determiner && !(wordFlags(tokens[k].norm) & W.Pronoun && k === j)) k--;
    let first = k + 1;
    // "Another person familiar with the situation said": the speaker is before the preposition.
    if (first > min + 1 && tokens[first - 1].kind === 'word' && /^(with|for|at|in|from|on|close)$/.test(tokens[first - 1].norm)) {
      const head = this.before(first - 1, min);
      if (head && head.kind === 'description') return { ...head, last: j + 1, headEnd: this.headNounEnd(head) };
    }
    // "But", "Still", "Meanwhile" opening a sentence are not part of the phrase.
    while (first <= j && this.isLeadingFiller(first)) first++;
    if (first > j) return null;
    // A determiner alone ("the state said") names nobody — but "Another said", "One wrote" stand for someone.
    if (first === j && tokens[j].kind === 'word' && wordFlags(tokens[j].norm) & W.Determiner && !STANDALONE_SOURCES.has(tokens[j].norm)) return null;
    const phrase = this.make(first, j + 1);
    return this.subjectOfRelative(phrase, min) ?? phrase;
  }

  /**
   * "a White House official who spoke anonymously to discuss internal strategy said": the words
   * before the cue end a relative clause; the speaker is the phrase the clause hangs on.
   */
  private subjectOfRelative(phrase: SpeakerPhrase, min: number): SpeakerPhrase | null {
    const { tokens } = this.doc;
    if (phrase.kind !== 'description' || wordFlags(tokens[phrase.headEnd - 1].norm) & (W.Title | W.SourceNoun)) return null;
    for (let k = phrase.first - 1; k > min && phrase.first - k <= MAX_RELATIVE; k--) {
      const t = tokens[k];
      if (t.kind === 'punct' || isMark(t)) return null;
      if (t.norm === 'who') {
        const head = this.before(k, min);
        return head && head.kind !== 'pronoun' ? head : null;
      }
    }
    return null;
  }

  /**
   * "the engineer", "her aide": a word right after a determiner or possessive is a noun, even one
   * the lexicon files as a verb.
   */
  private isNounAfterDeterminer(k: number): boolean {
    const { tokens } = this.doc;
    const t = tokens[k];
    const prev = tokens[k - 1];
    if (!prev || t.kind !== 'word' || t.cap) return false;
    if (wordFlags(t.norm) & (W.Preposition | W.Pronoun | W.Auxiliary | W.Conjunction | W.Determiner | W.Adverb | W.Time)) return false;
    return prev.norm === "'s" || (prev.kind === 'word' && (wordFlags(prev.norm) & W.Determiner) !== 0);
  }

  /** "a source familiar (with …)", "officials close (to …)": the head is the noun before the adjective. */
  private headNounEnd(phrase: SpeakerPhrase): number {
    const { tokens } = this.doc;
    const last = phrase.last - 1;
    const f = wordFlags(tokens[last].norm);
    return last > phrase.first && f & W.Adjective && !(f & (W.SourceNoun | W.Title)) ? last : phrase.last;
  }

  /** The speaker phrase that starts at token `start` (inverted order: said Milley), not reaching `max`. */
  after(start: number, max: number): SpeakerPhrase | null {
    const { tokens } = this.doc;
    if (start >= max) return null;
    const t = tokens[start];
    if (t.kind === 'word' && SUBJECT_PRONOUNS.has(withoutContraction(t.norm)) && withoutContraction(t.norm) !== 'it') return { first: start, last: start + 1, headEnd: start + 1, kind: 'pronoun', name: null };
    let k = start;
    if (t.kind === 'word' && wordFlags(t.norm) & W.Determiner) k++;
    if (k < max && !this.isPhraseWordRight(k, max) && this.isNounAfterDeterminer(k)) k++;
    while (k < max && k - start < MAX_PHRASE && this.isPhraseWordRight(k, max)) k++;
    // A phrase ends on a noun or a name, never on "of" or a determiner.
    while (k > start && (tokens[k - 1].norm === 'of' || tokens[k - 1].norm === 'for' || (tokens[k - 1].kind === 'word' && wordFlags(tokens[k - 1].norm) & W.Determiner))) k--;
    if (k === start) return null;
    // A name mention may run past the phrase words (a particle, an initial): end with it.
    const name = this.nameOverlapping(start, k);
    if (name && name.last > k && name.last <= max) k = name.last;
    return this.make(start, k);
  }

  private make(first: number, last: number): SpeakerPhrase {
    let name = this.nameEndingAt.get(last) ?? this.nameOverlapping(first, last);
    // "Professor Charles Kupchan of Georgetown University", "Jason Gilbert of Cheyenne": the person, not the institution or place.
    if (name && name.kind !== 'person') {
      const of = name.first - 1 - (this.doc.tokens[name.first - 1]?.norm === 'the' ? 1 : 0);
      const person = of > first && /^(of|at|from)$/.test(this.doc.tokens[of].norm) ? this.nameEndingAt.get(of) : undefined;
      if (person && person.kind === 'person') name = person;
    }
    // A phrase is a name when it ends with one: "Defense Ministry officials" are officials.
    if (name && (name.last === last || this.onlyQualifierAfter(name.last, last))) return { first, last, headEnd: last, kind: 'name', name };
    return { first, last, headEnd: last, kind: 'description', name: null };
  }

  /** "Kupchan of Georgetown University": what follows a name is an "of …" qualifier. */
  private onlyQualifierAfter(from: number, last: number): boolean {
    return from < last && /^(of|at|from)$/.test(this.doc.tokens[from].norm);
  }

  private nameOverlapping(first: number, last: number): NameMention | null {
    for (let k = last; k > first; k--) {
      const n = this.nameEndingAt.get(k);
      if (n && n.first >= first) return n;
    }
    return null;
  }

  /**
   * NAME, APPOSITION, CUE — the speaker is the phrase before the apposition, which may hold
   * commas of its own (", a salesman from Sumter, South Carolina,") — or DESCRIPTION, NAME, CUE
   * ("her senior policy adviser, Jake Sullivan, said"), where the name is the apposition.
   */
  private beforeApposition(comma: number, min: number): SpeakerPhrase | null {
    const { tokens } = this.doc;
    const named = this.nameEndingAt.get(comma);
    if (named && named.first - 1 > min && tokens[named.first - 1].text === ',' && this.endsWithRole(named.first - 1, min)) {
      return this.make(named.first, comma);
    }
    let nearest = true;
    for (let k = comma - 1; k >= min && comma - k <= MAX_APPOSITION; k--) {
      if (isMark(tokens[k])) return null;
      if (tokens[k].text !== ',') continue;
      if (k === comma - 1) return null;
      const relative = tokens[k + 1].norm === 'who';
      // An apposition with commas inside is a noun phrase ("a salesman from Sumter, South Carolina"), not a clause.
      const farClause = !nearest && !relative && this.hasVerb(k + 1, comma);
      nearest = false;
      // A description may carry a relative clause ("a senior official, who …, said"); only a name
      // takes an apposition — "Lee Zeldin of New York, a Trump supporter," is a name all the same.
      if (farClause || (!relative && !this.opensApposition(k + 1, comma))) continue;
      const phrase = this.before(k, min);
      if (relative || this.nameEndingAt.has(k)) return phrase && phrase.kind !== 'pronoun' ? phrase : null;
      if (phrase && phrase.kind === 'name') return phrase;
    }
    return null;
  }

  /** ", the chairman …", ", 35, …", ", Sanders’ campaign manager," — not ", Kentucky," or ", and then". */
  private opensApposition(first: number, end: number): boolean {
    const { tokens } = this.doc;
    const opener = tokens[first];
    const f = wordFlags(opener.norm);
    if (opener.kind === 'number' || (f & (W.Determiner | W.Title | W.TitleModifier)) !== 0) return true;
    // "Mitch McConnell, R-Ky., said": a party-and-state tag.
    if (/^[RDI]-\p{Lu}/u.test(opener.text)) return true;
    if (opener.kind !== 'word' || f & W.Conjunction) return false;
    if (!opener.cap) return true;
    // A capitalised opener qualifies a role: "Twitter’s director of political advertising", "Panama coach".
    for (let k = first + 1; k < end; k++) if (tokens[k].kind === 'word' && !tokens[k].cap && wordFlags(tokens[k].norm) & (W.Title | W.SourceNoun)) return true;
    // A plain form ending the aside is its head noun ("coach"); a tensed one is a verb ("Biden agreed").
    const head = tokens[end - 1];
    if (end - first < 2 || head.kind !== 'word' || head.cap || /(ed|ing|s)$/.test(head.norm)) return false;
    return !(wordFlags(head.norm) & (W.Adverb | W.Preposition | W.Conjunction | W.Pronoun | W.Determiner));
  }

  private hasVerb(first: number, end: number): boolean {
    const { tokens } = this.doc;
    for (let k = first; k < end; k++) {
      const t = tokens[k];
      const f = wordFlags(t.norm);
      // "a 55-year-old engineer": a plain form in a noun phrase is a noun; a clause needs a tense.
      if (t.kind === 'word' && !t.cap && (f & W.Auxiliary || (f & W.Verb && /(ed|ing|es)$/.test(t.norm))) && !(f & (W.Title | W.SourceNoun | W.Adjective))) return true;
    }
    return false;
  }

  /** True when the words before `comma` end with a role noun: "her senior policy adviser". */
  private endsWithRole(comma: number, min: number): boolean {
    const t = this.doc.tokens[comma - 1];
    return comma - 1 >= min && t.kind === 'word' && !t.cap && (wordFlags(t.norm) & (W.Title | W.SourceNoun)) !== 0;
  }

  private skipAdverbialsLeft(j: number, min: number): number {
    const { tokens } = this.doc;
    while (j >= min) {
      const t = tokens[j];
      // "Rep. Paul Ryan (R-WI) said": a parenthesis after a name.
      if (t.text === ')') {
        let k = j - 1;
        while (k >= min && j - k < 8 && tokens[k].text !== '(') k--;
        if (k >= min && tokens[k].text === '(') {
          j = k - 1;
          continue;
        }
      }
      if (t.kind !== 'word') break;
      const f = wordFlags(t.norm);
      // "Sanders himself acknowledged": an emphatic reflexive stands between a subject and its verb.
      if (!t.cap && ((f & (W.Adverb | W.Auxiliary) && !(f & W.Pronoun)) || REFLEXIVES.has(t.norm))) {
        j--;
        continue;
      }
      // "Beck, who has at last described …": "at last" is when, not who.
      if (t.norm === 'last' && tokens[j - 1]?.norm === 'at' && j - 1 >= min) {
        j -= 2;
        continue;
      }
      // "Zelensky on Tuesday said", "Milley last week said", "Trump at the time said", "who has in the past described"
      if ((f & W.Time || WHEN_NOUNS.has(t.norm)) && j - 1 >= min) {
        const p = tokens[j - 1].norm;
        if (p === 'on' || p === 'last' || p === 'this' || p === 'earlier' || p === 'later' || p === 'late' || p === 'next') {
          j -= 2;
          continue;
        }
        if ((p === 'the' || p === 'that') && j - 2 >= min && /^(at|by|since|for|in)$/.test(tokens[j - 2].norm)) {
          j -= 3;
          continue;
        }
      }
      break;
    }
    return j;
  }

  private isLeadingFiller(i: number): boolean {
    const t = this.doc.tokens[i];
    if (t.kind !== 'word') return t.text !== "'s";
    const f = wordFlags(t.norm);
    if (f & W.Determiner || this.nameStartingAt.has(i)) return false;
    // Only a sentence's first word is capitalised for its place alone: "“…,” From said" names Al From.
    const opensSentence = i === this.doc.sentences[this.doc.sentenceOf[i]].first || this.doc.tokens[i - 1]?.kind === 'punct' && !isMark(this.doc.tokens[i - 1]);
    return opensSentence && t.cap && (f & (W.Conjunction | W.Adverb | W.Preposition) || (f & W.Common && !(f & W.Title))) !== 0;
  }

  private isPhraseWordLeft(k: number, j: number): boolean {
    const { tokens } = this.doc;
    const t = tokens[k];
    if (t.kind === 'number') return true;
    if (isAgeHyphen(tokens, k)) return true;
    if (t.kind === 'punct') return t.text === '.' && k > 0 && tokens[k - 1].end === t.start && tokens[k - 1].kind === 'word' && (tokens[k - 1].text.length <= 4 || tokens[k - 1].cap);
    if (t.norm === "'s") return true;
    if (t.norm === 'the') return k < j && tokens[k - 1]?.norm === 'of' && tokens[k + 1].cap;
    // "CBS This Morning co-anchor DeMarco Morgan": a capitalised time word inside a name runs on.
    if (t.cap && wordFlags(t.norm) & W.Time && k < j && tokens[k + 1].cap) return true;
    if (t.norm === 'of' || t.norm === 'for') {
      // "Chairman of the Joint Chiefs", "spokesperson for national security": inside a title only.
      return k < j && k > 0 && (tokens[k - 1].cap || (wordFlags(tokens[k - 1].norm) & (W.Title | W.SourceNoun)) !== 0);
    }
    // "the independent Vermont senator and Democratic presidential candidate"
    if (t.norm === 'and') return k < j && k > 0 && isPhraseWord(tokens[k - 1]) && (wordFlags(tokens[k - 1].norm) & (W.Title | W.SourceNoun)) !== 0;
    return isPhraseWord(t);
  }

  private isPhraseWordRight(k: number, max: number): boolean {
    const { tokens } = this.doc;
    const t = tokens[k];
    if (t.kind === 'number') return k === 0 || tokens[k - 1].kind !== 'number';
    if (isAgeHyphen(tokens, k)) return true;
    if (t.kind === 'punct') return t.text === '.' && k > 0 && tokens[k - 1].end === t.start && tokens[k - 1].kind === 'word' && tokens[k - 1].text.length <= 4 && tokens[k - 1].cap;
    if (t.norm === "'s") return true;
    if (t.norm === 'of') return k + 1 < max && k > 0 && (tokens[k - 1].cap || (wordFlags(tokens[k - 1].norm) & W.Title) !== 0) && (tokens[k + 1].cap || tokens[k + 1].norm === 'the');
    if (t.norm === 'the') return k > 0 && tokens[k - 1].norm === 'of';
    // "three U.S. and Ukrainian officials"
    if (t.norm === 'and') return k > 0 && k + 1 < max && (tokens[k - 1].cap || tokens[k - 1].text === '.') && tokens[k + 1].cap && (wordFlags(tokens[k + 1].norm) & (W.Demonym | W.Place)) !== 0;
    // "Clinton celebrated …": after a name, a past form is the verb, not a modifier.
    if (k > 0 && tokens[k - 1].cap && !t.cap && /ed$/.test(t.norm) && !(wordFlags(t.norm) & (W.Title | W.SourceNoun))) return false;
    return isPhraseWord(t);
  }
}

function isPhraseWord(t: Token): boolean {
  if (t.kind !== 'word') return false;
  const f = wordFlags(t.norm);
  if (t.cap) return (f & (W.Time)) === 0 || (f & W.FirstName) !== 0;
  if (f & (W.Title | W.SourceNoun | W.TitleModifier | W.OrgHead | W.Demonym | W.Ordinal | W.NumberWord)) return true;
  if (f & (W.Preposition | W.Conjunction | W.Pronoun | W.Auxiliary | W.Adverb | W.Determiner | W.Common | W.Time)) return false;
  if (f & W.Verb && !(f & W.Adjective)) return false;
  return true;
}

/** The hyphen of "the 46-year-old", which the tokenizer splits as 46 | - | year-old. */
function isAgeHyphen(tokens: readonly Token[], k: number): boolean {
  const t = tokens[k];
  if (t.text !== '-' || k === 0 || k + 1 >= tokens.length) return false;
  const prev = tokens[k - 1];
  const next = tokens[k + 1];
  return prev.kind === 'number' && prev.end === t.start && next.kind === 'word' && next.start === t.end;
}

function isMark(t: Token): boolean {
  return t.kind === 'punct' && '"“”„«»'.includes(t.text);
}
