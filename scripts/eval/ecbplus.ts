import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseDocument } from '../../src/core/document';
import { findClaims, type Claim } from '../../src/core/claims';
import { ClaimIndex } from '../../src/workspace/claimIndex';
import type { Relation } from '../../src/workspace/claims/compare';

// Figures compared across real coverage of one event (../shared/corpora/ecbplus, read in
// place): each event folder is indexed on its own, as a reporter's folder on one story, and
// Byline's cross-file links between figures are scored against the hand-made groups. The
// definitions are the corpus README's:
//   link recall      of the gold pairs (two files, one group), the share Byline links;
//   link precision   of Byline's links, the share whose two figures are in one gold group;
//   conflict recall  of the gold pairs of one group with different letters (the group not
//                    overTime), the share Byline reports as conflicting;
//   conflict precision  of Byline's conflicts, the share that are gold disagreements or
//                    differences within an overTime group.
// A Byline claim stands for the gold figure whose span it covers (its first, for a range).

interface GoldFigure {
  id: string;
  file: string;
  start: number;
  end: number;
  text: string;
  group: string | null;
  value: string | null;
  why?: string;
}

interface GoldEvent {
  event: string;
  groups: Record<string, { what: string; overTime?: boolean; note?: string }>;
  figures: GoldFigure[];
}

export interface Counts {
  goldLinks: number;
  linksFound: number;
  links: number;
  linksRight: number;
  goldConflicts: number;
  conflictsFound: number;
  conflicts: number;
  conflictsRight: number;
  /** Byline's links that say one report updates another, and those whose figures are in one gold group. */
  updates: number;
  updatesRight: number;
}

export interface EventResult {
  name: string;
  counts: Counts;
  /** Readable lines: false alarms, wrong links, missed disagreements. */
  details: string[];
}

const emptyCounts = (): Counts => ({ goldLinks: 0, linksFound: 0, links: 0, linksRight: 0, goldConflicts: 0, conflictsFound: 0, conflicts: 0, conflictsRight: 0, updates: 0, updatesRight: 0 });

interface Found {
  a: Claim & { path: string };
  b: Claim & { path: string };
  relation: Relation;
}

/** Every cross-file link of an index, once per pair. */
function linksOf(index: ClaimIndex): Found[] {
  const out: Found[] = [];
  for (const p of index.paths()) {
    const claims = index.claimsOf(p);
    index.linksOf(p).forEach((links, i) => {
      for (const l of links) {
        if (p > l.path) continue;
        const other = index.claimsOf(l.path).find((c) => c.start === l.start && c.end === l.end);
        if (other) out.push({ a: { ...claims[i], path: p }, b: { ...other, path: l.path }, relation: l.relation });
      }
    });
  }
  return out;
}

export function evaluateEvent(eventDir: string, goldFile: string): EventResult {
  const gold = JSON.parse(fs.readFileSync(goldFile, 'utf8')) as GoldEvent;
  const name = path.basename(eventDir);
  const texts = new Map<string, string>();
  const index = new ClaimIndex();
  for (const f of fs.readdirSync(eventDir).filter((f) => f.endsWith('.txt')).sort()) {
    const text = fs.readFileSync(path.join(eventDir, f), 'utf8');
    texts.set(f, text);
    index.set(f, findClaims(parseDocument(text)));
  }
  const figuresOf = new Map<string, GoldFigure[]>();
  for (const g of gold.figures) {
    const list = figuresOf.get(g.file) ?? [];
    list.push(g);
    figuresOf.set(g.file, list);
  }
  /** The gold figure a claim stands for: the first whose span lies inside the claim's. */
  const figureOf = (c: Claim & { path: string }): GoldFigure | null =>
    (figuresOf.get(c.path) ?? []).find((g) => g.start >= c.start && g.end <= c.end) ?? null;
  const counts = emptyCounts();
  const details: string[] = [];
  const show = (c: Claim & { path: string }) => `${c.path.replace(/\.txt$/, '')} '${c.text}' «${sentenceAround(texts.get(c.path) ?? '', c.start, c.end)}»`;

  const pairKey = (x: GoldFigure, y: GoldFigure) => (x.id < y.id ? `${x.id}|${y.id}` : `${y.id}|${x.id}`);
  const found = linksOf(index);
  const linked = new Map<string, Relation>();
  for (const l of found) {
    const fa = figureOf(l.a);
    const fb = figureOf(l.b);
    counts.links++;
    const right = fa !== null && fb !== null && fa.group !== null && fa.group === fb.group;
    if (right) counts.linksRight++;
    if (fa && fb) linked.set(pairKey(fa, fb), l.relation);
    if (l.relation === 'conflicts') {
      counts.conflicts++;
      const goodConflict = right && fa.value !== fb.value;
      if (goodConflict) counts.conflictsRight++;
      if (!goodConflict) details.push(`  FALSE ALARM  ${show(l.a)}\n               ${show(l.b)}\n               gold: ${describeGold(fa, gold)} / ${describeGold(fb, gold)}`);
    } else if (l.relation === 'updates') {
      counts.updates++;
      if (right) counts.updatesRight++;
      else details.push(`  wrong update ${show(l.a)}\n               ${show(l.b)}\n               gold: ${describeGold(fa, gold)} / ${describeGold(fb, gold)}`);
    } else if (!right) {
      details.push(`  wrong link   ${show(l.a)}\n               ${show(l.b)}\n               gold: ${describeGold(fa, gold)} / ${describeGold(fb, gold)}`);
    }
  }

  const byGroup = new Map<string, GoldFigure[]>();
  for (const g of gold.figures) if (g.group) byGroup.set(g.group, [...(byGroup.get(g.group) ?? []), g]);
  for (const [group, figures] of byGroup) {
    for (let i = 0; i < figures.length; i++) {
      for (let j = i + 1; j < figures.length; j++) {
        const x = figures[i];
        const y = figures[j];
        if (x.file === y.file) continue;
        counts.goldLinks++;
        const rel = linked.get(pairKey(x, y));
        if (rel !== undefined) counts.linksFound++;
        if (x.value !== y.value && !gold.groups[group].overTime) {
          counts.goldConflicts++;
          if (rel === 'conflicts') counts.conflictsFound++;
          else details.push(`  missed disagreement (${rel ?? 'not linked'}) on ${gold.groups[group].what}: ${x.file.replace(/\.txt$/, '')} '${x.text}' (${x.value}) / ${y.file.replace(/\.txt$/, '')} '${y.text}' (${y.value})`);
        }
      }
    }
  }
  return { name, counts, details };
}

function describeGold(g: GoldFigure | null, gold: GoldEvent): string {
  if (g === null) return 'no gold figure';
  if (g.group === null) return `not a quantity (${g.why || g.text})`;
  return `${g.group} ${g.value}: ${gold.groups[g.group].what}`;
}

function sentenceAround(text: string, start: number, end: number): string {
  const from = Math.max(text.lastIndexOf('\n', start - 1) + 1, start - 90);
  const lineEnd = text.indexOf('\n', end);
  const to = Math.min(lineEnd < 0 ? text.length : lineEnd, end + 60);
  return text.slice(from, to).replace(/\s+/g, ' ');
}

const ratio = (n: number, d: number) => (d === 0 ? '—' : (n / d).toFixed(3));

export function formatEcbplus(results: EventResult[], verbose: boolean): string[] {
  const lines = [
    'Figures across real coverage (ecbplus; one event folder at a time)',
    '  event        link R  link P   (gold, found / links, right)   conflict R  conflict P  (gold, found / conflicts, right)   updates (right)',
  ];
  const total = emptyCounts();
  for (const r of results) {
    const c = r.counts;
    for (const k of Object.keys(total) as Array<keyof Counts>) total[k] += c[k];
    lines.push(row(r.name, c));
  }
  lines.push(row('total', total));
  if (verbose) for (const r of results) if (r.details.length) lines.push(`  ${r.name}:`, ...r.details);
  return lines;
}

function row(name: string, c: Counts): string {
  return `  ${name.padEnd(12)} ${ratio(c.linksFound, c.goldLinks).padStart(6)}  ${ratio(c.linksRight, c.links).padStart(6)}   (${c.goldLinks}, ${c.linksFound} / ${c.links}, ${c.linksRight})`.padEnd(72) +
    `${ratio(c.conflictsFound, c.goldConflicts).padStart(8)}  ${ratio(c.conflictsRight, c.conflicts).padStart(10)}  (${c.goldConflicts}, ${c.conflictsFound} / ${c.conflicts}, ${c.conflictsRight})`.padEnd(52) +
    `${c.updates} (${c.updatesRight})`;
}

export function evaluateEcbplus(corpusDir: string): EventResult[] {
  const events = path.join(corpusDir, 'events');
  return fs
    .readdirSync(events)
    .sort()
    .filter((e) => fs.existsSync(path.join(corpusDir, 'gold', `${e}.json`)))
    .map((e) => evaluateEvent(path.join(events, e), path.join(corpusDir, 'gold', `${e}.json`)));
}

if (require.main === module) {
  const root = path.resolve(__dirname, '..', '..', '..');
  const corpus = path.resolve(root, '..', 'shared', 'corpora', 'ecbplus');
  const only = process.argv[2];
  const results = evaluateEcbplus(corpus).filter((r) => !only || r.name === only);
  console.log(formatEcbplus(results, true).join('\n'));
}
