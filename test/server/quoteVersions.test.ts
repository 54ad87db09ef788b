import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Workspace } from '../../src/workspace/workspace';
import { hoverMarkdown } from '../../src/server/hover';
import { findAt } from '../../src/server/lookup';
import { quoteReferences } from '../../src/server/navigation';
import { fixturesDir } from '../helpers/paths';

// A quote that other files quote too: its hover lists the other versions with the differing
// words marked, and Go to References lists every version.

const dir = path.join(fixturesDir, 'quotes-compared');

function loaded(...names: string[]): Workspace {
  const ws = new Workspace();
  for (const name of names) ws.set(name, fs.readFileSync(path.join(dir, name), 'utf8'));
  return ws;
}

function quoteAt(ws: Workspace, file: string, needle: string) {
  const found = findAt(ws, file, (ws.get(file)?.text ?? '').indexOf(needle));
  assert.ok(found && found.kind === 'quote', `a quote at “${needle}”`);
  return found;
}

test('the hover on a quote shows its other versions, the words that differ in bold and those missing struck through', () => {
  const ws = loaded('a.txt', 'b.txt', 'c.txt');
  const card = hoverMarkdown(ws, 'a.txt', quoteAt(ws, 'a.txt', 'We will not give up'), () => 0);
  assert.match(card, /\*\*1 other version\*\* of these words:/);
  assert.ok(card.includes('- Worded differently in [b.txt](b.txt#L1): “We will not give up **a single** inch of our land,” — not there: ~~an~~'), card);
  const harvest = hoverMarkdown(ws, 'a.txt', quoteAt(ws, 'a.txt', 'The harvest this year'), () => 0);
  assert.match(harvest, /\*\*2 other versions\*\*/);
  // Worded differently first; reported speech is said to be without quotation marks.
  const rows = harvest.split('\n').filter((l) => l.startsWith('- '));
  assert.match(rows[0], /^- Worded differently \(without quotation marks\) in \[c\.txt\]/);
  assert.match(rows[1], /^- Part of the same remark in \[b\.txt\]/);
});

test('the hover names another speaker; a quote with no other version has no such section', () => {
  const ws = loaded('a.txt', 'b.txt');
  const card = hoverMarkdown(ws, 'b.txt', quoteAt(ws, 'b.txt', 'Nobody will dictate'), () => 0);
  assert.match(card, /The same words in \[a\.txt\]\(a\.txt#L1\): “Nobody will dictate the terms of peace to us,” — ⚠ given to \*\*Maria Kovalenko\*\*/);
  const alone = hoverMarkdown(ws, 'b.txt', quoteAt(ws, 'b.txt', 'There must be'), () => 0);
  assert.doesNotMatch(alone, /other version/);
});

test('Go to References on a quote lists every version, the quote itself first', () => {
  const ws = loaded('a.txt', 'b.txt', 'e.txt');
  const rangeOf = (uri: string, start: number, end: number) => ({ start: { line: 0, character: start }, end: { line: 0, character: end }, uri });
  const q = quoteAt(ws, 'a.txt', 'Nobody will dictate').quote;
  const refs = quoteReferences(ws, 'a.txt', q.start, q.end, rangeOf);
  assert.deepEqual(refs.map((r) => r.uri), ['a.txt', 'b.txt', 'e.txt']);
  const e = ws.get('e.txt')?.text ?? '';
  const there = refs[2].range;
  assert.match(e.slice(there.start.character, there.end.character), /nobody will dictate the terms of peace to us/);
  const lone = quoteAt(ws, 'b.txt', 'There must be').quote;
  assert.deepEqual(quoteReferences(ws, 'b.txt', lone.start, lone.end, rangeOf), []);
});
