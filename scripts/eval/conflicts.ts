import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parseDocument } from '../../src/core/document';
import { findClaims } from '../../src/core/claims';
import { ClaimIndex } from '../../src/workspace/claimIndex';

// Conflicts across files, measured three ways:
//  1. the sample workspace (../shared/samples/kherson-talks): five reports that agree on every
//     figure they share — no conflict may be flagged, and the shared figures must be linked;
//  2. hand-written fixtures (test/fixtures/claims/conflicts/<case>/), each with expected pairs;
//  3. variants of the samples with some figures changed, written to a temporary folder at run
//     time (the articles are copyrighted and never stored in the repository).
// Precision and recall are over conflicting pairs; a pair is (file, claim text, file, claim text).

export interface ConflictEvalResult {
  lines: string[];
  precision: number;
  recall: number;
  sampleConflicts: number;
  sampleAgreements: number;
}

/** [file, claim text, file, claim text]; files are names in their folder, or a sample's prefix ("003"). */
type Pair = [string, string, string, string];

interface Expected {
  conflicts: Pair[];
  agreements: Pair[];
}

/** Agreements the sample workspace must show: the figures the five reports share. */
export const SAMPLE_AGREEMENTS: Pair[] = [
  ['000', 'around 20%', '002', 'roughly 20 percent'],
  ['003', '20,000 to 30,000', '004', '20,000 to 30,000'],
  ['003', 'as many as 40,000', '004', '40,000'],
];

interface Variant {
  name: string;
  /** Sample prefix, text as in the article, text to put instead. */
  edit: [string, string, string];
  conflicts: Pair[];
}

/** Figures changed in one sample; an empty `conflicts` is a change that must not raise an alarm. */
export const VARIANTS: Variant[] = [
  { name: 'troops in Kherson doubled', edit: ['004', '20,000 to 30,000 troops', '40,000 to 50,000 troops'], conflicts: [['003', '20,000 to 30,000', '004', '40,000 to 50,000']] },
  { name: 'share occupied raised', edit: ['002', 'roughly 20 percent', 'roughly 30 percent'], conflicts: [['000', 'around 20%', '002', 'roughly 30 percent']] },
  { name: 'civilian casualties raised', edit: ['004', '40,000 Ukrainian civilians', '60,000 Ukrainian civilians'], conflicts: [['003', 'as many as 40,000', '004', '60,000']] },
  { name: 'war shortened', edit: ['003', 'ninth month', 'fifth month'], conflicts: [['003', 'fifth month', '004', 'more than eight-month']] },
  { name: 'Russian losses raised past the bound', edit: ['003', 'over" 100,000', 'over" 150,000'], conflicts: [['003', '"well over" 150,000', '004', '100,000']] },
  { name: 'civilian deaths changed (another measure)', edit: ['000', '40,000 civilian deaths', '45,000 civilian deaths'], conflicts: [] },
  { name: 'Russian losses raised within the bound', edit: ['004', '100,000 Russian soldiers', '120,000 Russian soldiers'], conflicts: [] },
  { name: 'share occupied rounded differently', edit: ['002', 'roughly 20 percent', 'roughly 21 percent'], conflicts: [] },
];

/**
 * `fixturesRoot` is the repository's test/fixtures; the cases are in its claims/conflicts
 * folder. `samplesDir` null: the sample workspace is absent, and only the fixtures are scored.
 */
export async function evaluateConflicts(samplesDir: string | null, fixturesRoot: string): Promise<ConflictEvalResult> {
  const fixturesDir = path.join(fixturesRoot, 'claims', 'conflicts');
  const lines: string[] = [];
  const score = { tp: 0, fp: 0, fn: 0 };
  const fixtures = () => scoreFixtures(fixturesDir, score, lines);
  if (samplesDir === null) {
    lines.push('Conflicts — sample workspace absent: its agreements and variants are not scored');
    fixtures();
    return finish(lines, score, 'fixtures', 0, 0);
  }

  // 1. The sample workspace.
  const samples = indexFolder(samplesDir);
  const sampleAgreements = agreementsOf(samples);
  const sampleConflicts = conflictsOf(samples);
  lines.push(`Conflicts — sample workspace (${samples.paths().length} files): ${sampleConflicts.length} conflicts, ${sampleAgreements.length} agreements`);
  for (const [a, at, b, bt] of sampleAgreements) lines.push(`  agrees    ${a}: '${at}'  ~  ${b}: '${bt}'`);
  for (const c of samples.conflicts()) lines.push(`  CONFLICT  ${c.reason}`);
  const missing = SAMPLE_AGREEMENTS.filter((p) => !sampleAgreements.some((q) => samePair(p, q)));
  lines.push(`  expected agreements found: ${SAMPLE_AGREEMENTS.length - missing.length}/${SAMPLE_AGREEMENTS.length}`);
  for (const p of missing) lines.push(`  missing agreement ${p.join(' ')}`);

  // 2. Hand-written fixtures.
  fixtures();

  // 3. Variants of the samples, written to a temporary folder.
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'byline-variants-'));
  try {
    for (const v of VARIANTS) {
      const dir = path.join(tmp, v.name.replace(/\W+/g, '-'));
      fs.mkdirSync(dir);
      let edited = false;
      for (const f of fs.readdirSync(samplesDir).filter((f) => f.endsWith('.txt'))) {
        let text = fs.readFileSync(path.join(samplesDir, f), 'utf8');
        if (f.startsWith(v.edit[0]) && text.includes(v.edit[1])) {
          text = text.replace(v.edit[1], v.edit[2]);
          edited = true;
        }
        fs.writeFileSync(path.join(dir, f), text);
      }
      if (!edited) {
        lines.push(`  variant ${v.name}: SKIPPED, '${v.edit[1]}' not found in ${v.edit[0]}`);
        continue;
      }
      lines.push(`  variant ${v.name}: ${compare(conflictsOf(indexFolder(dir)), v.conflicts, score)}`);
    }
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }

  return finish(lines, score, 'fixtures and variants', sampleConflicts.length, sampleAgreements.length);
}

interface Score {
  tp: number;
  fp: number;
  fn: number;
}

/** The hand-written fixtures: each folder's expected conflicts and agreements. */
function scoreFixtures(fixturesDir: string, score: Score, lines: string[]): void {
  const caseDirs = fs.readdirSync(fixturesDir).filter((d) => fs.statSync(path.join(fixturesDir, d)).isDirectory()).sort();
  for (const name of caseDirs) {
    const dir = path.join(fixturesDir, name);
    const expected = JSON.parse(fs.readFileSync(path.join(dir, 'expected.json'), 'utf8')) as Expected;
    const index = indexFolder(dir);
    const result = compare(conflictsOf(index), expected.conflicts, score);
    const agreements = agreementsOf(index);
    const agreementsFound = expected.agreements.filter((p) => agreements.some((q) => samePair(p, q))).length;
    lines.push(`  fixture ${name}: ${result}; agreements ${agreementsFound}/${expected.agreements.length}`);
  }
}

function finish(lines: string[], score: Score, scored: string, sampleConflicts: number, sampleAgreements: number): ConflictEvalResult {
  const precision = score.tp + score.fp === 0 ? 1 : score.tp / (score.tp + score.fp);
  const recall = score.tp + score.fn === 0 ? 1 : score.tp / (score.tp + score.fn);
  lines.push(`  conflict pairs on ${scored}: P ${precision.toFixed(3)}  R ${recall.toFixed(3)}  (${score.tp} found, ${score.fp} false alarms, ${score.fn} missed)`);
  return { lines, precision, recall, sampleConflicts, sampleAgreements };
}

function indexFolder(dir: string): ClaimIndex {
  const index = new ClaimIndex();
  for (const f of fs.readdirSync(dir).filter((f) => f.endsWith('.txt')).sort()) {
    index.set(f, findClaims(parseDocument(fs.readFileSync(path.join(dir, f), 'utf8'))));
  }
  return index;
}

function conflictsOf(index: ClaimIndex): Pair[] {
  return index.conflicts().map((c) => [c.a.path, c.a.text, c.b.path, c.b.text]);
}

function agreementsOf(index: ClaimIndex): Pair[] {
  const pairs: Pair[] = [];
  for (const p of index.paths()) {
    const claims = index.claimsOf(p);
    index.linksOf(p).forEach((links, i) => {
      for (const l of links) if (l.relation === 'agrees' && p < l.path) pairs.push([p, claims[i].text, l.path, l.text]);
    });
  }
  return pairs;
}

/** Files match by name or by a sample's prefix ("003" matches "003_a22741b4526f3b3c.txt"). */
function samePair(expected: Pair, found: Pair): boolean {
  const file = (e: string, f: string) => f === e || f.startsWith(`${e}_`);
  const [a, at, b, bt] = expected;
  const [c, ct, d, dt] = found;
  return (file(a, c) && at === ct && file(b, d) && bt === dt) || (file(a, d) && at === dt && file(b, c) && bt === ct);
}

function compare(found: Pair[], expected: Pair[], score: { tp: number; fp: number; fn: number }): string {
  const tp = found.filter((f) => expected.some((e) => samePair(e, f))).length;
  const fp = found.length - tp;
  const fn = expected.filter((e) => !found.some((f) => samePair(e, f))).length;
  score.tp += tp;
  score.fp += fp;
  score.fn += fn;
  const extra = found.filter((f) => !expected.some((e) => samePair(e, f))).map((f) => ` false alarm ${f.join(' ')}`);
  return `${tp}/${expected.length} conflicts found, ${fp} false alarms${extra.join(';')}`;
}

if (require.main === module) {
  const root = path.resolve(__dirname, '..', '..', '..');
  const samplesDir = path.resolve(root, '..', 'shared', 'samples', 'kherson-talks');
  void evaluateConflicts(samplesDir, path.join(root, 'test', 'fixtures')).then((r) => console.log(r.lines.join('\n')));
}
