import * as path from 'node:path';
import type { Claim } from '../core/claims';
import type { Diagnostic, Severity } from '../core/types';
import { AgeLookup } from './claims/ageLookup';
import { closeFigures, compared, describe, describeInterval, mayBeUpdate, personOf, runningSpan, relationOf, sameStoryOf, sameThing, tooFarApart, traitsOf, type ClaimTraits, type ComparedClaim, type Relation } from './claims/compare';

// Claims across the workspace. Every comparable claim sits in one group (see `groupKey`:
// same unit, counted thing, measure and time), and claims are compared within a group only,
// with the members of other files about the same story (`sameStory`).
//
// Links are not stored: they are worked out from the group when asked for. A story that a
// whole folder tells (10,000 articles on one flood, a death toll revised day by day) puts
// every file in one group, and stored links would grow with its square — 50 million pairs,
// gigabytes. Worked out, a group costs memory in proportion to its members, and an update
// costs time in proportion to the group. Each update reports which files' links changed,
// so that only their diagnostics are published again. Pure data: no editor, no file system.

/** Conflicting claims named in a diagnostic's message; the rest are counted. */
const NAMED_IN_MESSAGE = 3;
/**
 * Related locations of one diagnostic. Beyond this the Problems panel is a wall of rows and
 * a publication a megabyte; "Next Conflicting Claim", References and the Byline view reach every one.
 */
const MAX_RELATED = 20;
/** `stage` looks at the clock every this many claims. */
const STAGE_CHECK = 64;

export interface ClaimLocation {
  path: string;
  start: number;
  end: number;
  text: string;
}

export interface RelatedClaim extends ClaimLocation {
  relation: Relation;
}

export interface Conflict {
  a: ClaimLocation;
  b: ClaimLocation;
  reason: string;
}

interface Member {
  path: string;
  claim: Claim;
  /** What comparing it looks at, worked out once. */
  compared: ComparedClaim;
  key: string;
  group: Set<Member>;
  /** Claims elsewhere it conflicts with, counted as files come and go. */
  conflicts: number;
  /** Claims elsewhere that report it earlier or later, counted the same way. */
  updates: number;
}

interface Link {
  member: Member;
  other: Member;
  relation: Relation;
}

/** What `stage` works out ahead for the `set` of a file's claims. */
interface Staged {
  path: string;
  claims: readonly Claim[];
  generation: number;
  /** The member of each claim, not in its group yet. */
  members: Array<Member | null>;
  /** The links the file has now, and those its new members will have. */
  before: Link[];
  after: Link[];
  /** `changedPaths` of the two. */
  changed: Set<string>;
}

interface FileEntry {
  claims: readonly Claim[];
  /** The member of each claim, where it has a group (null when it is not compared). */
  members: Array<Member | null>;
}

const locationOf = (m: Member): ClaimLocation => ({ path: m.path, start: m.claim.start, end: m.claim.end, text: m.claim.text });

export class ClaimIndex {
  private readonly files = new Map<string, FileEntry>();
  /** Members of each group, by group key. */
  private readonly groups = new Map<string, Set<Member>>();
  /** Conflicting pairs, counted as files come and go: the status shows it after every edit. */
  private conflictPairs = 0;
  /** The ages of each group that holds ages, by value and owner: an archive's ages are one group of thousands. */
  private readonly ages = new Map<Set<Member>, AgeLookup<Member>>();
  /** A file's members and links worked out by `stage` for the `set` of these very claims; dropped by any other change. */
  private staged: Staged | null = null;
  /** Counts the changes of the index (`set`, `remove`): what `stage` worked out before one is not used. */
  private generation = 0;

  /**
   * Pairs of figures a reader said are not the same thing (byline.json): never linked. Set by
   * the workspace while such decisions exist; links already made change when the files are set again.
   */
  keptApart: ((x: { path: string; claim: Claim }, y: { path: string; claim: Claim }) => boolean) | null = null;

  /** `tolerance`: extra relative slack when comparing figures (0.05 = 5%), beyond hedges and rounding. */
  constructor(
    private readonly severity: Severity = 'warning',
    private readonly tolerance = 0,
  ) {}

  /**
   * Adds or replaces a file's claims, with their traits when they were worked out with them
   * (a digest's). Returns the paths whose links changed (this one included).
   */
  set(filePath: string, claims: readonly Claim[], traits?: readonly ClaimTraits[]): Set<string> {
    const staged = this.staged;
    const ahead = staged !== null && staged.path === filePath && staged.claims === claims && staged.generation === this.generation && this.keptApart === null ? staged : null;
    this.staged = null;
    this.generation++;
    const before = this.unlink(filePath, ahead?.before);
    const members = ahead?.members ?? claims.map((claim, i) => this.memberOf(filePath, claim, traits?.[i] ?? traitsOf(claim)));
    for (const m of members) if (m !== null) this.join(m);
    this.files.set(filePath, { claims, members });
    const after = ahead?.after ?? this.linksFrom(filePath);
    for (const l of after) this.count(l, 1);
    return ahead?.changed ?? changedPaths(filePath, before, after);
  }

  /**
   * Works out ahead, a step of about `sliceMs` milliseconds at a time, what `set(filePath,
   * claims, traits)` would before it changes the index: the claims' members (what comparing
   * each looks at), the links the file has now, and the links its new claims will have (its
   * members in their groups as they are, with the file's own left out, as `linksOfMember` leaves
   * them out). The `set` of these very claims, if no other change came in between, then only
   * swaps them in and counts the links: a 500 KB article's repeated figures linked with those of
   * another open article took the server's thread for 270 to 420 ms in one `set`. `traits` are
   * the claims' own (`traitsOf`), in their order. Not while figures are kept apart (`keptApart`
   * asks the workspace about documents as they are, not as they will be).
   */
  *stage(filePath: string, claims: readonly Claim[], traits: readonly ClaimTraits[], sliceMs: number): Generator<void, void, void> {
    this.staged = null;
    if (this.keptApart !== null) return;
    const generation = this.generation;
    let until = Date.now() + sliceMs;
    let count = 0;
    const due = () => ++count % STAGE_CHECK === 0 && Date.now() >= until;
    // A member's links cost as much as its group is large: the clock is read after each.
    const linked = () => Date.now() >= until;
    const members: Array<Member | null> = [];
    for (let i = 0; i < claims.length; i++) {
      members.push(this.memberOf(filePath, claims[i], traits[i]));
      if (due()) {
        yield;
        // The index changed meanwhile: what was worked out may be out of date, and `set` does it all.
        if (this.generation !== generation) return;
        until = Date.now() + sliceMs;
      }
    }
    const before: Link[] = [];
    for (const m of this.files.get(filePath)?.members ?? []) {
      if (m !== null) for (const l of this.linksOfMember(m)) before.push(l);
      if (linked()) {
        yield;
        if (this.generation !== generation) return;
        until = Date.now() + sliceMs;
      }
    }
    const after: Link[] = [];
    for (const m of members) {
      if (m !== null) for (const l of this.linksOfMember(m, members)) after.push(l);
      if (linked()) {
        yield;
        if (this.generation !== generation) return;
        until = Date.now() + sliceMs;
      }
    }
    // Hundreds of thousands of links are hashed there: a turn of its own.
    yield;
    if (this.generation !== generation) return;
    this.staged = { path: filePath, claims, generation, members, before, after, changed: changedPaths(filePath, before, after) };
  }

  /** A new member for a claim, in the group it will join (see `join`); null when the claim is not compared. */
  private memberOf(filePath: string, claim: Claim, traits: ClaimTraits): Member | null {
    const key = traits.group;
    if (key === null) return null;
    const group = this.groups.get(key) ?? new Set<Member>();
    return { path: filePath, claim, compared: compared(claim, this.tolerance, traits), key, group, conflicts: 0, updates: 0 };
  }

  /** Adds a member to its group, made when it is the first (a staged member's group may have emptied since). */
  private join(member: Member): void {
    let group = this.groups.get(member.key);
    if (group === undefined) this.groups.set(member.key, (group = new Set()));
    member.group = group;
    group.add(member);
    if (member.claim.measure === 'age') {
      let ages = this.ages.get(group);
      if (ages === undefined) this.ages.set(group, (ages = new AgeLookup()));
      ages.add(member);
    }
  }

  /** Forgets a file. Returns the paths whose links changed (this one included), or none if it was unknown. */
  remove(filePath: string): Set<string> {
    if (!this.files.has(filePath)) return new Set();
    this.staged = null;
    this.generation++;
    const before = this.unlink(filePath);
    this.files.delete(filePath);
    return changedPaths(filePath, before, []);
  }

  paths(): string[] {
    return [...this.files.keys()];
  }

  claimsOf(filePath: string): readonly Claim[] {
    return this.files.get(filePath)?.claims ?? [];
  }

  /** For each claim of the file, in order: the claims elsewhere that measure the same thing, and whether they agree (by file, then place). */
  linksOf(filePath: string): RelatedClaim[][] {
    const file = this.files.get(filePath);
    if (file === undefined) return [];
    return file.members.map((m) => (m === null ? [] : this.linksOfMember(m).sort(byPlace).map(related)));
  }

  /**
   * For each claim of the file, in order: its group and whether any claim elsewhere conflicts
   * with it, or null when it is linked to nothing (the Byline view's groups, without listing
   * every link).
   */
  standingOf(filePath: string): Array<{ key: string; conflicting: boolean } | null> {
    const file = this.files.get(filePath);
    if (file === undefined) return [];
    return file.members.map((m) => {
      const links = m === null ? [] : this.linksOfMember(m);
      return m === null || links.length === 0 ? null : { key: m.key, conflicting: links.some((l) => l.relation === 'conflicts') };
    });
  }

  /** Every conflicting pair in the workspace, once, with what disagrees. */
  conflicts(): Conflict[] {
    const all: Conflict[] = [];
    for (const file of this.files.values()) {
      for (const a of file.members) {
        if (a === null) continue;
        for (const { other: b, relation: r } of this.linksOfMember(a)) {
          if (r !== 'conflicts' || !isFirst(a, b)) continue;
          all.push({
            a: locationOf(a),
            b: locationOf(b),
            reason: `${describe(a.claim)}: '${a.claim.text}' (${describeInterval(a.claim)}) and '${b.claim.text}' (${describeInterval(b.claim)}) do not overlap`,
          });
        }
      }
    }
    return all.sort((x, y) => x.a.path.localeCompare(y.a.path) || x.a.start - y.a.start || x.b.path.localeCompare(y.b.path) || x.b.start - y.b.start);
  }

  /** How many conflicting pairs there are, without describing them. */
  conflictCount(): number {
    return this.conflictPairs;
  }

  /**
   * A `conflicting-claim` diagnostic on each claim of the file that conflicts with a claim
   * elsewhere, and an `updated-claim` one on each claim that another file reports earlier or
   * later: the message names the first few, `related` points to the first MAX_RELATED.
   */
  diagnostics(filePath: string): Diagnostic[] {
    const file = this.files.get(filePath);
    if (file === undefined) return [];
    const diagnostics: Diagnostic[] = [];
    file.members.forEach((m, i) => {
      if (m === null || (m.conflicts === 0 && m.updates === 0)) return;
      const links = this.linksOfMember(m);
      const claim = file.claims[i];
      const conflicting = links.filter((l) => l.relation === 'conflicts');
      if (conflicting.length > 0) {
        const { named, related: rel } = this.named(conflicting);
        diagnostics.push({
          start: claim.start,
          end: claim.end,
          severity: this.severity,
          code: 'conflicting-claim',
          message: `Figures disagree on ${describe(claim)}: ${claim.text} here; ${named}.${!mayBeUpdate(claim) ? '' : runningSpan(claim) ? ' How long it has lasted grows with each report: the later report may be an update.' : ' A toll changes as reports come in: the later report may be an update.'}`,
          related: rel,
        });
      }
      const updating = links.filter((l) => l.relation === 'updates');
      if (updating.length > 0) {
        const earlier = updating.filter((l) => (l.other.claim.frame.reported as number) < (claim.frame.reported as number));
        const later = updating.filter((l) => (l.other.claim.frame.reported as number) > (claim.frame.reported as number));
        const parts: string[] = [];
        if (earlier.length > 0) parts.push(`after ${this.named(earlier).named}, reported earlier`);
        if (later.length > 0) parts.push(`updated to ${this.named(later).named}, reported later`);
        diagnostics.push({
          start: claim.start,
          end: claim.end,
          severity: 'information',
          code: 'updated-claim',
          message: `${later.length === 0 ? 'Later report' : earlier.length === 0 ? 'Earlier report' : 'Report'} on ${describe(claim)}: ${claim.text} here; ${parts.join('; ')}.`,
          related: this.named(updating).related,
        });
      }
    });
    return diagnostics;
  }

  /** The first few of some links by file and place, in words, and the first MAX_RELATED as related locations. */
  private named(links: readonly Link[]): { named: string; related: Diagnostic['related'] } {
    // The first by file and place; thousands of files may dispute one figure, and only these are shown.
    const first = firstByPlace(links, MAX_RELATED).map(related);
    const names = first.slice(0, NAMED_IN_MESSAGE).map((o) => `'${o.text}' in ${path.basename(o.path)}`);
    const more = links.length - names.length;
    return {
      named: more > 0 ? `${names.join(', ')} and ${more} more` : names.join(', '),
      related: first.map((o) => ({ path: o.path, start: o.start, end: o.end, message: `the other figure: '${o.text}'` })),
    };
  }

  /**
   * The members of other files in the member's group that tell the same story, and how each
   * relates to it. Two files disagree about a figure only when neither gives a reading of it
   * that agrees with the other's and each gives one reading: a file that names two quakes'
   * magnitudes (7.6 and 7.3) tells of two quakes, and its 7.3 is no contradiction of another
   * file's 7.6. `own`: the members of its file, when they are not in the index yet (`stage`).
   */
  private linksOfMember(member: Member, own?: ReadonlyArray<Member | null>): Link[] {
    const links: Link[] = [];
    let conflicting = false;
    const ages = member.claim.measure === 'age' ? this.ages.get(member.group) : undefined;
    for (const other of ages?.candidates(member, member.group) ?? member.group) {
      if (other.path === member.path || ruledOutByNumbers(member, other) || !this.related(member, other) || this.keptApart?.(member, other)) continue;
      const relation = this.relationOf(member, other);
      if (relation === null) continue;
      if (relation === 'conflicts') conflicting = true;
      links.push({ member, other, relation });
    }
    // Most claims agree with everything they are linked to, and need no more.
    if (!conflicting) return links;
    // An age's candidates come by owner and by value: a file's are no longer side by side.
    if (ages !== undefined) links.sort((x, y) => (x.other.path < y.other.path ? -1 : x.other.path > y.other.path ? 1 : 0));
    return this.undisputedDropped(member, links, own ?? this.files.get(member.path)?.members ?? []);
  }

  /**
   * The links without the conflicts and updates that two files' readings do not bear out. For
   * a pair (x here, y in another file), each file's readings of the figure are its claims related
   * to the other's (same story, same thing): the pair disagrees only when each file gives one
   * reading and no reading of one agrees with one of the other. Judged from the pair alone, so
   * both files always see the same link.
   */
  private undisputedDropped(member: Member, links: readonly Link[], members: ReadonlyArray<Member | null>): Link[] {
    // Its group's by key: a staged member's group is the one it will join (see `stage`).
    const own = members.filter((m): m is Member => m !== null && m.key === member.key);
    // A file's claims sit side by side in a group (they are added together), so another file's
    // readings are a run of the links: no map, for a story a whole folder tells links thousands.
    const kept: Link[] = [];
    for (let start = 0; start < links.length; ) {
      let end = start + 1;
      while (end < links.length && links[end].other.path === links[start].other.path) end++;
      const there = end - start === 1 ? [links[start].other] : links.slice(start, end).map((l) => l.other);
      for (let i = start; i < end; i++) {
        const l = links[i];
        if (l.relation === 'agrees') kept.push(l);
        else {
          const here = own.length === 1 ? own : own.filter((m) => m === member || this.readingOf(m, member, l.other));
          if (this.disputed(here, there, member, l.other)) kept.push(l);
        }
      }
      start = end;
    }
    return kept;
  }

  /**
   * `m` is a reading, in `member`'s file, of the figure `other` gives: related to it, and not a
   * fall or an age that may be someone else's when `member` is surely the same person's ("the man
   * fell 2,000 feet" beside "Rait, 36, fell 200 feet", against "the 36-year-old fell 200 metres").
   */
  private readingOf(m: Member, member: Member, other: Member): boolean {
    if (!this.related(m, other)) return false;
    return !(personOf(m.claim, other.claim) === 'maybe' && personOf(member.claim, other.claim) === 'same');
  }

  /** Same story and the same thing: the pair is judged in one order whichever side asks, so both sides always see the same link. */
  private related(x: Member, y: Member): boolean {
    // sameThing is symmetric and cheap: it goes first.
    if (!sameThing(x.claim, y.claim)) return false;
    return isFirst(x, y) ? sameStoryOf(x.compared, y.compared) : sameStoryOf(y.compared, x.compared);
  }

  /**
   * How two related members' figures relate, once `ruledOutByNumbers` has let them through; null
   * when they are not linked: they do not agree and one is an order of magnitude ("dozens"), one
   * count is narrower than the other, or one is known by its number alone.
   */
  private relationOf(x: Member, y: Member): Relation | null {
    // Every test here is symmetric: the order of the pair does not matter.
    const counts = x.compared.numbered || y.compared.numbered;
    const relation = relationOf(x.compared, y.compared);
    if (relation === 'agrees') return relation;
    // "100,000 soldiers" may be the same count as "100,000 Russian soldiers", but when they differ
    // the broader count may hold others: only counts narrowed alike disagree.
    const narrowedAlike = x.claim.frame.qualifiers.length === y.claim.frame.qualifiers.length;
    // Two ages or falls that may be of two people do not contradict each other.
    if (!narrowedAlike || counts || personOf(x.claim, y.claim) === 'maybe') return null;
    // A toll that grows: "dozens injured" in a first report and "more than 200" in a later one
    // tell the reader the count rose. Any other order of magnitude is too vague to contradict.
    const developing = mayBeUpdate(x.claim);
    if (!developing && (x.claim.hedge === 'magnitude' || y.claim.hedge === 'magnitude')) return null;
    // Given on different days, the later report is an update.
    return developing && reportedOnDifferentDays(x.claim, y.claim) ? 'updates' : relation;
  }

  /**
   * Two files' readings of one figure disagree at `member` and `other`. Each file's readings
   * are its figures that agree with one another. With one reading each, they disagree when no
   * pair across them agrees. A file with several readings of a measure may tell of several like
   * things (two quakes' magnitudes, "7.6 and 7.4"): where it ranks them ("the first quake",
   * a pair of figures), readings of one rank are compared, a file's only reading standing for
   * the first; they disagree when neither agrees with any reading of the other file. Readings
   * the article does not rank, and counts read several ways in one article (more often two
   * scopes than two things), stay undisputed.
   */
  private disputed(own: readonly Member[], others: readonly Member[], member: Member, other: Member): boolean {
    const agrees = (x: Member, y: Member) => this.related(x, y) && relationOf(x.compared, y.compared) === 'agrees';
    const here = readingsOf(own);
    const there = readingsOf(others);
    if (here.length === 1 && there.length === 1) return !own.some((x) => others.some((y) => agrees(x, y)));
    if (member.claim.frame.dimension === 'count') return false;
    const mine = here.findIndex((r) => r.includes(member));
    const theirs = there.findIndex((r) => r.includes(other));
    if (mine < 0 || theirs < 0) return false;
    const rank = ranksOf(here)[mine];
    if (rank === null || rank !== ranksOf(there)[theirs]) return false;
    return !here[mine].some((x) => others.some((y) => agrees(x, y))) && !there[theirs].some((y) => own.some((x) => agrees(x, y)));
  }

  private linksFrom(filePath: string): Link[] {
    return (this.files.get(filePath)?.members ?? []).flatMap((m) => (m === null ? [] : this.linksOfMember(m)));
  }

  /** Counts a conflicting or updating pair in or out, on both claims: most claims have neither, and need no links worked out for diagnostics. */
  private count(l: Link, delta: 1 | -1): void {
    if (l.relation === 'conflicts') {
      this.conflictPairs += delta;
      l.member.conflicts += delta;
      l.other.conflicts += delta;
    } else if (l.relation === 'updates') {
      l.member.updates += delta;
      l.other.updates += delta;
    }
  }

  /** Takes a file's members out of their groups; returns the links they had (`known`, when `stage` worked them out). */
  private unlink(filePath: string, known?: Link[]): Link[] {
    const before = known ?? this.linksFrom(filePath);
    for (const l of before) this.count(l, -1);
    for (const m of this.files.get(filePath)?.members ?? []) {
      if (m === null) continue;
      m.group.delete(m);
      this.ages.get(m.group)?.delete(m);
      if (m.group.size === 0) {
        this.groups.delete(m.key);
        this.ages.delete(m.group);
      }
    }
    return before;
  }
}

/**
 * What `relationOf` rules out by the numbers alone, tested before the pair's story: a group of a
 * story a whole folder tells holds thousands (every age of an archive is in one), and a story is
 * the dearer test. Figures too far apart; counts known by their number whose numbers differ; two
 * ages or falls that may be two people's and do not agree.
 */
function ruledOutByNumbers(x: Member, y: Member): boolean {
  const a = x.compared;
  const b = y.compared;
  if (tooFarApart(a, b) && !risen(x, y)) return true;
  const numbered = a.numbered || b.numbered;
  if (numbered && !closeFigures(a, b)) return true;
  return (numbered || a.personal) && relationOf(a, b) !== 'agrees' && (numbered || personOf(x.claim, y.claim) === 'maybe');
}

/**
 * This file, and every other file whose links to it differ between `before` and `after`. The
 * links to each file are compared by an order-free digest (count, sum and xor of a hash per
 * link), so a file that shares a story with thousands costs no string or sort per update.
 */
function changedPaths(filePath: string, before: readonly Link[], after: readonly Link[]): Set<string> {
  const digest = (links: readonly Link[]) => {
    const byPath = new Map<string, [number, number, number]>();
    for (const l of links) {
      const h = linkHash(l);
      const d = byPath.get(l.other.path);
      if (d) {
        d[0]++;
        d[1] = (d[1] + h) | 0;
        d[2] ^= h;
      } else byPath.set(l.other.path, [1, h, h]);
    }
    return byPath;
  };
  const was = digest(before);
  const now = digest(after);
  const changed = new Set<string>([filePath]);
  for (const [p, d] of was) {
    const e = now.get(p);
    if (!e || e[0] !== d[0] || e[1] !== d[1] || e[2] !== d[2]) changed.add(p);
  }
  for (const p of now.keys()) if (!was.has(p)) changed.add(p);
  return changed;
}

/** A 32-bit hash of where a link's two claims are and how they relate. */
function linkHash(l: Link): number {
  // No array of the five: hundreds of thousands of links are hashed when two large files share figures.
  let h = mix(0x811c9dc5, l.member.claim.start);
  h = mix(h, l.member.claim.end);
  h = mix(h, l.other.claim.start);
  h = mix(h, l.other.claim.end);
  return mix(h, l.relation === 'conflicts' ? 1 : l.relation === 'updates' ? 3 : 2);
}

function mix(h: number, x: number): number {
  h = Math.imul(h ^ x, 0x01000193);
  return h ^ (h >>> 15);
}

function byPlace(x: Link, y: Link): number {
  return x.other.path < y.other.path ? -1 : x.other.path > y.other.path ? 1 : x.other.claim.start - y.other.claim.start;
}

/** The first `k` links by file and place, without sorting them all. */
function firstByPlace(links: readonly Link[], k: number): Link[] {
  const first: Link[] = [];
  for (const l of links) {
    if (first.length === k && byPlace(l, first[k - 1]) >= 0) continue;
    let i = first.length;
    while (i > 0 && byPlace(l, first[i - 1]) < 0) i--;
    first.splice(i, 0, l);
    if (first.length > k) first.pop();
  }
  return first;
}

/**
 * A toll that grows may grow many times over from one day's report to the next ("one dead" on
 * Tuesday, "24 dead" on Wednesday): figures too far apart to be one figure are one toll then.
 */
function risen(x: Member, y: Member): boolean {
  const narrowedAlike = x.claim.frame.qualifiers.length === y.claim.frame.qualifiers.length;
  return narrowedAlike && mayBeUpdate(x.claim) && reportedOnDifferentDays(x.claim, y.claim) && withinRise(x.compared.figure, y.compared.figure);
}

/** How many times over a toll may grow between reports: 1 to 24 dead is a quake's; 24 to 230,000 is two disasters. */
const RISE_FACTOR = 30;

function withinRise(a: number | null, b: number | null): boolean {
  return a !== null && b !== null && a > 0 && b > 0 && Math.max(a, b) / Math.min(a, b) <= RISE_FACTOR;
}

/** Both articles say when they were published, and not on the same day (time zones blur hours, not days). */
function reportedOnDifferentDays(a: Claim, b: Claim): boolean {
  const x = a.frame.reported;
  const y = b.frame.reported;
  return x !== null && y !== null && Math.floor(x / DAY) !== Math.floor(y / DAY);
}

const DAY = 86_400_000;

function related(l: Link): RelatedClaim {
  return { path: l.other.path, start: l.other.claim.start, end: l.other.claim.end, text: l.other.claim.text, relation: l.relation };
}

/** Orders the two ends of a pair so that each pair is listed once. */
function isFirst(a: Pick<Member, 'path' | 'claim'>, b: Pick<Member, 'path' | 'claim'>): boolean {
  return a.path < b.path || (a.path === b.path && a.claim.start < b.claim.start);
}

/** A file's readings of one figure: its figures that agree with one another, a reading each, in the order it gives them. */
function readingsOf(members: readonly Member[]): Member[][] {
  const readings: Member[][] = [];
  for (const m of members) {
    const reading = readings.find((r) => relationOf(r[0].compared, m.compared) === 'agrees');
    if (reading === undefined) readings.push([m]);
    else reading.push(m);
  }
  return readings;
}

/**
 * Each reading's rank, as its article gives it. A file's only reading, unranked, stands for the
 * first thing; where the article ranks some of its readings ("the first quake, magnitude 7.6"),
 * the others take the ranks left, in the order it gives them ("one 7.3-magnitude tremor" is
 * the second). An article that ranks none tells nothing of which is which.
 */
function ranksOf(readings: readonly Member[][]): Array<number | null> {
  const given = readings.map((r) => r.find((m) => m.claim.frame.rank !== null)?.claim.frame.rank ?? null);
  if (readings.length === 1) return [given[0] ?? 1];
  const taken = new Set(given.filter((rank): rank is number => rank !== null));
  if (taken.size === 0) return given;
  let next = 1;
  return given.map((rank) => {
    if (rank !== null) return rank;
    while (taken.has(next)) next++;
    taken.add(next);
    return next;
  });
}
