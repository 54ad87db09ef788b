import type { ParsedDocument } from '../document';
import type { Token } from '../text/tokenize';
import { W, wordFlags } from '../text/lexicon';
import type { TokenRange } from '../speakers/entities';
import type { SpeakerPhrase } from '../speakers/phrase';
import { cueAt, INTENTION_VERBS, STANCE_VERBS, type CueMatch } from './cues';
import { LISTENER_VERBS, MIN_INDIRECT_TOKENS, NAMING_VERBS, SUBJECT_PRONOUNS, type CueReader } from './cueReading';
import { DASHES, trimEnd, type QuoteFinding } from './finding';

const STANCE = new Set(STANCE_VERBS);
/** Longest run of words after the head of an opening source: "… conducted for The Associated Press and television networks by Edison Research". */
const MAX_SOURCE_TAIL = 20;
/** Longest source that is not a person read after "according to": "the most recent data available from the FBI". */
const MAX_SOURCE_TEXT = 10;
/** Longest name read as a label before a colon: "McCain Challenger Kelli Ward:". */
const MAX_LABEL = 5;

// Reported speech: "X said (that) …", "CONTENT, X said", "According to X, …", "A, he argued, B",
// "…, saying that …". A finding's span is the content; the cue and the speaker phrase come with it.

export class ReportedSpeech {
  private readonly doc: ParsedDocument;
  private readonly tokens: readonly Token[];

  constructor(private readonly cues: CueReader) {
    this.doc = cues.doc;
    this.tokens = cues.tokens;
  }

  reportedFindings(): QuoteFinding[] {
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
    const labelled = from === first ? this.labelled(first, last) : null;
    if (labelled) return { finding: labelled, resume: last };
    for (let i = from; i < last; i++) {
      if (this.cues.consumed.has(i)) continue;
      const m = this.cues.cue(i, last, true);
      // "He called Trump a liar", "described the plan as reckless": a naming verb reports what it names.
      const naming = m?.kind === 'quote-only' && NAMING_VERBS.has(m.lemma);
      if (!m || (m.kind === 'quote-only' && !naming)) continue;
      const found =
        m.kind === 'source-after' ? this.accordingTo(m, first, last)
        : m.kind === 'attitude' || naming ? this.thought(m, first, last)
        : m.gerund ? this.reportedWhile(m, first, last)
        : this.reportedBy(m, first, last);
      if (found) return { finding: found, resume: Math.max(found.last, m.last) };
      i = m.last - 1;
    }
    return null;
  }

  /**
   * "Rubio: I Still Believe Trump Can't Be Trusted", "TAPPER: Do you think …?": a name and a colon
   * opening a sentence label what follows as theirs (headlines, transcripts). Only a name will do:
   * "Update:", "Note:" and a dateline's place ("WASHINGTON:") label nothing.
   */
  private labelled(first: number, last: number): QuoteFinding | null {
    const { tokens, doc } = this;
    const phrase = this.cues.reader.after(first, last);
    if (!phrase || phrase.kind !== 'name' || !phrase.name) return null;
    // Several capitalised words that are neither a person's nor a body's name make a heading
    // ("The Latest:", "Editor's Note:"); one alone is a transcript's speaker ("TAPPER:").
    if (phrase.name.kind === 'unknown' && phrase.last - phrase.first > 1) return null;
    if (phrase.last - phrase.first > MAX_LABEL || wordFlags(tokens[phrase.headEnd - 1].norm) & W.Place) return null;
    const colon = phrase.last;
    if (colon >= last || tokens[colon].text !== ':' || doc.quoteOf[colon + 1] >= 0) return null;
    const end = trimEnd(tokens, colon + 1, last);
    return this.reported(phrase, { first: colon, last: colon + 1 }, [{ first: colon + 1, last: end }]);
  }

  /**
   * ", he added," / ", Smith said," inside a sentence, or ", Milley said." / ", Milley said on
   * Tuesday." ending it: a speaker and a cue set off by a comma frame the whole sentence, and a cue
   * inside the content ("… before it announced its retreat, Milley said.") is part of what was said.
   */
  private parentheticalCue(first: number, last: number): CueMatch | null {
    const { tokens } = this;
    const end = trimEnd(tokens, first, last);
    for (let k = first + 1; k < last - 2; k++) {
      if (tokens[k].text !== ',' || this.doc.quoteOf[k] >= 0) continue;
      const phrase = this.cues.reader.after(k + 1, last);
      if (!phrase || phrase.last >= last) continue;
      const m = this.cues.cue(phrase.last, last);
      if (!m || m.kind !== 'speech' || m.gerund || this.cues.consumed.has(m.first)) continue;
      // Inside a sentence only a name or a pronoun is surely a frame; at its end, "the second US official said." is too.
      if (tokens[m.last]?.text === ',' && phrase.kind !== 'description') return m;
      if (m.last <= end && this.cues.onlyAdverbials(m.last, end)) return m;
    }
    return null;
  }

  /** According to X, CONTENT. / CONTENT, according to X. / A, according to X, B. */
  private accordingTo(m: CueMatch, first: number, last: number): QuoteFinding | null {
    const { tokens } = this;
    const contentEnd = trimEnd(tokens, first, last);
    // "according to exit polls", "according to state corporate records": a source need not be a
    // person; what runs to the comma or the sentence's end names it.
    const phrase = this.cues.reader.after(m.last, last) ?? this.sourceText(m.last, contentEnd);
    if (!phrase) return null;
    const before = this.leadIn(first, m.first);
    // "According to early results of exit polls conducted for The Associated Press by Edison
    // Research, …": a source may run on past the phrase read as its head, to the comma.
    const after = before === null ? this.sourceEnd(phrase.last, contentEnd) : phrase.last;
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

  /** The words from `from` to the next comma or `end`, as a description, when they are a few words and no quotation. */
  private sourceText(from: number, end: number): SpeakerPhrase | null {
    let k = from;
    while (k < end && k - from <= MAX_SOURCE_TEXT && this.tokens[k].text !== ',' && this.doc.quoteOf[k] < 0) k++;
    if (k === from || k - from > MAX_SOURCE_TEXT || this.doc.quoteOf[k] >= 0 || this.tokens[k - 1].kind !== 'word') return null;
    return { first: from, last: k, headEnd: k, kind: 'description', name: null };
  }

  /** The comma that ends a source opening its sentence, or `from` when none is in reach. */
  private sourceEnd(from: number, end: number): number {
    for (let k = from; k < Math.min(end, from + MAX_SOURCE_TAIL); k++) {
      if (this.doc.quoteOf[k] >= 0) return from;
      if (this.tokens[k].text === ',') return k;
    }
    return from;
  }

  /** The content before a cue: sentence start up to the comma before it, or null when the cue opens the sentence. */
  leadIn(first: number, cueFirst: number, fragment = false): TokenRange | null {
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
    return t.kind === 'punct' && !this.cues.isOpeningMark(i);
  }

  /** X said (that) CONTENT. / CONTENT, X said. / CONTENT, said X. / A, he argued, B. */
  private reportedBy(m: CueMatch, first: number, last: number): QuoteFinding | null {
    const { tokens } = this;
    const contentEnd = trimEnd(tokens, first, last);
    // "careful to point out that …" reports; "prepared to say publicly …" does not: after "to", only with "that".
    const infinitive = this.tokens[m.last]?.norm === 'that';
    const subject = this.cues.reader.before(m.first, this.cues.frameStart(m.first, first)) ?? this.cues.coordinatedSubject(m.first, first, infinitive);
    if (subject && !this.isPossessive(subject)) {
      const commaAfter = tokens[m.last]?.text === ',';
      const start = this.infinitiveStart(m, contentEnd) ?? this.cues.contentStart(m, contentEnd);
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
    const inverted = this.cues.reader.after(m.last, last);
    const leadIn = this.leadIn(first, m.first);
    if (inverted && leadIn && (this.cues.contentStart(m, contentEnd) === null || this.endsWithSpeaker(inverted, contentEnd))) return this.reported(inverted, m, [leadIn]);
    return null;
  }

  /**
   * "Most voters think (that) Clinton is dishonest", "The poll shows Trump leading": a verb of
   * thought or evidence reports what follows it only when a clause follows — after "that", or
   * a subject and its verb — and only with a subject of its own before it.
   */
  private thought(m: CueMatch, first: number, last: number): QuoteFinding | null {
    if (m.gerund) return null;
    const subject = this.cues.reader.before(m.first, this.cues.frameStart(m.first, first)) ?? this.cues.coordinatedSubject(m.first, first, false);
    if (!subject || this.isPossessive(subject)) return null;
    const contentEnd = trimEnd(this.tokens, first, last);
    // "a man called John arrived": after an indefinite noun, a naming verb's participle names it.
    if (NAMING_VERBS.has(m.lemma) && subject.kind === 'description' && /^(a|an)$/.test(this.tokens[subject.first].norm)) return null;
    if (STANCE.has(m.lemma) || NAMING_VERBS.has(m.lemma)) return this.stanceObject(subject, m, contentEnd);
    // "declined to say whether …": the infinitive is the content, "to" and all.
    const infinitive = this.infinitiveStart(m, contentEnd);
    const start = infinitive ?? this.cues.contentStart(m, contentEnd);
    if (start === null || !(infinitive !== null || this.cues.opensClause(start, contentEnd))) return null;
    return this.reported(subject, m, [{ first: start, last: this.nextReportStart(start, contentEnd) }]);
  }

  /**
   * "declined to say whether …", "urged Congress to act", "vowed to fight": after a verb of
   * intention (and its listener), the infinitive is the content, "to" and all.
   */
  private infinitiveStart(m: CueMatch, end: number): number | null {
    if (!INTENTION_VERBS.has(m.lemma)) return null;
    let k = m.last;
    if (LISTENER_VERBS.has(m.lemma)) k = this.cues.reader.after(k, end)?.last ?? k;
    return k < end - 1 && this.tokens[k].norm === 'to' ? k : null;
  }

  /** "Christie endorsed Trump last week, saying …": the object, up to the end of its clause, however short. */
  private stanceObject(subject: SpeakerPhrase, m: CueMatch, contentEnd: number): QuoteFinding | null {
    const { tokens } = this;
    const start = m.last;
    if (start >= contentEnd || tokens[start].kind !== 'word' || wordFlags(tokens[start].norm) & (W.Preposition | W.Adverb) && tokens[start].norm !== 'what') return null;
    let end = this.nextReportStart(start, contentEnd);
    for (let k = start; k < end; k++) {
      if (this.doc.quoteOf[k] >= 0) continue;
      if (tokens[k].text === ',' || tokens[k].text === ';' || DASHES.has(tokens[k].text)) end = k;
    }
    return this.reported(subject, m, [{ first: start, last: end }], 1);
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
      const speaker = t.norm === 'who' ? null : this.cues.reader.after(k + 1, end);
      if (t.norm !== 'who' && (!speaker || (speaker.kind === 'pronoun' && tokens[speaker.first].norm === 'it'))) continue;
      let c = speaker ? speaker.last : k + 1;
      while (c < end && tokens[c].kind === 'word' && wordFlags(tokens[c].norm) & W.Adverb) c++;
      const m = c < end ? cueAt(this.cues.lex, tokens, c, end) : null;
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
    const start = this.cues.contentStart(m, trimEnd(this.tokens, first, last));
    if (start === null) return null;
    // Without an earlier cue, only "saying that …" / "warning: …" report; "claiming millions of lives" does not.
    const earlier = this.speakerOfEarlierCue(first, m.first);
    // "saying the agreement goes “nowhere near far enough”": words in marks make it a report too.
    const content = trimEnd(this.tokens, first, last);
    let quoted = false;
    for (let k = start; k < content && !quoted; k++) quoted = this.doc.quoteOf[k] >= 0;
    const introduces = /^(that|:)$/.test(this.tokens[start - 1]?.norm ?? '') || quoted;
    if (!earlier && !introduces) return null;
    const speaker = earlier ?? this.cues.subjects.subjectBefore(first, m.first)?.phrase ?? null;
    return speaker ? this.reported(speaker, m, [{ first: start, last: trimEnd(this.tokens, first, last) }]) : null;
  }

  private speakerOfEarlierCue(first: number, before: number): SpeakerPhrase | null {
    for (let c = before - 1; c >= first; c--) {
      const m = this.cues.cue(c, before, true);
      if (!m || m.gerund || m.kind === 'source-after') continue;
      return this.cues.reader.before(c, this.cues.frameStart(c, first)) ?? this.cues.reader.after(m.last, before);
    }
    return null;
  }

  /** "Russia's reported losses": a cue word after a possessive is an adjective. */
  private isPossessive(phrase: SpeakerPhrase): boolean {
    return this.tokens[phrase.last - 1].norm === "'s";
  }

  reported(phrase: SpeakerPhrase, m: TokenRange, pieces: TokenRange[], minTokens = MIN_INDIRECT_TOKENS): QuoteFinding | null {
    const { tokens, doc } = this;
    const kept = pieces.filter((p) => p.last - p.first > 0);
    if (kept.length === 0) return null;
    const size = kept.reduce((n, p) => n + (p.last - p.first), 0);
    if (size < minTokens) return null;
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
}
