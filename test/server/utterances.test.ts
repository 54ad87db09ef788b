import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Workspace } from '../../src/workspace/workspace';
import { utterances } from '../../src/server/navigation';
import { fixturesDir } from '../helpers/paths';
import { utteranceRow, versionRow } from '../../src/client/utteranceText';

// The Byline view's remarks quoted in several files (byline/utterances): the quote-variant
// index's linked versions joined into remarks, each version set against the fullest one, the
// remarks whose versions differ first.

const dir = path.join(fixturesDir, 'quotes-compared');

function loaded(...names: string[]): Workspace {
  const ws = new Workspace();
  for (const name of names) ws.set(name, fs.readFileSync(path.join(dir, name), 'utf8'));
  return ws;
}

/** Offsets as ranges on line 0, so that a test can find the words back in the text. */
const rangeOf = (_uri: string, start: number, end: number) => ({ start: { line: 0, character: start }, end: { line: 0, character: end } });

test('remarks quoted in several files: those that differ first, each version against the fullest, with the words that differ', () => {
  const found = utterances(loaded('a.txt', 'b.txt', 'c.txt'), rangeOf);
  const inch = found.find((u) => u.versions.some((v) => v.text.includes('give up')));
  assert.ok(inch, JSON.stringify(found.map((u) => u.versions[0].text)));
  assert.equal(inch.differs, true);
  assert.equal(inch.speaker, 'Maria Kovalenko');
  // b.txt's "a single inch" has the most words: it is the fullest, and a.txt's "an inch" is worded differently.
  assert.deepEqual(inch.versions.map((v) => [v.uri, v.relation]), [['b.txt', 'fullest'], ['a.txt', 'worded-differently']]);
  assert.deepEqual(inch.versions[1].added, ['an']);
  assert.deepEqual(inch.versions[1].missing, ['a single']);
  // "Nobody will dictate …": the same words, but b.txt gives them to another speaker.
  const dictate = found.find((u) => u.versions.some((v) => v.text.includes('dictate the terms')));
  assert.ok(dictate?.differs && dictate.versions.some((v) => v.otherSpeaker), JSON.stringify(dictate));
  // The time-waste partial quote is the same in both files: it does not differ, and comes after those that do.
  const waste = found.findIndex((u) => u.versions.some((v) => v.text.includes('waste of everyone')));
  assert.ok(waste >= 0 && !found[waste].differs, JSON.stringify(found[waste]));
  assert.ok(found.slice(0, waste).every((u) => u.differs) && found.slice(waste).every((u) => !u.differs), JSON.stringify(found.map((u) => u.differs)));
  // Scare quotes ("peace plan") never link, and a remark quoted in one file is no entry.
  assert.ok(!found.some((u) => u.versions.some((v) => v.text.includes('peace plan'))));
  assert.ok(found.every((u) => new Set(u.versions.map((v) => v.uri)).size >= 2));
});

test('a limit keeps that many remarks, those that differ first; a workspace of one file has none', () => {
  const all = utterances(loaded('a.txt', 'b.txt', 'c.txt'), rangeOf);
  assert.ok(all.length >= 2, `${all.length} remarks`);
  assert.deepEqual(utterances(loaded('a.txt', 'b.txt', 'c.txt'), rangeOf, 1), all.slice(0, 1));
  assert.deepEqual(utterances(loaded('a.txt'), rangeOf), []);
});

test('the view’s rows: the words as label, who and how they differ as description; tooltips add the whole words, the files and the differing words', () => {
  const found = utterances(loaded('a.txt', 'b.txt', 'c.txt'), rangeOf);
  const inch = found.find((u) => u.versions.some((v) => v.text.includes('give up')));
  assert.ok(inch);
  const row = utteranceRow(inch, 30);
  assert.equal(row.label, '“We will not give up a single…”');
  assert.equal(row.description, 'Maria Kovalenko · 2 files · worded differently');
  assert.equal(row.differs, 'words');
  assert.equal(row.tooltip, ['“We will not give up a single inch of our land,”', 'Maria Kovalenko, quoted in b.txt (line 1) and a.txt (line 1).', 'One version is worded differently.'].join('\n\n'));
  const [fullest, other] = inch.versions;
  const version = versionRow(other, fullest, 80);
  assert.equal(version.description, 'a.txt:1 · worded differently');
  assert.ok(!version.tooltip.includes(version.description), 'the tooltip does not repeat the description');
  assert.match(version.tooltip, /^Quote in a\.txt, line 1, by Maria Kovalenko:\n\n“We will not give up an inch of our land,”\n\nNot in the fullest version \(b\.txt\): “an”\.\n\nLeft out here: “a single”\.$/);
  // Words given to another speaker: the row says so first, and the tooltip names who.
  const dictate = found.find((u) => u.versions.some((v) => v.text.includes('dictate the terms')));
  assert.ok(dictate);
  const dictateRow = utteranceRow(dictate, 80);
  assert.equal(dictateRow.differs, 'speaker');
  assert.match(dictateRow.description, / · 2 files · given to another speaker$/);
  assert.match(dictateRow.tooltip, /gives the words to (Petro Hrytsenko|Maria Kovalenko)\.$/);
});
