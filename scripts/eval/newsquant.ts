import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseDocument } from '../../src/core/document';
import { findClaims, type Claim, type Hedge } from '../../src/core/claims';

// NewsQuant value F1: a gold quantity is found when Byline reports a claim in the same
// sentence with the same value (or, for a gold range, the same two ends). "value+hedge"
// also asks the hedge to agree with NewsQuant's `change`: `~` approximate, `>` a lower bound,
// `<` an upper bound; `=`, `up` and `down` (a change, which Byline does not model as a
// hedge) a number as written. Shares are percent in Byline and fractions in NewsQuant
// ("a third" = 0.333), so a percent value is also compared divided by 100.
//
// `claimThroughput` times findClaims alone (documents parsed beforehand) over a folder of
// articles: claims must not cost more than a small share of the engine's time budget.

interface GoldQuantity {
  change: string;
  value: string;
}

interface Item {
  text: string;
  quantities: GoldQuantity[];
}

export interface NewsQuantResult {
  lines: string[];
  gold: number;
  reported: number;
  valueF1: number;
  valueHedgeF1: number;
  precision: number;
  recall: number;
}

const HEDGES_OF_CHANGE: Readonly<Record<string, ReadonlyArray<Hedge | null>>> = {
  '=': [null, 'range', 'magnitude', 'ordinal'],
  up: [null, 'range', 'magnitude'],
  down: [null, 'range', 'magnitude'],
  '~': ['approximate'],
  '>': ['more-than', 'at-least'],
  '<': ['less-than', 'at-most', 'nearly'],
};

const NUMBER = String.raw`-?\d*\.?\d+(?:e-?\d+)?`;
const GOLD_VALUE = new RegExp(`^\\s*(${NUMBER})\\s*(?:-\\s*(${NUMBER}))?\\s*$`, 'i');

function goldInterval(value: string): [number, number] | null {
  const m = GOLD_VALUE.exec(value);
  if (!m) return null;
  const a = Number(m[1]);
  const b = m[2] === undefined ? a : Number(m[2]);
  return [Math.min(a, b), Math.max(a, b)];
}

const same = (a: number, b: number) => Math.abs(a - b) <= 1e-6 * Math.max(1, Math.abs(a), Math.abs(b));

function matches(claim: Claim, [lo, hi]: [number, number]): boolean {
  if (lo === hi) {
    if (claim.value === null) return false;
    return same(claim.value, lo) || (claim.unit === 'percent' && same(claim.value / 100, lo));
  }
  return claim.value === null && claim.low !== null && claim.high !== null && same(claim.low, lo) && same(claim.high, hi);
}

function f1(p: number, r: number): number {
  return p + r === 0 ? 0 : (2 * p * r) / (p + r);
}

export async function evaluateNewsQuant(file: string, verbose = false): Promise<NewsQuantResult> {
  const items = JSON.parse(fs.readFileSync(file, 'utf8')) as Item[];
  let gold = 0;
  let reported = 0;
  let found = 0;
  let foundWithHedge = 0;
  const misses: string[] = [];
  for (const item of items) {
    const claims = findClaims(parseDocument(item.text));
    reported += claims.length;
    const used = new Set<Claim>();
    for (const q of item.quantities) {
      gold++;
      const interval = goldInterval(q.value);
      const claim = interval && claims.find((c) => !used.has(c) && matches(c, interval));
      if (!claim) {
        if (verbose) misses.push(`  missed ${q.change} ${q.value}: ${item.text}`);
        continue;
      }
      used.add(claim);
      found++;
      if ((HEDGES_OF_CHANGE[q.change] ?? [null]).includes(claim.hedge)) foundWithHedge++;
      else if (verbose) misses.push(`  hedge ${q.change} vs ${claim.hedge} (${claim.text}): ${item.text}`);
    }
    if (verbose) for (const c of claims) if (!used.has(c)) misses.push(`  extra ${c.text} = ${c.value ?? `${c.low}-${c.high}`}: ${item.text}`);
  }
  const precision = reported ? found / reported : 0;
  const recall = gold ? found / gold : 0;
  const valueF1 = f1(precision, recall);
  const valueHedgeF1 = f1(reported ? foundWithHedge / reported : 0, gold ? foundWithHedge / gold : 0);
  const lines = [
    `NewsQuant (${path.basename(file)}): ${items.length} sentences, ${gold} gold quantities, ${reported} claims`,
    `  value        P ${precision.toFixed(3)}  R ${recall.toFixed(3)}  F1 ${valueF1.toFixed(3)}  (target ≥ 0.85)`,
    `  value+hedge  F1 ${valueHedgeF1.toFixed(3)}`,
    ...misses,
  ];
  return { lines, gold, reported, valueF1, valueHedgeF1, precision, recall };
}

export interface ThroughputResult {
  lines: string[];
  megabytesPerSecond: number;
}

/** Best of a few runs of findClaims over every .txt file in `dir`, after parsing them all. */
export async function claimThroughput(dir: string, runs = 3): Promise<ThroughputResult> {
  const texts = fs.readdirSync(dir).filter((f) => f.endsWith('.txt')).map((f) => fs.readFileSync(path.join(dir, f), 'utf8'));
  const docs = texts.map(parseDocument);
  const megabytes = texts.reduce((sum, t) => sum + Buffer.byteLength(t), 0) / 1e6;
  let best = Infinity;
  let claims = 0;
  for (let r = 0; r < runs; r++) {
    const started = process.hrtime.bigint();
    claims = 0;
    for (const doc of docs) claims += findClaims(doc).length;
    best = Math.min(best, Number(process.hrtime.bigint() - started) / 1e9);
  }
  const megabytesPerSecond = megabytes / best;
  return {
    lines: [`Claims throughput: ${texts.length} texts, ${megabytes.toFixed(1)} MB, ${claims} claims, ${megabytesPerSecond.toFixed(1)} MB/s (findClaims alone; target ≥ 2)`],
    megabytesPerSecond,
  };
}

if (require.main === module) {
  const root = path.resolve(__dirname, '..', '..', '..');
  const corpora = path.resolve(root, '..', 'shared', 'corpora');
  void (async () => {
    const quality = await evaluateNewsQuant(path.join(corpora, 'newsquant', 'dev.json'), process.argv.includes('--verbose'));
    const speed = await claimThroughput(path.join(corpora, 'polnear', 'data', 'train', 'text'));
    console.log([...quality.lines, ...speed.lines].join('\n'));
  })();
}
