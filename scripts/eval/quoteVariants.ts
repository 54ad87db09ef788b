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

/**
 * Every pair of versions of one remark in the sample workspace (kherson-talks), as a reader
 * finds them. Reported speech that holds a quotation is compared through the quotation.
 * "initial indicators" is given in 004 to the military, in 003 to Milley: the articles differ.
 */
export const KHERSON_VARIANTS: ExpectedPair[] = [
  { a: ['000', 'The probability of a Ukrainian military victory'], b: ['002', 'But Kherson and Kharkiv'], relation: 'part-of' },
  { a: ['000', 'You want to negotiate'], b: ['002', 'You want to negotiate'], relation: 'part-of' },
  { a: ['001', 'Both sides must come'], b: ['003', "there's also an opportunity"], relation: 'worded-differently' },
  { a: ['001', 'Both sides must come'], b: ['003', 'is maybe not achievable'], relation: 'worded-differently' },
  { a: ['001', 'Both sides must come'], b: ['004', 'there is an opportunity'], relation: 'worded-differently' },
  { a: ['001', 'Both sides must come'], b: ['004', 'cannot be achieved'], relation: 'worded-differently' },
  { a: ['003', 'Same thing probably'], b: ['004', 'probably on the Ukrainian side'], relation: 'part-of' },
  { a: ['003', 'There has been a tremendous'], b: ['004', 'There was tremendous'], relation: 'worded-differently' },
  { a: ['003', 'The initial indicators'], b: ['004', 'I believe they are doing this'], relation: 'worded-differently' },
  { a: ['003', 'The initial indicators'], b: ['004', 'initial indicators'], relation: 'part-of', speakerDiffers: true },
  { a: ['003', "there's also an opportunity"], b: ['004', 'there is an opportunity'], relation: 'worded-differently' },
  { a: ['003', 'mutual recognition'], b: ['004', 'mutual recognition'], relation: 'verbatim' },
  { a: ['003', 'is maybe not achievable'], b: ['004', 'cannot be achieved'], relation: 'worded-differently' },
];

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
  // A file is named by its name or, in the samples, the prefix of its name ("003").
  const at = (v: QuoteVersion, [file, words]: [string, string]) => v.path.startsWith(file) && v.text.startsWith(words);
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
    const ws = loadFolder(samples);
    const pairs = foundPairs(ws);
    const s = scoreVariants(pairs, KHERSON_VARIANTS);
    lines.push(`Quotes compared across files (kherson-talks): ${pairs.length} pair${pairs.length === 1 ? '' : 's'} of versions linked; worded-differently ${pr(s.worded)}; verbatim/part-of ${pr(s.same)}`);
    for (const f of pairs) {
      lines.push(`  ${f.relation}${f.speakerDiffers ? ' (another speaker)' : ''}: ${f.a.path.slice(0, 3)} “${clip(f.a.text)}” ~ ${f.b.path.slice(0, 3)} “${clip(f.b.text)}”`);
    }
    for (const w of s.wrong) lines.push(`  ${w}`);
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
