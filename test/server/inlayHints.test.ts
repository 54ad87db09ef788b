import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Workspace } from '../../src/workspace/workspace';
import { quoteHints } from '../../src/server/inlayHints';

// The speaker's name where a quote ends, unless the text names them plainly beside it.

const hintsOf = (text: string, reportedSpeech = true) => {
  const ws = new Workspace();
  ws.set('a.txt', text);
  return quoteHints(ws, 'a.txt', 0, text.length, { reportedSpeech }).map((h) => ({ at: text.slice(0, h.offset).slice(-12), label: h.label, tooltip: h.tooltip }));
};

test('a quote attributed by a pronoun gets the surname where it ends; the tooltip has the full name and role', () => {
  const text = 'Gen. Mark Milley, the chairman of the Joint Chiefs, spoke on Wednesday.\n“We will not leave,” he said.\n';
  const hints = hintsOf(text);
  assert.equal(hints.length, 1, JSON.stringify(hints));
  assert.equal(hints[0].label, '— Milley');
  assert.equal(hints[0].at, ' not leave,”');
  assert.match(hints[0].tooltip, /^Mark Milley, .*chairman/);
});

test('a quote whose speaker is named plainly beside it gets no hint', () => {
  assert.deepEqual(hintsOf('“We will not leave,” Milley said on Wednesday.\n'), []);
});

test('reported speech is named only while byline.underlineReportedSpeech is on', () => {
  const text = 'Mark Milley spoke on Wednesday. He said that the troops would stay in the city for the winter.\n';
  assert.equal(hintsOf(text).length, 1);
  assert.deepEqual(hintsOf(text, false), []);
});

test('an unnamed speaker is named as the article calls them beside the quote, and capitalised where the tooltip starts', () => {
  const hints = hintsOf('Officials spoke. “We will not leave,” a US official said. “It is too soon,” the official added.\n');
  assert.ok(hints.length >= 1, JSON.stringify(hints));
  assert.equal(hints[0].label, '— a US official');
  assert.match(hints[0].tooltip, /^A US official\b/);
});
