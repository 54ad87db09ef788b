import { personNamesMatch, surnamesMatch } from '../core/speakers/names';
import type { NameEntry } from './speakerIndex';

// Which names of one block of people (surnames with the same first letters) are one person.
//
// - Full names ("Mark Milley", "Mark Mille") are one person when a chain of matching names
//   joins them (personNamesMatch: fuzzy surname, first names that do not contradict).
// - A bare surname ("Milley") joins the person with that exact surname, or else a fuzzy one;
//   when several people carry it ("Clinton"), the one named in the most files (ties: the
//   name that sorts first).
// - Bare surnames nobody's full name carries merge when they are misspellings of each other
//   ("Zelensky", "Zelenskyy").
//
// The result depends on the names and their file counts only, never on the order files were
// read in. An archive's blocks hold hundreds of names, so the work is kept between updates:
// a new full name is compared with the block's names once (only the component of a name that
// disappears is split again), and a scan that only adds files under known names re-checks
// just the surnames that several people could own.

interface Component {
  names: Set<NameEntry>;
}

export class PeopleClustering {
  /** The component of each full name. */
  private readonly components = new Map<NameEntry, Component>();
  /** The full names of each surname: a new name is compared with surnames first, then with their names. */
  private readonly fullBySurname = new Map<string, Set<NameEntry>>();
  /** Bare surnames that several people could own, with those people and the one chosen. */
  private contested = new Map<NameEntry, { candidates: Component[]; owner: Component }>();
  /** surnamesMatch of two surnames of the block, by "a\u0000b": an edit distance is worth remembering. */
  private readonly surnameMatches = new Map<string, boolean>();

  /** The block's names, grouped into people. */
  partition(names: readonly NameEntry[]): NameEntry[][] {
    const full = names.filter((e) => e.words.length >= 2);
    const bare = names.filter((e) => e.words.length < 2);
    this.updateComponents(full);
    const bySurname = new Map<string, Set<Component>>();
    for (const e of full) {
      const surname = surnameOf(e);
      let set = bySurname.get(surname);
      if (!set) bySurname.set(surname, (set = new Set()));
      set.add(this.components.get(e) as Component);
    }
    const assigned = new Map<Component, NameEntry[]>();
    const unclaimed: NameEntry[] = [];
    this.contested = new Map();
    for (const e of bare) {
      const candidates = this.candidatesFor(surnameOf(e), bySurname);
      const owner = candidates.length > 1 ? mostNamed(candidates) : candidates[0];
      if (candidates.length > 1) this.contested.set(e, { candidates, owner });
      if (owner) assigned.set(owner, [...(assigned.get(owner) ?? []), e]);
      else unclaimed.push(e);
    }
    const parts = [...new Set(this.components.values())].map((c) => [...c.names, ...(assigned.get(c) ?? [])]);
    parts.push(...misspellingGroups(unclaimed));
    return parts;
  }

  /**
   * After members came and went under the same names: true when a contested surname would now
   * go to another person (the file counts changed), so the block must be partitioned again.
   */
  ownersChanged(touched: readonly NameEntry[]): boolean {
    if (this.contested.size === 0) return false;
    const recounted = new Set<Component>();
    for (const e of touched) {
      const c = this.components.get(e);
      if (c) recounted.add(c);
    }
    for (const { candidates, owner } of this.contested.values()) {
      if (candidates.some((c) => recounted.has(c)) && mostNamed(candidates) !== owner) return true;
    }
    return false;
  }

  /** Brings the components up to date with the block's full names. */
  private updateComponents(full: readonly NameEntry[]): void {
    const current = new Set(full);
    const broken = new Set<Component>();
    for (const [e, c] of this.components) {
      if (current.has(e)) continue;
      this.components.delete(e);
      c.names.delete(e);
      broken.add(c);
      const same = this.fullBySurname.get(surnameOf(e));
      same?.delete(e);
      if (same?.size === 0) this.fullBySurname.delete(surnameOf(e));
    }
    // A component that lost a name may fall apart: its remaining names are joined again.
    for (const c of broken) {
      for (const e of c.names) this.components.delete(e);
      for (const e of c.names) this.join(e);
    }
    for (const e of full) {
      if (this.components.has(e)) continue;
      let same = this.fullBySurname.get(surnameOf(e));
      if (!same) this.fullBySurname.set(surnameOf(e), (same = new Set()));
      same.add(e);
      this.join(e);
    }
  }

  /** Puts a name into the component of every name with a component that it matches, merging those components. */
  private join(e: NameEntry): void {
    const matched = new Set<Component>();
    const surname = surnameOf(e);
    for (const [other, names] of this.fullBySurname) {
      if (!this.surnamesMatch(other, surname)) continue;
      for (const o of names) {
        const c = this.components.get(o);
        if (c && o !== e && personNamesMatch(o.words, e.words)) matched.add(c);
      }
    }
    const [largest, ...others] = [...matched].sort((a, b) => b.names.size - a.names.size);
    const into = largest ?? { names: new Set<NameEntry>() };
    for (const c of others) {
      for (const o of c.names) {
        into.names.add(o);
        this.components.set(o, into);
      }
    }
    into.names.add(e);
    this.components.set(e, into);
  }

  /** The people a bare surname can be: those with that exact surname, else a believable misspelling of it. */
  private candidatesFor(surname: string, bySurname: ReadonlyMap<string, Set<Component>>): Component[] {
    const exact = bySurname.get(surname);
    if (exact) return [...exact];
    const fuzzy = new Set<Component>();
    for (const [other, cs] of bySurname) if (this.surnamesMatch(other, surname)) for (const c of cs) fuzzy.add(c);
    return [...fuzzy];
  }

  private surnamesMatch(a: string, b: string): boolean {
    if (a === b) return true;
    const key = a < b ? `${a}\u0000${b}` : `${b}\u0000${a}`;
    let match = this.surnameMatches.get(key);
    if (match === undefined) this.surnameMatches.set(key, (match = surnamesMatch(a, b)));
    return match;
  }
}

/** "Clinton" alone is the Clinton the workspace names in the most files. */
function mostNamed(candidates: readonly Component[]): Component {
  const scored = candidates.map((c) => ({ c, files: fileCount(c), first: firstKey(c) }));
  scored.sort((a, b) => b.files - a.files || (a.first < b.first ? -1 : 1));
  return scored[0].c;
}

/** Files that name the person in full, counted from the name in most files outwards. */
function fileCount(c: Component): number {
  const [largest, ...others] = [...c.names].sort((a, b) => b.files.size - a.files.size);
  const elsewhere = new Set<string>();
  for (const e of others) for (const p of e.files.keys()) if (!largest.files.has(p)) elsewhere.add(p);
  return largest.files.size + elsewhere.size;
}

function firstKey(c: Component): string {
  let first = '';
  for (const e of c.names) if (!first || e.key < first) first = e.key;
  return first;
}

/** Bare surnames that nobody's full name carries, grouped when one is a misspelling of another. */
function misspellingGroups(bare: readonly NameEntry[]): NameEntry[][] {
  const groups: NameEntry[][] = [];
  for (const e of bare) {
    const matching = groups.filter((g) => g.some((o) => surnamesMatch(surnameOf(o), surnameOf(e))));
    for (const g of matching) groups.splice(groups.indexOf(g), 1);
    groups.push([e, ...matching.flat()]);
  }
  return groups;
}

function surnameOf(e: NameEntry): string {
  return e.words[e.words.length - 1] ?? '';
}
