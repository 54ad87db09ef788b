import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { compareQuotes } from '../../src/workspace/quotes/compare';
import { quoteWords } from '../../src/workspace/quotes/words';
import { pairKeys, QuoteVariantIndex } from '../../src/workspace/quotes/quoteVariantIndex';
import type { QuoteOwner } from '../../src/workspace/digest';
import { Workspace } from '../../src/workspace/workspace';
import { DEFAULT_SEVERITIES } from '../../src/workspace/severity';
import { foundPairs, loadFolder, readExpected, scoreVariants } from '../../scripts/eval/quoteVariants';
import { buildReport } from '../../src/workspace/report';
import { fixturesDir } from '../helpers/paths';

// Quotes compared across files: the same words, a part of them, other words; and the index
// that links them incrementally. Fixtures: test/fixtures/quotes-compared/.

const dir = path.join(fixturesDir, 'quotes-compared');
const compare = (a: string, b: string, aReported = false, bReported = false) => compareQuotes(quoteWords(a), quoteWords(b), aReported, bReported);
const wordsAt = (text: string, indexes: readonly number[]) => indexes.map((i) => quoteWords(text).words[i].surface);

test('the same words whatever the case, punctuation, quotation marks, hyphens, elisions and insertions', () => {
  assert.equal(compare('Nobody will dictate the terms of peace to us,', 'nobody will dictate the terms of peace to us')?.relation, 'verbatim');
  assert.equal(compare('to re-establish defensive lines', 'to reestablish defensive lines south')?.relation, 'part-of');
  assert.equal(compare('Our soldiers [in the east] are holding the line despite heavy losses,', 'Our soldiers are holding the line ... despite heavy losses,')?.relation, 'verbatim');
  // What one leaves out at its elision mark is no difference: each is a part of the remark.
  const full = 'to include what they claim is Crimea, the probability of that happening anytime soon is not high';
  assert.equal(compare('to include … Crimea, the probability of that happening anytime soon is not high', full)?.relation, 'part-of');
});

test('worded differently: the words that differ are named on both sides', () => {
  const a = 'There has been a tremendous amount of suffering, human suffering,';
  const b = 'There was tremendous suffering, human suffering,';
  const c = compare(a, b);
  assert.equal(c?.relation, 'worded-differently');
  assert.deepEqual(wordsAt(a, c.differentInA), ['has', 'been', 'a', 'amount', 'of']);
  assert.deepEqual(wordsAt(b, c.differentInB), ['was']);
  // A plural is another word, though the two align.
  const n = compare("there's also an opportunity here, a window of opportunity for negotiation.", 'there is an opportunity here, a window of opportunity for negotiations.');
  assert.equal(n?.relation, 'worded-differently');
  assert.ok(wordsAt('there is an opportunity here, a window of opportunity for negotiations.', n.differentInB).includes('negotiations'));
});

test('the words that differ are the changed ones, not everything before the first change', () => {
  const a = "The first signs are that they are leaving. I believe they're doing it to save their army and to hold the river line, but that remains to be seen";
  const b = 'I believe they are doing this to protect their army and to hold the river line, but that remains to be seen,';
  const c = compare(a, b);
  assert.equal(c?.relation, 'worded-differently');
  // The longer quote's first sentence is words the other leaves out, not a difference.
  assert.deepEqual(wordsAt(a, c.differentInA), ["they're", 'it', 'save']);
  assert.deepEqual(wordsAt(b, c.differentInB), ['they', 'are', 'this', 'protect']);
});

test('a common phrase, a short quote not contained, and two remarks on one subject do not link', () => {
  assert.equal(compare('A political solution is the only way forward for the south,', 'There must be a political solution, and it must come soon,'), null);
  assert.equal(compare('political solution', 'a political settlement'), null);
  assert.equal(compare('well over', 'well over 100,000 soldiers'), null, 'no content word: nothing to link on');
  assert.equal(compare('Ukraine will win this war by the spring,', 'Russia will lose this war before the end of the winter,'), null);
  // Contained word for word, a short quote links.
  assert.equal(compare('mutual recognition', 'both must come to a mutual recognition that')?.relation, 'part-of');
});

test('reported speech links to the quotation it follows, not to one that shares a few of its words', () => {
  const reported = 'Both sides must come to a mutual recognition that a military victory may not be achievable by military means, adding that the standoff offers an opportunity here, a window of opportunity for trading';
  const c = compare(reported, 'there is an opportunity here, a window of opportunity for negotiations.', true, false);
  assert.equal(c?.relation, 'worded-differently');
  assert.deepEqual(wordsAt('there is an opportunity here, a window of opportunity for negotiations.', c.differentInB), ['there', 'is', 'negotiations']);
  assert.equal(compare(reported, 'mutual recognition', true, false), null, 'two words in a reported sentence are no quotation of it');
  assert.equal(compare('Russia could provide both countries an opportunity to negotiate peace', 'So when there’s an opportunity to negotiate when peace can be achieved, seize it.', true, false), null);
});

test('the fixtures: every expected pair is linked with its relation and speakers, and nothing else', () => {
  const scores = scoreVariants(foundPairs(loadFolder(dir)), readExpected(path.join(dir, 'expected.json')));
  assert.deepEqual(scores.wrong, []);
  assert.equal(scores.worded.right, 3);
  assert.equal(scores.same.right, 7);
});

test('the index is incremental: removing a file drops its links and names the files that lose one; re-adding restores them', () => {
  const ws = loadFolder(dir);
  const before = foundPairs(ws).map((p) => `${p.a.path}:${p.a.start} ${p.b.path}:${p.b.start} ${p.relation}`);
  const changed = ws.remove('e.txt');
  assert.deepEqual([...changed].filter((p) => p !== 'e.txt').sort(), ['a.txt', 'b.txt', 'd.txt']);
  assert.ok(!foundPairs(ws).some((p) => p.a.path === 'e.txt' || p.b.path === 'e.txt'));
  ws.set('e.txt', fs.readFileSync(path.join(dir, 'e.txt'), 'utf8'));
  const after = foundPairs(ws).map((p) => `${p.a.path}:${p.a.start} ${p.b.path}:${p.b.start} ${p.relation}`);
  assert.deepEqual(after, before);
  // Another order of reading gives the same links.
  const reversed = new Workspace();
  for (const name of ['e.txt', 'd.txt', 'c.txt', 'b.txt', 'a.txt']) reversed.set(name, fs.readFileSync(path.join(dir, name), 'utf8'));
  assert.deepEqual(foundPairs(reversed).map((p) => `${p.a.path}:${p.a.start} ${p.b.path}:${p.b.start} ${p.relation}`), before);
});

test('quotes of one file are never versions of each other; set returns the paths whose links changed', () => {
  const q = (start: number, text: string, kind: QuoteOwner['kind'] = 'direct'): QuoteOwner => ({ start, end: start + text.length, kind, text, speakerKey: 's' });
  const index = new QuoteVariantIndex();
  const remark = 'We are ready to talk, but not at any price,';
  assert.deepEqual([...index.set('x', [q(0, remark), q(100, remark)])], []);
  assert.deepEqual([...index.set('y', [q(5, 'We are ready to talk, but not at any cost,')])].sort(), ['x', 'y']);
  assert.equal(index.versionsOf('x').length, 2, 'each of the two quotes of the remark in x is linked to y');
  assert.equal(index.versionsOf('x')[0].links.length, 1, 'and not to the other');
  assert.deepEqual([...index.set('z', [q(0, 'Something else entirely, said about the weather today,')])], []);
  assert.deepEqual([...index.remove('y')].sort(), ['x', 'y']);
  assert.equal(index.versionsOf('x').length, 0);
});

test('copies of one wording in many files: each links to the copies in other files, and leaves with its file', () => {
  const q = (start: number, text: string): QuoteOwner => ({ start, end: start + text.length, kind: 'direct', text, speakerKey: 's' });
  const remark = 'We are ready to talk, but not at any price,';
  const index = new QuoteVariantIndex();
  // Three files, one holding the remark twice; another spelling of the same words is the same wording.
  index.set('a', [q(0, remark), q(200, remark)]);
  index.set('b', [q(10, '“We are ready to talk — but not at ANY price”')]);
  assert.deepEqual([...index.set('c', [q(20, remark), q(90, 'We are ready to talk, but not at any cost,')])].sort(), ['a', 'b', 'c']);
  const linked = (path: string, start: number) => index.versionsOf(path).find((e) => e.version.start === start)?.links.map((l) => `${l.other.path}:${l.other.start} ${l.relation}`);
  assert.deepEqual(linked('a', 0), ['c:90 worded-differently', 'b:10 verbatim', 'c:20 verbatim']);
  assert.deepEqual(linked('a', 200), linked('a', 0));
  assert.deepEqual(linked('b', 10), ['c:90 worded-differently', 'a:0 verbatim', 'a:200 verbatim', 'c:20 verbatim']);
  assert.equal(index.linkCount(), 8, 'a×2, b and c:20 are copies (5 pairs across files); c:90 differs from the three in other files');
  // The diagnostics group a file's copies of a wording, and say the same on each.
  assert.deepEqual(index.groupsOf('a').map((g) => g.versions.map((v) => v.start)), [[0, 200]]);
  assert.deepEqual([...index.remove('a')].sort(), ['a', 'b', 'c']);
  assert.deepEqual(linked('b', 10), ['c:90 worded-differently', 'c:20 verbatim']);
  assert.deepEqual([...index.remove('c')].sort(), ['b', 'c']);
  assert.equal(index.versionsOf('b').length, 0);
});

test('quotes staged a slice at a time link as when set at once, a text staged but never set is forgotten, and a stage overtaken by another change is not used', () => {
  const q = (start: number, text: string): QuoteOwner => ({ start, end: start + text.length, kind: 'direct', text, speakerKey: 's' });
  const remarks = Array.from({ length: 300 }, (_, i) => q(i * 100, `corridor ${i} opened`));
  const other = [q(0, 'The corridor 7 opened this morning, as both sides had agreed,')];
  const direct = new QuoteVariantIndex();
  direct.set('other', other);
  direct.set('big', remarks);
  const sliced = new QuoteVariantIndex();
  sliced.set('other', other);
  const slices = [...sliced.stage('big', remarks, 0)].length;
  assert.ok(slices > 4, `a slice of no time stops at every look at the clock (${slices} steps)`);
  sliced.set('big', remarks);
  const links = (index: QuoteVariantIndex) => index.pairs().map((p) => `${p.a.path}:${p.a.start} ${p.b.path}:${p.b.start} ${p.link.relation}`);
  assert.deepEqual(links(sliced), links(direct));
  assert.equal(links(sliced).length, 1);
  // A newer text superseded the staged one: its wordings are forgotten at the next set.
  const superseded = q(0, 'The corridor 7 opened this morning, as both sides had said,');
  [...sliced.stage('fourth', [superseded], 10)];
  sliced.set('third', [q(0, 'Something else entirely, said about the weather today,')]);
  assert.deepEqual(links(sliced), links(direct), 'the staged text links to nothing while no file holds it');
  sliced.set('fourth', [superseded]);
  assert.deepEqual(
    sliced.linksAt('fourth', 0, superseded.end).map((l) => `${l.other.path} ${l.relation}`).sort(),
    ['big part-of', 'other worded-differently'],
    'made again when set, it links as any new text',
  );
  // Staged, then overtaken by a change to the index between two slices: set reads the quotes again.
  const fifth = [q(0, 'The corridor 7 opened this morning, as both sides had agreed,'), ...remarks.slice(0, 100)];
  const stage = sliced.stage('fifth', fifth, 0);
  stage.next();
  sliced.remove('third');
  [...stage];
  sliced.set('fifth', fifth);
  assert.deepEqual(
    sliced.linksAt('fifth', 0, fifth[0].end).map((l) => `${l.other.path} ${l.relation}`).sort(),
    ['big part-of', 'fourth worded-differently', 'other verbatim'],
  );
});

test('a short quote that its own file also quotes inside a longer quotation links to nothing elsewhere', () => {
  const q = (start: number, text: string, kind: QuoteOwner['kind'] = 'partial'): QuoteOwner => ({ start, end: start + text.length, kind, text, speakerKey: 's' });
  const index = new QuoteVariantIndex();
  index.set('x', [q(0, 'political solution'), q(50, 'at the end of the day it will be a political solution, if there is a slowdown', 'direct')]);
  index.set('y', [q(0, 'There may be a political solution where, politically, the Russians withdraw,', 'direct')]);
  index.set('z', [q(0, 'political solution')]);
  assert.ok(!index.versionsOf('x').some(({ version }) => version.start === 0), 'x’s “political solution” links to nothing');
  assert.deepEqual(index.linksAt('y', 0, 76).map((l) => [l.other.path, l.other.start]), [['z', 0]]);
  // Quoted alone, the phrase links where it is contained: in y, and in x's longer quotation.
  assert.deepEqual(index.versionsOf('z')[0]?.links.map((l) => [l.other.path, l.other.start, l.relation]), [['x', 50, 'part-of'], ['y', 0, 'part-of']]);
});

test('diagnostics: quote-differs and quote-speaker-differs, with related information to every other version', () => {
  const ws = loadFolder(dir);
  const a = ws.diagnostics('a.txt').filter((d) => d.code === 'quote-differs' || d.code === 'quote-speaker-differs');
  const inch = a.find((d) => d.code === 'quote-differs' && d.message.includes('inch'));
  assert.ok(inch);
  assert.equal(inch.severity, 'information');
  assert.equal(inch.message, 'Worded differently in b.txt: “We will not give up a single inch of our land,”');
  assert.deepEqual(inch.related.map((r) => r.path), ['b.txt']);
  const text = fs.readFileSync(path.join(dir, 'b.txt'), 'utf8');
  assert.equal(text.slice(inch.related[0].start, inch.related[0].end).replace(/^"|"$/g, ''), 'We will not give up a single inch of our land,');
  const given = ws.diagnostics('b.txt').find((d) => d.code === 'quote-speaker-differs');
  assert.ok(given);
  assert.equal(given.severity, 'warning');
  assert.equal(given.message, 'The same words are given to Maria Kovalenko in 2 other files; here to Petro Hrytsenko');
  assert.deepEqual(given.related.map((r) => r.path).sort(), ['a.txt', 'e.txt']);
  // Off is off; and a closed file's codes are honoured.
  const quiet = new Workspace({ severities: { ...DEFAULT_SEVERITIES, 'quote-differs': 'off' } });
  for (const name of ['a.txt', 'b.txt']) quiet.set(name, fs.readFileSync(path.join(dir, name), 'utf8'));
  assert.ok(!quiet.diagnostics('a.txt').some((d) => d.code === 'quote-differs'));
  assert.ok(quiet.diagnostics('a.txt').some((d) => d.code === 'quote-speaker-differs'));
  assert.ok(!ws.diagnostics('b.txt', new Set(['conflicting-claim'])).some((d) => d.code === 'quote-speaker-differs'));
});

test('the JSON report: related versions on each quote, and each differing pair once in quoteVariants', () => {
  const report = buildReport(loadFolder(dir));
  const quotesOf = (p: string) => report.files.find((f) => f.path === p)?.quotes ?? [];
  const inch = quotesOf('a.txt').find((q) => q.text.startsWith('We will not give up'));
  assert.ok(inch);
  const b = fs.readFileSync(path.join(dir, 'b.txt'), 'utf8');
  assert.equal(inch.related.length, 1);
  const [r] = inch.related;
  assert.deepEqual({ ...r, start: undefined, end: undefined }, { path: 'b.txt', start: undefined, end: undefined, text: 'We will not give up a single inch of our land,', relation: 'worded-differently' });
  assert.ok(b.slice(r.start, r.end).includes(r.text));
  const nobody = quotesOf('b.txt').find((q) => q.text.startsWith('Nobody'));
  assert.deepEqual(nobody?.related.map((x) => [x.path, x.relation, x.speaker?.name]), [
    ['a.txt', 'verbatim', 'Maria Kovalenko'],
    ['e.txt', 'verbatim', 'Maria Kovalenko'],
  ]);
  assert.deepEqual(quotesOf('c.txt').find((q) => q.text.startsWith('Ukraine will win'))?.related, []);
  // Differing pairs only: the same words by the same speaker are not listed.
  assert.ok(report.quoteVariants.every((v) => v.relation === 'worded-differently' || v.speakerDiffers));
  const pair = report.quoteVariants.find((v) => v.a.text.startsWith('We will not give up'));
  assert.deepEqual(pair && [pair.a.differentWords, pair.b.differentWords], [['an'], ['a', 'single']]);
  assert.equal(report.quoteVariants.filter((v) => v.speakerDiffers).length, 2);
});

test('a two-word part quoted for someone else is no evidence that a whole remark is theirs', () => {
  const ws = new Workspace();
  ws.set('a.txt', '“The initial indicators are they are in fact doing it,” Mark Milley, the US general, said on Wednesday.\n');
  ws.set('b.txt', 'The ministry said the “initial indicators” were wrong, Olena Shevchenko, its spokeswoman, told reporters.\n');
  assert.deepEqual(ws.diagnostics('a.txt').filter((d) => d.code === 'quote-speaker-differs'), []);
});

test('the index by wording links what comparing every pair of quotes in different files links, through random sets and removals', () => {
  // Quotes made from a few remarks with a word changed, dropped or repeated, so that files hold
  // copies, variants and unrelated remarks; every quote has five words or more and the files are
  // small, so that no word pair is too common to find candidates (MAX_POSTING) and no short
  // quote is set aside: then the index must link exactly the pairs that share enough word pairs
  // (a fifth of the shorter's, and two) and that compareQuotes links.
  const remarks = [
    'We are ready to talk, but not at any price',
    'There has been a tremendous amount of suffering, human suffering',
    'a window of opportunity for negotiation is open now',
    'the probability of a military victory is not high',
    'Nobody will dictate the terms of peace to us',
  ];
  const swaps = ['cost', 'was', 'negotiations', 'low', 'them', 'very'];
  let seed = 11;
  const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)];
  const variant = (): string => {
    const words = pick(remarks).split(' ');
    const r = random();
    if (r < 0.3) words[Math.floor(random() * words.length)] = pick(swaps);
    else if (r < 0.4) words.splice(Math.floor(random() * words.length), 1);
    return words.join(' ');
  };
  const fileOf = (): QuoteOwner[] =>
    Array.from({ length: 1 + Math.floor(random() * 4) }, (_, i) => {
      const text = variant();
      return { start: i * 200, end: i * 200 + text.length, kind: random() < 0.2 ? 'indirect' : 'direct', text, speakerKey: 's' };
    });
  const index = new QuoteVariantIndex();
  const files = new Map<string, QuoteOwner[]>();
  const expected = () => {
    const out: string[] = [];
    const all = [...files].flatMap(([path, quotes]) => quotes.map((q) => ({ path, q, words: quoteWords(q.text) })));
    for (const x of all) {
      for (const y of all) {
        if (x.path >= y.path || (x.q.kind === 'indirect' && y.q.kind === 'indirect')) continue;
        const kx = pairKeys(x.words);
        const ky = new Set(pairKeys(y.words));
        const shared = kx.filter((k) => ky.has(k)).length;
        const fewer = Math.min(kx.length, ky.size);
        if (fewer <= 1 ? shared < fewer : shared < 2 || shared < 0.2 * fewer) continue;
        const c = compareQuotes(x.words, y.words, x.q.kind === 'indirect', y.q.kind === 'indirect');
        if (c) out.push(`${x.path}:${x.q.start} ${y.path}:${y.q.start} ${c.relation}`);
      }
    }
    return out.sort();
  };
  const found = () => index.pairs().map((p) => `${p.a.path}:${p.a.start} ${p.b.path}:${p.b.start} ${p.link.relation}`).sort();
  let linked = 0;
  for (let step = 0; step < 120; step++) {
    const path = `f${Math.floor(random() * 8)}`;
    if (random() < 0.2) {
      index.remove(path);
      files.delete(path);
    } else {
      const quotes = fileOf();
      index.set(path, quotes);
      files.set(path, quotes);
    }
    assert.deepEqual(found(), expected(), `after step ${step}`);
    linked = Math.max(linked, found().length);
  }
  assert.ok(linked > 10, 'the files shared enough remarks to link');
});
