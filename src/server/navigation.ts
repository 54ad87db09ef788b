import type { SymbolInformation } from 'vscode-languageserver';
import { describe } from '../workspace/claims/compare';
import type { Workspace } from '../workspace/workspace';
import type { ClaimGroup, ConflictLocation, SpeakerQuote, SpeakerSummary, Utterance, UtteranceVersion, WireLocation } from '../shared/protocol';
import { differingPhrases } from '../workspace/quotes/diff';
import type { QuoteLink, QuoteVersion } from '../workspace/quotes/quoteVariantIndex';
import { labelName } from '../shared/names';
import { plural } from '../shared/plural';
import type { RangeOf } from './convert';

// Going from one place to another: every file's figure for the same thing (references),
// conflicts one after another, a speaker's quotes, speakers by name (workspace symbols),
// and the Byline view's lists (claims by what they measure, remarks quoted in several files).

/** The same figure in every file: the claim itself and every claim linked to it. */
export function claimReferences(workspace: Workspace, uri: string, index: number, rangeOf: RangeOf): WireLocation[] {
  const claim = workspace.get(uri)?.digest.claims[index];
  if (!claim) return [];
  const links = workspace.claims.linksOf(uri)[index] ?? [];
  return [{ path: uri, start: claim.start, end: claim.end }, ...links].flatMap((l) => located(l.path, l.start, l.end, rangeOf));
}

/** The same remark in every file: the quote itself and every other version of it; none when it has no other version. */
export function quoteReferences(workspace: Workspace, uri: string, start: number, end: number, rangeOf: RangeOf): WireLocation[] {
  const links = workspace.quoteVariants.linksAt(uri, start, end);
  if (links.length === 0) return [];
  return [{ path: uri, start, end }, ...links.map((l) => l.other)].flatMap((l) => located(l.path, l.start, l.end, rangeOf));
}

/** Every conflicting claim, in file and text order. */
export function conflictLocations(workspace: Workspace, rangeOf: RangeOf): ConflictLocation[] {
  const out: ConflictLocation[] = [];
  for (const uri of workspace.paths()) {
    for (const d of workspace.claims.diagnostics(uri)) {
      // A conflict the reader checked and asked to keep quiet (byline.json) is not stepped to.
      if (workspace.checkedConflict(uri, d.start, d.end)) continue;
      const range = rangeOf(uri, d.start, d.end);
      const doc = workspace.get(uri);
      if (range && doc) out.push({ uri, range, text: doc.text.slice(d.start, d.end), message: d.message });
    }
  }
  return out;
}

/** Speakers with at least one quote, most quoted first; `limit` (a positive count) keeps that many. */
export function speakerSummaries(workspace: Workspace, limit?: number): SpeakerSummary[] {
  const quoted = workspace.speakers.all().filter((s) => s.quoteCount > 0);
  return (typeof limit === 'number' && limit > 0 ? quoted.slice(0, limit) : quoted).map((s) => ({ id: s.id, name: s.name, kind: s.kind, quoteCount: s.quoteCount, files: s.files.length, roles: [...new Set(s.roles.map((r) => r.text))], aliases: s.aliases }));
}

export function speakerQuotes(workspace: Workspace, id: string, rangeOf: RangeOf): SpeakerQuote[] {
  return workspace.speakers.quotesOf(id).flatMap(({ path, quote }) => {
    const range = rangeOf(path, quote.start, quote.end);
    return range ? [{ uri: path, range, kind: quote.kind, text: quote.text }] : [];
  });
}

/** Speakers listed for one workspace-symbol query at most (the most quoted first). */
const MAX_SYMBOLS = 200;

/** Workspace symbols: speakers whose name or alias contains the query, at their first quote or role. */
export function speakerSymbols(workspace: Workspace, query: string, rangeOf: RangeOf): SymbolInformation[] {
  const q = query.toLowerCase();
  const matching = workspace.speakers.all().filter((s) => !q || [s.name, ...s.aliases].some((n) => n.toLowerCase().includes(q)));
  const out: SymbolInformation[] = [];
  for (const s of matching.slice(0, MAX_SYMBOLS)) {
    const first = s.quoteCount > 0 ? workspace.speakers.quotesOf(s.id)[0] : undefined;
    const place = first ? { path: first.path, start: first.quote.start, end: first.quote.end } : s.roles[0];
    if (!place) continue;
    const range = rangeOf(place.path, place.start, place.end);
    if (!range) continue;
    // SymbolKind: Object (19) for organisations, Constant (14) for unnamed sources, Class (5) for people.
    const kind = s.kind === 'person' ? 5 : s.kind === 'organization' ? 19 : 14;
    // VS Code filters the symbols it is given by their name: a speaker found by an alias ("Milli",
    // "Zelenskyy") carries it in the name, or the editor would drop it.
    const alias = q && !s.name.toLowerCase().includes(q) ? s.aliases.find((n) => n.toLowerCase().includes(q)) : undefined;
    const name = labelName(alias ? `${s.name} (also “${alias}”)` : s.name);
    out.push({ name, kind, location: { uri: place.path, range }, containerName: `${plural(s.quoteCount, 'quote')} · ${plural(s.files.length, 'file')}` });
  }
  return out;
}

/** Claims grouped by what they measure; groups with conflicts first, then the larger groups. */
export function claimGroups(workspace: Workspace, rangeOf: RangeOf): ClaimGroup[] {
  const groups = new Map<string, ClaimGroup>();
  for (const uri of workspace.paths()) {
    const claims = workspace.claims.claimsOf(uri);
    workspace.claims.standingOf(uri).forEach((standing, i) => {
      if (standing === null) return;
      const claim = claims[i];
      const range = rangeOf(uri, claim.start, claim.end);
      if (!range) return;
      // A conflict the reader checked (byline.json) is listed with its group, not counted as one.
      const { key } = standing;
      const conflicting = standing.conflicting && !workspace.checkedConflict(uri, claim.start, claim.end);
      let g = groups.get(key);
      if (!g) groups.set(key, (g = { label: describe(claim), conflicts: 0, claims: [] }));
      if (conflicting) g.conflicts++;
      const text = workspace.get(uri)?.text ?? '';
      g.claims.push({ uri, range, text: claim.text, conflicting, sentence: sentenceAround(text, claim.start, claim.end), source: claim.frame.source });
    });
  }
  return [...groups.values()].sort((a, b) => b.conflicts - a.conflicts || b.claims.length - a.claims.length || a.label.localeCompare(b.label));
}

/** A sentence longer than this is cut around the figure in a tooltip. */
const MAX_SENTENCE = 300;

/** The sentence a figure is in, within its paragraph: from the end of the sentence before to the end of its own. */
export function sentenceAround(text: string, start: number, end: number): string {
  const lineStart = Math.max(text.lastIndexOf('\n', start - 1) + 1, 0);
  const nextBreak = text.indexOf('\n', end);
  const lineEnd = nextBreak < 0 ? text.length : nextBreak;
  const before = text.slice(lineStart, start);
  const ends = [...before.matchAll(/[.!?]["”’]?\s+(?=\S)/g)];
  const from = lineStart + (ends.length > 0 ? ends[ends.length - 1].index + ends[ends.length - 1][0].length : 0);
  const after = /[.!?]["”’]?(?=\s|$)/.exec(text.slice(end, lineEnd));
  const to = after ? end + after.index + after[0].length : lineEnd;
  const sentence = text.slice(from, to).replace(/\s+/g, ' ').trim();
  return sentence.length > MAX_SENTENCE ? `${sentence.slice(0, MAX_SENTENCE - 1)}…` : sentence;
}

function located(uri: string, start: number, end: number, rangeOf: RangeOf): WireLocation[] {
  const range = rangeOf(uri, start, end);
  return range ? [{ uri, range }] : [];
}

/** A version's place in the index, as a key: the index's objects are its own business. */
const versionKey = (v: QuoteVersion) => `${v.path}#${v.start}:${v.end}`;
const RELATION_WEIGHT: Record<QuoteLink['relation'], number> = { verbatim: 0, 'part-of': 1, 'worded-differently': 2 };

/**
 * Remarks quoted in several files: the quote-variant index's versions, joined wherever two are
 * linked. Each lists its versions against the fullest one; those that differ (other words,
 * another speaker) come first, then those quoted in more files. `limit` keeps that many.
 */
export function utterances(workspace: Workspace, rangeOf: RangeOf, limit?: number): Utterance[] {
  const entries = new Map<string, { version: QuoteVersion; links: readonly QuoteLink[] }>();
  for (const uri of workspace.paths()) for (const entry of workspace.quoteVariants.versionsOf(uri)) entries.set(versionKey(entry.version), entry);
  // Versions joined through their links (a remark whose versions are not all linked pairwise is still one).
  const parent = new Map<string, string>();
  const root = (k: string): string => {
    let r = k;
    while (parent.has(r) && parent.get(r) !== r) r = parent.get(r) as string;
    parent.set(k, r);
    return r;
  };
  for (const [key, { links }] of entries) for (const l of links) if (entries.has(versionKey(l.other))) parent.set(root(versionKey(l.other)), root(key));
  const groups = new Map<string, Array<{ version: QuoteVersion; links: readonly QuoteLink[] }>>();
  for (const [key, entry] of entries) {
    const r = root(key);
    const g = groups.get(r);
    if (g) g.push(entry);
    else groups.set(r, [entry]);
  }
  const out: Utterance[] = [];
  for (const members of groups.values()) {
    const byPlace = [...members].sort((a, b) => a.version.path.localeCompare(b.version.path) || a.version.start - b.version.start);
    const fullest = byPlace.reduce((best, e) => (e.version.words.words.length > best.version.words.words.length ? e : best));
    const speakerOf = (v: QuoteVersion) => workspace.speakers.speakerOf(v.path, v.speakerKey);
    const mainSpeaker = speakerOf(fullest.version);
    const versions = [fullest, ...byPlace.filter((e) => e !== fullest)].flatMap(({ version, links }): UtteranceVersion[] => {
      const range = rangeOf(version.path, version.start, version.end);
      if (!range) return [];
      const speaker = speakerOf(version);
      const base = { uri: version.path, range, text: version.text, reported: version.kind === 'indirect', speaker: speaker ? labelName(speaker.name) : null, otherSpeaker: !!speaker && !!mainSpeaker && speaker.id !== mainSpeaker.id };
      if (version === fullest.version) return [{ ...base, relation: 'fullest', added: [], missing: [] }];
      // Seen from the fullest version when the two are linked; otherwise by the most different of its own links.
      const direct = links.find((l) => versionKey(l.other) === versionKey(fullest.version));
      if (!direct) {
        const worst = [...links].sort((a, b) => RELATION_WEIGHT[b.relation] - RELATION_WEIGHT[a.relation])[0];
        return [{ ...base, relation: worst.relation, added: [], missing: [] }];
      }
      return [{ ...base, relation: direct.relation, added: differingPhrases(version.text, version.words, direct.differentHere), missing: differingPhrases(direct.other.text, direct.other.words, direct.differentThere) }];
    });
    if (new Set(versions.map((v) => v.uri)).size < 2) continue;
    const differs = versions.some((v) => v.relation === 'worded-differently' || v.otherSpeaker);
    out.push({ speaker: mainSpeaker ? labelName(mainSpeaker.name) : null, differs, versions });
  }
  const files = (u: Utterance) => new Set(u.versions.map((v) => v.uri)).size;
  out.sort((a, b) => Number(b.differs) - Number(a.differs) || files(b) - files(a) || a.versions[0].uri.localeCompare(b.versions[0].uri) || a.versions[0].range.start.line - b.versions[0].range.start.line);
  return typeof limit === 'number' && limit > 0 ? out.slice(0, limit) : out;
}
