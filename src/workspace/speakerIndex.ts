import type { DocumentSpeaker, Quote, SpeakerKind } from '../core/types';
import { nameWords, normalizeName, personNamesMatch, surnamesMatch } from '../core/speakers/names';

// One speaker list for the whole workspace. Each document names its speakers its own way
// ("Gen. Mark Milley" here, "Milley" there, "Mark Mille" in a third); the index merges them
// into one Speaker with every alias and every role the articles give, each with its place.
//
// People are merged by surname (exact, or a believable misspelling) and compatible first
// names; a misspelling shares its first three letters with the name, so merging never
// crosses a "block" of names with the same first three surname letters. Changing one
// document re-clusters only the blocks its names are in. Organisations merge by name;
// unnamed sources never merge across documents.

export interface SpeakerRole {
  text: string;
  path: string;
  start: number;
  end: number;
}

export interface QuoteRef {
  path: string;
  quote: Quote;
}

export interface Speaker {
  id: string;
  name: string;
  kind: SpeakerKind;
  /** Other forms of the name used across the workspace. */
  aliases: string[];
  /** Every role an article gives, where it gives it; conflicting roles are all kept. */
  roles: SpeakerRole[];
  files: string[];
  quoteCount: number;
}

/** A document's speaker, as the index knows it. */
interface Member {
  path: string;
  speaker: DocumentSpeaker;
  /** Normalised name words (people) or key words (others). */
  words: string[];
  block: string;
  quoteCount: number;
}

interface Cluster {
  id: string;
  kind: SpeakerKind;
  members: Member[];
  name: string;
}

const PREFIX = 3;

export class SpeakerIndex {
  private readonly byPath = new Map<string, Member[]>();
  private readonly blocks = new Map<string, Set<Member>>();
  private readonly clusterOf = new Map<Member, Cluster>();
  private readonly clustersById = new Map<string, Cluster>();
  private readonly clustersOfBlock = new Map<string, Cluster[]>();
  private readonly quotesByPath = new Map<string, Quote[]>();

  /**
   * Replaces one document's speakers and quotes. Returns the paths whose speakers changed
   * identity or name (their diagnostics name speakers, so they need republishing).
   */
  set(path: string, speakers: readonly DocumentSpeaker[], quotes: readonly Quote[]): Set<string> {
    const counts = new Map<string, number>();
    for (const q of quotes) if (q.attribution) counts.set(q.attribution.speakerKey, (counts.get(q.attribution.speakerKey) ?? 0) + 1);
    const old = this.byPath.get(path) ?? [];
    const members = speakers.map((s) => toMember(path, s, counts.get(s.key) ?? 0));
    this.quotesByPath.set(path, [...quotes]);
    if (sameIdentity(old, members)) {
      // Same speakers under the same names (most edits): keep the clusters, refresh the members.
      for (let i = 0; i < old.length; i++) this.replaceMember(old[i], members[i]);
      this.byPath.set(path, members);
      return new Set([path]);
    }
    return this.rebuild(path, old, members);
  }

  remove(path: string): Set<string> {
    const old = this.byPath.get(path) ?? [];
    this.quotesByPath.delete(path);
    const changed = this.rebuild(path, old, []);
    this.byPath.delete(path);
    changed.delete(path);
    return changed;
  }

  /** The workspace speaker for a document's speaker key. */
  speakerOf(path: string, key: string): Speaker | null {
    const member = (this.byPath.get(path) ?? []).find((m) => m.speaker.key === key);
    const cluster = member && this.clusterOf.get(member);
    return cluster ? this.describe(cluster) : null;
  }

  idOf(path: string, key: string): string | null {
    const member = (this.byPath.get(path) ?? []).find((m) => m.speaker.key === key);
    return (member && this.clusterOf.get(member)?.id) ?? null;
  }

  get(id: string): Speaker | null {
    const c = this.clustersById.get(id);
    return c ? this.describe(c) : null;
  }

  /** Every speaker, most quoted first. */
  all(): Speaker[] {
    return [...this.clustersById.values()].map((c) => this.describe(c)).sort((a, b) => b.quoteCount - a.quoteCount || a.name.localeCompare(b.name));
  }

  /** Every quote of a speaker across the workspace, in path and text order. */
  quotesOf(id: string): QuoteRef[] {
    const c = this.clustersById.get(id);
    if (!c) return [];
    const refs: QuoteRef[] = [];
    const keysByPath = new Map<string, Set<string>>();
    for (const m of c.members) keysByPath.set(m.path, (keysByPath.get(m.path) ?? new Set()).add(m.speaker.key));
    for (const [path, keys] of [...keysByPath].sort(([a], [b]) => a.localeCompare(b))) {
      for (const quote of this.quotesByPath.get(path) ?? []) if (quote.attribution && keys.has(quote.attribution.speakerKey)) refs.push({ path, quote });
    }
    return refs;
  }

  // ── Clustering ───────────────────────────────────────────────────────────────────────

  private replaceMember(old: Member, next: Member): void {
    const cluster = this.clusterOf.get(old);
    const block = this.blocks.get(old.block);
    block?.delete(old);
    block?.add(next);
    this.clusterOf.delete(old);
    if (cluster) {
      cluster.members[cluster.members.indexOf(old)] = next;
      this.clusterOf.set(next, cluster);
    }
  }

  private rebuild(path: string, old: readonly Member[], members: Member[]): Set<string> {
    const dirty = new Set<string>();
    for (const m of old) {
      this.blocks.get(m.block)?.delete(m);
      dirty.add(m.block);
    }
    for (const m of members) {
      let block = this.blocks.get(m.block);
      if (!block) this.blocks.set(m.block, (block = new Set()));
      block.add(m);
      dirty.add(m.block);
    }
    this.byPath.set(path, members);
    const before = new Map<Member, string>();
    for (const b of dirty) for (const c of this.clustersOfBlock.get(b) ?? []) for (const m of c.members) before.set(m, `${c.id}\u0000${c.name}`);
    const changed = new Set<string>([path]);
    for (const b of dirty) {
      for (const c of this.clustersOfBlock.get(b) ?? []) {
        this.clustersById.delete(c.id);
        for (const m of c.members) this.clusterOf.delete(m);
      }
      const clusters = this.cluster([...(this.blocks.get(b) ?? [])]);
      if (clusters.length === 0) {
        this.clustersOfBlock.delete(b);
        this.blocks.delete(b);
      } else {
        this.clustersOfBlock.set(b, clusters);
      }
      for (const c of clusters) {
        c.id = this.uniqueId(c);
        this.clustersById.set(c.id, c);
        for (const m of c.members) {
          this.clusterOf.set(m, c);
          if (before.get(m) !== `${c.id}\u0000${c.name}`) changed.add(m.path);
        }
      }
    }
    for (const [m] of before) if (!this.clusterOf.has(m) && m.path !== path) changed.add(m.path);
    return changed;
  }

  private cluster(members: Member[]): Cluster[] {
    if (members.length === 0) return [];
    const kind = members[0].speaker.kind;
    if (kind === 'anonymous' || kind === 'group') return members.map((m) => newCluster(kind, [m]));
    if (kind === 'organization') {
      const byName = new Map<string, Member[]>();
      for (const m of members) byName.set(m.words.join(' '), [...(byName.get(m.words.join(' ')) ?? []), m]);
      return [...byName.values()].map((ms) => newCluster('organization', ms));
    }
    return clusterPeople(members);
  }

  private uniqueId(c: Cluster): string {
    const prefix = c.kind === 'person' ? 'person' : c.kind === 'organization' ? 'org' : c.kind === 'group' ? 'group' : 'anon';
    const local = c.kind === 'anonymous' || c.kind === 'group' ? `${slug(baseName(c.members[0].path))}:` : '';
    const base = `${prefix}:${local}${slug(c.name)}`;
    let id = base;
    for (let n = 2; this.clustersById.has(id); n++) id = `${base}-${n}`;
    return id;
  }

  private describe(c: Cluster): Speaker {
    const aliases = new Set<string>();
    const roles: SpeakerRole[] = [];
    const files = new Set<string>();
    let quoteCount = 0;
    for (const m of c.members) {
      files.add(m.path);
      quoteCount += m.quoteCount;
      for (const f of m.speaker.forms) if (f !== c.name) aliases.add(f);
      if (m.speaker.name !== c.name) aliases.add(m.speaker.name);
      for (const r of m.speaker.roles) roles.push({ text: r.text, path: m.path, start: r.start, end: r.end });
    }
    return { id: c.id, name: c.name, kind: c.kind, aliases: [...aliases].sort(), roles, files: [...files].sort(), quoteCount };
  }
}

function toMember(path: string, speaker: DocumentSpeaker, quoteCount: number): Member {
  const normalized = normalizeName(speaker.kind === 'organization' ? speaker.name.replace(/^the\s+/i, '') : speaker.name);
  const words = speaker.kind === 'person' ? nameWords(normalized) : normalized.split(' ').filter(Boolean);
  const surname = words[words.length - 1] ?? '';
  const block =
    speaker.kind === 'person'
      ? `p:${surname.slice(0, PREFIX)}`
      : speaker.kind === 'organization'
        ? `o:${words.join(' ')}`
        : `a:${path}\u0000${speaker.key}`;
  return { path, speaker, words, block, quoteCount };
}

/** True when two lists of a document's speakers have the same people under the same names. */
function sameIdentity(a: readonly Member[], b: readonly Member[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i].speaker;
    const y = b[i].speaker;
    if (x.key !== y.key || x.name !== y.name || x.kind !== y.kind || x.forms.join('|') !== y.forms.join('|')) return false;
  }
  return true;
}

function newCluster(kind: SpeakerKind, members: Member[]): Cluster {
  return { id: '', kind, members, name: canonicalName(kind, members) };
}

/** Full names cluster by surname and first name; a bare surname joins the one person it can be. */
function clusterPeople(members: Member[]): Cluster[] {
  const full = members.filter((m) => m.words.length >= 2);
  const bare = members.filter((m) => m.words.length < 2);
  const groups: Member[][] = [];
  for (const m of full) {
    const g = groups.find((ms) => ms.some((o) => personNamesMatch(o.words, m.words)));
    if (g) g.push(m);
    else groups.push([m]);
  }
  // Groups joined through a later member are merged (a, b match c but not each other).
  for (let i = 0; i < groups.length; i++) {
    for (let j = groups.length - 1; j > i; j--) {
      if (groups[j].some((m) => groups[i].some((o) => personNamesMatch(o.words, m.words)))) {
        groups[i].push(...groups[j]);
        groups.splice(j, 1);
      }
    }
  }
  const singles = new Map<string, Member[]>();
  for (const m of bare) {
    const surname = m.words[0] ?? '';
    const exact = groups.filter((g) => g.some((o) => o.words[o.words.length - 1] === surname));
    const candidates = exact.length > 0 ? exact : groups.filter((g) => g.some((o) => surnamesMatch(o.words[o.words.length - 1], surname)));
    if (candidates.length > 0) {
      // "Clinton" alone joins the Clinton the workspace names most.
      candidates.sort((a, b) => fileCount(b) - fileCount(a));
      candidates[0].push(m);
    } else {
      singles.set(surname, [...(singles.get(surname) ?? []), m]);
    }
  }
  // Bare surnames that are misspellings of each other ("Zelensky", "Zelenskyy") merge too.
  const bareGroups: Member[][] = [];
  for (const ms of singles.values()) {
    const g = bareGroups.find((x) => surnamesMatch(x[0].words[0], ms[0].words[0]));
    if (g) g.push(...ms);
    else bareGroups.push(ms);
  }
  return [...groups, ...bareGroups].map((g) => newCluster('person', g));
}

function fileCount(members: readonly Member[]): number {
  return new Set(members.map((m) => m.path)).size;
}

/** The name most used for a speaker, fullest first: "Mark Milley" over "Milley". */
function canonicalName(kind: SpeakerKind, members: readonly Member[]): string {
  const score = new Map<string, number>();
  for (const m of members) score.set(m.speaker.name, (score.get(m.speaker.name) ?? 0) + Math.max(1, m.speaker.mentions.length));
  let best = members[0].speaker.name;
  let bestKey: [number, number, number] = [-1, -1, -1];
  for (const [name, n] of score) {
    const words = kind === 'person' ? name.split(/\s+/).length : 0;
    const key: [number, number, number] = [Math.min(words, 2), n, name.length];
    if (key[0] > bestKey[0] || (key[0] === bestKey[0] && (key[1] > bestKey[1] || (key[1] === bestKey[1] && key[2] > bestKey[2])))) {
      best = name;
      bestKey = key;
    }
  }
  return best;
}

function baseName(path: string): string {
  return path.slice(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1);
}

function slug(s: string): string {
  return (
    normalizeName(s.replace(/\.[^./\\]+$/, ''))
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '') || 'unnamed'
  );
}
