import * as path from 'node:path';
import type { Claim } from '../core/claims';
import type { Diagnostic, Severity } from '../core/types';
import { describe, describeInterval, groupKey, relation, sameStory, type Relation } from './claims/compare';

// Claims across the workspace. Every comparable claim sits in one group (see `groupKey`:
// same unit, counted thing, measure and time), and links are made within a group only. Setting
// or removing a file touches just the groups its old and new claims are in, and within each
// only the links to that file: the cost grows with the group, not with its square, so a folder
// of 10,000 articles loads in linear time. Each update reports which files' links changed, so
// that only their diagnostics are published again. Pure data: no editor, no file system.

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
  /** This claim's links to claims in other files. */
  links: Link[];
}

interface Link {
  other: Member;
  relation: Relation;
}

interface FileEntry {
  claims: readonly Claim[];
  /** The group of each claim, or null when it is not compared. */
  keys: Array<string | null>;
  /** The member of each claim, where it has a group. */
  members: Array<Member | null>;
}

const locationOf = (m: Member): ClaimLocation => ({ path: m.path, start: m.claim.start, end: m.claim.end, text: m.claim.text });

export class ClaimIndex {
  private readonly files = new Map<string, FileEntry>();
  /** Members of each group, by group key. */
  private readonly groups = new Map<string, Set<Member>>();
  /** Conflicting pairs, kept as links are made and unmade: the status shows it after every edit. */
  private conflictPairs = 0;
  private recomputedKeys = new Set<string>();

  /** `tolerance`: extra relative slack when comparing figures (0.05 = 5%), beyond hedges and rounding. */
  constructor(
    private readonly severity: Severity = 'warning',
    private readonly tolerance = 0,
  ) {}

  /** Adds or replaces a file's claims. Returns the paths whose links changed (this one included). */
  set(filePath: string, claims: readonly Claim[]): Set<string> {
    const before = this.linkedPaths(filePath);
    this.detach(filePath);
    const keys = claims.map(groupKey);
    const members = keys.map((key, i) => (key === null ? null : this.attach(key, { path: filePath, claim: claims[i], links: [] })));
    this.files.set(filePath, { claims, keys, members });
    this.recomputedKeys = new Set([...before.keys, ...keys.filter((k): k is string => k !== null)]);
    return this.changedSince(filePath, before.links);
  }

  /** Forgets a file. Returns the paths whose links changed (this one included), or none if it was unknown. */
  remove(filePath: string): Set<string> {
    if (!this.files.has(filePath)) return new Set();
    const before = this.linkedPaths(filePath);
    this.detach(filePath);
    this.files.delete(filePath);
    this.recomputedKeys = before.keys;
    return this.changedSince(filePath, before.links);
  }

  /** The groups the last `set` or `remove` touched: those of the file's old and new claims. */
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
    return file.members.map((m) => (m === null ? [] : m.links.map((l) => ({ ...locationOf(l.other), relation: l.relation }))));
  }

  /** Every conflicting pair in the workspace, once, with what disagrees. */
  conflicts(): Conflict[] {
    const all: Conflict[] = [];
    for (const members of this.groups.values()) {
      for (const a of members) {
        for (const { other: b, relation: r } of a.links) {
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

  /** Puts a member in its group, linked to every member of another file about the same story. */
  private attach(key: string, member: Member): Member {
    let group = this.groups.get(key);
    if (group === undefined) this.groups.set(key, (group = new Set()));
    for (const other of group) {
      if (other.path === member.path || !sameStory(member.claim, other.claim)) continue;
      const r = relation(member.claim, other.claim, this.tolerance);
      member.links.push({ other, relation: r });
      other.links.push({ other: member, relation: r });
      if (r === 'conflicts') this.conflictPairs++;
    }
    group.add(member);
    return member;
  }

  /** Takes a file's members out of their groups and their links out of the other members. */
  private detach(filePath: string): void {
    const file = this.files.get(filePath);
    if (file === undefined) return;
    file.members.forEach((m, i) => {
      if (m === null) return;
      for (const { other, relation: r } of m.links) {
        other.links = other.links.filter((l) => l.other !== m);
        if (r === 'conflicts') this.conflictPairs--;
      }
      const key = file.keys[i] as string;
      const group = this.groups.get(key);
      group?.delete(m);
      if (group?.size === 0) this.groups.delete(key);
    });
  }

  /** The file's group keys, and a signature of each other file's links to it. */
  private linkedPaths(filePath: string): { keys: Set<string>; links: Map<string, string> } {
    const file = this.files.get(filePath);
    return { keys: new Set(file?.keys.filter((k): k is string => k !== null) ?? []), links: this.linksTo(filePath) };
  }

  /** For each other file linked to this one: its links to this file, as a comparable string. */
  private linksTo(filePath: string): Map<string, string> {
    const byPath = new Map<string, string[]>();
    for (const m of this.files.get(filePath)?.members ?? []) {
      for (const l of m?.links ?? []) {
        const list = byPath.get(l.other.path) ?? [];
        list.push(`${l.other.claim.start}-${l.other.claim.end}>${m?.claim.start}-${m?.claim.end}=${l.relation}`);
        byPath.set(l.other.path, list);
      }
    }
    return new Map([...byPath].map(([p, list]) => [p, list.sort().join(',')]));
  }

  /** This file, and every other file whose links to it differ from `before`. */
  private changedSince(filePath: string, before: Map<string, string>): Set<string> {
    const after = this.linksTo(filePath);
    const changed = new Set<string>([filePath]);
    for (const p of new Set([...before.keys(), ...after.keys()])) if (before.get(p) !== after.get(p)) changed.add(p);
    return changed;
  }
}

/** Orders the two ends of a pair so that each pair is listed once. */
function isFirst(a: Member, b: Member): boolean {
  return a.path < b.path || (a.path === b.path && a.claim.start < b.claim.start);
}
