import { analyzeDocument, type AnalysisOptions, type DocumentAnalysis } from '../core/analyze';
import type { Diagnostic, DiagnosticCode, Severity } from '../core/types';
import { ClaimIndex, type Conflict } from './claimIndex';
import { apartKeys, changesAnalysis, correctAnalysis, stale, type Decisions, type DocumentCorrections, type StaleDecision } from './decisions';
import { sameWords } from './decisions/stale';
import { contentHash } from './contentHash';
import { quoteDiagnostics } from './quoteDiagnostics';
import { quoteVariantDiagnostics } from './quotes/diagnostics';
import { QuoteVariantIndex } from './quotes/quoteVariantIndex';
import { digestOf, type DocumentDigest } from './digest';
import { traitsOf, type ClaimTraits } from './claims/compare';
import { DEFAULT_SEVERITIES, type Severities } from './severity';
import { SpeakerIndex } from './speakerIndex';
import { StringPool } from './strings';

// The workspace index: every document's digest (its analysis when someone looks at it), and
// what holds across documents (one speaker list, claims linked to the same figure elsewhere).
// Front ends (CLI, language server) add, update and remove documents and ask for diagnostics;
// each change says which paths need their diagnostics published again. A document whose text
// has not changed is never analysed again.

export interface WorkspaceOptions {
  analysis?: AnalysisOptions;
  severities?: Severities;
  /** Extra relative slack when comparing figures (0.05 = 5%), beyond hedges and rounding. */
  numericTolerance?: number;
}

/** Reads back the analysis stored under a content hash (the on-disk cache), or null when it has none. */
export type AnalysisSource = (hash: string) => DocumentAnalysis | null;

/** What a document brings to the workspace: its text, and its analysis or the digest of it when they are known. */
export interface DocumentInput {
  path: string;
  text: string;
  /** The text's `hashOf`, when already computed (a worker thread computed it while reading the file). */
  hash?: string;
  analysis?: DocumentAnalysis;
  digest?: DocumentDigest;
}

/**
 * A document in the workspace. The indexes need only its digest; the whole analysis (every
 * quote's parts, mentions and cue) is kept when the document came with it (an edit) and is
 * otherwise read back when first asked for: from the analysis source by content hash, or, when
 * that has no entry (no cache; the cache deleted meanwhile), made again from the text.
 */
export class WorkspaceDocument {
  /** The reader's decisions about this document (byline.json), placed in its text; null when there are none. */
  private decided: DocumentCorrections | null = null;
  private corrected: { analysis?: DocumentAnalysis; digest?: DocumentDigest } = {};

  constructor(
    readonly path: string,
    readonly text: string,
    /** Content hash of the text and the analysis options; the key of the on-disk cache. */
    readonly hash: string,
    private readonly rawDigest: DocumentDigest,
    private whole: DocumentAnalysis | null,
    private readonly readBack: (doc: WorkspaceDocument) => DocumentAnalysis,
  ) {}

  /** The analysis as the engine made it, before any decision: what the cache holds, and what stale decisions are checked against. */
  get engineAnalysis(): DocumentAnalysis {
    return (this.whole ??= this.readBack(this));
  }

  /** The analysis with the reader's decisions applied. */
  get analysis(): DocumentAnalysis {
    const c = this.decided;
    if (!c || !changesAnalysis(c)) return this.engineAnalysis;
    return (this.corrected.analysis ??= correctAnalysis(this.engineAnalysis, c));
  }

  /** The digest the indexes hold: the engine's, or, when decisions change the quotes or speakers, the corrected analysis's. */
  get digest(): DocumentDigest {
    const c = this.decided;
    if (!c || !changesAnalysis(c)) return this.rawDigest;
    if (!this.corrected.digest) {
      const apart = apartKeys(this.engineAnalysis, c);
      const digest = digestOf(this.analysis);
      this.corrected.digest = { ...digest, speakers: digest.speakers.map((s) => (apart.has(s.key) ? { ...s, apart: true } : s)) };
    }
    return this.corrected.digest;
  }

  get corrections(): DocumentCorrections | null {
    return this.decided;
  }

  /** Applies other decisions; returns true when they differ from those applied. */
  correct(corrections: DocumentCorrections | null): boolean {
    if ((corrections?.key ?? '') === (this.decided?.key ?? '')) return false;
    this.decided = corrections;
    this.corrected = {};
    return true;
  }
}

export class Workspace {
  readonly speakers = new SpeakerIndex();
  readonly claims: ClaimIndex;
  /** Quotes in different files that are versions of one remark. */
  readonly quoteVariants = new QuoteVariantIndex();
  private readonly documents = new Map<string, WorkspaceDocument>();
  /** One copy of each short string of every digest kept (see strings.ts). */
  private readonly strings = new StringPool();
  /** Digests whose strings `prepare` shared already: `setMany` does not walk them again. */
  private readonly shared = new WeakSet<DocumentDigest>();
  /** Where analyses not kept in memory are read back from; set by the front end that has a cache. */
  private source: AnalysisSource | null = null;
  private analysisOptions: AnalysisOptions;
  private severities: Severities;
  /** The reader's decisions (byline.json of each folder), or null when there are none. */
  private decisions: Decisions | null = null;
  /** True while some decision checks a conflict: only then is a conflict looked at twice. */
  private anyChecked = false;
  /** See `linksOf`; emptied whenever the claim index changes. */
  private readonly claimLinks = new Map<string, ReturnType<ClaimIndex['linksOf']>>();

  constructor(options: WorkspaceOptions = {}) {
    this.analysisOptions = options.analysis ?? {};
    this.severities = options.severities ?? DEFAULT_SEVERITIES;
    this.claims = new ClaimIndex('warning', options.numericTolerance ?? 0);
  }

  /** Reads whole analyses back from `source` when a document only has its digest in memory. */
  readAnalysesFrom(source: AnalysisSource | null): void {
    this.source = source;
  }

  /** The key a document's analysis is stored under: its text and the options that shape it. */
  hashOf(text: string): string {
    return contentHash(text, this.analysisOptions);
  }

  /**
   * Adds or replaces a document. `analysis` may come from a cache or another thread; it must
   * be the analysis of `text` under this workspace's options. Returns the paths whose
   * diagnostics may have changed.
   */
  set(path: string, text: string, analysis?: DocumentAnalysis): Set<string> {
    return this.setMany([{ path, text, analysis }]);
  }

  /**
   * Adds or replaces several documents, as a scan does: the speakers of all of them are
   * merged in one step (see SpeakerIndex.setMany). A document comes with its analysis, or its
   * digest only (a scan reading the cache: the analysis is read back when asked for), or
   * neither (it is analysed here). Returns the paths whose diagnostics may have changed.
   *
   * With `deferSpeakers`, the speakers are clustered later, by `settle` (SpeakerIndex.setMany):
   * what a scan does, once its last file is merged. Paths that change then are returned by `settle`.
   */
  setMany(documents: readonly DocumentInput[], deferSpeakers = false): Set<string> {
    this.claimLinks.clear();
    const changed = new Set<string>();
    const added: WorkspaceDocument[] = [];
    for (const input of documents) {
      const hash = input.hash ?? this.hashOf(input.text);
      if (this.documents.get(input.path)?.hash === hash) continue;
      const analysis = input.analysis ?? (input.digest ? null : analyzeDocument(input.text, this.analysisOptions));
      const digest = input.digest ?? digestOf(analysis as DocumentAnalysis);
      if (!this.shared.delete(digest)) this.strings.shareDigest(digest);
      const doc = new WorkspaceDocument(input.path, input.text, hash, digest, analysis, (d) => this.readBack(d));
      doc.correct(this.decisions?.forDocument(input.path, input.text) ?? null);
      // Figures kept apart: the old text's links are taken apart under the old text's decisions (see setDecisions).
      if (this.claims.keptApart) for (const p of this.claims.remove(input.path)) changed.add(p);
      this.documents.set(input.path, doc);
      added.push(doc);
      for (const p of this.claims.set(input.path, digest.claims, digest.claimTraits)) changed.add(p);
      // A checked figure quiets the other side of its conflicts too: those files are published again.
      if (this.anyChecked) for (const l of this.claims.linksOf(input.path).flat()) changed.add(l.path);
      for (const p of this.quoteVariants.set(input.path, doc.digest.quotes)) changed.add(p);
    }
    const speakers = added.map((d) => ({ path: d.path, speakers: d.digest.speakers, quotes: d.digest.quotes }));
    for (const p of this.withQuotePartners(this.speakers.setMany(speakers, deferSpeakers))) changed.add(p);
    return changed;
  }

  /**
   * Does ahead what `setMany` would do on its caller's thread for a document analysed elsewhere,
   * a step at a time, each of about `sliceMs` milliseconds: its claims' traits and strings
   * shared, their members and links (ClaimIndex.stage), its digest, its quotes' words read and
   * compared (QuoteVariantIndex.stage).
   * A front end that must answer requests meanwhile (the language server) runs a step per turn,
   * then passes the digest it returns to `setMany` with the analysis, whose merge then finds the
   * work done. Nothing here changes what the index holds: a document given up meanwhile costs
   * only the work.
   */
  *prepare(path: string, analysis: DocumentAnalysis, sliceMs: number): Generator<void, DocumentDigest, void> {
    // Each claim's traits, and its strings shared (StringPool.shareDigest, a claim at a time).
    const traits: ClaimTraits[] = [];
    const claims = analysis.claims;
    for (let at = 0; at < claims.length; yield) {
      const until = Date.now() + sliceMs;
      do {
        const t = traitsOf(claims[at]);
        this.strings.shareClaim(claims[at++], t);
        traits.push(t);
      } while (at < claims.length && (at % PREPARE_CHECK !== 0 || Date.now() < until));
    }
    yield;
    yield* this.claims.stage(path, claims, traits, sliceMs);
    yield;
    const digest = digestOf(analysis, traits);
    this.strings.shareSpeakers(digest.speakers);
    this.shared.add(digest);
    yield;
    yield* this.quoteVariants.stage(path, digest.quotes, sliceMs);
    return digest;
  }

  /**
   * Applies the reader's decisions (null: none), to the documents there are and those to come.
   * Returns the paths whose diagnostics may have changed: those whose decisions changed, and the
   * others their quotes, speakers and figures are linked with.
   */
  setDecisions(decisions: Decisions | null): Set<string> {
    this.claimLinks.clear();
    const next = decisions && decisions.size > 0 ? decisions : null;
    const changed = new Set<string>();
    const corrections = new Map<WorkspaceDocument, DocumentCorrections | null>();
    for (const doc of this.documents.values()) {
      const c = next?.forDocument(doc.path, doc.text) ?? null;
      if ((c?.key ?? '') !== (doc.corrections?.key ?? '')) corrections.set(doc, c);
    }
    // The figures' links are taken apart under the old decisions (the claim index counts the
    // links it made), then made again under the new ones, once every document has its own:
    // whether two figures are kept apart depends on both documents' decisions.
    for (const doc of corrections.keys()) for (const p of this.claims.remove(doc.path)) changed.add(p);
    this.decisions = next;
    this.anyChecked = next?.roots.some((r) => r.file.decisions.some((d) => d.decision.decision === 'checked-conflict')) ?? false;
    // Consulted for every pair of figures compared: set only while some decision keeps figures apart.
    const apart = next?.roots.some((r) => r.file.decisions.some((d) => d.decision.decision === 'different-figures')) ?? false;
    this.claims.keptApart = apart ? (x, y) => this.keptApart(x, y) || this.keptApart(y, x) : null;
    for (const [doc, c] of corrections) doc.correct(c);
    const speakers: Array<{ path: string; speakers: DocumentDigest['speakers']; quotes: DocumentDigest['quotes'] }> = [];
    for (const doc of corrections.keys()) {
      changed.add(doc.path);
      const digest = doc.digest;
      for (const p of this.claims.set(doc.path, digest.claims, digest.claimTraits)) changed.add(p);
      for (const l of this.claims.linksOf(doc.path).flat()) changed.add(l.path);
      for (const p of this.quoteVariants.set(doc.path, digest.quotes)) changed.add(p);
      speakers.push({ path: doc.path, speakers: digest.speakers, quotes: digest.quotes });
    }
    for (const p of this.withQuotePartners(this.speakers.setMany(speakers))) changed.add(p);
    return changed;
  }

  /** True when a decision about `x`'s document keeps its figure apart from `y`'s (matched by the words `y`'s document gives). */
  private keptApart(x: { path: string; claim: { start: number; end: number } }, y: { path: string; claim: { start: number; end: number } }): boolean {
    const here = this.documents.get(x.path)?.corrections;
    if (!here || here.differentFigures.length === 0) return false;
    const there = this.documents.get(y.path);
    const apartFrom = there?.corrections?.apartFrom;
    if (!there || !apartFrom) return false;
    return here.differentFigures.some(
      (d) => d.span !== null && d.span.start < x.claim.end && x.claim.start < d.span.end && apartFrom.some((o) => sameDecision(o, d.decision)) && sameWords(there.text.slice(y.claim.start, y.claim.end), d.decision.otherFigure),
    );
  }

  /**
   * The reader's "Checked: keep this conflict quiet" that covers the figure at `start`..`end`,
   * with its note: a decision on this figure, or on the figures of other files it disagrees with,
   * when every one of them was checked (a checked conflict is quiet on both sides). Null when none.
   */
  checkedConflict(path: string, start: number, end: number): { note: string | null } | null {
    if (!this.anyChecked) return null;
    const own = this.ownCheck(path, start, end);
    if (own) return own;
    const claims = this.claims.claimsOf(path);
    const i = claims.findIndex((c) => c.start < end && start < c.end);
    if (i < 0) return null;
    const disputed = (this.linksOf(path)[i] ?? []).filter((l) => l.relation !== 'agrees');
    if (disputed.length === 0) return null;
    const checks = disputed.map((l) => this.ownCheck(l.path, l.start, l.end));
    return checks.every((c) => c !== null) ? checks[0] : null;
  }

  /** Every conflicting pair, without those a reader checked and asked to keep quiet. */
  conflicts(): Conflict[] {
    const all = this.claims.conflicts();
    if (!this.anyChecked) return all;
    return all.filter((c) => !this.ownCheck(c.a.path, c.a.start, c.a.end) && !this.ownCheck(c.b.path, c.b.start, c.b.end));
  }

  /** How many conflicting pairs there are, without those a reader checked: counted from the checked figures, not by walking every pair. */
  conflictCount(): number {
    const all = this.claims.conflictCount();
    if (!this.anyChecked) return all;
    const quiet = new Set<string>();
    for (const doc of this.documents.values()) {
      const checked = doc.corrections?.checkedConflicts ?? [];
      if (checked.length === 0) continue;
      const claims = this.claims.claimsOf(doc.path);
      const links = this.linksOf(doc.path);
      claims.forEach((c, i) => {
        if (!checked.some(({ span }) => span !== null && span.start < c.end && c.start < span.end)) return;
        for (const l of links[i] ?? []) {
          if (l.relation !== 'conflicts') continue;
          const here = `${doc.path}\u0000${c.start}`;
          const there = `${l.path}\u0000${l.start}`;
          quiet.add(here < there ? `${here}\u0001${there}` : `${there}\u0001${here}`);
        }
      });
    }
    return Math.max(0, all - quiet.size);
  }

  /**
   * The claim index's links of a file's claims, kept until the index changes: the tokens and
   * diagnostics of a file ask for each of its figures, and working out a file's links once per
   * figure made that quadratic.
   */
  private linksOf(path: string): ReturnType<ClaimIndex['linksOf']> {
    let links = this.claimLinks.get(path);
    if (!links) this.claimLinks.set(path, (links = this.claims.linksOf(path)));
    return links;
  }

  /** A "Checked" decision on this very figure. */
  private ownCheck(path: string, start: number, end: number): { note: string | null } | null {
    const placed = this.documents.get(path)?.corrections?.checkedConflicts.find((p) => p.span !== null && p.span.start < end && start < p.span.end);
    return placed ? { note: placed.decision.note ?? null } : null;
  }

  /** Without the conflicts and quotes' versions a reader checked and asked to keep quiet (byline.json). */
  private quieted(path: string, diagnostics: Diagnostic[], c: DocumentCorrections | null): Diagnostic[] {
    const checkedQuotes = c?.checkedQuotes ?? [];
    if (!this.anyChecked && checkedQuotes.length === 0) return diagnostics;
    return diagnostics.filter((d) => {
      if (CLAIM_CODES.includes(d.code)) return !this.checkedConflict(path, d.start, d.end);
      if (VARIANT_CODES.includes(d.code)) return !checkedQuotes.some(({ span }) => span !== null && span.start < d.end && d.start < span.end);
      return true;
    });
  }

  /** Decisions that no longer find what they were about, for the front end to report. */
  staleDecisions(): StaleDecision[] {
    if (!this.decisions) return [];
    const byRoot = new Map<string, Map<string, WorkspaceDocument>>();
    for (const { root } of this.decisions.roots) {
      const docs = new Map<string, WorkspaceDocument>();
      for (const doc of this.documents.values()) {
        const relative = this.decisions.relative(root, doc.path);
        if (relative !== null) docs.set(relative, doc);
      }
      byRoot.set(root, docs);
    }
    return stale(this.decisions, (root, file) => {
      const doc = byRoot.get(root)?.get(file.replace(/\\/g, '/').replace(/^(\.\/)+/, ''));
      return doc ? { text: doc.text, analysis: doc.engineAnalysis } : null;
    });
  }

  /** A speaker renamed or merged in some files changes whether the other versions of their quotes are given to someone else. */
  private withQuotePartners(paths: Set<string>): Set<string> {
    for (const p of this.quoteVariants.partnersOf(paths)) paths.add(p);
    return paths;
  }

  /** A document's whole analysis, for one that has only its digest in memory. */
  private readBack(doc: WorkspaceDocument): DocumentAnalysis {
    return this.source?.(doc.hash) ?? analyzeDocument(doc.text, this.analysisOptions);
  }

  /** Clusters speakers deferred by `setMany` (at most `maxBlocks` blocks of names); returns the paths whose diagnostics may have changed. */
  settle(maxBlocks?: number): Set<string> {
    return this.withQuotePartners(this.speakers.settle(maxBlocks));
  }

  /** Blocks of speaker names deferred by `setMany` and not clustered yet. */
  get unsettled(): number {
    return this.speakers.unsettled;
  }

  remove(path: string): Set<string> {
    this.claimLinks.clear();
    if (!this.documents.delete(path)) return new Set();
    const changed = this.withQuotePartners(this.speakers.remove(path));
    for (const p of this.claims.remove(path)) changed.add(p);
    for (const p of this.quoteVariants.remove(path)) changed.add(p);
    changed.delete(path);
    return changed;
  }

  has(path: string): boolean {
    return this.documents.has(path);
  }

  get(path: string): WorkspaceDocument | undefined {
    return this.documents.get(path);
  }

  paths(): string[] {
    return [...this.documents.keys()].sort();
  }

  get size(): number {
    return this.documents.size;
  }

  /** Changing how diagnostics are shown republishes every document; changing the analysis re-analyses them. */
  configure(options: WorkspaceOptions): Set<string> {
    if (options.severities) this.severities = options.severities;
    const analysis = options.analysis ?? this.analysisOptions;
    if (JSON.stringify(analysis) !== JSON.stringify(this.analysisOptions)) {
      this.analysisOptions = analysis;
      for (const doc of [...this.documents.values()]) this.set(doc.path, doc.text);
    }
    return new Set(this.documents.keys());
  }

  /**
   * The document's diagnostics; with `codes`, only those (a closed file shows only what needs
   * attention, and naming every quote's speaker for 10,000 closed files is wasted work).
   */
  diagnostics(path: string, codes?: ReadonlySet<DiagnosticCode>): Diagnostic[] {
    const doc = this.documents.get(path);
    if (!doc) return [];
    const claimCodes = CLAIM_CODES.filter((c) => this.severities[c] !== 'off' && (!codes || codes.has(c)));
    const conflicts =
      claimCodes.length === 0
        ? []
        : this.claims
            .diagnostics(path)
            .filter((d) => claimCodes.includes(d.code))
            .map((d) => ({ ...d, severity: this.severities[d.code] as Severity }));
    // A closed file's diagnostics need no quote: they come from the digest, and its analysis stays on disk.
    const quotesShown = !codes || QUOTE_CODES.some((c) => codes.has(c));
    const { quotes, problems } = quotesShown ? doc.analysis : { quotes: [], problems: doc.digest.problems };
    const variantSeverities = codes ? { ...this.severities, ...Object.fromEntries(VARIANT_CODES.filter((c) => !codes.has(c)).map((c) => [c, 'off'])) } : this.severities;
    const variants = quoteVariantDiagnostics(path, this.quoteVariants, this.speakers, variantSeverities);
    const all = this.quieted(path, [...quoteDiagnostics(path, quotes, problems, this.speakers, this.severities), ...conflicts, ...variants], doc.corrections);
    return (codes ? all.filter((d) => codes.has(d.code)) : all).sort((a, b) => a.start - b.start || a.end - b.end);
  }
}

/** `prepare` looks at the clock every this many claims. */
const PREPARE_CHECK = 64;

/** The same decision, read from the file now or before (each reading makes new objects). */
function sameDecision(a: object, b: object): boolean {
  return a === b || JSON.stringify(a) === JSON.stringify(b);
}

/** The codes of the diagnostics the claim index makes. */
const CLAIM_CODES: readonly DiagnosticCode[] = ['conflicting-claim', 'updated-claim'];

/** The codes of the diagnostics on quotes that other files quote too. */
const VARIANT_CODES: readonly DiagnosticCode[] = ['quote-differs', 'quote-speaker-differs'];

/** The codes of the diagnostics that name a quote's speaker. */
const QUOTE_CODES: readonly DiagnosticCode[] = ['quote', 'reported-speech', 'unattributed-quote'];
