import { describe } from '../workspace/claims/compare';
import type { Claim, NotComparable } from '../core/claims';
import type { Quote } from '../core/types';
import type { RelatedClaim } from '../workspace/claimIndex';
import type { Speaker } from '../workspace/speakerIndex';
import type { Workspace } from '../workspace/workspace';
import { labelName, placeLabel } from '../shared/names';
import { plural } from '../shared/plural';
import { fileName } from '../shared/uris';
import type { Found } from './lookup';
import { diffRuns, differingPhrases } from '../workspace/quotes/diff';
import { relationLabel } from '../workspace/quotes/diagnostics';
import type { QuoteLink, QuoteVersion } from '../workspace/quotes/quoteVariantIndex';

// Hover cards, in Markdown. A quote's card says who spoke, the roles the articles give them
// and where else they are quoted; a claim's card says what the figure counts and what every
// other file says about the same thing. Every file is a link that opens it at the place.

/** At most this many files are listed on a card; the rest are counted. */
const MAX_FILES = 8;
/** At most this many roles are listed on a card. */
const MAX_ROLES = 6;
/** At most this many other versions are listed on a quote's card (those worded differently first); the rest are counted. */
const MAX_VERSIONS = 8;
/** At most this many other files' figures are listed on a claim's card (conflicts first); the rest are counted. */
const MAX_FIGURES = 12;

export type LineOf = (uri: string, offset: number) => number | null;

export function hoverMarkdown(workspace: Workspace, uri: string, found: Found, lineOf: LineOf): string {
  switch (found.kind) {
    case 'claim': {
      const card = claimCard(found.claim, workspace.claims.linksOf(uri)[found.index] ?? [], lineOf, workspace.get(uri)?.text ?? '');
      const checked = workspace.checkedConflict(uri, found.claim.start, found.claim.end);
      return checked ? `${card}\n\n---\nChecked in byline.json: the conflict is kept quiet${checked.note ? ` (“${escape(checked.note)}”)` : ''}.` : card;
    }
    case 'quote':
      return quoteCard(workspace, uri, found.quote, found.speaker, lineOf);
    case 'speaker':
      return speakerCard(workspace, found.speaker, lineOf, true);
  }
}

function quoteCard(workspace: Workspace, uri: string, quote: Quote, speaker: Speaker | null, lineOf: LineOf): string {
  const what = quote.kind === 'indirect' ? 'Reported speech' : quote.kind === 'partial' ? 'Partial quote' : 'Quote';
  if (!speaker) return `**${what}** — no speaker found nearby.\n\nByline found no attribution cue (such as *said* or *according to*) for these words.`;
  const versions = versionsSection(workspace, uri, quote, speaker, lineOf);
  const lines = [speakerCard(workspace, speaker, lineOf, false)];
  const a = quote.attribution;
  if (a) {
    const how = a.via === 'continuation' ? 'continues the previous quote' : a.via === 'pronoun' ? `“${a.mention?.text}” refers to ${speaker.name}` : a.via === 'description' ? `“${a.mention?.text}” is ${speaker.name}` : a.via === 'decision' ? 'speaker set in byline.json' : a.via === 'nearby' ? `no verb of speech links it to anyone; ${speaker.name} is the person named nearby` : null;
    const cue = a.cue ? `cue *${escape(a.cue.text)}*` : null;
    const parts = [how, cue].filter(Boolean);
    lines.push(`---\n${what}${parts.length ? ': ' + parts.join('; ') : ''}.`);
  }
  if (versions) lines.push(versions);
  return lines.join('\n\n');
}

/**
 * The quote's other versions in other files, each with the words it has and this one has not
 * in bold, and this one's words it has not struck through.
 */
function versionsSection(workspace: Workspace, uri: string, quote: Quote, speaker: Speaker, lineOf: LineOf): string | null {
  const entry = workspace.quoteVariants.entryAt(uri, quote.start, quote.end);
  if (!entry || entry.links.length === 0) return null;
  const { version: here, links } = entry;
  const rows = links.slice(0, MAX_VERSIONS).map((l) => versionRow(workspace, l, speaker, here, lineOf));
  if (links.length > MAX_VERSIONS) rows.push(`- and ${links.length - MAX_VERSIONS} more (Go to References lists them all)`);
  return `---\n**${plural(links.length, 'other version')}** of these words:\n\n${rows.join('\n')}`;
}

function versionRow(workspace: Workspace, l: QuoteLink, speaker: Speaker, here: QuoteVersion, lineOf: LineOf): string {
  const other = l.other;
  const there = workspace.speakers.speakerOf(other.path, other.speakerKey);
  const text = diffRuns(other.text, other.words, l.differentThere)
    .map((r) => (r.differs ? `**${escape(r.text)}**` : escape(r.text)))
    .join('');
  const by = there && there.id !== speaker.id ? ` — ⚠ given to **${escape(there.name)}**` : '';
  const missing = differingPhrases(here.text, here.words, l.differentHere);
  const notThere = missing.length > 0 ? ` — not there: ${missing.map((m) => `~~${escape(m)}~~`).join(', ')}` : '';
  return `- ${relationLabel(l.relation, other)} in ${link(fileName(other.path), other.path, lineOf(other.path, other.start))}: “${text}”${by}${notThere}`;
}

export function speakerCard(workspace: Workspace, speaker: Speaker, lineOf: LineOf, withAliases: boolean): string {
  const lines: string[] = [`**${escape(labelName(speaker.name))}**${speaker.kind === 'person' ? '' : ` · ${kindLabel(speaker.kind)}`}`];
  const roles = distinctRoles(speaker);
  if (roles.length > 0) {
    lines.push(
      'Roles in the articles: ' +
        roles
          .slice(0, MAX_ROLES)
          .map((r) => `${escape(r.text)} (${link(fileName(r.path), r.path, lineOf(r.path, r.start))})`)
          .join(' · ') +
        (roles.length > MAX_ROLES ? ` · and ${roles.length - MAX_ROLES} more` : ''),
    );
  }
  const quotes = workspace.speakers.quotesOf(speaker.id);
  if (quotes.length > 0) {
    const byFile = new Map<string, number[]>();
    for (const q of quotes) {
      const starts = byFile.get(q.path);
      if (starts) starts.push(q.quote.start);
      else byFile.set(q.path, [q.quote.start]);
    }
    const files = [...byFile].slice(0, MAX_FILES).map(([p, starts]) => `${link(fileName(p), p, lineOf(p, starts[0]))} (${starts.length})`);
    const more = byFile.size > MAX_FILES ? ` · and ${byFile.size - MAX_FILES} more files` : '';
    lines.push(`**${plural(quotes.length, 'quote')}** in ${plural(byFile.size, 'file')}: ${files.join(' · ')}${more}`);
  } else {
    lines.push('No quotes in the workspace.');
  }
  if (withAliases && speaker.aliases.length > 0) lines.push(`Also named: ${speaker.aliases.map(escape).join(', ')}`);
  return lines.join('\n\n');
}

/** `text`: the article's text, where the words Byline keeps in lower case are found as written. */
function claimCard(claim: Claim, links: readonly RelatedClaim[], lineOf: LineOf, text: string): string {
  const description = claimDescription(claim, text);
  const lines = [description ? `**${escape(claim.text)}** — ${escape(description)}` : `**${escape(claim.text)}**`];
  if (!claim.comparable) {
    lines.push(`Not compared with other files${claim.notComparable ? ` (${NOT_COMPARABLE[claim.notComparable]})` : ''}.`);
    return lines.join('\n\n');
  }
  if (links.length === 0) {
    lines.push('No other file gives a figure for the same thing.');
    return lines.join('\n\n');
  }
  const sorted = [...links].sort((a, b) => RELATION_ORDER[a.relation] - RELATION_ORDER[b.relation] || a.path.localeCompare(b.path));
  lines.push(`Other files on the same thing: ${tally(links)}.`);
  const rows = sorted.slice(0, MAX_FIGURES).map((l) => `- ${RELATION_LABEL[l.relation]}: ${link(`“${l.text}” in ${fileName(l.path)}`, l.path, lineOf(l.path, l.start))}`);
  if (sorted.length > MAX_FIGURES) rows.push(`- and ${sorted.length - MAX_FIGURES} more (Go to References lists them all)`);
  lines.push(rows.join('\n'));
  return lines.join('\n\n');
}

/** "20 conflicting figures and 10 that agree", "1 figure that agrees": the zero side is left out. */
function tally(links: readonly RelatedClaim[]): string {
  const count = (r: RelatedClaim['relation']) => links.filter((l) => l.relation === r).length;
  const agreeing = count('agrees');
  const agree = `that ${agreeing === 1 ? 'agrees' : 'agree'}`;
  const parts = [
    count('conflicts') > 0 ? plural(count('conflicts'), 'conflicting figure') : null,
    count('updates') > 0 ? `${plural(count('updates'), 'report')} of another day` : null,
  ].filter((p): p is string => p !== null);
  if (parts.length === 0) return `${plural(agreeing, 'figure')} ${agree}`;
  if (agreeing > 0) parts.push(`${agreeing} ${agree}`);
  return parts.length > 1 ? `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}` : parts[0];
}

const NOT_COMPARABLE: Record<NotComparable, string> = {
  change: 'a change over a period',
  share: 'too little to say what it counts',
  question: 'asked, not asserted',
  'per-item': 'a figure for each of several things',
  threshold: 'a bound on what another figure counts',
};

const RELATION_ORDER: Record<RelatedClaim['relation'], number> = { conflicts: 0, updates: 1, agrees: 2 };
const RELATION_LABEL: Record<RelatedClaim['relation'], string> = { conflicts: '⚠ **conflicts**', updates: '↻ reported on another day', agrees: '✓ agrees' };

/** How Byline read a figure's scope (src/core/claims/scope.ts), for a reader who wonders why it was or was not compared. */
const SCOPES: Record<string, string | null> = {
  whole: null,
  cumulative: 'a running total',
  incident: 'the toll of one incident',
  separate: 'a separate incident (compared with nothing)',
  part: 'a part of a larger whole',
  estimate: 'a projection, not a count',
};

function claimDescription(c: Claim, text: string): string {
  const parts: string[] = [];
  // "100,000 — 100,000": the interval is left out when it only says the figure again.
  const range = interval(c);
  if (asFigure(range) !== asFigure(c.text)) parts.push(range);
  const what = c.counted === null && c.measure === null ? describe(c) : [c.counted, c.measure].filter(Boolean).join(', ');
  if (what && what !== 'figure') parts.push(what);
  if (c.place) parts.push(`in ${placeLabel(c.place)}`);
  const person = c.frame.person;
  // Whose fall it is, as Byline read it: the falls of two climbers are two figures.
  if (person) parts.push(person.name ? `of ${labelName(person.name)}${person.age !== null ? `, ${person.age}` : ''}` : `of someone aged ${person.age}`);
  if (c.when) parts.push(asWritten(c.when, text));
  const scope = SCOPES[c.frame.scope];
  if (scope) parts.push(scope);
  if (c.frame.source) parts.push(`according to ${c.frame.source}`);
  return parts.join(' · ');
}

/** A figure as a reader compares two: "20,000 to 30,000" and "20,000–30,000" are one, quotation marks aside. */
function asFigure(figure: string): string {
  return figure
    .toLowerCase()
    .replace(/["“”]/g, '')
    .replace(/\s*(?:–|-|\bto\b)\s*/g, '–')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Words Byline keeps in lower case ("world war i"), as the article writes them ("World War I"), when it does. */
function asWritten(words: string, text: string): string {
  const at = text.toLowerCase().indexOf(words.toLowerCase());
  return at < 0 ? words : text.slice(at, at + words.length);
}

function interval(c: Claim): string {
  const unit = c.unit && c.unit !== 'people' ? ` ${c.unit}` : '';
  const n = (x: number) => x.toLocaleString('en-US', { maximumFractionDigits: 2 });
  // "as many as 40,000" is read as 0 to 40,000; a reader knows it as "up to 40,000".
  if (c.low === 0 && c.high !== null && c.high > 0) return `up to ${n(c.high)}${unit}`;
  if (c.low !== null && c.high !== null && c.low !== c.high) return `${n(c.low)}–${n(c.high)}${unit}`;
  if (c.low !== null && c.high === null) return `at least ${n(c.low)}${unit}`;
  if (c.low === null && c.high !== null) return `at most ${n(c.high)}${unit}`;
  if (c.value !== null) return `${n(c.value)}${unit}`;
  return 'a figure';
}

function distinctRoles(speaker: Speaker) {
  const seen = new Set<string>();
  return speaker.roles.filter((r) => {
    const key = r.text.toLowerCase();
    if (seen.has(key) || key === speaker.name.toLowerCase()) return false;
    seen.add(key);
    return true;
  });
}

function kindLabel(kind: Speaker['kind']): string {
  return kind === 'organization' ? 'organisation' : kind === 'group' ? 'unnamed group' : 'unnamed source';
}

/** A Markdown link that opens a file at a line (VS Code reads `#L12` in file links). */
function link(label: string, uri: string, line: number | null): string {
  return `[${escape(label)}](${uri}${line !== null ? `#L${line + 1}` : ''})`;
}

function escape(text: string): string {
  return text.replace(/[\\`*_[\]<>]/g, (c) => `\\${c}`);
}
