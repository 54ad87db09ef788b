import type { ParsedDocument } from '../document';
import type { AttributionVia, DocumentSpeaker, Role, Span, SpeakerKind, TextSpan } from '../types';
import { W, wordFlags } from '../text/lexicon';
import type { QuoteFinding } from '../quotes/finding';
import { isAcronym, looksLikePersonName, type NameMention, type RoleRange, type TokenRange } from './entities';
import { nameWords, personNamesMatch, surnamesMatch } from './names';
import { withoutContraction, type SpeakerPhrase } from './phrase';
import { roleFamilies } from './roles';
import { chooseNearby, NearbySpeakers, type NearbyChoice, type NearbyMention } from './nearby';

// The speakers of one document: names clustered into people ("Gen. Mark Milley", "Milley",
// "Milli", "Mark Mille" are one), organisations, and unnamed sources kept apart from
// everyone else ("the second US official" is not Milley). Pronouns and descriptions are
// resolved here, in document order, against the people the writer has just named.

export interface ResolvedSpeaker {
  key: string;
  mention: TokenRange | null;
  via: AttributionVia;
}

interface Entity {
  key: string;
  kind: SpeakerKind;
  /** Normalised name words (people) or description words (others). */
  words: string[];
  /** The fullest form seen, as written. */
  display: string;
  forms: Map<string, number>;
  roles: Role[];
  mentions: TextSpan[];
  gender: 'male' | 'female' | null;
  /** Head noun of an unnamed source ("official"), for "the official said" later. */
  head: string | null;
}

/** A place where the writer names someone, which a later "he" or "the commander" can point back to. */
interface Salient {
  token: number;
  /** One past the mention's last token. */
  last: number;
  entity: Entity;
  /** A cue's speaker phrase ("Milley said"), not only a name in passing. */
  speaking: boolean;
}

/** The writer of a first-person piece ("I said"): anonymous, never merged with anyone. */
const AUTHOR_KEY = 'a:author';

/** A pronoun this many paragraphs after its antecedent is left unresolved rather than guessed. */
const PRONOUN_REACH_PARAGRAPHS = 4;

export class SpeakerRegistry {
  private readonly entities: Entity[] = [];
  private readonly byKey = new Map<string, Entity>();
  private readonly people: Entity[] = [];
  private readonly byMention = new Map<NameMention, Entity>();
  private readonly salience: Salient[] = [];
  /** Names inside someone's reported speech (not in marks): a pronoun framing that speech may point back to them. */
  private readonly reportedNames: Salient[] = [];
  private readonly used = new Set<Entity>();

  constructor(
    private readonly doc: ParsedDocument,
    names: readonly NameMention[],
    findings: readonly QuoteFinding[],
  ) {
    const speakingNames = new Set<NameMention>();
    for (const f of findings) if (f.phrase?.name) speakingNames.add(f.phrase.name);
    this.clusterPeople(names, speakingNames);
    this.clusterOrganizations(names, speakingNames);
    this.buildSalience(names, findings);
  }

  /** Resolves each finding's speaker, in document order: by its cue, else by the people named around it. */
  resolveAll(findings: readonly QuoteFinding[]): Array<ResolvedSpeaker | null> {
    const resolved = this.resolveByCues(findings);
    const choices = this.nearbyChoices(findings, resolved);
    findings.forEach((f, i) => {
      if (resolved[i]) return;
      // A continuation of a quote the model gave a speaker is that speaker's too.
      const inherited = f.inherits !== null && f.inherits < i ? resolved[f.inherits] : null;
      const choice = choices.get(i);
      const chosen = inherited ? null : choice ? chooseNearby(choice) : null;
      if (inherited) resolved[i] = { ...inherited, via: f.inheritance === 'continuation' ? 'continuation' : inherited.via };
      else if (chosen) resolved[i] = { key: chosen.entityKey, mention: { first: chosen.first, last: chosen.last }, via: 'nearby' };
      const r = resolved[i];
      if (r) this.used.add(this.entityByKey(r.key));
    });
    return resolved;
  }

  /**
   * For each quotation in marks that no cue gave a speaker (by finding index), the people named
   * around it as the speaker model sees them. Public for scripts/train/nearbySpeaker.ts.
   */
  nearbyChoices(findings: readonly QuoteFinding[], resolved: ReadonlyArray<ResolvedSpeaker | null>): Map<number, NearbyChoice> {
    const choices = new Map<number, NearbyChoice>();
    const nearby = new NearbySpeakers(this.doc);
    const counts = new Map<Entity, number>();
    const mentions: NearbyMention[] = this.salience.map((s) => {
      const earlierMentions = counts.get(s.entity) ?? 0;
      counts.set(s.entity, earlierMentions + 1);
      return { first: s.token, last: s.last, entityKey: s.entity.key, kind: s.entity.kind, speaking: s.speaking, earlierMentions };
    });
    const nextSpeaker: Array<string | null> = [];
    for (let i = findings.length - 1, next: string | null = null; i >= 0; i--) {
      nextSpeaker[i] = next;
      next = resolved[i]?.key ?? next;
    }
    const earlierSpeakers = new Set<string>();
    let previous: string | null = null;
    findings.forEach((f, i) => {
      const r = resolved[i];
      if (r) {
        earlierSpeakers.add(r.key);
        previous = r.key;
        return;
      }
      if (f.kind === 'indirect' || f.phrase || f.inherits !== null) return;
      choices.set(i, nearby.choice(f.first, f.last, f.kind === 'partial', mentions, { previousSpeaker: previous, nextSpeaker: nextSpeaker[i], earlierSpeakers }));
    });
    return choices;
  }

  /** Resolves the speaker of each finding with a cue or a continuation, in document order. */
  resolveByCues(findings: readonly QuoteFinding[]): Array<ResolvedSpeaker | null> {
    const resolved: Array<ResolvedSpeaker | null> = [];
    for (const f of findings) {
      if (f.phrase) {
        resolved.push(this.resolvePhrase(f.phrase));
      } else if (f.inherits !== null && f.inherits < resolved.length && resolved[f.inherits]) {
        const target = resolved[f.inherits] as ResolvedSpeaker;
        resolved.push({ ...target, via: f.inheritance === 'continuation' ? 'continuation' : target.via });
      } else {
        resolved.push(null);
      }
      const r = resolved[resolved.length - 1];
      if (r) this.used.add(this.entityByKey(r.key));
    }
    return resolved;
  }

  /** Speakers that said something, and every named person (a hover on any name shows a card). */
  speakers(): DocumentSpeaker[] {
    return this.entities
      .filter((e) => this.used.has(e) || e.kind === 'person')
      .map((e) => ({
        key: e.key,
        name: e.display,
        kind: e.kind,
        forms: [...e.forms.keys()],
        roles: e.roles,
        mentions: e.mentions,
        gender: e.gender,
      }));
  }

  // ── Building ─────────────────────────────────────────────────────────────────────────

  private clusterPeople(names: readonly NameMention[], speaking: Set<NameMention>): void {
    const isPerson = (n: NameMention) =>
      n.kind === 'person' || (n.kind === 'unknown' && speaking.has(n) && looksLikePersonName(this.doc.tokens, n.first, n.last));
    // Full names first, so that a bare surname anywhere in the text finds its person.
    for (const n of names) {
      if (!isPerson(n) || n.words.length < 2) continue;
      const words = nameWords(n.words.join(' '));
      const entity = this.people.find((p) => personNamesMatch(p.words, words)) ?? this.newEntity('person', words, this.people);
      if (words.length > entity.words.length || (words.length === entity.words.length && words.join(' ').length > entity.words.join(' ').length && entity.words.length < 2)) entity.words = words;
      this.attach(entity, n);
    }
    // Then single names that are people in their own right ("Singh said"), then the rest
    // ("Milleys comments") where they match someone.
    for (const pass of [true, false]) {
      for (const n of names) {
        if (n.words.length !== 1 || isPerson(n) !== pass || this.byMention.has(n)) continue;
        if ((n.kind === 'organization' || this.isPlace(n)) && !(pass === false && this.isSurnameOfNamedPerson(n))) continue;
        const entity = this.personForSingleName(n) ?? (pass ? this.newEntity('person', n.words, this.people) : null);
        if (entity) this.attach(entity, n);
      }
    }
    for (const p of this.people) p.display = this.displayName(p);
  }

  /**
   * "Bolton" after "John Bolton" is the man, not the town or the football club the lexicon
   * knows: a one-word "organisation" that is exactly the surname of someone the text named in
   * full is that person — unless it is a known institution or reads "the Bolton".
   */
  private isSurnameOfNamedPerson(n: NameMention): boolean {
    const w = n.words[0];
    const t = this.doc.tokens[n.first];
    if (wordFlags(w) & W.Institution || isAcronym(t) || this.doc.tokens[n.first - 1]?.norm === 'the') return false;
    return this.people.some((p) => p.words.length >= 2 && p.words[p.words.length - 1] === w);
  }

  private isPlace(n: NameMention): boolean {
    return (wordFlags(n.words[0]) & W.Place) !== 0;
  }

  /** "Milley" (or "Milli") → the person whose surname it is; "Hillary" → the person with that first name. */
  private personForSingleName(n: NameMention): Entity | null {
    const w = n.words[0];
    const exact = this.people.filter((p) => p.words[p.words.length - 1] === w);
    if (exact.length > 0) return this.nearestBefore(exact, n.first);
    const fuzzy = this.people.filter((p) => p.words.length >= 1 && surnamesMatch(p.words[p.words.length - 1], w));
    if (fuzzy.length === 1) return fuzzy[0];
    const byFirstName = this.people.filter((p) => p.words.length >= 2 && p.words[0] === w);
    if (byFirstName.length === 1 && wordFlags(w) & W.FirstName) return byFirstName[0];
    return null;
  }

  /** Among people sharing a surname, the one named most recently before `token` (else the most named). */
  private nearestBefore(candidates: Entity[], token: number): Entity {
    if (candidates.length === 1) return candidates[0];
    let best: Entity | null = null;
    let bestStart = -1;
    for (const c of candidates) {
      for (const m of c.mentions) {
        if (m.start < this.doc.tokens[token].start && m.start > bestStart) {
          best = c;
          bestStart = m.start;
        }
      }
    }
    return best ?? candidates.reduce((a, b) => (b.mentions.length > a.mentions.length ? b : a));
  }

  private clusterOrganizations(names: readonly NameMention[], speaking: Set<NameMention>): void {
    const orgs = new Map<string, Entity>();
    for (const n of names) {
      if (this.byMention.has(n)) continue;
      if (n.kind !== 'organization' && !(n.kind === 'unknown' && speaking.has(n))) continue;
      const key = n.words.join(' ');
      let entity = orgs.get(key);
      if (!entity) {
        entity = this.newEntity('organization', n.words, this.entities);
        orgs.set(key, entity);
      }
      this.attach(entity, n);
      entity.display = this.text(n);
    }
  }

  private newEntity(kind: SpeakerKind, words: string[], list: Entity[]): Entity {
    const prefix = kind === 'person' ? 'p' : kind === 'organization' ? 'o' : kind === 'group' ? 'g' : 'a';
    let key = `${prefix}:${words.join('-')}`;
    for (let n = 2; this.byKey.has(key); n++) key = `${prefix}:${words.join('-')}-${n}`;
    const entity: Entity = { key, kind, words, display: words.join(' '), forms: new Map(), roles: [], mentions: [], gender: null, head: null };
    if (list !== this.entities) list.push(entity);
    this.entities.push(entity);
    this.byKey.set(key, entity);
    return entity;
  }

  private attach(entity: Entity, n: NameMention): void {
    this.byMention.set(n, entity);
    const text = this.text(n);
    entity.forms.set(text, (entity.forms.get(text) ?? 0) + 1);
    entity.mentions.push({ start: this.doc.tokens[n.first].start, end: this.doc.tokens[n.last - 1].end, text });
    for (const r of n.roles) this.addRole(entity, r);
    if (!entity.gender && n.gender) entity.gender = n.gender;
  }

  private addRole(entity: Entity, r: RoleRange): void {
    const start = this.doc.tokens[r.first].start;
    if (entity.roles.some((x) => x.start === start)) return;
    entity.roles.push({ text: r.text, start, end: this.doc.tokens[r.last - 1].end });
  }

  /** The fullest form of a person's name as written, titles aside: "Mark Milley". */
  private displayName(p: Entity): string {
    let best = '';
    let bestCount = 0;
    for (const [form, count] of p.forms) {
      const words = form.split(/\s+/).length;
      const bestWords = best ? best.split(/\s+/).length : 0;
      if (words > bestWords || (words === bestWords && count > bestCount)) {
        best = form;
        bestCount = count;
      }
    }
    return best.replace(/['’]s$/, '') || p.words.join(' ');
  }

  private text(n: TokenRange): string {
    return this.doc.text.slice(this.doc.tokens[n.first].start, this.doc.tokens[n.last - 1].end);
  }

  /** People and organisations named in the writer's own words, where pronouns look back to. */
  private buildSalience(names: readonly NameMention[], findings: readonly QuoteFinding[]): void {
    const reported = disjointSpans(findings.filter((f) => f.kind === 'indirect').flatMap((f) => f.parts));
    const insideReported = (token: number) => {
      const start = this.doc.tokens[token].start;
      // The last reported span starting at or before the name holds it, if any does.
      let lo = 0;
      let hi = reported.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (reported[mid].start <= start) lo = mid + 1;
        else hi = mid;
      }
      return lo > 0 && start < reported[lo - 1].end;
    };
    for (const n of names) {
      const entity = this.byMention.get(n);
      if (!entity || n.inQuote) continue;
      (insideReported(n.first) ? this.reportedNames : this.salience).push({ token: n.first, last: n.last, entity, speaking: false });
    }
    this.salience.sort((a, b) => a.token - b.token);
    this.reportedNames.sort((a, b) => a.token - b.token);
  }

  // ── Resolving ────────────────────────────────────────────────────────────────────────

  private entityByKey(key: string): Entity {
    return this.byKey.get(key) as Entity;
  }

  private resolvePhrase(phrase: SpeakerPhrase): ResolvedSpeaker | null {
    const mention = { first: phrase.first, last: phrase.last };
    if (phrase.kind === 'name' && phrase.name) {
      const entity = this.byMention.get(phrase.name);
      if (entity) {
        for (const r of phrase.name.roles) this.addRole(entity, r);
        this.remember(phrase, entity);
        return { key: entity.key, mention, via: 'cue' };
      }
    }
    if (phrase.kind === 'pronoun') {
      const entity = this.resolvePronoun(phrase.first);
      if (!entity) return null;
      this.remember(phrase, entity);
      return { key: entity.key, mention, via: 'pronoun' };
    }
    const named = this.surnameAtSentenceStart(phrase);
    if (named) {
      this.remember(phrase, named);
      return { key: named.key, mention, via: 'cue' };
    }
    const described = this.resolveDescription(phrase, mention);
    if (described) this.remember(phrase, this.entityByKey(described.key));
    return described;
  }

  /**
   * "Burns said …" opening a sentence, after "CIA Director William Burns": the lexicon reads the
   * capitalised word as a verb, but it is the surname of someone the text named in full.
   */
  private surnameAtSentenceStart(phrase: SpeakerPhrase): Entity | null {
    const t = this.doc.tokens[phrase.first];
    if (phrase.last - phrase.first !== 1 || t.kind !== 'word' || !t.cap) return null;
    const candidates = this.people.filter((p) => p.words.length >= 2 && p.words[p.words.length - 1] === t.norm);
    if (candidates.length === 0) return null;
    const entity = this.nearestBefore(candidates, phrase.first);
    const text = this.text(phrase);
    entity.forms.set(text, (entity.forms.get(text) ?? 0) + 1);
    entity.mentions.push({ start: t.start, end: t.end, text });
    return entity;
  }

  private remember(phrase: TokenRange, entity: Entity): void {
    let i = this.salience.length;
    while (i > 0 && this.salience[i - 1].token > phrase.first) i--;
    this.salience.splice(i, 0, { token: phrase.first, last: phrase.last, entity, speaking: true });
  }

  private resolvePronoun(token: number): Entity | null {
    const norm = withoutContraction(this.doc.tokens[token].norm);
    const paragraph = this.doc.paragraphOf[token];
    // "I said" in the writer's own words: the author of the piece is speaking.
    if (norm === 'i') return this.author();
    const wanted: Array<SpeakerKind> =
      norm === 'it' ? ['organization'] : norm === 'he' || norm === 'she' ? ['person', 'anonymous'] : norm === 'they' ? ['group', 'organization'] : [];
    if (wanted.length === 0) return null;
    const gender = norm === 'he' ? 'male' : norm === 'she' ? 'female' : null;
    const fits = (e: Entity) => wanted.includes(e.kind) && e.key !== AUTHOR_KEY && !(gender && e.gender && e.gender !== gender);
    for (let i = this.salience.length - 1; i >= 0; i--) {
      const s = this.salience[i];
      if (s.token >= token) continue;
      if (paragraph - this.doc.paragraphOf[s.token] > PRONOUN_REACH_PARAGRAPHS) break;
      // "A second official said … He added": an unnamed source is one person too — but not the writer.
      if (fits(s.entity)) return s.entity;
    }
    // "Ms. Nwanguma was shocked by the reaction, she said": the only one named before the pronoun
    // may be inside the words it frames.
    const sentence = this.doc.sentenceOf[token];
    for (let i = this.reportedNames.length - 1; i >= 0; i--) {
      const s = this.reportedNames[i];
      if (s.token >= token) continue;
      if (this.doc.sentenceOf[s.token] !== sentence) break;
      if (fits(s.entity)) return s.entity;
    }
    return null;
  }

  private author(): Entity {
    const existing = this.byKey.get(AUTHOR_KEY);
    if (existing) return existing;
    const entity = this.newEntity('anonymous', ['author'], this.entities);
    this.byKey.delete(entity.key);
    entity.key = AUTHOR_KEY;
    this.byKey.set(AUTHOR_KEY, entity);
    entity.display = 'the author';
    return entity;
  }

  /** "the US military commander" → the person just named with a military role; "a US official" → an unnamed source. */
  private resolveDescription(phrase: SpeakerPhrase, mention: TokenRange): ResolvedSpeaker | null {
    const { tokens } = this.doc;
    const words: string[] = [];
    let definite = false;
    let ordinal: string | null = null;
    let quantity = false;
    for (let k = phrase.first; k < phrase.headEnd; k++) {
      const t = tokens[k];
      const f = wordFlags(t.norm);
      if (k === phrase.first && f & W.Determiner) {
        definite = t.norm === 'the' || t.norm === 'this' || t.norm === 'that';
        continue;
      }
      if (t.kind === 'number' || (f & W.NumberWord && !(f & W.Ordinal))) quantity = true;
      if (f & W.Ordinal && t.norm !== 'other') ordinal = t.norm === 'another' ? null : t.norm;
      if (t.kind === 'word') words.push(t.norm);
    }
    if (words.length === 0) return null;
    const head = words[words.length - 1];
    const headFlags = wordFlags(head);
    const plural = quantity || (headFlags & W.Plural && !(headFlags & W.Title)) !== 0 || (head.endsWith('s') && !head.endsWith('ss') && (headFlags & W.SourceNoun) !== 0);

    // "Russia said", "the military said", "the administration stresses": a body speaks.
    if (phrase.last - phrase.first === 1 && tokens[phrase.first].cap && wordFlags(tokens[phrase.first].norm) & W.Demonym) {
      const person = this.newEntity('person', words, this.people);
      person.display = tokens[phrase.first].text;
      return { key: person.key, mention, via: 'cue' };
    }
    if (this.isProper(phrase) || (definite && headFlags & W.OrgHead && !(headFlags & W.SourceNoun))) {
      return { key: this.anonymous('organization', words, phrase, null).key, mention, via: 'cue' };
    }
    if (plural) return { key: this.anonymous('group', words, phrase, null).key, mention, via: 'cue' };
    if (definite && !ordinal) {
      const families = roleFamilies(words.join(' '));
      if (headFlags & W.Title && families.size > 0) {
        const person = this.recentPersonWithRole(phrase.first, families);
        if (person) {
          this.remember(phrase, person);
          return { key: person.key, mention, via: 'description' };
        }
      }
      if (headFlags & W.SourceNoun) {
        const earlier = this.recentAnonymous(phrase.first, head);
        if (earlier) return { key: earlier.key, mention, via: 'description' };
      }
    }
    const key = ordinal ? [ordinal, singular(head)] : words;
    return { key: this.anonymous('anonymous', key, phrase, head).key, mention, via: 'cue' };
  }

  /** Every word capitalised: a place or body the lexicon knows ("Russia", "United States"). */
  private isProper(phrase: SpeakerPhrase): boolean {
    // "Cuban said": a lone nationality word that speaks is a surname.
    if (phrase.last - phrase.first === 1 && wordFlags(this.doc.tokens[phrase.first].norm) & W.Demonym) return false;
    for (let k = phrase.first; k < phrase.last; k++) {
      const t = this.doc.tokens[k];
      if (t.kind === 'word' && !t.cap && !(wordFlags(t.norm) & W.Determiner && k === phrase.first)) return false;
    }
    // "Officials said", "Critics say": a capital that only opens the sentence makes no name.
    const head = this.doc.tokens[phrase.headEnd - 1];
    const opensSentence = phrase.headEnd - 1 === this.doc.sentences[this.doc.sentenceOf[phrase.first]].first;
    return !(opensSentence && wordFlags(head.norm) & (W.SourceNoun | W.Title));
  }

  private recentPersonWithRole(token: number, families: Set<string>): Entity | null {
    const paragraph = this.doc.paragraphOf[token];
    for (let i = this.salience.length - 1; i >= 0; i--) {
      const s = this.salience[i];
      if (s.token >= token || s.entity.kind !== 'person') continue;
      if (paragraph - this.doc.paragraphOf[s.token] > PRONOUN_REACH_PARAGRAPHS * 2) break;
      for (const r of s.entity.roles) for (const f of roleFamilies(r.text)) if (families.has(f)) return s.entity;
    }
    return null;
  }

  private recentAnonymous(token: number, head: string): Entity | null {
    const start = this.doc.tokens[token].start;
    let best: Entity | null = null;
    let bestStart = -1;
    for (const e of this.entities) {
      if (e.kind !== 'anonymous' || !e.head || !compatibleSourceNouns(e.head, head)) continue;
      for (const m of e.mentions) if (m.start < start && m.start > bestStart) [best, bestStart] = [e, m.start];
    }
    return best;
  }

  private anonymous(kind: SpeakerKind, keyWords: string[], phrase: SpeakerPhrase, head: string | null): Entity {
    const text = this.text(phrase);
    let entity = this.entities.find((e) => e.kind === kind && e.words.join(' ') === keyWords.join(' '));
    if (!entity) {
      entity = this.newEntity(kind, keyWords, this.entities);
      entity.display = kind === 'organization' ? text.replace(/^(the|The) /, '') : text;
      entity.head = head;
      if (kind !== 'organization') entity.roles.push({ text, start: this.doc.tokens[phrase.first].start, end: this.doc.tokens[phrase.last - 1].end });
    }
    entity.forms.set(text, (entity.forms.get(text) ?? 0) + 1);
    entity.mentions.push({ start: this.doc.tokens[phrase.first].start, end: this.doc.tokens[phrase.last - 1].end, text });
    return entity;
  }
}

/** Spans sorted and merged where they overlap, so that one binary search finds the span holding an offset. */
function disjointSpans(spans: readonly Span[]): Span[] {
  const sorted = [...spans].sort((a, b) => a.start - b.start);
  const merged: Span[] = [];
  for (const s of sorted) {
    const last = merged[merged.length - 1];
    if (last && s.start <= last.end) last.end = Math.max(last.end, s.end);
    else merged.push({ start: s.start, end: s.end });
  }
  return merged;
}

function singular(word: string): string {
  return word.endsWith('s') && !word.endsWith('ss') ? word.slice(0, -1) : word;
}

const PERSON_SOURCES = new Set(['person', 'source', 'individual']);

/** "the official" can point back to "a US official"; "the person" to any unnamed source. */
function compatibleSourceNouns(earlier: string, later: string): boolean {
  if (singular(earlier) === singular(later) || PERSON_SOURCES.has(later)) return true;
  const spokes = (w: string) => w.startsWith('spokes');
  return spokes(earlier) && spokes(later);
}
