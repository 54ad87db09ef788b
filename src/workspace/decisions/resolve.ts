import type { Span } from '../../core/types';
import { findAnchor } from './anchor';
import type { CheckedConflict, CheckedQuote, Decision, DecisionsFile, DifferentFigures, DifferentPerson, NotAQuote, Placed, SamePerson, SpeakerIs } from './types';

// Which decisions apply to one article, and where: each anchor looked for in the article's
// text as it is now. A decision whose words are gone is placed nowhere (span null): the
// front end reports it as stale.

/** The decisions about one article, placed in its text. */
export interface DocumentCorrections {
  notQuotes: Placed<NotAQuote>[];
  speakers: Placed<SpeakerIs>[];
  samePersons: Placed<SamePerson>[];
  differentPersons: Placed<DifferentPerson>[];
  checkedConflicts: Placed<CheckedConflict>[];
  checkedQuotes: Placed<CheckedQuote>[];
  /** Figures of this article kept apart from a figure of another. */
  differentFigures: Placed<DifferentFigures>[];
  /** Decisions of other articles that keep one of their figures apart from one of this article's (matched by its words). */
  apartFrom: DifferentFigures[];
  /** What the corrections are, as a string: the same string means the same corrections. */
  key: string;
}

/** One workspace folder's decisions file, as read. */
export interface DecisionsRoot {
  /** The folder, spelled as the workspace spells its documents' paths (a file URI in the server, a path in the CLI). */
  root: string;
  file: DecisionsFile;
}

/** Every folder's decisions, looked up by article. */
export class Decisions {
  private readonly byFile = new Map<string, Array<{ index: number; decision: Decision; root: string }>>();
  private readonly byOtherFile = new Map<string, DifferentFigures[]>();

  /**
   * `absolute`: how a document's path is made comparable with the roots; the CLI's paths are
   * as the user typed them (`articles/003.txt`), and it resolves them against its folder.
   */
  constructor(
    readonly roots: readonly DecisionsRoot[],
    private readonly absolute: (path: string) => string = (p) => p,
  ) {
    for (const { root, file } of roots) {
      for (const { index, decision } of file.decisions) {
        push(this.byFile, keyOf(root, fileOf(decision)), { index, decision, root });
        if (decision.decision === 'different-figures') push(this.byOtherFile, keyOf(root, decision.otherFile), decision);
      }
    }
  }

  /** A document's path relative to a root, as the decisions file names articles; null when it lies outside. */
  relative(root: string, path: string): string | null {
    return relativePath(root, this.absolute(path));
  }

  get size(): number {
    return this.roots.reduce((n, r) => n + r.file.decisions.length, 0);
  }

  /** The decisions about the article at `path` placed in `text`, or null when none is about it. */
  forDocument(path: string, text: string): DocumentCorrections | null {
    const mine: Array<{ index: number; decision: Decision }> = [];
    const apartFrom: DifferentFigures[] = [];
    for (const { root } of this.roots) {
      const relative = this.relative(root, path);
      if (relative === null) continue;
      mine.push(...(this.byFile.get(keyOf(root, relative)) ?? []));
      apartFrom.push(...(this.byOtherFile.get(keyOf(root, relative)) ?? []));
    }
    if (mine.length === 0 && apartFrom.length === 0) return null;
    const c: DocumentCorrections = { notQuotes: [], speakers: [], samePersons: [], differentPersons: [], checkedConflicts: [], checkedQuotes: [], differentFigures: [], apartFrom, key: '' };
    const place = (text_: { text: string; before: string }): Span | null => findAnchor(text, text_);
    for (const { index, decision: d } of mine) {
      switch (d.decision) {
        case 'not-a-quote':
          c.notQuotes.push({ index, decision: d, span: place(d.quote) });
          break;
        case 'speaker':
          c.speakers.push({ index, decision: d, span: place(d.quote) });
          break;
        case 'checked-quote':
          c.checkedQuotes.push({ index, decision: d, span: place(d.quote) });
          break;
        case 'checked-conflict':
          c.checkedConflicts.push({ index, decision: d, span: place(d.figure) });
          break;
        case 'different-figures':
          c.differentFigures.push({ index, decision: d, span: place(d.figure) });
          break;
        case 'same-person':
          c.samePersons.push({ index, decision: d, span: null });
          break;
        case 'different-person':
          c.differentPersons.push({ index, decision: d, span: null });
          break;
      }
    }
    c.key = JSON.stringify([c.notQuotes, c.speakers, c.samePersons, c.differentPersons, c.checkedConflicts, c.checkedQuotes, c.differentFigures, c.apartFrom]);
    return c;
  }

}

/** The article a decision is about. */
export function fileOf(d: Decision): string {
  switch (d.decision) {
    case 'not-a-quote':
    case 'speaker':
    case 'checked-quote':
      return d.quote.file;
    case 'checked-conflict':
    case 'different-figures':
      return d.figure.file;
    case 'same-person':
    case 'different-person':
      return d.file;
  }
}

/** True when the decision changes the article's quotes or speakers (its analysis), not only what is shown. */
export function changesAnalysis(c: DocumentCorrections): boolean {
  return c.notQuotes.length + c.speakers.length + c.samePersons.length + c.differentPersons.length > 0;
}

/** A folder and an article in it, as a key: the article's path as the file writes it, without `./` or doubled slashes. */
function keyOf(root: string, relative: string): string {
  return `${root}\u0000${relative.replace(/\\/g, '/').split('/').filter((p) => p !== '' && p !== '.').join('/')}`;
}

/** `path` relative to `root` with `/` between folders, as the decisions file names articles; null when it lies outside. */
export function relativePath(root: string, path: string): string | null {
  // File URIs are compared decoded: the editor and Node encode some characters differently.
  const decoded = (u: string) => (u.startsWith('file:') ? safeDecode(normalize(u)) : u);
  const r = decoded(root).replace(/[\\/]$/, '');
  const p = decoded(path);
  if (!p.startsWith(r) || (p[r.length] !== '/' && p[r.length] !== '\\')) return null;
  const rest = p.slice(r.length + 1);
  return rest.replace(/\\/g, '/');
}

/** One spelling of a file URI: VS Code writes `file:///c%3A/…` where Node writes `file:///C:/…`. */
function normalize(path: string): string {
  if (!path.startsWith('file:')) return path;
  return path.replace(/^file:\/\/\/([A-Za-z])(%3A|:)/i, (_m, drive: string) => `file:///${drive.toLowerCase()}:`);
}

function safeDecode(u: string): string {
  try {
    return decodeURIComponent(u);
  } catch {
    return u;
  }
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
