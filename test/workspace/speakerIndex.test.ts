import { test } from 'node:test';
import assert from 'node:assert/strict';
import { personNamesMatch, surnamesMatch } from '../../src/core/speakers/names';
import type { DigestSpeaker, QuoteOwner } from '../../src/workspace/digest';
import { SpeakerIndex } from '../../src/workspace/speakerIndex';
// The benchmark's seeded generator (mulberry32), so a failure can be replayed.
import { seeded } from '../../scripts/bench/random';

// The speaker index clusters names, not mentions, and keeps its work between updates; these
// tests hold it to what a reader expects of one list of people: the same folder gives the
// same speakers whatever order its files are read or edited in, and a batch equals its files
// added one by one.

type Doc = { path: string; speakers: DigestSpeaker[]; quotes: QuoteOwner[] };

function person(key: string, name: string, mentions = 1): DigestSpeaker {
  return { key, name, kind: 'person', forms: [name], roles: [], mentionCount: mentions };
}

function doc(path: string, ...names: string[]): Doc {
  return { path, speakers: names.map((n, i) => person(`s${i}`, n)), quotes: [] };
}

/** Every speaker as "name: files", sorted: what a reader sees, whatever the ids. */
function summary(index: SpeakerIndex): string[] {
  return index
    .all()
    .map((s) => `${s.name} [${s.aliases.join(', ')}]: ${s.files.join(' ')}`)
    .sort();
}

const FOLDER: Doc[] = [
  doc('a.txt', 'Bill Clinton', 'Hillary Clinton', 'Clinton'),
  doc('b.txt', 'Hillary Clinton', 'Clinton', 'Mark Milley'),
  doc('c.txt', 'Hillary Rodham Clinton', 'Milli', 'Mark Mille'),
  doc('d.txt', 'Zelensky', 'Zelenskyy'),
  doc('e.txt', 'Volodymyr Zelensky', 'Milley'),
];

test('a bare surname goes to the person named in the most files; misspellings of a name merge', () => {
  const index = new SpeakerIndex();
  for (const d of FOLDER) index.set(d.path, d.speakers, d.quotes);
  const hillary = index.all().find((s) => s.name === 'Hillary Clinton');
  assert.ok(hillary);
  assert.ok(hillary.aliases.includes('Clinton'), hillary.aliases.join(', '));
  assert.deepEqual(hillary.files, ['a.txt', 'b.txt', 'c.txt']);
  const milley = index.all().find((s) => s.name === 'Mark Milley');
  assert.deepEqual(milley?.aliases, ['Mark Mille', 'Milley', 'Milli']);
  const zelensky = index.all().filter((s) => /Zelensk/.test(s.name));
  assert.equal(zelensky.length, 1);
  assert.deepEqual(zelensky[0].files, ['d.txt', 'e.txt']);
});

test('the same folder gives the same speakers in any reading order, and a batch equals one file at a time', () => {
  const forward = new SpeakerIndex();
  for (const d of FOLDER) forward.set(d.path, d.speakers, d.quotes);
  const backward = new SpeakerIndex();
  for (const d of [...FOLDER].reverse()) backward.set(d.path, d.speakers, d.quotes);
  const batch = new SpeakerIndex();
  batch.setMany(FOLDER);
  assert.deepEqual(summary(backward), summary(forward));
  assert.deepEqual(summary(batch), summary(forward));
});

test('an edit that renames a person and its undo leave the index as a fresh load would', () => {
  const index = new SpeakerIndex();
  index.setMany(FOLDER);
  const before = summary(index);
  const ids = index.all().map((s) => s.id).sort();
  // b.txt now calls its general "Mark Milton": a new name, in a block of its own.
  const renamed = index.set('b.txt', [person('s0', 'Hillary Clinton'), person('s1', 'Clinton'), person('s2', 'Mark Milton')], []);
  assert.ok(renamed.has('b.txt'));
  assert.ok(summary(index).some((s) => s.startsWith('Mark Milton')));
  index.set('b.txt', FOLDER[1].speakers, []);
  assert.deepEqual(summary(index), before);
  assert.deepEqual(index.all().map((s) => s.id).sort(), ids);
});

test('a change of the name a speaker goes by reports every file that names them', () => {
  const index = new SpeakerIndex();
  index.setMany([doc('a.txt', 'Milley'), doc('b.txt', 'Milley')]);
  assert.equal(index.speakerOf('b.txt', 's0')?.name, 'Milley');
  // The first full name makes "Mark Milley" the speaker's name in a.txt and b.txt as well.
  const changed = index.set('c.txt', [person('s0', 'Mark Milley')], []);
  assert.deepEqual([...changed].sort(), ['a.txt', 'b.txt', 'c.txt']);
  assert.equal(index.speakerOf('a.txt', 's0')?.name, 'Mark Milley');
  const removed = index.remove('c.txt');
  assert.deepEqual([...removed].sort(), ['a.txt', 'b.txt']);
  assert.equal(index.speakerOf('a.txt', 's0')?.name, 'Milley');
});

test('the person named in more files takes a shared surname over when the counts change', () => {
  const index = new SpeakerIndex();
  index.setMany([doc('a.txt', 'Bill Clinton'), doc('b.txt', 'Bill Clinton'), doc('c.txt', 'Hillary Clinton'), doc('d.txt', 'Clinton')]);
  assert.equal(index.speakerOf('d.txt', 's0')?.name, 'Bill Clinton');
  index.setMany([doc('e.txt', 'Hillary Clinton'), doc('f.txt', 'Hillary Clinton')]);
  assert.equal(index.speakerOf('d.txt', 's0')?.name, 'Hillary Clinton');
});

// ── Against a from-scratch clustering ────────────────────────────────────────────────

const FIRST = ['mark', 'hillary', 'bill', 'm', 'h', 'volodymyr', 'john', 'jon', 'marc'];
const LAST = ['milley', 'milli', 'mille', 'clinton', 'clintn', 'zelensky', 'zelenskyy', 'zelenskiy', 'smith', 'smyth', 'smithe'];
/** Only ever bare: a chain of misspellings whose ends do not match each other, so a group splits when its middle goes. */
const BARE_ONLY = ['horvath', 'horrvath', 'horrrvath'];


function randomDoc(path: string, random: () => number): Doc {
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)];
  const names = Array.from({ length: 1 + Math.floor(random() * 4) }, () => (random() < 0.35 ? pick([...LAST, ...BARE_ONLY]) : `${pick(FIRST)} ${pick(LAST)}`));
  return doc(path, ...new Set(names.map((n) => n.replace(/\b\w/g, (c) => c.toUpperCase()))));
}

/** The people of the index's final names, clustered from scratch by the rules of speakerClusters.ts. */
function fromScratch(docs: ReadonlyMap<string, Doc>): string[] {
  const files = new Map<string, Set<string>>();
  for (const d of docs.values()) for (const s of d.speakers) files.set(s.name.toLowerCase(), (files.get(s.name.toLowerCase()) ?? new Set()).add(d.path));
  const names = [...files.keys()];
  const words = (n: string) => n.split(' ');
  const surname = (n: string) => words(n)[words(n).length - 1];
  const connected = (xs: string[], match: (a: string, b: string) => boolean) => {
    const parts: string[][] = [];
    const seen = new Set<string>();
    for (const x of xs) {
      if (seen.has(x)) continue;
      const part = [x];
      seen.add(x);
      for (let i = 0; i < part.length; i++) for (const y of xs) if (!seen.has(y) && match(part[i], y)) seen.add(y) && part.push(y);
      parts.push(part);
    }
    return parts;
  };
  const full = names.filter((n) => words(n).length >= 2);
  const people = connected(full, (a, b) => personNamesMatch(words(a), words(b)));
  const fileCount = (p: string[]) => new Set(p.flatMap((n) => [...(files.get(n) as Set<string>)])).size;
  const unclaimed: string[] = [];
  const owned = people.map((p) => [...p]);
  for (const bare of names.filter((n) => words(n).length < 2)) {
    let candidates = people.filter((p) => p.some((n) => surname(n) === bare));
    if (candidates.length === 0) candidates = people.filter((p) => p.some((n) => surnamesMatch(surname(n), bare)));
    if (candidates.length === 0) {
      unclaimed.push(bare);
      continue;
    }
    const first = (p: string[]) => [...p].sort()[0];
    const owner = [...candidates].sort((a, b) => fileCount(b) - fileCount(a) || (first(a) < first(b) ? -1 : 1))[0];
    owned[people.indexOf(owner)].push(bare);
  }
  return [...owned, ...connected(unclaimed, surnamesMatch)].map((p) => p.sort().join(' = ')).sort();
}

function clustered(index: SpeakerIndex): string[] {
  return index
    .all()
    .map((s) => [s.name, ...s.aliases].map((n) => n.toLowerCase()).sort().join(' = '))
    .sort();
}

test('kept up to date through random adds, edits and removals, the people are those a from-scratch clustering finds', () => {
  for (let seed = 1; seed <= 20; seed++) {
    const random = seeded(seed);
    const index = new SpeakerIndex();
    const docs = new Map<string, Doc>();
    for (let step = 0; step < 60; step++) {
      const path = `${Math.floor(random() * 15)}.txt`;
      if (random() < 0.2) {
        index.remove(path);
        docs.delete(path);
      } else {
        const d = randomDoc(path, random);
        index.set(path, d.speakers, d.quotes);
        docs.set(path, d);
      }
    }
    assert.deepEqual(clustered(index), fromScratch(docs), `seed ${seed}`);
  }
});

test('a scan that defers clustering ends where one that does not would, whatever is asked or edited meanwhile', () => {
  for (let seed = 1; seed <= 20; seed++) {
    const random = seeded(seed * 31);
    const index = new SpeakerIndex();
    const docs = new Map<string, Doc>();
    const deferred = new Set<string>();
    const reported = new Set<string>();
    for (let step = 0; step < 80; step++) {
      const path = `${Math.floor(random() * 15)}.txt`;
      const roll = random();
      if (roll < 0.1) {
        index.remove(path);
        docs.delete(path);
        deferred.delete(path);
      } else if (roll < 0.2) {
        // An edit in the editor: clustered at once, its own blocks included.
        const d = randomDoc(path, random);
        for (const p of index.setMany([d])) reported.add(p);
        docs.set(path, d);
        deferred.delete(path);
      } else if (roll < 0.3) {
        // A hover on a document that was merged but not clustered yet: its speakers are clustered first.
        const d = docs.get(path);
        for (const s of d?.speakers ?? []) assert.ok(index.speakerOf(path, s.key), `seed ${seed}: ${s.name} in ${path} has a speaker`);
      } else if (roll < 0.35) {
        for (const p of index.settle(1)) reported.add(p);
      } else {
        const d = randomDoc(path, random);
        assert.equal(index.setMany([d], true).size, 0);
        docs.set(path, d);
        deferred.add(path);
      }
    }
    for (const p of index.settle()) reported.add(p);
    assert.equal(index.unsettled, 0);
    assert.deepEqual(clustered(index), fromScratch(docs), `seed ${seed}`);
    for (const p of deferred) assert.ok(reported.has(p), `seed ${seed}: ${p} was merged with its clustering deferred and is reported as changed`);
  }
});
