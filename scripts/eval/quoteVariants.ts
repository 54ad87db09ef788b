import * as fs from 'node:fs';
import * as path from 'node:path';
import type { QuoteRelation } from '../../src/workspace/quotes/compare';
import type { QuoteVersion } from '../../src/workspace/quotes/quoteVariantIndex';
import { Workspace } from '../../src/workspace/workspace';

// Quotes compared across files, in numbers: every pair of versions the index links in a
// folder, and, against hand-written expected pairs (test/fixtures/quotes-compared/), the
// precision and recall of `worded-differently` and of the same words (`verbatim`, `part-of`).
// Shared by `npm run eval` and the test suite.

export interface ExpectedPair {
  a: [string, string];
  b: [string, string];
  relation: QuoteRelation;
  speakerDiffers?: boolean;
}

export interface FoundPair {
  a: QuoteVersion;
  b: QuoteVersion;
  relation: QuoteRelation;
  speakerDiffers: boolean;
}

export interface Score {
  found: number;
  expected: number;
  right: number;
}

export interface VariantScores {
  worded: Score;
  same: Score;
  /** Pairs linked that are not expected, or expected and not linked, or linked with the wrong relation. */
  wrong: string[];
}

export function loadFolder(dir: string): Workspace {
  const ws = new Workspace();
  for (const name of fs.readdirSync(dir).filter((n) => n.endsWith('.txt')).sort()) ws.set(name, fs.readFileSync(path.join(dir, name), 'utf8'));
  return ws;
}

/** Every linked pair once, with whether the two versions' speakers differ. */
export function foundPairs(ws: Workspace): FoundPair[] {
  return ws.quoteVariants.pairs().map(({ a, b, link }) => {
    const x = ws.speakers.speakerOf(a.path, a.speakerKey);
    const y = ws.speakers.speakerOf(b.path, b.speakerKey);
    return { a, b, relation: link.relation, speakerDiffers: !!x && !!y && x.id !== y.id };
  });
}

export function readExpected(file: string): ExpectedPair[] {
  return (JSON.parse(fs.readFileSync(file, 'utf8')) as { pairs: ExpectedPair[] }).pairs;
}

const isSame = (r: QuoteRelation) => r !== 'worded-differently';

export function scoreVariants(found: readonly FoundPair[], expected: readonly ExpectedPair[]): VariantScores {
  const at = (v: QuoteVersion, [file, words]: [string, string]) => v.path === file && v.text.startsWith(words);
  const matchOf = (f: FoundPair) => expected.find((e) => (at(f.a, e.a) && at(f.b, e.b)) || (at(f.a, e.b) && at(f.b, e.a)));
  const worded: Score = { found: 0, expected: expected.filter((e) => e.relation === 'worded-differently').length, right: 0 };
  const same: Score = { found: 0, expected: expected.length - worded.expected, right: 0 };
  const wrong: string[] = [];
  const matched = new Set<ExpectedPair>();
  for (const f of found) {
    const score = isSame(f.relation) ? same : worded;
    score.found++;
    const e = matchOf(f);
    const label = `${f.a.path} “${f.a.text.slice(0, 40)}” ~ ${f.b.path} “${f.b.text.slice(0, 40)}”`;
    if (!e) {
      wrong.push(`linked, not expected (${f.relation}): ${label}`);
      continue;
    }
    matched.add(e);
    if (isSame(e.relation) === isSame(f.relation)) score.right++;
    if (e.relation !== f.relation) wrong.push(`${f.relation}, expected ${e.relation}: ${label}`);
    if (!!e.speakerDiffers !== f.speakerDiffers) wrong.push(`speaker ${f.speakerDiffers ? 'differs' : 'the same'}, expected ${e.speakerDiffers ? 'another' : 'the same'}: ${label}`);
  }
  for (const e of expected) if (!matched.has(e)) wrong.push(`not linked (${e.relation}): ${e.a[0]} “${e.a[1]}” ~ ${e.b[0]} “${e.b[1]}”`);
  return { worded, same, wrong };
}

function pr(s: Score): string {
  const p = s.found === 0 ? 1 : s.right / s.found;
  const r = s.expected === 0 ? 1 : s.right / s.expected;
  return `precision ${(100 * p).toFixed(0)}% (${s.right}/${s.found}), recall ${(100 * r).toFixed(0)}% (${s.right}/${s.expected})`;
}

/** The eval's lines: the pairs linked on the samples, then the scores on the fixtures. */
export function evaluateQuoteVariants(samples: string | null, fixtures: string): string[] {
  const lines: string[] = [];
  if (samples) {
    const pairs = foundPairs(loadFolder(samples));
    lines.push(`Quotes compared across files (kherson-talks): ${pairs.length} pair${pairs.length === 1 ? '' : 's'} of versions linked`);
    for (const f of pairs) {
      lines.push(`  ${f.relation}${f.speakerDiffers ? ' (another speaker)' : ''}: ${f.a.path.slice(0, 3)} “${clip(f.a.text)}” ~ ${f.b.path.slice(0, 3)} “${clip(f.b.text)}”`);
    }
  }
  const expected = readExpected(path.join(fixtures, 'expected.json'));
  const scores = scoreVariants(foundPairs(loadFolder(fixtures)), expected);
  lines.push(`Quotes compared, hand-written fixtures (${expected.length} expected pairs): worded-differently ${pr(scores.worded)}; verbatim/part-of ${pr(scores.same)}`);
  for (const w of scores.wrong) lines.push(`  ${w}`);
  return lines;
}

function clip(text: string): string {
  return text.length <= 60 ? text : `${text.slice(0, 57)}…`;
}
