import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Workspace } from '../../src/workspace/workspace';
import { hoverMarkdown } from '../../src/server/hover';
import { findAt } from '../../src/server/lookup';

// A claim's hover card: what the figure counts, then the other files' figures for the same
// thing, conflicts first. A figure that many files give lists the first few and counts the rest.

function cardAt(ws: Workspace, path: string, needle: string): string {
  const text = ws.get(path)?.text ?? '';
  const found = findAt(ws, path, text.indexOf(needle));
  assert.ok(found && found.kind === 'claim', `a claim at “${needle}”`);
  return hoverMarkdown(ws, path, found, () => 0);
}

test('a claim card lists other files’ figures, conflicts first, with how many agree and conflict', () => {
  const ws = new Workspace();
  ws.set('a.txt', 'Russia has 20,000 troops in Kherson.\n');
  ws.set('b.txt', 'Russia has 20,000 troops in Kherson, officials said.\n');
  ws.set('c.txt', 'Russia has 40,000 troops in Kherson.\n');
  const card = cardAt(ws, 'a.txt', '20,000');
  assert.match(card, /Other files on the same thing: 1 conflicting figure and 1 that agrees\./);
  const rows = card.split('\n').filter((l) => l.startsWith('- '));
  assert.equal(rows.length, 2);
  assert.match(rows[0], /⚠ \*\*conflicts\*\*: \[“40,000” in c\.txt\]/);
  assert.match(rows[1], /✓ agrees: \[“20,000” in b\.txt\]/);
});

test('a figure that thirty files give: twelve rows, the rest counted', () => {
  const ws = new Workspace();
  ws.set('a.txt', 'Russia has 20,000 troops in Kherson.\n');
  for (let i = 0; i < 30; i++) ws.set(`f${String(i).padStart(2, '0')}.txt`, `Russia has ${i < 20 ? '40,000' : '20,000'} troops in Kherson.\n`);
  const card = cardAt(ws, 'a.txt', '20,000');
  assert.match(card, /Other files on the same thing: 20 conflicting figures and 10 that agree\./);
  const rows = card.split('\n').filter((l) => l.startsWith('- '));
  assert.equal(rows.length, 13);
  assert.ok(rows.slice(0, 12).every((r) => r.includes('conflicts')), rows.join('\n'));
  assert.equal(rows[12], '- and 18 more (Go to References lists them all)');
});

test('a figure given as a ceiling reads as one: “as many as 40,000” is up to 40,000, not 0–40,000', () => {
  const ws = new Workspace();
  ws.set('a.txt', 'Russia has as many as 40,000 troops in Kherson.\n');
  ws.set('b.txt', 'Russia has 30,000 troops in Kherson.\n');
  const card = cardAt(ws, 'a.txt', '40,000');
  assert.match(card, /up to 40,000/);
  assert.doesNotMatch(card, /0–40,000/);
});

test('a fall\'s card says whose fall Byline read it as; a figure not compared says why in words', () => {
  const ws = new Workspace();
  ws.set('a.txt', 'On Friday, 36-year-old Duncan Rait died after slipping and falling about 200ft from a ridge.\n');
  assert.match(cardAt(ws, 'a.txt', 'about 200ft'), /of Rait, 36/);
  ws.set('b.txt', 'Two Americans were killed at each location.\n');
  assert.match(cardAt(ws, 'b.txt', 'Two'), /Not compared with other files \(a figure for each of several things\)\./);
});

test('a quote the speaker model attributed says so: no verb of speech, the person named nearby', () => {
  const ws = new Workspace();
  const text = 'Bernie Sanders was in a fighting mood at the end of the night — “We are going to raise the minimum wage in this country.”\n';
  ws.set('a.txt', text);
  const found = findAt(ws, 'a.txt', text.indexOf('We are going'));
  assert.ok(found && found.kind === 'quote');
  assert.match(hoverMarkdown(ws, 'a.txt', found, () => 0), /Quote: no verb of speech links it to anyone; Bernie Sanders is the person named nearby\./);
});

test('a card does not say the figure twice (“100,000 — 100,000”), but says how a hedged figure was read; words kept in lower case read as written', () => {
  const ws = new Workspace();
  ws.set('a.txt', 'Russia has 100,000 troops in Kherson.\n');
  ws.set('b.txt', 'Russia has 20,000 to 30,000 troops in Kherson.\n');
  ws.set('c.txt', 'Russia has close to 100,000 troops in Kherson.\n');
  ws.set('d.txt', 'One million people died in World War I, historians say.\n');
  const headline = (path: string, needle: string) => cardAt(ws, path, needle).split('\n')[0];
  assert.match(headline('a.txt', '100,000'), /^\*\*100,000\*\* — troops\b/);
  assert.match(headline('b.txt', '20,000'), /^\*\*20,000 to 30,000\*\* — troops\b/);
  assert.match(headline('c.txt', '100,000'), /^\*\*close to 100,000\*\* — 90,000–100,000 · troops\b/);
  assert.match(headline('d.txt', 'One million'), /World War I\b/);
});
