import { firstNamesAgree, surnamesMatch } from '../core/speakers/names';
import type { NameEntry } from './speakerIndex';

// Which names of one block of people (surnames with the same first letters) are one person.
//
// - Full names ("Mark Milley", "Mark Mille") are one person when a chain of matching names
//   joins them (a fuzzy surname match and first names that agree, as in personNamesMatch).
// - A bare surname ("Milley") joins the person with that exact surname, or else a fuzzy one;
//   when several people carry it ("Clinton"), the one named in the most files (ties: the
//   name that sorts first).
// - Bare surnames nobody's full name carries merge when they are misspellings of each other
//   ("Zelensky", "Zelenskyy").
//
// The result depends on the names and their file counts only, never on the order files were
// read in. It is kept up to date name by name, because an archive's blocks hold hundreds of
// names and a scan or an edit changes a few: a new full name is compared with the block's
// surnames once and joins (or merges) the people it matches; a person that loses a name is
// split again among its own names; and a bare surname is reassigned only when a person that
// could own it changed.

/** A person: the names that are one speaker. The speaker index gives it an id and a name. */
export interface Person {
  names: Set<NameEntry>;
}

export interface ClusteringChange<P extends Person> {
  /** Names that now belong to another person. */
  moved: Set<NameEntry>;
  /** People whose names changed (new ones included). */
  touched: Set<P>;
  /** People left without names. */
  retired: Set<P>;
}

export class PeopleClustering<P extends Person> {
  /** The person of every name. */
  private readonly personOf = new Map<NameEntry, P>();
  /** People made only of bare surnames (no full name carries them). */
  private readonly bareGroups = new Set<P>();
  private readonly fullBySurname = new Map<string, Set<NameEntry>>();
  private readonly bareBySurname = new Map<string, Set<NameEntry>>();
  /** Bare surnames that several people could own: re-checked when those people's file counts change. */
  private readonly contested = new Map<NameEntry, Set<P>>();
  private readonly surnames = new SurnameNeighbours();

  private change: ClusteringChange<P> = { moved: new Set(), touched: new Set(), retired: new Set() };
  /** The person each name had before this update, for names that moved. */
  private before = new Map<NameEntry, P | undefined>();
  /**
   * Files naming each person in full, counted once an update: bare surnames are reassigned
   * after every full name is placed, so the counts hold while they are (a contested "Clinton"
   * weighs people named in thousands of files).
   */
  private fileCounts = new Map<P, number>();

  /** `create` makes an empty person; the clustering fills it. */
  constructor(private readonly create: () => P) {}

  /** The person a name belongs to. */
  of(e: NameEntry): P | undefined {
    return this.personOf.get(e);
  }

  /**
   * Brings the block up to date: names that appeared, names that disappeared (no members
   * left), and names whose members changed (their file counts may hand a surname to
   * another person).
   */
  update(added: readonly NameEntry[], removed: readonly NameEntry[], recounted: readonly NameEntry[]): ClusteringChange<P> {
    this.change = { moved: new Set(), touched: new Set(), retired: new Set() };
    this.before = new Map();
    this.fileCounts = new Map();
    const reassess = new Set<NameEntry>();
    for (const e of removed) this.removeName(e, reassess);
    for (const e of added) this.addName(e, reassess);
    // A surname several people could own is re-weighed when one of them changed or was recounted.
    const weighed = new Set<P | undefined>([...this.change.touched, ...recounted.map((e) => this.personOf.get(e))]);
    for (const [bare, candidates] of this.contested) for (const p of candidates) if (weighed.has(p)) reassess.add(bare);
    for (const e of reassess) if (this.bareBySurname.get(surnameOf(e))?.has(e)) this.assignBare(e);
    for (const [e, was] of this.before) if (this.personOf.get(e) !== was) this.change.moved.add(e);
    for (const p of this.change.touched) if (p.names.size === 0) this.retire(p);
    return this.change;
  }

  // ── Full names ───────────────────────────────────────────────────────────────────────

  private addName(e: NameEntry, reassess: Set<NameEntry>): void {
    this.surnames.add(surnameOf(e));
    if (!isFull(e)) {
      indexBy(this.bareBySurname, surnameOf(e), e);
      reassess.add(e);
      return;
    }
    indexBy(this.fullBySurname, surnameOf(e), e);
    const matched = this.peopleMatching(e);
    const [into, ...others] = [...matched].sort((a, b) => b.names.size - a.names.size);
    const person = into ?? this.create();
    for (const other of others) {
      // People joined through the new name: their bare surnames may now belong elsewhere.
      for (const o of [...other.names]) {
        if (!isFull(o)) reassess.add(o);
        this.place(o, person);
      }
    }
    this.place(e, person);
    this.bareNamesNear(surnameOf(e), reassess);
  }

  private removeName(e: NameEntry, reassess: Set<NameEntry>): void {
    const person = this.personOf.get(e);
    this.unplace(e);
    this.contested.delete(e);
    unindexBy(isFull(e) ? this.fullBySurname : this.bareBySurname, surnameOf(e), e);
    if (person && this.bareGroups.has(person)) this.splitBareGroup(person);
    else if (person && isFull(e)) {
      this.splitPerson(person, reassess);
      this.bareNamesNear(surnameOf(e), reassess);
    }
    // Last: the surname's neighbours found the bare names near it.
    this.surnames.remove(surnameOf(e));
  }

  /** A person who lost a full name may fall apart: its full names are joined again, the largest part keeps the person. */
  private splitPerson(person: P, reassess: Set<NameEntry>): void {
    const full = [...person.names].filter(isFull);
    for (const o of person.names) if (!isFull(o)) reassess.add(o);
    const parts = connected(full, (a, b) => this.surnames.match(surnameOf(a), surnameOf(b)) && firstNamesAgree(a.words[0], b.words[0]));
    parts.sort((a, b) => b.length - a.length);
    for (const part of parts.slice(1)) {
      const other = this.create();
      for (const o of part) this.place(o, other);
    }
  }

  /**
   * The people with a full name that matches `e`. A person's other names are not compared once
   * one matched: a surname in thousands of files comes in dozens of spellings of one person.
   */
  private peopleMatching(e: NameEntry): Set<P> {
    const people = new Set<P>();
    for (const surname of this.surnames.near(surnameOf(e))) {
      for (const o of this.fullBySurname.get(surname) ?? []) {
        const person = o === e ? undefined : this.personOf.get(o);
        if (person && !people.has(person) && firstNamesAgree(o.words[0], e.words[0])) people.add(person);
      }
    }
    return people;
  }

  // ── Bare surnames ────────────────────────────────────────────────────────────────────

  /** Bare surnames a change to full names of `surname` can hand to another person. */
  private bareNamesNear(surname: string, reassess: Set<NameEntry>): void {
    for (const near of this.surnames.near(surname)) for (const e of this.bareBySurname.get(near) ?? []) reassess.add(e);
  }

  /** Gives a bare surname to the person who owns it, or to the group of its misspellings. */
  private assignBare(e: NameEntry): void {
    const candidates = this.candidatesFor(surnameOf(e));
    if (candidates.size > 1) this.contested.set(e, candidates);
    else this.contested.delete(e);
    const owner = candidates.size > 1 ? mostNamed(candidates, (p) => this.filesNaming(p)) : ([...candidates][0] ?? null);
    const current = this.personOf.get(e);
    if (owner) {
      if (current === owner) return;
      this.unplace(e);
      if (current && this.bareGroups.has(current)) this.splitBareGroup(current);
      this.place(e, owner);
      return;
    }
    if (current && this.bareGroups.has(current)) return;
    this.unplace(e);
    this.joinBareGroup(e);
  }

  private filesNaming(p: P): number {
    let n = this.fileCounts.get(p);
    if (n === undefined) this.fileCounts.set(p, (n = fileCount(p)));
    return n;
  }

  private candidatesFor(surname: string): Set<P> {
    const people = new Set<P>();
    const exact = this.fullBySurname.get(surname);
    if (exact) {
      for (const o of exact) people.add(this.personOf.get(o) as P);
      return people;
    }
    for (const near of this.surnames.near(surname)) for (const o of this.fullBySurname.get(near) ?? []) people.add(this.personOf.get(o) as P);
    return people;
  }

  private joinBareGroup(e: NameEntry): void {
    const matched = new Set<P>();
    for (const surname of this.surnames.near(surnameOf(e))) {
      for (const o of this.bareBySurname.get(surname) ?? []) {
        const group = this.personOf.get(o);
        if (o !== e && group && this.bareGroups.has(group)) matched.add(group);
      }
    }
    const [into, ...others] = [...matched].sort((a, b) => b.names.size - a.names.size);
    const group = into ?? this.create();
    this.bareGroups.add(group);
    for (const other of others) for (const o of [...other.names]) this.place(o, group);
    this.place(e, group);
  }

  /** A group of misspellings that lost a name may fall apart. */
  private splitBareGroup(group: P): void {
    const parts = connected([...group.names], (a, b) => this.surnames.match(surnameOf(a), surnameOf(b)));
    parts.sort((a, b) => b.length - a.length);
    for (const part of parts.slice(1)) {
      const other = this.create();
      this.bareGroups.add(other);
      for (const o of part) this.place(o, other);
    }
    this.change.touched.add(group);
  }

  // ── Bookkeeping ──────────────────────────────────────────────────────────────────────

  private place(e: NameEntry, person: P): void {
    const current = this.personOf.get(e);
    if (current === person) return;
    if (!this.before.has(e)) this.before.set(e, current);
    if (current) {
      current.names.delete(e);
      this.change.touched.add(current);
    }
    person.names.add(e);
    this.personOf.set(e, person);
    this.change.touched.add(person);
  }

  private unplace(e: NameEntry): void {
    const current = this.personOf.get(e);
    if (!current) return;
    if (!this.before.has(e)) this.before.set(e, current);
    current.names.delete(e);
    this.personOf.delete(e);
    this.change.touched.add(current);
  }

  private retire(p: P): void {
    this.change.touched.delete(p);
    this.change.retired.add(p);
    this.bareGroups.delete(p);
    for (const [bare, candidates] of this.contested) {
      candidates.delete(p);
      if (candidates.size < 2) this.contested.delete(bare);
    }
  }

}

/**
 * The surnames of a block, each with the surnames it matches (itself, and its believable
 * misspellings): a surname is compared with the others once, when its first name appears,
 * not each time a name is added.
 */
class SurnameNeighbours {
  /** Names (full or bare) carrying each surname. */
  private readonly uses = new Map<string, number>();
  private readonly neighbours = new Map<string, Set<string>>();

  add(surname: string): void {
    const uses = this.uses.get(surname) ?? 0;
    this.uses.set(surname, uses + 1);
    if (uses > 0) return;
    const near = new Set([surname]);
    for (const [other, theirs] of this.neighbours) {
      if (!surnamesMatch(other, surname)) continue;
      near.add(other);
      theirs.add(surname);
    }
    this.neighbours.set(surname, near);
  }

  remove(surname: string): void {
    const uses = (this.uses.get(surname) ?? 1) - 1;
    if (uses > 0) {
      this.uses.set(surname, uses);
      return;
    }
    this.uses.delete(surname);
    for (const other of this.neighbours.get(surname) ?? []) this.neighbours.get(other)?.delete(surname);
    this.neighbours.delete(surname);
  }

  /** The surnames matching `surname`, itself included. */
  near(surname: string): ReadonlySet<string> {
    return this.neighbours.get(surname) ?? new Set([surname]);
  }

  match(a: string, b: string): boolean {
    return a === b || (this.neighbours.get(a)?.has(b) ?? false);
  }
}

/** "Clinton" alone is the Clinton the workspace names in the most files. */
function mostNamed<P extends Person>(candidates: ReadonlySet<P>, filesOf: (p: P) => number): P {
  const scored = [...candidates].map((p) => ({ p, files: filesOf(p), first: firstKey(p) }));
  scored.sort((a, b) => b.files - a.files || (a.first < b.first ? -1 : 1));
  return scored[0].p;
}

/** Files that name the person in full, counted from the name in most files outwards. */
function fileCount(p: Person): number {
  const [largest, ...others] = [...p.names].filter(isFull).sort((a, b) => b.files.size - a.files.size);
  if (!largest) return 0;
  const elsewhere = new Set<string>();
  for (const e of others) for (const f of e.files.keys()) if (!largest.files.has(f)) elsewhere.add(f);
  return largest.files.size + elsewhere.size;
}

function firstKey(p: Person): string {
  let first = '';
  for (const e of p.names) if (isFull(e) && (!first || e.key < first)) first = e.key;
  return first;
}

/** The connected parts of `names` under `match`. */
function connected(names: readonly NameEntry[], match: (a: NameEntry, b: NameEntry) => boolean): NameEntry[][] {
  const parts: NameEntry[][] = [];
  const seen = new Set<NameEntry>();
  for (const start of names) {
    if (seen.has(start)) continue;
    const part = [start];
    seen.add(start);
    for (let i = 0; i < part.length; i++) {
      for (const o of names) {
        if (!seen.has(o) && match(part[i], o)) {
          seen.add(o);
          part.push(o);
        }
      }
    }
    parts.push(part);
  }
  return parts;
}

function isFull(e: NameEntry): boolean {
  return e.words.length >= 2;
}

function surnameOf(e: NameEntry): string {
  return e.words[e.words.length - 1] ?? '';
}

function indexBy(index: Map<string, Set<NameEntry>>, key: string, e: NameEntry): void {
  let set = index.get(key);
  if (!set) index.set(key, (set = new Set()));
  set.add(e);
}

function unindexBy(index: Map<string, Set<NameEntry>>, key: string, e: NameEntry): void {
  const set = index.get(key);
  set?.delete(e);
  if (set?.size === 0) index.delete(key);
}
