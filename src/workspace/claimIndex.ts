import * as path from 'node:path';
import type { Claim } from '../core/claims';
import type { Diagnostic, Severity } from '../core/types';
import { describe, describeInterval, groupKey, relation, sameStory, type Relation } from './claims/compare';

// Claims across the workspace. Every comparable claim sits in one group (see `groupKey`:
// same unit, counted thing, measure and time); links are computed within a group only, so
// setting or removing a file recomputes just the groups its old and new claims are in, and
// reports which files' links changed so that only their diagnostics are published again.
// Pure data: no editor, no file system.

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
  /** Index of the claim in its file's list. */
  index: number;
  claim: Claim;
}

interface Group {
  members: Member[];
  /** Links of each member, by `memberId`. */
  links: Map<string, RelatedClaim[]>;
  /** Each conflicting pair once. */
  conflicts: Conflict[];
}

interface FileEntry {
  claims: readonly Claim[];
  keys: Array<string | null>;
}

const memberId = (path: string, index: number) => `${index}\u0000${path}`;
const locationOf = (m: Member): ClaimLocation => ({ path: m.path, start: m.claim.start, end: m.claim.end, text: m.claim.text });

export class ClaimIndex {
  private readonly files = new Map<string, FileEntry>();
  private readonly groups = new Map<string, Group>();
  private recomputedKeys = new Set<string>();

  constructor(private readonly severity: Severity = 'warning') {}

  /** Adds or replaces a file's claims. Returns the paths whose links changed (this one included). */
  set(filePath: string, claims: readonly Claim[]): Set<string> {
    const old = this.files.get(filePath);
    const keys = claims.map(groupKey);
    this.files.set(filePath, { claims, keys });
    return this.update(filePath, old, keys, claims);
  }

  /** Forgets a file. Returns the paths whose links changed (this one included). */
  remove(filePath: string): Set<string> {
    const old = this.files.get(filePath);
    if (old === undefined) return new Set();
    this.files.delete(filePath);
    return this.update(filePath, old, [], []);
  }

  /** The group keys the last `set` or `remove` recomputed: the groups of the file's old and new claims. */
  lastRecomputed(): ReadonlySet<string> {
    return this.recomputedKeys;
  }

  paths(): string[] {
    return [...this.files.keys()];
  }

  claimsOf(filePath: string): readonly Claim[] {
    return this.files.get(filePath)?.claims ?? [];
  }

  /** For each claim of the file, in order: the claims elsewhere that measure the same thing, and whether they agree. */
  linksOf(filePath: string): RelatedClaim[][] {
    const file = this.files.get(filePath);
    if (file === undefined) return [];
    return file.keys.map((key, i) => (key === null ? [] : this.groups.get(key)?.links.get(memberId(filePath, i)) ?? []));
  }

  /** Every conflicting pair in the workspace, once. */
  conflicts(): Conflict[] {
    const all: Conflict[] = [];
    for (const g of this.groups.values()) all.push(...g.conflicts);
    return all.sort((x, y) => x.a.path.localeCompare(y.a.path) || x.a.start - y.a.start || x.b.path.localeCompare(y.b.path) || x.b.start - y.b.start);
  }

  /** A `conflicting-claim` diagnostic on each claim of the file that conflicts with a claim elsewhere. */
  diagnostics(filePath: string): Diagnostic[] {
    const file = this.files.get(filePath);
    if (file === undefined) return [];
    const diagnostics: Diagnostic[] = [];
    this.linksOf(filePath).forEach((links, i) => {
      const against = links.filter((l) => l.relation === 'conflicts');
      if (against.length === 0) return;
      const claim = file.claims[i];
      const elsewhere = against.map((o) => `'${o.text}' in ${path.basename(o.path)}`).join(', ');
      diagnostics.push({
        start: claim.start,
        end: claim.end,
        severity: this.severity,
        code: 'conflicting-claim',
        message: `Figures disagree on ${describe(claim)}: ${claim.text} here; ${elsewhere}.`,
        related: against.map((o) => ({ path: o.path, start: o.start, end: o.end, message: `'${o.text}' here` })),
      });
    });
    return diagnostics;
  }

  private update(filePath: string, old: FileEntry | undefined, keys: Array<string | null>, claims: readonly Claim[]): Set<string> {
    const touched = new Set<string>();
    old?.keys.forEach((k) => k !== null && touched.add(k));
    keys.forEach((k) => k !== null && touched.add(k));
    this.recomputedKeys = touched;

    const changed = new Set<string>([filePath]);
    for (const key of touched) {
      const before = this.groups.get(key);
      const members = (before?.members ?? []).filter((m) => m.path !== filePath);
      keys.forEach((k, index) => k === key && members.push({ path: filePath, index, claim: claims[index] }));
      const after = link(members);
      for (const p of pathsWithChangedLinks(before, after)) changed.add(p);
      if (members.length === 0) this.groups.delete(key);
      else this.groups.set(key, after);
    }
    return changed;
  }
}

/** Links every pair of members from different files that are about the same story. */
function link(members: Member[]): Group {
  const links = new Map<string, RelatedClaim[]>();
  const conflicts: Conflict[] = [];
  for (let i = 0; i < members.length; i++) {
    for (let j = i + 1; j < members.length; j++) {
      const a = members[i];
      const b = members[j];
      if (a.path === b.path || !sameStory(a.claim, b.claim)) continue;
      const r = relation(a.claim, b.claim);
      push(links, memberId(a.path, a.index), { ...locationOf(b), relation: r });
      push(links, memberId(b.path, b.index), { ...locationOf(a), relation: r });
      if (r === 'conflicts') {
        const [x, y] = a.path < b.path ? [a, b] : [b, a];
        conflicts.push({
          a: locationOf(x),
          b: locationOf(y),
          reason: `${describe(x.claim)}: '${x.claim.text}' (${describeInterval(x.claim)}) and '${y.claim.text}' (${describeInterval(y.claim)}) do not overlap`,
        });
      }
    }
  }
  return { members, links, conflicts };
}

function push(map: Map<string, RelatedClaim[]>, id: string, related: RelatedClaim): void {
  const list = map.get(id);
  if (list) list.push(related);
  else map.set(id, [related]);
}

/** Files whose members' links differ between two versions of a group. */
function pathsWithChangedLinks(before: Group | undefined, after: Group): Set<string> {
  const signature = (g: Group | undefined) => {
    const byPath = new Map<string, string[]>();
    for (const m of g?.members ?? []) {
      const links = g?.links.get(memberId(m.path, m.index)) ?? [];
      const list = byPath.get(m.path) ?? [];
      list.push(`${m.claim.start}:${links.map((l) => `${l.path}@${l.start}-${l.end}=${l.relation}`).join(',')}`);
      byPath.set(m.path, list);
    }
    return new Map([...byPath].map(([p, l]) => [p, l.join(';')]));
  };
  const a = signature(before);
  const b = signature(after);
  const changed = new Set<string>();
  for (const p of new Set([...a.keys(), ...b.keys()])) if (a.get(p) !== b.get(p)) changed.add(p);
  return changed;
}
