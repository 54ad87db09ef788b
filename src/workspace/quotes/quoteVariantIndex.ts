import type { QuoteOwner } from '../digest';
import { compareQuotes, SHORT_QUOTE, type QuoteRelation } from './compare';
import { quoteWords, type QuoteWords } from './words';

// The workspace's quotes compared across files: which quotes in different files are versions
// of one remark (the same words, a part of them, or other words). Incremental like the
// speaker and claim indexes: setting or removing a file's quotes compares only them, and
// returns the paths whose links changed.
//
// Quotes are never compared all with all: each is indexed by its word pairs (stems, at least
// one a content word), and compared only with quotes that share enough of them. A word pair
// found in very many quotes ("the war") finds no candidates: it says nothing about a remark.

/** One quote as the index keeps it. */
export interface QuoteVersion {
  path: string;
  start: number;
  end: number;
  kind: QuoteOwner['kind'];
  text: string;
  speakerKey: string;
  words: QuoteWords;
}

/** A version as the index keeps it: with the wording it is one copy of. */
interface Indexed extends QuoteVersion {
  wording: Wording;
}

/** A quote's text as the index has read it. */
interface Spelling {
  words: QuoteWords;
  wording: Wording;
}

/** How one wording relates to another, seen from the first. */
interface WordingLink {
  relation: QuoteRelation;
  differentHere: number[];
  differentThere: number[];
}

/**
 * One distinct wording (an utterance as the files word it): every version, in any file, that
 * reads alike to compareQuotes (the same signature). Wordings are compared, not versions: an
 * archive holds each wire story's quotations in a dozen editions, and linking every copy to
 * every other was quadratic in the copies (475,000 links on 10,000 articles, most of the time
 * and memory of the index). A new copy of a known wording costs a look-up; the links of a
 * version are its wording's, read through to the members in other files when asked.
 */
interface Wording {
  signature: string;
  words: QuoteWords;
  /** Reported speech (signatures tell it apart from quotations in marks). */
  indirect: boolean;
  /** Its word pairs (pairKeys). */
  keys: string[];
  /** The postings of its word pairs, in the order of `keys`: a copy counts itself in them without looking them up. */
  postings: Posting[];
  members: Set<Indexed>;
  /** How many of the members each file holds. */
  files: Map<string, number>;
  /** The other wordings it is a version of (NO_LINKS, shared, until it has one: most never do). */
  links: Map<Wording, WordingLink>;
  /**
   * How two copies of it relate (verbatim), or null when its words say too little to link;
   * undefined until it is in two files (most wordings never are: a transcript's 65,000 quotes
   * were compared each with itself).
   */
  self: WordingLink | null | undefined;
  /** The texts it is spelled in (keys of `spellings`), forgotten with it: the first, then any others. */
  spelling: string;
  otherSpellings: string[] | null;
  /** The call of `candidates` that last met it, and how many word pairs that call found it shares. */
  round: number;
  shared: number;
}

/** The versions whose word pairs include one: `size` of them, in their wordings. */
interface Posting {
  size: number;
  /** An array, not a set: added to 700,000 times on an archive, taken from only when a wording is forgotten. */
  wordings: Wording[];
}

/** Another version of a quote, and how the two differ, seen from the quote. */
export interface QuoteLink {
  other: QuoteVersion;
  relation: QuoteRelation;
  /** Indexes of the words of this quote and of the other that the other version has not. */
  differentHere: number[];
  differentThere: number[];
}

/** A file's versions of one wording, and their links, in no order (the same for each: those of the wording, to other files). */
export interface VersionGroup {
  versions: QuoteVersion[];
  links: QuoteLink[];
}

/** The links of a wording that has none; never written to (see `linksOf`). */
const NO_LINKS = new Map<Wording, WordingLink>();

/** A wording's links, to add one to. */
function linksOf(w: Wording): Map<Wording, WordingLink> {
  if (w.links === NO_LINKS) w.links = new Map();
  return w.links;
}

/** `stage` looks at the clock every this many quotes. */
const PREPARE_CHECK = 64;

/** A word pair in more quotes than this finds no candidates. */
export const MAX_POSTING = 200;

export class QuoteVariantIndex {
  /** Each file's versions, by start. */
  private readonly byPath = new Map<string, Indexed[]>();
  private readonly postings = new Map<string, Posting>();
  private readonly wordings = new Map<string, Wording>();
  /**
   * A quote's text to its words and wording, for quotations in marks and for reported speech:
   * a known text is never read again. Keyed by the text itself (a key made of it was a string
   * to hash again for every quote).
   */
  private readonly spellings = { quoted: new Map<string, Spelling>(), reported: new Map<string, Spelling>() };
  /** Wordings `stage` made; forgotten at the next `set` or `remove` if no file holds them then (their text was superseded). */
  private prepared = new Set<Wording>();
  /** The last call of `candidates`, which marks the wordings it meets with it. */
  private round = 0;
  /** A file's versions worked out by `stage` for the `set` of these very quotes; dropped by any other change. */
  private staged: Staged | null = null;
  /** Counts the changes of the index (`set`, `remove`): what `stage` worked out before one is not used. */
  private generation = 0;

  /** Replaces a file's quotes; returns the paths whose links changed (the file's own when it has any). */
  set(path: string, quotes: readonly QuoteOwner[]): Set<string> {
    // The old versions leave first, but their wordings are forgotten only after the new ones
    // came: an edit keeps most of a file's quotes, which then cost a look-up each.
    const staged = this.staged;
    const ahead = staged !== null && staged.path === path && staged.quotes === quotes && staged.generation === this.generation ? staged : null;
    this.staged = null;
    this.generation++;
    const changed = new Set<string>();
    const left = this.detach(path, changed);
    const all = ahead?.all ?? quotes.filter(comparable).map((q) => this.indexed(path, q));
    for (const v of all) left.add(v.wording);
    const versions = ahead?.versions ?? versionsOf(all);
    if (versions.length > 0) this.byPath.set(path, versions);
    const touched = new Set<Wording>();
    for (const v of versions) {
      this.attach(v);
      touched.add(v.wording);
    }
    // Wordings no file holds any more: the old text's, and the new text's short quotes repeated in its longer ones.
    for (const w of left) if (w.members.size === 0) this.forget(w);
    this.forgetPrepared();
    for (const w of touched) this.partnersOfWording(w, path, changed);
    return changed;
  }

  /**
   * Works out ahead, a step of about `sliceMs` milliseconds at a time, what `set(path, quotes)`
   * would for each quote before it changes the index: its words and wording (new wordings
   * compared with those they may be versions of), which of the file's quotes are short ones it repeats in longer
   * ones, and how two copies of a wording another file holds relate. The `set` of these very
   * quotes, if no other change came in between, then only attaches them: a 900 KB transcript's
   * 65,000 quotes beside another file of the same took the server's thread for 200 ms in one `set`.
   */
  *stage(path: string, quotes: readonly QuoteOwner[], sliceMs: number): Generator<void, void, void> {
    const generation = this.generation;
    let until = Date.now() + sliceMs;
    let count = 0;
    const due = () => ++count % PREPARE_CHECK === 0 && Date.now() >= until;
    const all: Indexed[] = [];
    for (const q of quotes) {
      if (!comparable(q)) continue;
      const v = this.indexed(path, q);
      if (v.wording.members.size === 0) this.prepared.add(v.wording);
      all.push(v);
      if (due()) {
        yield;
        // The index changed meanwhile: prepared wordings may be forgotten; `set` does it all.
        if (this.generation !== generation) return;
        until = Date.now() + sliceMs;
      }
    }
    yield;
    if (this.generation !== generation) return;
    const versions = versionsOf(all);
    yield;
    if (this.generation !== generation) return;
    until = Date.now() + sliceMs;
    for (const v of versions) {
      const w = v.wording;
      if (w.self === undefined && w.files.size > (w.files.has(path) ? 1 : 0)) w.self = selfLinkOf(w);
      if (due()) {
        yield;
        if (this.generation !== generation) return;
        until = Date.now() + sliceMs;
      }
    }
    this.staged = { path, quotes, generation, all, versions };
  }

  /** Removes a file's quotes; returns the paths whose links changed. */
  remove(path: string): Set<string> {
    this.staged = null;
    this.generation++;
    const changed = new Set<string>();
    for (const w of this.detach(path, changed)) if (w.members.size === 0) this.forget(w);
    this.forgetPrepared();
    return changed;
  }

  /** The file's quotes that have versions elsewhere, in the order of the text, with their links. */
  versionsOf(path: string): Array<{ version: QuoteVersion; links: readonly QuoteLink[] }> {
    return (this.byPath.get(path) ?? []).flatMap((version) => {
      const links = this.linksOfVersion(version);
      return links.length > 0 ? [{ version, links: sortLinks(links) }] : [];
    });
  }

  /**
   * The file's quotes that have versions elsewhere, a group per wording, in the order of the
   * text: a file that repeats one quotation a thousand times has its links read once. The
   * links are in no order (`sortLinks` puts them in the order they are shown in): most are
   * never shown.
   */
  groupsOf(path: string): VersionGroup[] {
    const groups = new Map<Wording, VersionGroup | null>();
    for (const v of this.byPath.get(path) ?? []) {
      let group = groups.get(v.wording);
      if (group === undefined) {
        const links = this.linksOfVersion(v);
        group = links.length > 0 ? { versions: [], links } : null;
        groups.set(v.wording, group);
      }
      group?.versions.push(v);
    }
    return [...groups.values()].filter((g): g is VersionGroup => g !== null);
  }

  /** The links of the quote at [start, end) of a file, or none. */
  linksAt(path: string, start: number, end: number): readonly QuoteLink[] {
    return this.entryAt(path, start, end)?.links ?? [];
  }

  /** The quote at [start, end) of a file, with its links; null when the index does not compare it. */
  entryAt(path: string, start: number, end: number): { version: QuoteVersion; links: readonly QuoteLink[] } | null {
    const version = this.versionAt(path, start, end);
    return version ? { version, links: sortLinks(this.linksOfVersion(version)) } : null;
  }

  /** The paths of the files whose quotes are linked to a quote of one of these files. */
  partnersOf(paths: Iterable<string>): Set<string> {
    const out = new Set<string>();
    const seen = new Set<Wording>();
    for (const p of paths) {
      for (const v of this.byPath.get(p) ?? []) {
        if (seen.has(v.wording)) continue;
        seen.add(v.wording);
        this.filesLinkedTo(v.wording, (path) => path !== p && out.add(path));
      }
    }
    return out;
  }

  /** Every linked pair once, by file and place. */
  pairs(): Array<{ a: QuoteVersion; b: QuoteVersion; link: QuoteLink }> {
    const out: Array<{ a: QuoteVersion; b: QuoteVersion; link: QuoteLink }> = [];
    for (const path of [...this.byPath.keys()].sort()) {
      for (const { versions, links } of this.groupsOf(path)) {
        const sorted = sortLinks(links);
        for (const version of versions) for (const link of sorted) if (before(version, link.other)) out.push({ a: version, b: link.other, link });
      }
    }
    return out.sort((x, y) => (x.a === y.a ? 0 : before(x.a, y.a) ? -1 : 1));
  }

  /** Linked pairs of versions, each counted once (for the benchmark: what the links would be one by one). */
  linkCount(): number {
    let n = 0;
    for (const versions of this.byPath.values()) for (const v of versions) this.eachLinked(v.wording, (w) => (n += w.members.size - (w.files.get(v.path) ?? 0)));
    return n / 2;
  }

  /** A quote of a file as the index keeps it. */
  private indexed(path: string, q: QuoteOwner): Indexed {
    const spelling = this.spelling(q.text, q.kind === 'indirect');
    return { path, start: q.start, end: q.end, kind: q.kind, text: q.text, speakerKey: q.speakerKey, words: spelling.words, wording: spelling.wording };
  }

  /** The text's words and wording, read once for every copy of it. */
  private spelling(text: string, indirect: boolean): Spelling {
    const spellings = indirect ? this.spellings.reported : this.spellings.quoted;
    let spelling = spellings.get(text);
    if (!spelling) {
      const words = quoteWords(text);
      const signature = signatureOf(words, indirect);
      let wording = this.wordings.get(signature);
      if (!wording) {
        wording = { signature, words, indirect, keys: pairKeys(words), postings: [], members: new Set(), files: new Map(), links: NO_LINKS, self: undefined, spelling: text, otherSpellings: null, round: 0, shared: 0 };
        this.wordings.set(signature, wording);
        this.link(wording);
      } else (wording.otherSpellings ??= []).push(text);
      spellings.set(text, (spelling = { words, wording }));
    }
    return spelling;
  }

  /** Compares a new wording with those that share enough word pairs with it, and posts it. */
  private link(w: Wording): void {
    for (const other of this.candidates(w)) {
      const c = this.compared(w, other);
      if (!c) continue;
      linksOf(w).set(other, c);
      linksOf(other).set(w, { relation: c.relation, differentHere: c.differentThere, differentThere: c.differentHere });
    }
    for (const k of w.keys) {
      const p = getOrAdd(this.postings, k, (): Posting => ({ size: 0, wordings: [] }));
      p.wordings.push(w);
      w.postings.push(p);
    }
  }

  /** Adds a version to its wording, and counts it in the postings of its word pairs. */
  private attach(v: Indexed): void {
    const w = v.wording;
    w.members.add(v);
    w.files.set(v.path, (w.files.get(v.path) ?? 0) + 1);
    for (const p of w.postings) p.size++;
  }

  /** Takes a file's versions out of their wordings; returns the wordings they were in, with the files that were linked to them in `changed`. */
  private detach(path: string, changed: Set<string>): Set<Wording> {
    const left = new Set<Wording>();
    for (const v of this.byPath.get(path) ?? []) {
      const w = v.wording;
      if (!left.has(w)) this.partnersOfWording(w, path, changed);
      left.add(w);
      w.members.delete(v);
      const n = (w.files.get(path) ?? 1) - 1;
      if (n > 0) w.files.set(path, n);
      else w.files.delete(path);
      for (const p of w.postings) p.size--;
    }
    this.byPath.delete(path);
    return left;
  }

  /**
   * Forgets a wording no file holds any more: its links, postings and spellings. The files
   * linked to its versions were named when the versions left (`detach`).
   */
  private forget(w: Wording): void {
    this.wordings.delete(w.signature);
    const spellings = w.indirect ? this.spellings.reported : this.spellings.quoted;
    spellings.delete(w.spelling);
    for (const text of w.otherSpellings ?? []) spellings.delete(text);
    for (const other of w.links.keys()) other.links.delete(w);
    w.keys.forEach((k, i) => {
      const p = w.postings[i];
      const at = p.wordings.indexOf(w);
      p.wordings[at] = p.wordings[p.wordings.length - 1];
      p.wordings.pop();
      if (p.wordings.length === 0) this.postings.delete(k);
    });
  }

  private forgetPrepared(): void {
    if (this.prepared.size === 0) return;
    for (const w of this.prepared) if (w.members.size === 0 && this.wordings.get(w.signature) === w) this.forget(w);
    this.prepared = new Set();
  }

  /** Adds to `changed` the files linked to a wording's versions in `path`, and `path` itself when there are any. */
  private partnersOfWording(w: Wording, path: string, changed: Set<string>): void {
    let any = false;
    this.filesLinkedTo(w, (p) => {
      if (p === path) return;
      any = true;
      changed.add(p);
    });
    if (any) changed.add(path);
  }

  /** Calls `each` with the files holding a version linked to one of this wording (its own copies included). */
  private filesLinkedTo(w: Wording, each: (path: string) => void): void {
    this.eachLinked(w, (x) => {
      for (const p of x.files.keys()) each(p);
    });
  }

  /** Calls `each` with the wordings whose versions a version of `w` is linked to: itself when its copies link, and its linked wordings. */
  private eachLinked(w: Wording, each: (x: Wording) => void): void {
    if (this.selfOf(w)) each(w);
    for (const x of w.links.keys()) each(x);
  }

  /** How two copies of a wording in two files relate; nothing while it is in one file only. */
  private selfOf(w: Wording): WordingLink | null {
    if (w.files.size < 2) return null;
    if (w.self === undefined) w.self = selfLinkOf(w);
    return w.self;
  }

  /** A version's links: its wording's, to the versions in other files. */
  private linksOfVersion(v: Indexed): QuoteLink[] {
    const out: QuoteLink[] = [];
    const add = (x: Wording, l: WordingLink) => {
      if (x.files.size === 1 && x.files.has(v.path)) return;
      for (const other of x.members) if (other.path !== v.path) out.push({ other, relation: l.relation, differentHere: l.differentHere, differentThere: l.differentThere });
    };
    const self = this.selfOf(v.wording);
    if (self) add(v.wording, self);
    for (const [x, l] of v.wording.links) add(x, l);
    return out;
  }

  /** The file's version at [start, end), found by halving (versions are kept by start). */
  private versionAt(path: string, start: number, end: number): Indexed | null {
    const versions = this.byPath.get(path) ?? [];
    let lo = 0;
    let hi = versions.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (versions[mid].start < start) lo = mid + 1;
      else hi = mid;
    }
    for (let i = lo; i < versions.length && versions[i].start === start; i++) if (versions[i].end === end) return versions[i];
    return null;
  }

  /**
   * compareQuotes on two wordings. Not remembered: each pair of wordings is compared once while
   * both are held, and an edit keeps the wordings of the quotes it did not touch (see `set`).
   */
  private compared(v: Wording, other: Wording): WordingLink | null {
    // Two reports of speech are two writers' words, not versions of a quotation.
    if (v.indirect && other.indirect) return null;
    const c = compareQuotes(v.words, other.words, v.indirect, other.indirect);
    return c && { relation: c.relation, differentHere: c.differentInA, differentThere: c.differentInB };
  }

  /**
   * The wordings that share enough word pairs with this one: two, or the only one a short
   * quote has. Word pairs found in too many quotes are not asked. Reported speech is
   * compared only with quotations in marks.
   */
  private candidates(w: Wording): Wording[] {
    // Counted on the wordings themselves, not in a map: a quote meets thousands of others in
    // the postings of its word pairs, and a map of them was a fifth of a folder's indexing.
    const round = ++this.round;
    const met: Wording[] = [];
    for (const k of w.keys) {
      const p = this.postings.get(k);
      if (!p || p.size > MAX_POSTING) continue;
      for (const g of p.wordings) {
        if (w.indirect && g.indirect) continue;
        if (g.round !== round) {
          g.round = round;
          g.shared = 1;
          met.push(g);
        } else g.shared++;
      }
    }
    return met.filter((g) => g !== w && enoughShared(g.shared, w.keys.length, g.keys.length));
  }
}

/** What `set` stages ahead for a file (see `stage`). */
interface Staged {
  path: string;
  quotes: readonly QuoteOwner[];
  generation: number;
  /** Every comparable quote, as the index keeps it. */
  all: Indexed[];
  /** Those that are compared (not short ones repeated here), by start. */
  versions: Indexed[];
}

/** How two copies of a wording in two files relate. */
function selfLinkOf(w: Wording): WordingLink | null {
  // Two reports of speech are two writers' words, not versions of a quotation.
  const c = w.indirect ? null : compareQuotes(w.words, w.words);
  return c && { relation: c.relation, differentHere: c.differentInA, differentThere: c.differentInB };
}

/** The quotes of a file that are compared, by start: all but the short ones it repeats in longer ones. */
function versionsOf(all: readonly Indexed[]): Indexed[] {
  const repeated = repeatedHere(all);
  const versions = all.filter((_, i) => !repeated[i]);
  // Kept by start for `versionAt`; quotes come in the order of the text, so rarely sorted here.
  if (versions.some((v, i) => i > 0 && byPlace(versions[i - 1], v) > 0)) versions.sort(byPlace);
  return versions;
}

/**
 * Whether two quotes share enough word pairs to be compared: a short quote's only pair; else
 * two, and a fifth of the shorter quote's. Measured on 400 PolNeAR articles: two pairs that
 * were under a fifth of the shorter quote's were half of all comparisons (6,797 of 13,650) and
 * made no link; on the 10,000-article archive, three or more under a fifth were 13,114 of
 * 91,689 comparisons, and made no link either.
 */
function enoughShared(shared: number, mine: number, theirs: number): boolean {
  const fewer = Math.min(mine, theirs);
  if (fewer <= 1) return shared >= fewer;
  return shared >= 2 && shared >= MIN_SHARED_PAIRS * fewer;
}


/** A quote's words as compareQuotes reads them: surfaces (stems and content follow from them), elisions, and whether it is reported speech. */
function signatureOf(words: QuoteWords, indirect: boolean): string {
  let signature = indirect ? 'r' : 'q';
  for (const w of words.words) signature += (w.gapBefore ? ' … ' : ' ') + w.surface;
  return words.gapAfter ? `${signature} …` : signature;
}

/** Two shared word pairs must be at least this share of the shorter quote's. */
const MIN_SHARED_PAIRS = 0.2;

/**
 * Quotations in marks, and reported speech with none inside: reported speech that holds a
 * quotation ("…, but “there is an opportunity here”") is compared through that quotation.
 */
function comparable(q: Pick<QuoteOwner, 'kind' | 'text'>): boolean {
  return q.kind !== 'indirect' || !/[“”"«»„]/.test(q.text);
}

/**
 * A short quote ("political solution") that the same file also quotes inside a longer
 * quotation points into that quotation: which of the speaker's uses it is, no one can say,
 * so it links to nothing; the longer quotation is compared instead.
 */
function repeatedHere(all: readonly QuoteVersion[]): boolean[] {
  // The short quotes' words, gathered first: only a run of a longer quotation that starts with
  // a short quote's first word is looked at (a key for every run of every quotation was half
  // of the index's time on an archive), and none when the file has no short quote. Comparing
  // each short quote with every quote was quadratic in a transcript of thousands.
  const key = (words: QuoteVersion['words']['words'], from: number, to: number) => {
    let k = words[from].surface;
    for (let i = from + 1; i < to; i++) k += ` ${words[i].surface}`;
    return k;
  };
  const short = new Set<string>();
  const firsts = new Set<string>();
  for (const v of all) {
    const words = v.words.words;
    if (words.length === 0 || words.length >= SHORT_QUOTE) continue;
    short.add(key(words, 0, words.length));
    firsts.add(words[0].surface);
  }
  const inside = new Set<string>();
  if (short.size > 0) {
    for (const u of all) {
      if (u.kind === 'indirect') continue;
      const words = u.words.words;
      for (let from = 0; from < words.length; from++) {
        if (!firsts.has(words[from].surface)) continue;
        for (let n = 1; n < SHORT_QUOTE && n < words.length && from + n <= words.length; n++) {
          const k = key(words, from, from + n);
          if (short.has(k)) inside.add(k);
        }
      }
    }
  }
  return all.map((v) => v.words.words.length > 0 && v.words.words.length < SHORT_QUOTE && inside.has(key(v.words.words, 0, v.words.words.length)));
}

/** A quote's distinct word pairs (by stem) with at least one content word, not across an elision. */
export function pairKeys(w: QuoteWords): string[] {
  const keys = new Set<string>();
  for (let i = 1; i < w.words.length; i++) {
    const x = w.words[i - 1];
    const y = w.words[i];
    if (y.gapBefore || (!x.content && !y.content)) continue;
    keys.add(`${x.stem} ${y.stem}`);
  }
  return [...keys];
}

function byPlace(x: QuoteVersion, y: QuoteVersion): number {
  return x.start - y.start || x.end - y.end;
}

/** Links in the order they are shown in: worded differently first, then by file and place. */
export function sortLinks(links: readonly QuoteLink[]): QuoteLink[] {
  const order: Record<QuoteRelation, number> = { 'worded-differently': 0, 'part-of': 1, verbatim: 2 };
  return [...links].sort((x, y) => order[x.relation] - order[y.relation] || (before(x.other, y.other) ? -1 : 1));
}

function before(x: QuoteVersion, y: QuoteVersion): boolean {
  return x.path < y.path || (x.path === y.path && (x.start < y.start || (x.start === y.start && x.end < y.end)));
}

function getOrAdd<K, V>(map: Map<K, V>, key: K, make: () => V = () => new Set() as V): V {
  let v = map.get(key);
  if (v === undefined) map.set(key, (v = make()));
  return v;
}
