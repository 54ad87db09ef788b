import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseDocument } from '../../src/core/document';
import { findClaims, type Claim } from '../../src/core/claims';
import { compared, groupKey, personOf, relationOf, sameStoryOf, tooFarApart } from '../../src/workspace/claims/compare';
import { compatibleScopes } from '../../src/core/claims/frame';
import { ClaimIndex } from '../../src/workspace/claimIndex';

// Why Byline misses the gold links of ecbplus (../shared/corpora/ecbplus): for every gold pair
// of figures in two files and one group that Byline does not link, the first reason on the way
// to a link — no claim over the figure, a claim not compared (no group key), two group keys, or
// one key but the pair judged another story or thing. Prints the counts per reason and, per
// gold group, its figures with how Byline read them, the groups that miss most first.
// Usage: node out/scripts/dev/ecbMisses.js [event] [groups to show]; GROUP=g8 or REASON=… prints
// the pairs of one group or one reason; KEYS=1 names the two group keys; NULLS=1, NOCLAIM=1 below;
// CONFLICTS=1 lists the gold disagreements Byline does not report as conflicts, and why.

interface GoldFigure { id: string; file: string; start: number; end: number; text: string; group: string | null; value: string | null }
interface GoldEvent { groups: Record<string, { what: string; overTime?: boolean }>; figures: GoldFigure[] }

const root = path.resolve(__dirname, '..', '..', '..', '..', 'shared', 'corpora', 'ecbplus');
const [only, shown = '12'] = process.argv.slice(2);
const reasons = new Map<string, number>();
const conflictReasons = new Map<string, number>();
const report: Array<{ missed: number; lines: string[] }> = [];

for (const event of fs.readdirSync(path.join(root, 'events')).sort()) {
  if (only && event !== only) continue;
  const goldFile = path.join(root, 'gold', `${event}.json`);
  if (!fs.existsSync(goldFile)) continue;
  const gold = JSON.parse(fs.readFileSync(goldFile, 'utf8')) as GoldEvent;
  const index = new ClaimIndex();
  const claimsOf = new Map<string, Claim[]>();
  const texts = new Map<string, string>();
  for (const f of fs.readdirSync(path.join(root, 'events', event)).filter((f) => f.endsWith('.txt'))) {
    const text = fs.readFileSync(path.join(root, 'events', event, f), 'utf8');
    const claims = findClaims(parseDocument(text));
    texts.set(f, text);
    claimsOf.set(f, claims);
    index.set(f, claims);
  }
  const claimOf = (g: GoldFigure) => (claimsOf.get(g.file) ?? []).find((c) => g.start >= c.start && g.end <= c.end) ?? null;
  const linked = (x: GoldFigure, y: GoldFigure, cx: Claim, cy: Claim) => {
    const i = (claimsOf.get(x.file) ?? []).indexOf(cx);
    return index.linksOf(x.file)[i]?.some((l) => l.path === y.file && l.start === cy.start) ?? false;
  };
  const groups = new Map<string, GoldFigure[]>();
  for (const g of gold.figures) if (g.group) groups.set(g.group, [...(groups.get(g.group) ?? []), g]);
  for (const [group, figures] of groups) {
    let missed = 0;
    for (let i = 0; i < figures.length; i++) {
      for (let j = i + 1; j < figures.length; j++) {
        const [x, y] = [figures[i], figures[j]];
        if (x.file === y.file) continue;
        const [cx, cy] = [claimOf(x), claimOf(y)];
        let reason: string | null;
        if (cx === null || cy === null) reason = 'no claim';
        else if (linked(x, y, cx, cy)) reason = null;
        else if (groupKey(cx) === null || groupKey(cy) === null) reason = `not compared (${[cx, cy].filter((c) => groupKey(c) === null).map((c) => c.notComparable ?? 'says too little').join(', ')})`;
        else if (groupKey(cx) !== groupKey(cy)) reason = process.env.KEYS ? `two keys: ${[groupKey(cx), groupKey(cy)].sort().join('  ~  ')}` : 'two group keys';
        else reason = `one key: ${whyApart(cx, cy)}`;
        if (process.env.CONFLICTS && x.value !== y.value && !gold.groups[group].overTime) {
          // CONFLICTS=1: every gold disagreement and how Byline read it.
          const found = reason === null && cx && cy ? (index.linksOf(x.file)[(claimsOf.get(x.file) ?? []).indexOf(cx)] ?? []).find((l) => l.path === y.file && l.start === cy.start)?.relation : null;
          const why = found ?? reason;
          conflictReasons.set(why ?? '?', (conflictReasons.get(why ?? '?') ?? 0) + 1);
          if (why !== 'conflicts') console.log(`  ${event} ${group} ${why}: ${x.file} '${x.text}' ${x.value} / ${y.file} '${y.text}' ${y.value}  [${gold.groups[group].what.slice(0, 60)}]`);
        }
        if (reason === null) continue;
        missed++;
        reasons.set(reason, (reasons.get(reason) ?? 0) + 1);
        if (process.env.GROUP === group || (process.env.REASON && reason.includes(process.env.REASON))) console.log(`  ${reason}: ${x.file} '${x.text}' ${x.value} / ${y.file} '${y.text}' ${y.value}`);
      }
    }
    if (missed === 0) continue;
    const lines = [`${event} ${group} (${missed} pairs missed): ${gold.groups[group].what}`];
    for (const g of figures) {
      const c = claimOf(g);
      const text = texts.get(g.file) ?? '';
      const around = text.slice(Math.max(0, g.start - 60), g.end + 50).replace(/\s+/g, ' ');
      const read = c === null ? 'NO CLAIM' : `key=${groupKey(c) ?? 'null'} place=${c.place} scope=${c.frame.scope} ctx=${c.context.join(',')}`;
      lines.push(`    ${g.file.replace(/\.txt$/, '')} '${g.text}' ${g.value}  «${around}»\n        ${read}`);
    }
    report.push({ missed, lines });
  }
}
if (process.env.CONFLICTS) console.log([...conflictReasons].sort((a, b) => b[1] - a[1]).map(([r, n]) => `${String(n).padStart(5)}  ${r}`).join('\n'));
console.log([...reasons].sort((a, b) => b[1] - a[1]).map(([r, n]) => `${String(n).padStart(5)}  ${r}`).join('\n'));
for (const r of report.sort((a, b) => b.missed - a.missed).slice(0, Number(shown))) console.log(r.lines.join('\n'));

/** The first test of the claim index that keeps two claims of one group apart. */
function whyApart(x: Claim, y: Claim): string {
  if (!compatibleScopes(x.frame.scope, y.frame.scope)) return `scopes ${[x.frame.scope, y.frame.scope].sort().join('/')}`;
  const [a, b] = x.frame.qualifiers.length <= y.frame.qualifiers.length ? [x, y] : [y, x];
  if (!a.frame.qualifiers.every((q) => b.frame.qualifiers.includes(q))) return 'qualifiers';
  const [cx, cy] = [compared(x), compared(y)];
  if (x.place !== y.place) {
    if (x.place !== null && y.place !== null) return 'two places';
  }
  if (x.frame.day !== null && y.frame.day !== null && x.frame.day !== y.frame.day) return 'two days';
  if (!sameStoryOf(cx, cy) && !sameStoryOf(cy, cx)) return x.place !== y.place ? 'place vs none' : 'another story';
  if (tooFarApart(cx, cy)) return 'too far apart';
  if (relationOf(cx, cy) === 'agrees') return 'agree, dropped?';
  if (x.hedge === 'magnitude' || y.hedge === 'magnitude') return 'differ, one an order of magnitude';
  if (x.frame.qualifiers.length !== y.frame.qualifiers.length) return 'differ, narrowed unalike';
  if (cx.numbered || cy.numbered) return 'differ, counts known by number';
  if (personOf(x, y) === 'maybe') return 'differ, maybe two people';
  return 'differ, a file with two readings';
}

/**
 * Every gold figure of a group that spans two files or more, with the claim over it (if any)
 * and the words around it: what NULLS and NOCLAIM list.
 */
function eachLinkedFigure(visit: (event: string, what: string, g: GoldFigure, c: Claim | undefined, around: string) => void): void {
  for (const event of fs.readdirSync(path.join(root, 'events')).sort()) {
    const gold = JSON.parse(fs.readFileSync(path.join(root, 'gold', `${event}.json`), 'utf8')) as GoldEvent;
    const files = new Map<string, Set<string>>();
    for (const g of gold.figures) if (g.group) files.set(g.group, (files.get(g.group) ?? new Set()).add(g.file));
    const read = new Map<string, { text: string; claims: Claim[] }>();
    for (const g of gold.figures) {
      if (!g.group || (files.get(g.group)?.size ?? 0) < 2) continue;
      let file = read.get(g.file);
      if (file === undefined) {
        const text = fs.readFileSync(path.join(root, 'events', event, g.file), 'utf8');
        read.set(g.file, (file = { text, claims: findClaims(parseDocument(text)) }));
      }
      const c = file.claims.find((c) => g.start >= c.start && g.end <= c.end);
      visit(event, gold.groups[g.group].what, g, c, file.text.slice(Math.max(0, g.start - 70), g.end + 50).replace(/\s+/g, ' '));
    }
  }
}

// NULLS=1: the figures whose claim is not compared, with how Byline read them.
if (process.env.NULLS) {
  eachLinkedFigure((event, what, g, c, around) => {
    if (c !== undefined && groupKey(c) === null) console.log(`${event} ${g.group} [${what.slice(0, 50)}] '${c.text}' dim=${c.frame.dimension} what=${c.frame.what} counted=${c.counted} measure=${c.measure} nc=${c.notComparable} «${around}»`);
  });
}

// NOCLAIM=1: the figures no claim covers.
if (process.env.NOCLAIM) {
  eachLinkedFigure((event, what, g, c, around) => {
    if (c === undefined) console.log(`${event} ${g.group} [${what.slice(0, 40)}] '${g.text}' «${around}»`);
  });
}
