import type { SpeakerKind } from '../core/types';
import { nameWords, normalizeName } from '../core/speakers/names';
import type { DigestSpeaker, QuoteOwner } from './digest';
import { PeopleClustering, type ClusteringChange } from './speakerClusters';

// One speaker list for the whole workspace. Each document names its speakers its own way
// ("Gen. Mark Milley" here, "Milley" there, "Mark Mille" in a third); the index merges them
// into one Speaker with every alias and every role the articles give, each with its place.
//
// People are merged by surname (exact, or a believable misspelling) and compatible first
// names; a misspelling shares its first three letters with the name, so merging never
// crosses a "block" of names with the same first three surname letters. Organisations merge
// by name; unnamed sources never merge across documents.
//
// An archive names the same people thousands of times ("Donald Trump" in half of 10,000
// articles), so the index works on *names*, not mentions: the members that share a
// normalised name are one entry, and changing a document re-clusters the names of the
// blocks it touches (see speakerClusters.ts), never the thousands of members behind them.

export interface SpeakerRole {
  text: string;
  path: string;
  start: number;
  end: number;
}

export interface QuoteRef {
  path: string;
  quote: QuoteOwner;
}

export interface Speaker {
  id: string;
  name: string;
  kind: SpeakerKind;
  /** Other forms of the name used across the workspace. */
  aliases: string[];
  /** Every role an article gives, where it gives it (by file, then place); conflicting roles are all kept. */
  roles: SpeakerRole[];
  files: string[];
  quoteCount: number;
}

/** A document's speaker, as the index knows it. */
interface Member {
  path: string;
  speaker: DigestSpeaker;
  quoteCount: number;
  entry: NameEntry;
}

/** Every member of a block that goes by one normalised name. */
export interface NameEntry {
  block: string;
  key: string;
  /** Normalised name words (people) or key words (others). */
  words: string[];
  members: Set<Member>;
  /** How many members each file has under this name; its size is the name's file count. */
  files: Map<string, number>;
  /** How strongly the members' own names ("Donald Trump", "Donald J. Trump") stand for the speaker. */
  scores: Map<string, number>;
  cluster: Cluster | null;
}

interface Cluster {
  id: string;
  kind: SpeakerKind;
  names: Set<NameEntry>;
  name: string;
  /** What `describe` returned, until a member of the cluster changes. */
  described: Speaker | null;
}

interface Block {
  kind: SpeakerKind;
  names: Map<string, NameEntry>;
  /** People only: which names are one person, kept up to date name by name. */
  people: PeopleClustering<Cluster> | null;
}

const PREFIX = 3;
/** Distinct names of one kind whose shapes are remembered; past it the memo starts again. */
const SHAPES_LIMIT = 100_000;

/** What a speaker's name gives the index: see `shapeOf`. */
interface NameShape {
  words: string[];
  key: string;
  block: string | null;
}

export class SpeakerIndex {
  private readonly byPath = new Map<string, Member[]>();
  private readonly blocks = new Map<string, Block>();
  private readonly clustersById = new Map<string, Cluster>();
  private readonly quotesByPath = new Map<string, readonly QuoteOwner[]>();
  private readonly shapes = new Map<SpeakerKind, Map<string, NameShape>>();
  /** The number last added to each id that was taken (see uniqueId). */
  private readonly lastNumber = new Map<string, number>();

  /**
   * Replaces one document's speakers and quotes. Returns the paths whose speakers changed
   * identity or name (their diagnostics name speakers, so they need republishing).
   */
  set(path: string, speakers: readonly DigestSpeaker[], quotes: readonly QuoteOwner[]): Set<string> {
    return this.setMany([{ path, speakers, quotes }]);
  }

  /**
   * Replaces several documents' speakers and quotes at once, as a scan does: each block of
   * names they touch is clustered once for all of them, not once per document.
   *
   * With `defer`, the names are not clustered yet (none of the documents' paths are returned):
   * a scan merges thousands of files and clusters them all with `settle` once it is done, which
   * costs much less than clustering after each handful of files. Meanwhile every question
   * about a document first clusters the blocks of its names, so no answer is out of date.
   */
  setMany(documents: ReadonlyArray<{ path: string; speakers: readonly DigestSpeaker[]; quotes: readonly QuoteOwner[] }>, defer = false): Set<string> {
    const touched = new Set<NameEntry>();
    for (const { path, speakers, quotes } of documents) {
      const counts = new Map<string, number>();
      for (const q of quotes) counts.set(q.speakerKey, (counts.get(q.speakerKey) ?? 0) + 1);
      this.quotesByPath.set(path, quotes);
      this.replace(path, speakers, counts, touched);
    }
    if (defer) {
      for (const e of touched) this.postpone(e);
      for (const { path } of documents) this.deferredPaths.add(path);
      return new Set();
    }
    const changed = this.refreshBlocks(touched);
    for (const { path } of documents) changed.add(path);
    return changed;
  }

  remove(path: string): Set<string> {
    this.quotesByPath.delete(path);
    this.deferredPaths.delete(path);
    const touched = new Set<NameEntry>();
    this.replace(path, [], new Map(), touched);
    this.byPath.delete(path);
    const changed = this.refreshBlocks(touched);
    changed.delete(path);
    return changed;
  }

  /** Blocks of names merged with `defer` and not clustered yet. */
  get unsettled(): number {
    return this.deferred.size;
  }

  /**
   * Clusters the names merged with `defer` (at most `maxBlocks` blocks of them, so that a scan
   * can answer the editor in between). Returns the paths whose speakers changed, and once
   * nothing is left, the paths of every deferred document.
   */
  settle(maxBlocks = Infinity): Set<string> {
    const changed = this.unreported;
    this.unreported = new Set();
    const touched: NameEntry[] = [];
    let blocks = 0;
    for (const entries of this.deferred.values()) {
      if (blocks++ >= maxBlocks) break;
      for (const e of entries) touched.push(e);
    }
    for (const p of this.refreshBlocks(touched)) changed.add(p);
    if (this.deferred.size === 0) {
      for (const p of this.deferredPaths) changed.add(p);
      this.deferredPaths.clear();
    }
    return changed;
  }

  /** The workspace speaker for a document's speaker key. */
  speakerOf(path: string, key: string): Speaker | null {
    this.settleDocument(path);
    const cluster = this.memberOf(path, key)?.entry.cluster;
    return cluster ? this.describe(cluster) : null;
  }

  idOf(path: string, key: string): string | null {
    this.settleDocument(path);
    return this.memberOf(path, key)?.entry.cluster?.id ?? null;
  }

  get(id: string): Speaker | null {
    this.settleAll();
    const c = this.clustersById.get(id);
    return c ? this.describe(c) : null;
  }

  /** Every speaker, most quoted first. */
  all(): Speaker[] {
    this.settleAll();
    return [...this.clustersById.values()].map((c) => this.describe(c)).sort((a, b) => b.quoteCount - a.quoteCount || a.name.localeCompare(b.name));
  }

  /** Every quote of a speaker across the workspace, in path and text order. */
  quotesOf(id: string): QuoteRef[] {
    this.settleAll();
    const c = this.clustersById.get(id);
    if (!c) return [];
    const refs: QuoteRef[] = [];
    const keysByPath = new Map<string, Set<string>>();
    for (const m of membersOf(c)) keysByPath.set(m.path, (keysByPath.get(m.path) ?? new Set()).add(m.speaker.key));
    for (const [path, keys] of [...keysByPath].sort(([a], [b]) => a.localeCompare(b))) {
      for (const quote of this.quotesByPath.get(path) ?? []) if (keys.has(quote.speakerKey)) refs.push({ path, quote });
    }
    return refs;
  }

  /** A question about a document: the blocks of its names are clustered first (what changed is reported by the next `settle`). */
  private settleDocument(path: string): void {
    if (this.deferred.size === 0) return;
    const touched = (this.byPath.get(path) ?? []).map((m) => m.entry).filter((e) => this.deferred.has(e.block));
    for (const p of this.refreshBlocks(touched)) this.unreported.add(p);
  }

  /** A question about every speaker (or one by id, which may be anywhere): everything is clustered first. */
  private settleAll(): void {
    if (this.deferred.size > 0) for (const p of this.settle()) this.unreported.add(p);
  }

  private memberOf(path: string, key: string): Member | undefined {
    return (this.byPath.get(path) ?? []).find((m) => m.speaker.key === key);
  }

  // ── Updating ─────────────────────────────────────────────────────────────────────────

  /** Names merged with `defer`, by block, waiting to be clustered. */
  private readonly deferred = new Map<string, Set<NameEntry>>();
  /** Documents merged with `defer`: reported as changed once everything is settled. */
  private readonly deferredPaths = new Set<string>();
  /** Paths changed by clustering that a question did (settleDocument, settleAll), for the next `settle`. */
  private unreported = new Set<string>();

  private postpone(e: NameEntry): void {
    const entries = this.deferred.get(e.block);
    if (entries) entries.add(e);
    else this.deferred.set(e.block, new Set([e]));
  }

  /**
   * Whether each touched name had each updated file before this update: a name whose files
   * did not change (an edit that keeps its people) cannot hand a surname to another person.
   */
  private readonly filesBefore = new Map<NameEntry, Map<string, boolean>>();

  private noteFiles(entry: NameEntry, path: string): void {
    // Only clustered names are recounted (see refresh): a warm start's 60,000 new names need no record.
    if (!entry.cluster) return;
    let paths = this.filesBefore.get(entry);
    if (!paths) this.filesBefore.set(entry, (paths = new Map()));
    if (!paths.has(path)) paths.set(path, entry.files.has(path));
  }

  private filesChanged(entry: NameEntry): boolean {
    for (const [path, had] of this.filesBefore.get(entry) ?? []) if (entry.files.has(path) !== had) return true;
    return false;
  }

  private replace(path: string, speakers: readonly DigestSpeaker[], counts: ReadonlyMap<string, number>, touched: Set<NameEntry>): void {
    for (const m of this.byPath.get(path) ?? []) touched.add(this.detach(m));
    const members = speakers.map((s) => this.attach(path, s, counts.get(s.key) ?? 0));
    for (const m of members) touched.add(m.entry);
    this.byPath.set(path, members);
  }

  /** Clusters the blocks of `touched` names again, with whatever else of those blocks was deferred. */
  private refreshBlocks(touched: Iterable<NameEntry>): Set<string> {
    const changed = new Set<string>();
    const byBlock = new Map<string, Set<NameEntry>>();
    for (const e of touched) {
      let entries = byBlock.get(e.block);
      if (!entries) {
        byBlock.set(e.block, (entries = new Set(this.deferred.get(e.block))));
        this.deferred.delete(e.block);
      }
      entries.add(e);
    }
    for (const [key, entries] of byBlock) {
      this.refresh(key, [...entries], changed);
      for (const e of entries) this.filesBefore.delete(e);
    }
    return changed;
  }

  /** Takes a member out of its name entry. */
  private detach(m: Member): NameEntry {
    const entry = m.entry;
    entry.members.delete(m);
    this.noteFiles(entry, m.path);
    count(entry.files, m.path, -1);
    count(entry.scores, m.speaker.name, -scoreOf(m.speaker));
    if (entry.cluster) changedMembers(entry.cluster);
    return entry;
  }

  private attach(path: string, speaker: DigestSpeaker, quoteCount: number): Member {
    const shape = this.shapeOf(speaker);
    // Unnamed sources are a block of their own in their own file, and so is a speaker a reader kept apart.
    const blockKey = (speaker.apart ? null : shape.block) ?? `a:${path}\u0000${speaker.key}`;
    let block = this.blocks.get(blockKey);
    if (!block) {
      const people = speaker.kind === 'person' ? new PeopleClustering(() => newCluster('person')) : null;
      this.blocks.set(blockKey, (block = { kind: speaker.kind, names: new Map(), people }));
    }
    let entry = block.names.get(shape.key);
    if (!entry) block.names.set(shape.key, (entry = { block: blockKey, key: shape.key, words: shape.words, members: new Set(), files: new Map(), scores: new Map(), cluster: null }));
    const member: Member = { path, speaker, quoteCount, entry };
    entry.members.add(member);
    this.noteFiles(entry, path);
    count(entry.files, path, 1);
    count(entry.scores, speaker.name, scoreOf(speaker));
    if (entry.cluster) changedMembers(entry.cluster);
    return member;
  }

  /**
   * The words a speaker's name is compared by, joined as its entry's key, and its block (null
   * for unnamed sources: their block is their file's). Names recur (130,000 speakers of 10,000
   * files go by 60,000 names), so each name is worked out once.
   */
  private shapeOf(speaker: DigestSpeaker): NameShape {
    let byName = this.shapes.get(speaker.kind);
    if (!byName) this.shapes.set(speaker.kind, (byName = new Map()));
    let shape = byName.get(speaker.name);
    if (!shape) {
      if (byName.size >= SHAPES_LIMIT) byName.clear();
      const normalized = normalizeName(speaker.kind === 'organization' ? speaker.name.replace(/^the\s+/i, '') : speaker.name);
      const words = speaker.kind === 'person' ? nameWords(normalized) : normalized.split(' ').filter(Boolean);
      const key = words.join(' ');
      const block = speaker.kind === 'person' ? `p:${(words[words.length - 1] ?? '').slice(0, PREFIX)}` : speaker.kind === 'organization' ? `o:${key}` : null;
      byName.set(speaker.name, (shape = { words, key, block }));
    }
    return shape;
  }

  /**
   * Brings a block up to date after members came and went under `touched` names: the names
   * that appeared or disappeared are clustered (speakerClusters.ts), the speakers that changed
   * are named again. Adds to `changed` the files whose members now belong to a speaker of
   * another id or name.
   */
  private refresh(blockKey: string, touched: readonly NameEntry[], changed: Set<string>): void {
    const block = this.blocks.get(blockKey);
    if (!block) return;
    const empty = touched.filter((e) => e.members.size === 0);
    for (const e of empty) block.names.delete(e.key);
    // A deferred name can come and go before it was ever clustered: nothing to take apart.
    const removed = empty.filter((e) => e.cluster);
    const added = touched.filter((e) => e.members.size > 0 && !e.cluster);
    const kept = touched.filter((e) => e.members.size > 0 && e.cluster);
    const recounted = kept.filter((e) => this.filesChanged(e));
    const change = block.people ? block.people.update(added, removed, recounted) : this.single(block, added, removed, kept);
    for (const c of change.retired) if (this.clustersById.get(c.id) === c) this.clustersById.delete(c.id);
    for (const c of change.touched) {
      changedMembers(c);
      for (const e of c.names) e.cluster = c;
    }
    for (const e of change.moved) for (const p of e.files.keys()) changed.add(p);
    // Names that kept their members' files keep their speaker, but a speaker's name follows how often each form is used.
    const renamed = new Set(change.touched);
    for (const e of kept) if (e.cluster && !change.retired.has(e.cluster)) renamed.add(e.cluster);
    this.rename(renamed, changed);
    if (block.names.size === 0) this.blocks.delete(blockKey);
  }

  /** Organisations and unnamed sources: a block is one name, and one speaker. */
  private single(block: Block, added: readonly NameEntry[], removed: readonly NameEntry[], kept: readonly NameEntry[]): ClusteringChange<Cluster> {
    const change: ClusteringChange<Cluster> = { moved: new Set(added), touched: new Set(), retired: new Set() };
    for (const e of removed) if (e.cluster) change.retired.add(e.cluster);
    for (const e of added) change.touched.add(newCluster(block.kind, e));
    for (const e of kept) change.touched.add(e.cluster as Cluster);
    return change;
  }

  /**
   * Gives clusters the name their members use most and an id that fits it, keeping the id
   * they have while it still fits. Adds the files of renamed clusters to `changed`.
   */
  private rename(clusters: ReadonlySet<Cluster>, changed: Set<string>): void {
    const renamed: Cluster[] = [];
    for (const c of clusters) {
      const name = canonicalName(c.kind, c.names);
      if (name === c.name && c.id) continue;
      c.name = name;
      c.described = null;
      renamed.push(c);
    }
    // Ids are freed before they are given, so two clusters can trade names in one update.
    const bases = new Map(renamed.map((c) => [c, this.baseId(c)]));
    for (const c of renamed) {
      if (c.id && !idFits(c.id, bases.get(c) as string)) {
        if (this.clustersById.get(c.id) === c) this.clustersById.delete(c.id);
        c.id = '';
      }
    }
    for (const c of renamed) {
      if (!c.id) c.id = this.uniqueId(bases.get(c) as string);
      this.clustersById.set(c.id, c);
      for (const e of c.names) for (const p of e.files.keys()) changed.add(p);
    }
  }

  private baseId(c: Cluster): string {
    const prefix = c.kind === 'person' ? 'person' : c.kind === 'organization' ? 'org' : c.kind === 'group' ? 'group' : 'anon';
    const first = c.names.values().next().value?.members.values().next().value;
    const local = (c.kind === 'anonymous' || c.kind === 'group') && first ? `${fileSlug(first.path)}:` : '';
    return `${prefix}:${local}${slug(c.name)}`;
  }

  private uniqueId(base: string): string {
    if (!this.clustersById.has(base)) return base;
    // Numbers go on from the last one given: unnamed sources' ids start with their file's name, which many folders repeat.
    let n = this.lastNumber.get(base) ?? 1;
    let id: string;
    do id = `${base}-${++n}`;
    while (this.clustersById.has(id));
    this.lastNumber.set(base, n);
    return id;
  }

  private describe(c: Cluster): Speaker {
    if (c.described) return c.described;
    const aliases = new Set<string>();
    const roles: SpeakerRole[] = [];
    const files = new Set<string>();
    let quoteCount = 0;
    for (const m of membersOf(c)) {
      files.add(m.path);
      quoteCount += m.quoteCount;
      for (const f of m.speaker.forms) if (f !== c.name) aliases.add(f);
      if (m.speaker.name !== c.name) aliases.add(m.speaker.name);
      for (const r of m.speaker.roles) roles.push({ text: r.text, path: m.path, start: r.start, end: r.end });
    }
    roles.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : a.start - b.start));
    c.described = { id: c.id, name: c.name, kind: c.kind, aliases: [...aliases].sort(), roles, files: [...files].sort(), quoteCount };
    return c.described;
  }
}


function changedMembers(c: Cluster): void {
  c.described = null;
}

function newCluster(kind: SpeakerKind, ...names: NameEntry[]): Cluster {
  return { id: '', kind, names: new Set(names), name: '', described: null };
}

function* membersOf(c: Cluster): Iterable<Member> {
  for (const e of c.names) yield* e.members;
}


/**
 * The name most used for a speaker, fullest first: "Mark Milley" over "Milley". Ties go to the
 * name that sorts first, so the name does not depend on the order files were read in.
 */
function canonicalName(kind: SpeakerKind, names: Iterable<NameEntry>): string {
  const score = new Map<string, number>();
  for (const e of names) for (const [name, n] of e.scores) score.set(name, (score.get(name) ?? 0) + n);
  let best = '';
  let bestKey: [number, number, number] = [-1, -1, -1];
  for (const [name, n] of score) {
    const words = kind === 'person' ? name.split(/\s+/).length : 0;
    const key: [number, number, number] = [Math.min(words, 2), n, name.length];
    const better = key[0] - bestKey[0] || key[1] - bestKey[1] || key[2] - bestKey[2] || (name < best ? 1 : -1);
    if (better > 0) {
      best = name;
      bestKey = key;
    }
  }
  return best;
}

/** A mention counts once at least: a speaker named only through a pronoun still has a name. */
function scoreOf(speaker: DigestSpeaker): number {
  return Math.max(1, speaker.mentionCount);
}

/** Adds `delta` to a tally, forgetting keys that reach zero. */
function count(tally: Map<string, number>, key: string, delta: number): void {
  const n = (tally.get(key) ?? 0) + delta;
  if (n > 0) tally.set(key, n);
  else tally.delete(key);
}


/** An id still fits a cluster when its name gives it, with or without a number to tell it apart. */
function idFits(id: string, base: string): boolean {
  return id === base || (id.startsWith(`${base}-`) && /^\d+$/.test(id.slice(base.length + 1)));
}

/** Slugs of names and file names, remembered. */
const slugs = new Map<string, string>();
/** Slugs remembered before the memo starts again. */
const SLUG_MEMO_LIMIT = 100_000;

function slug(s: string): string {
  let out = slugs.get(s);
  if (out === undefined) {
    if (slugs.size >= SLUG_MEMO_LIMIT) slugs.clear();
    out =
      normalizeName(s)
        .replace(/[^a-z0-9]+/g, '-')
        .replace(/^-+|-+$/g, '') || 'unnamed';
    slugs.set(s, out);
  }
  return out;
}

/** Slugs of file names by path (every unnamed source's id starts with its file's), remembered. */
const fileSlugs = new Map<string, string>();

function fileSlug(path: string): string {
  let out = fileSlugs.get(path);
  if (out === undefined) {
    if (fileSlugs.size >= SLUG_MEMO_LIMIT) fileSlugs.clear();
    const name = path.slice(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1);
    out = slug(name.replace(/\.[^.]+$/, ''));
    fileSlugs.set(path, out);
  }
  return out;
}
