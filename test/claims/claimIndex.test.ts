import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ClaimIndex } from '../../src/workspace/claimIndex';
import { roundingOf, traitsOf } from '../../src/workspace/claims/compare';
import { claimsIn, indexOf, relations } from './helpers';
// The benchmark's seeded generator (mulberry32), so a failure can be replayed.
import { seeded } from '../../scripts/bench/random';

// Claims across files: linked when they measure the same thing in the same story, agreeing
// when their intervals overlap after hedges and rounding. No false alarms above all.

test('"now in its ninth month" and "more than eight-month war" agree', () => {
  const index = indexOf({
    'a.txt': 'Russian soldiers were killed in the war in Ukraine, now in its ninth month.',
    'b.txt': "Kherson is the only capital taken in Ukraine's more than eight-month war.",
  });
  assert.deepEqual(relations(index), ['a.txt:ninth month agrees b.txt:more than eight-month']);
});

test('"100,000 Russian soldiers" is not comparable with "100,000 Ukrainian casualties"', () => {
  const index = indexOf({
    'a.txt': 'He said 100,000 Russian soldiers have been killed or wounded in Ukraine.',
    'b.txt': 'There have been 100,000 Ukrainian casualties in the war with Russia.',
    'c.txt': 'He said 30,000 Russian soldiers have been killed or wounded in Ukraine.',
  });
  assert.deepEqual(relations(index), ['a.txt:100,000 conflicts c.txt:30,000']);
});

test('"40,000 deaths" and "40,000 killed or wounded" measure different things', () => {
  const index = indexOf({
    'a.txt': 'Ukraine has suffered 40,000 civilian deaths since Russia invaded.',
    'b.txt': 'In Ukraine, 10,000 civilians have been killed or wounded since Russia invaded.',
  });
  assert.deepEqual(relations(index), []);
  assert.deepEqual(index.conflicts(), []);
});

test('a First World War death toll is not a Ukraine figure', () => {
  const index = indexOf({
    'a.txt': 'In World War I, one million people died in Europe within six months.',
    'b.txt': 'The war in Europe has killed 200,000 people.',
  });
  assert.deepEqual(relations(index), []);
});

test('figures of different stories are not compared: the same measure in two unrelated attacks', () => {
  const index = indexOf({
    'a.txt': 'The gunman killed 49 people at a nightclub in Orlando.',
    'b.txt': 'The attackers killed 130 people in Paris.',
    'c.txt': 'Police said 49 people were killed in Orlando on Sunday.',
  });
  assert.deepEqual(relations(index), ['a.txt:49 agrees c.txt:49']);
});

test('rounding: "100,000" agrees with "98,000"; hedges widen; "$38 billion" conflicts with "$45 billion"', () => {
  const index = indexOf({
    'a.txt': 'The government in Kyiv says 100,000 people have fled Kharkiv. The US requested $38 billion in aid for Ukraine.',
    'b.txt': 'Officials in Kyiv said 98,000 people have fled Kharkiv. The White House asked for $45 billion in aid for Ukraine.',
  });
  assert.deepEqual(relations(index), ['a.txt:$38 billion conflicts b.txt:$45 billion', 'a.txt:100,000 agrees b.txt:98,000']);
});

test('a conflict is a warning on each side naming what disagrees, related to every conflicting claim', () => {
  const index = indexOf({
    'a.txt': 'The White House requested $38 billion in aid for Ukraine.',
    'b.txt': 'The administration requested $45 billion in aid for Ukraine.',
    'c.txt': 'Congress weighs a request of $50 billion in aid for Ukraine.',
  });
  const [d] = index.diagnostics('a.txt');
  assert.equal(d.code, 'conflicting-claim');
  assert.equal(d.severity, 'warning');
  assert.equal(d.message, "Figures disagree on aid (USD): $38 billion here; '$45 billion' in b.txt, '$50 billion' in c.txt.");
  assert.deepEqual(d.related.map((r) => [r.path, r.message]), [['b.txt', "the other figure: '$45 billion'"], ['c.txt', "the other figure: '$50 billion'"]]);
  const text = 'The White House requested $38 billion in aid for Ukraine.';
  assert.deepEqual([d.start, d.end], [text.indexOf('$38'), text.indexOf(' in aid')]);
  assert.equal(index.diagnostics('b.txt').length, 1);
  // Each pair once, with a reason.
  const conflicts = index.conflicts();
  assert.deepEqual(conflicts.map((c) => [c.a.path, c.b.path]), [['a.txt', 'b.txt'], ['a.txt', 'c.txt'], ['b.txt', 'c.txt']]);
  assert.match(conflicts[0].reason, /'\$38 billion' .* and '\$45 billion' .* do not overlap/);
});

test('the severity can be set', () => {
  const index = new ClaimIndex('information');
  index.set('a.txt', claimsIn('Police in Minsk said 45 people were arrested.'));
  index.set('b.txt', claimsIn('In Minsk, 90 people were arrested.'));
  assert.equal(index.diagnostics('a.txt')[0].severity, 'information');
});

test('incremental: setting a file reports the files whose links changed, and only those', () => {
  const index = indexOf({
    'a.txt': 'Russia has 20,000 troops in Kherson. The war has displaced 13 million Ukrainians.',
    'b.txt': 'Russia has 20,000 troops in Kherson.',
    'c.txt': 'The war has displaced 13 million Ukrainians.',
  });
  assert.deepEqual(relations(index).length, 2);

  // b changes its figure: a and b change, c (another group) does not.
  const changed = index.set('b.txt', claimsIn('Russia has 40,000 troops in Kherson.'));
  assert.deepEqual([...changed].sort(), ['a.txt', 'b.txt']);
  assert.equal(index.diagnostics('a.txt').length, 1);
  assert.equal(index.diagnostics('c.txt').length, 0);

  // Setting the same claims again changes nobody's links but its own file's.
  assert.deepEqual([...index.set('b.txt', claimsIn('Russia has 40,000 troops in Kherson.'))], ['b.txt']);

  // Removing b clears the conflict in a.
  assert.deepEqual([...index.remove('b.txt')].sort(), ['a.txt', 'b.txt']);
  assert.equal(index.diagnostics('a.txt').length, 0);
  assert.deepEqual(index.linksOf('b.txt'), []);
  assert.deepEqual([...index.remove('b.txt')], []);
});

test('claims in one file are never linked to each other', () => {
  const index = indexOf({ 'a.txt': 'Russia has 20,000 troops in Kherson. Others say Russia has 40,000 troops in Kherson.' });
  assert.deepEqual(index.conflicts(), []);
  assert.deepEqual(index.diagnostics('a.txt'), []);
});

test('rounding allowance: half a unit of the last significant digit, at most 5% of the figure', () => {
  assert.equal(roundingOf(38e9), 0.5e9);
  assert.equal(roundingOf(100000), 5000);
  assert.equal(roundingOf(7.5e6), 50000);
  assert.equal(roundingOf(20), 1);
  assert.equal(roundingOf(0), 0);
});

test('messages name what is measured: a share, the length of a war, people killed or wounded', () => {
  const index = indexOf({
    'a.txt': 'Russia occupies around 20% of Ukraine. The war in Ukraine, now in its ninth month, goes on. As many as 40,000 Ukrainian civilians have been killed or wounded.',
    'b.txt': 'Russia occupies roughly 30 percent of Ukraine. The war in Ukraine entered its third month. Some 60,000 Ukrainian civilians have been killed or wounded.',
  });
  assert.deepEqual(index.diagnostics('a.txt').map((d) => d.message), [
    "Figures disagree on share of Ukraine occupied: around 20% here; 'roughly 30 percent' in b.txt.",
    "Figures disagree on the length of the war (months): ninth month here; 'third month' in b.txt. How long it has lasted grows with each report: the later report may be an update.",
    "Figures disagree on Ukrainian civilians killed or wounded: As many as 40,000 here; 'Some 60,000' in b.txt. A toll changes as reports come in: the later report may be an update.",
  ]);
});

test('a figure disputed by many files: the message names three and counts the rest, related points to the first 20, every pair is counted', () => {
  const index = new ClaimIndex();
  index.set('a.txt', claimsIn('Russia has 20,000 troops in Kherson.'));
  // 30 files that disagree with a.txt (and with each other only where their figures differ), added last first.
  for (let i = 29; i >= 0; i--) index.set(`f${String(i).padStart(2, '0')}.txt`, claimsIn(`Russia has ${i % 2 ? '40,000' : '60,000'} troops in Kherson.`));
  const [d] = index.diagnostics('a.txt');
  assert.equal(d.message, "Figures disagree on troops: 20,000 here; '60,000' in f00.txt, '40,000' in f01.txt, '60,000' in f02.txt and 27 more.");
  assert.equal(d.related.length, 20);
  assert.deepEqual(d.related.map((r) => r.path), Array.from({ length: 20 }, (_, i) => `f${String(i).padStart(2, '0')}.txt`));
  // Every other file still has all its links: References and the Byline view list them all.
  assert.equal(index.linksOf('a.txt')[0].length, 30);
  // a.txt conflicts with 30 files; the 15 at 40,000 conflict with the 15 at 60,000.
  assert.equal(index.conflictCount(), 30 + 15 * 15);
  assert.equal(index.conflicts().length, 30 + 15 * 15);
  index.remove('a.txt');
  assert.equal(index.conflictCount(), 15 * 15);
});

test('standing of each claim: its group and whether anything conflicts, or null when nothing is linked', () => {
  const index = indexOf({
    'a.txt': 'Russia has 20,000 troops in Kherson. The war has displaced 13 million Ukrainians.',
    'b.txt': 'Russia has 40,000 troops in Kherson.',
    'c.txt': 'Russia has 20,000 troops in Kherson.',
  });
  const [troops, displaced] = index.standingOf('a.txt');
  assert.deepEqual(troops, { key: 'count|soldier||', conflicting: true });
  assert.equal(displaced, null);
  assert.deepEqual(index.standingOf('c.txt'), [{ key: 'count|soldier||', conflicting: true }]);
  assert.deepEqual(index.standingOf('missing.txt'), []);
});

test('files set (with or without their claims’ traits, staged or not), replaced and removed in any order leave every diagnostic and the conflict count as a fresh index gives them', () => {
  // Figures of one story (troops in Kherson, aid to Ukraine) that agree or conflict, and one of another story.
  const SENTENCES = [
    'Russia has 20,000 troops in Kherson.',
    'Russia has 40,000 troops in Kherson.',
    'Russia has about 21,000 troops in Kherson.',
    'Congress approved $38 billion in aid to Ukraine.',
    'Congress approved $45 billion in aid to Ukraine.',
    'The flood in Texas displaced 3,000 people.',
  ];
  for (let seed = 1; seed <= 10; seed++) {
    const random = seeded(seed);
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)];
    const files = new Map<string, string>();
    const index = new ClaimIndex();
    for (let step = 0; step < 40; step++) {
      const path = pick(['a.txt', 'b.txt', 'c.txt', 'd.txt', 'e.txt']);
      if (random() < 0.25) {
        files.delete(path);
        index.remove(path);
      } else {
        const text = [pick(SENTENCES), pick(SENTENCES)].join(' ');
        files.set(path, text);
        // A third of the time with the traits a digest carries, worked out beforehand; a third
        // with those and the members and links staged a slice of no time at a time.
        const claims = claimsIn(text);
        const way = random();
        const traits = way < 0.67 ? claims.map(traitsOf) : undefined;
        if (traits && way < 0.33) [...index.stage(path, claims, traits, 0)];
        index.set(path, claims, traits);
      }
      const fresh = indexOf(Object.fromEntries(files));
      for (const p of ['a.txt', 'b.txt', 'c.txt', 'd.txt', 'e.txt']) assert.deepEqual(index.diagnostics(p), fresh.diagnostics(p), `seed ${seed}, step ${step}, ${p}`);
      assert.equal(index.conflictCount(), fresh.conflictCount(), `seed ${seed}, step ${step}`);
    }
  }
});
