import type { QuoteOwner } from '../digest';
import { compareQuotes, SHORT_QUOTE, type QuoteComparison, type QuoteRelation } from './compare';
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

/** A version as the index keeps it. */
interface Indexed extends QuoteVersion {
  /** Everything compareQuotes reads of it: two quotes of one signature compare alike with any other. */
  signature: string;
}

/**
 * The versions of one signature in the postings: they have the same word pairs, so they are
 * met, counted and judged together. An archive holds many copies of each quotation, and a
 * quote counted each copy of every other it shared a word pair with, one by one: half of the
 * time of indexing 10,000 articles' quotes.
 */
interface Group {
  members: Set<Indexed>;
  /** Reported speech (signatures tell it apart from quotations in marks). */
  indirect: boolean;
  /** Its word pairs (pairKeys). */
  keyCount: number;
  /** The call of `candidates` that last met it, and how many word pairs that call found it shares. */
  round: number;
  shared: number;
}

/** The versions whose word pairs include one: `size` of them, in groups by signature. */
interface Posting {
  size: number;
  groups: Set<Group>;
}

/** Another version of a quote, and how the two differ, seen from the quote. */
export interface QuoteLink {
  other: QuoteVersion;
  relation: QuoteRelation;
  /** Indexes of the words of this quote and of the other that the other version has not. */
  differentHere: number[];
  differentThere: number[];
}

/** A word pair in more quotes than this finds no candidates. */
export const MAX_POSTING = 200;

export class QuoteVariantIndex {
  private readonly byPath = new Map<string, Indexed[]>();
  private readonly postings = new Map<string, Posting>();
  /** The versions in the postings, by signature. */
  private readonly groups = new Map<string, Group>();
  /** The last call of `candidates`, which marks the versions it meets with it. */
  private round = 0;
  /** Comparisons made, by the signatures of the two quotes (see `compared`). */
  private readonly comparisons = new Map<string, Map<string, Pick<QuoteComparison, 'relation' | 'differentInA' | 'differentInB'> | null>>();
  private remembered = 0;
  private readonly links = new Map<QuoteVersion, QuoteLink[]>();
  private readonly keys = new Map<QuoteVersion, string[]>();

  /** Replaces a file's quotes; returns the paths whose links changed (the file's own when it has any). */
  set(path: string, quotes: readonly QuoteOwner[]): Set<string> {
    const changed = this.remove(path);
    const all = quotes.filter(comparable).map((q): Indexed => {
      const words = quoteWords(q.text);
      return { path, start: q.start, end: q.end, kind: q.kind, text: q.text, speakerKey: q.speakerKey, words, signature: signatureOf(words, q.kind) };
    });
    const repeated = repeatedHere(all);
    const versions = all.filter((_, i) => !repeated[i]);
    if (versions.length === 0) return changed;
    this.byPath.set(path, versions);
    for (const v of versions) {
      const keys = pairKeys(v.words);
      this.keys.set(v, keys);
      for (const other of this.candidates(v, keys)) {
        const c = this.compared(v, other);
        if (!c) continue;
        this.linksOf(v).push({ other, relation: c.relation, differentHere: c.differentInA, differentThere: c.differentInB });
        this.linksOf(other).push({ other: v, relation: c.relation, differentHere: c.differentInB, differentThere: c.differentInA });
        changed.add(path);
        changed.add(other.path);
      }
    }
    // Added after the comparisons: a file's quotes are not versions of each other.
    for (const v of versions) this.post(v, this.keys.get(v) ?? []);
    return changed;
  }

  /** Removes a file's quotes; returns the paths whose links changed. */
  remove(path: string): Set<string> {
    const changed = new Set<string>();
    const versions = this.byPath.get(path);
    if (!versions) return changed;
    this.byPath.delete(path);
    for (const v of versions) {
      this.unpost(v, this.keys.get(v) ?? []);
      this.keys.delete(v);
      for (const l of this.links.get(v) ?? []) {
        changed.add(path);
        changed.add(l.other.path);
        const theirs = this.links.get(l.other);
        if (!theirs) continue;
        const kept = theirs.filter((t) => t.other !== v);
        if (kept.length > 0) this.links.set(l.other, kept);
        else this.links.delete(l.other);
      }
      this.links.delete(v);
    }
    return changed;
  }

  /** The file's quotes that have versions elsewhere, in the order of the text, with their links. */
  versionsOf(path: string): Array<{ version: QuoteVersion; links: readonly QuoteLink[] }> {
    return (this.byPath.get(path) ?? []).flatMap((version) => {
      const links = this.links.get(version);
      return links ? [{ version, links: sortLinks(links) }] : [];
    });
  }

  /** The links of the quote at [start, end) of a file, or none. */
  linksAt(path: string, start: number, end: number): readonly QuoteLink[] {
    return this.entryAt(path, start, end)?.links ?? [];
  }

  /** The quote at [start, end) of a file, with its links; null when the index does not compare it. */
  entryAt(path: string, start: number, end: number): { version: QuoteVersion; links: readonly QuoteLink[] } | null {
    const version = this.byPath.get(path)?.find((q) => q.start === start && q.end === end);
    return version ? { version, links: sortLinks(this.links.get(version) ?? []) } : null;
  }

  /** The paths of the files whose quotes are linked to a quote of one of these files. */
  partnersOf(paths: Iterable<string>): Set<string> {
    const out = new Set<string>();
    // Unsorted: only the paths are wanted (versionsOf sorts every quote's links, 6% of a warm start).
    for (const p of paths) for (const v of this.byPath.get(p) ?? []) for (const l of this.links.get(v) ?? []) out.add(l.other.path);
    return out;
  }

  /** Every linked pair once, by file and place. */
  pairs(): Array<{ a: QuoteVersion; b: QuoteVersion; link: QuoteLink }> {
    const out: Array<{ a: QuoteVersion; b: QuoteVersion; link: QuoteLink }> = [];
    for (const path of [...this.byPath.keys()].sort()) {
      for (const { version, links } of this.versionsOf(path)) {
        for (const link of links) if (before(version, link.other)) out.push({ a: version, b: link.other, link });
      }
    }
    return out;
  }

  /**
   * compareQuotes, remembered by what it reads of two quotes (their words and whether each is
   * reported speech): an archive holds the same quotations in many files, and each copy met
   * the quotes the others had met, to the same result (10,000 articles made of 840: 307,000
   * comparisons for 3,600 of the files, all but a few repeated).
   */
  private compared(v: Indexed, other: Indexed): Pick<QuoteComparison, 'relation' | 'differentInA' | 'differentInB'> | null {
    let row = this.comparisons.get(v.signature);
    if (!row) {
      if (this.remembered >= MAX_REMEMBERED) {
        this.comparisons.clear();
        this.remembered = 0;
      }
      this.comparisons.set(v.signature, (row = new Map()));
    }
    const known = row.get(other.signature);
    if (known !== undefined) return known;
    const c = compareQuotes(v.words, other.words, v.kind === 'indirect', other.kind === 'indirect');
    const kept = c && { relation: c.relation, differentInA: c.differentInA, differentInB: c.differentInB };
    row.set(other.signature, kept);
    this.remembered++;
    return kept;
  }

  private linksOf(v: QuoteVersion): QuoteLink[] {
    return getOrAdd(this.links, v, () => []);
  }

  /**
   * The quotes of other files that share enough word pairs with this one: two, or the only one
   * a short quote has. Word pairs found in too many quotes are not asked. Reported speech is
   * compared only with quotations in marks.
   */
  private candidates(v: QuoteVersion, keys: readonly string[]): Indexed[] {
    // Counted on the groups themselves, not in a map: a quote meets thousands of others in
    // the postings of its word pairs, and a map of them was a fifth of a folder's indexing.
    const round = ++this.round;
    const met: Group[] = [];
    const indirect = v.kind === 'indirect';
    for (const k of keys) {
      const p = this.postings.get(k);
      if (!p || p.size > MAX_POSTING) continue;
      for (const g of p.groups) {
        // Two reports of speech are two writers' words, not versions of a quotation.
        if (indirect && g.indirect) continue;
        if (g.round !== round) {
          g.round = round;
          g.shared = 1;
          met.push(g);
        } else g.shared++;
      }
    }
    const found: Indexed[] = [];
    for (const g of met) {
      if (!enoughShared(g.shared, keys.length, g.keyCount)) continue;
      for (const other of g.members) if (other.path !== v.path) found.push(other);
    }
    return found;
  }

  /** Puts a version in the postings of its word pairs. */
  private post(v: Indexed, keys: readonly string[]): void {
    let group = this.groups.get(v.signature);
    if (!group) this.groups.set(v.signature, (group = { members: new Set(), indirect: v.kind === 'indirect', keyCount: keys.length, round: 0, shared: 0 }));
    group.members.add(v);
    for (const k of keys) {
      const p = getOrAdd(this.postings, k, (): Posting => ({ size: 0, groups: new Set() }));
      p.groups.add(group);
      p.size++;
    }
  }

  private unpost(v: Indexed, keys: readonly string[]): void {
    const group = this.groups.get(v.signature);
    if (!group?.members.delete(v)) return;
    if (group.members.size === 0) this.groups.delete(v.signature);
    for (const k of keys) {
      const p = this.postings.get(k);
      if (!p) continue;
      p.size--;
      if (group.members.size === 0) p.groups.delete(group);
      if (p.size === 0) this.postings.delete(k);
    }
  }
}

/**
 * Whether two quotes share enough word pairs to be compared: a short quote's only pair; else
 * three, or two when they are a fifth of the shorter quote's. Measured on 400 PolNeAR
 * articles: two pairs that were under a fifth of the shorter quote's were half of all
 * comparisons (6,797 of 13,650) and made no link.
 */
function enoughShared(shared: number, mine: number, theirs: number): boolean {
  const fewer = Math.min(mine, theirs);
  if (fewer <= 1) return shared >= fewer;
  return shared >= 3 || (shared >= 2 && shared >= MIN_SHARED_PAIRS * fewer);
}

/** Comparisons remembered before the memory of them starts again (an editing session coins new ones). */
const MAX_REMEMBERED = 500_000;

/** A quote's words as compareQuotes reads them: surfaces (stems and content follow from them), elisions, and whether it is reported speech. */
function signatureOf(words: QuoteWords, kind: QuoteVersion['kind']): string {
  let signature = kind === 'indirect' ? 'r' : 'q';
  for (const w of words.words) signature += (w.gapBefore ? ' … ' : ' ') + w.surface;
  return words.gapAfter ? `${signature} …` : signature;
}

/** Two shared word pairs must be at least this share of the shorter quote's. */
const MIN_SHARED_PAIRS = 0.2;

/**
 * Quotations in marks, and reported speech with none inside: reported speech that holds a
 * quotation ("…, but “there is an opportunity here”") is compared through that quotation.
 */
function comparable(q: QuoteOwner): boolean {
  return q.kind !== 'indirect' || !/[“”"«»„]/.test(q.text);
}

/**
 * A short quote ("political solution") that the same file also quotes inside a longer
 * quotation points into that quotation: which of the speaker's uses it is, no one can say,
 * so it links to nothing; the longer quotation is compared instead.
 */
function repeatedHere(all: readonly QuoteVersion[]): boolean[] {
  // Every run of fewer than SHORT_QUOTE words inside a longer quotation in marks, gathered once:
  // comparing each short quote with every quote was quadratic in a transcript of thousands.
  const key = (words: QuoteVersion['words']['words'], from: number, to: number) => words.slice(from, to).map((w) => w.surface).join(' ');
  const inside = new Set<string>();
  for (const u of all) {
    if (u.kind === 'indirect') continue;
    const words = u.words.words;
    for (let n = 1; n < SHORT_QUOTE && n < words.length; n++) for (let from = 0; from + n <= words.length; from++) inside.add(key(words, from, from + n));
  }
  return all.map((v) => v.words.words.length < SHORT_QUOTE && inside.has(key(v.words.words, 0, v.words.words.length)));
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

function sortLinks(links: readonly QuoteLink[]): QuoteLink[] {
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
