import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseDocument } from '../../src/core/document';
import { findParagraphs } from '../../src/core/text/paragraphs';
import { scanQuotes } from '../../src/core/quotes/marks';
import { fixture } from '../helpers/paths';

// Pairing quotation marks: each mark is read from what stands around it, a broken quote is
// reported and kept inside its paragraph, and everything else in the document still pairs.

/** The text of each quotation the scanner finds, marks included, one string per paragraph part. */
function pieces(text: string): string[][] {
  return scanQuotes(text, findParagraphs(text)).quotes.map((q) => q.parts.map((p) => text.slice(p.start, p.end)));
}

test('straight, curly and guillemet quotes pair into quotations with their marks', () => {
  assert.deepEqual(pieces('He said "yes" and “no” and «maybe».'), [['"yes"'], ['“no”'], ['«maybe»']]);
});

test('single quotes nested in a double quote stay inside it; apostrophes are not quotes', () => {
  const text = 'Reyes said, “It’s the town’s ‘best idea’ since the ’90s,” and left. Don’t worry.';
  assert.deepEqual(pieces(text), [['“It’s the town’s ‘best idea’ since the ’90s,”']]);
});

test('two straight apostrophes are one double mark, as in archive copy', () => {
  const text = "''Humility is a virtue,'' said Gregory Slayton. Jones' book and the '90s stay apostrophes.";
  assert.deepEqual(pieces(text), [["''Humility is a virtue,''"]]);
  const unclosed = "He said: ''We will see.\nThe end.";
  const scan = scanQuotes(unclosed, findParagraphs(unclosed));
  assert.deepEqual(scan.problems.map((p) => unclosed.slice(p.start, p.end)), ["''"]);
});

test('a quote in the other style inside a quote is nested, not a new quote', () => {
  assert.deepEqual(pieces('Dr. Ward stated: "The department isn’t about “Equal Justice” anymore." Then she left.'), [['"The department isn’t about “Equal Justice” anymore."']]);
  assert.deepEqual(pieces('Reyes said, “They told me "no" twice.” Then he left.'), [['“They told me "no" twice.”']]);
});

test('a mark typed right after a colon opens a quote', () => {
  assert.deepEqual(pieces('Rep. Trey Gowdy:"Who told you that?"'), [['"Who told you that?"']]);
});

test('a top-level single-quoted headline is a quotation of its own', () => {
  assert.deepEqual(pieces('Kasich: ‘We Are Going To Win.’'), [['‘We Are Going To Win.’']]);
});

test('a quote that runs over paragraphs is one quotation with one part per paragraph', () => {
  const text = fixture('quotes/multi-paragraph.txt');
  const quotes = scanQuotes(text, findParagraphs(text)).quotes;
  const long = quotes.find((q) => q.parts.length > 1);
  assert.ok(long, 'no quotation over paragraphs');
  assert.equal(long.parts.length, 2);
  assert.ok(text.slice(long.parts[0].start, long.parts[0].end).startsWith('“We will not give up'));
  assert.ok(text.slice(long.parts[0].start, long.parts[0].end).endsWith("town's trade."), 'the first part ends with its paragraph');
  assert.ok(text.slice(long.parts[1].start, long.parts[1].end).endsWith('before winter,”'));
  assert.equal(long.closed, true);
});

test('offsets are string indices whatever the line ends (LF, CRLF, CR)', () => {
  const lf = fixture('quotes/multi-paragraph.txt');
  for (const text of [lf, lf.replace(/\n/g, '\r\n'), lf.replace(/\n/g, '\r')]) {
    const quotes = scanQuotes(text, findParagraphs(text)).quotes;
    assert.equal(quotes.length, 2, JSON.stringify(text.slice(0, 20)));
    for (const q of quotes) {
      for (const p of q.parts) assert.match(text.slice(p.start, p.end), /^“[^\r\n]*$/, 'each part is one paragraph, starting at its opening mark');
    }
    const last = quotes[1].parts[0];
    assert.equal(text.slice(last.start, last.end), '“Nobody in this room wants another year of detours.”');
  }
});

test('a quote opened with a closing mark is still a quotation', () => {
  assert.deepEqual(pieces('“We go on,” he said.\n”Slowing down now is not an option.”'), [['“We go on,”'], ['”Slowing down now is not an option.”']]);
});

test('an unclosed quote is reported, ends with its paragraph, and the next paragraph pairs normally', () => {
  const text = 'Reyes said: “We have the money.\nThe council met.\nHe added: “We start Monday.”';
  const scan = scanQuotes(text, findParagraphs(text));
  assert.deepEqual(
    scan.quotes.map((q) => [text.slice(q.parts[0].start, q.parts[0].end), q.closed]),
    [
      ['“We have the money.', false],
      ['“We start Monday.”', true],
    ],
  );
  assert.equal(scan.problems.length, 1);
  assert.equal(scan.problems[0].code, 'unclosed-quote');
  assert.equal(scan.problems[0].start, text.indexOf('“'));
  assert.match(scan.problems[0].message, /never closed/);
});

test('a stray closing mark and inch marks break nothing', () => {
  const text = fixture('quotes/broken-marks.txt');
  const texts = pieces(text).map((p) => p.join(''));
  assert.deepEqual(texts, [
    '“The bridge will reopen in spring,”',
    '”Slowing down now is not an option.”',
    '“We have the money and we have the plans.',
    '“It’s the town’s ‘best idea’ in years.”',
  ]);
  assert.deepEqual(
    scanQuotes(text, findParagraphs(text)).problems.map((p) => text.slice(p.start, p.start + 20)),
    ['“We have the money a'],
  );
});

test('sentences treat a quotation as opaque, so its cue stays in the same sentence', () => {
  const text = '“I don’t think it’s premature. I think it’s prudent,” he added. Then he left.';
  const doc = parseDocument(text);
  const sentences = doc.sentences.map((s) => text.slice(doc.tokens[s.first].start, doc.tokens[s.last - 1].end));
  assert.deepEqual(sentences, ['“I don’t think it’s premature. I think it’s prudent,” he added.', 'Then he left.']);
});

test('a point with no space after it is inside a word, not a full stop (RM23.50, D-N.Y., breitbart.com); a spaced one ends the sentence', () => {
  const text = 'A meal costs RM23.50 in Kuala Lumpur. 40 people came. Rep. Hakeem Jeffries (D-N.Y.) wrote on Breitbart.com that it was over. Then he left.';
  const doc = parseDocument(text);
  const sentences = doc.sentences.map((s) => text.slice(doc.tokens[s.first].start, doc.tokens[s.last - 1].end));
  assert.deepEqual(sentences, ['A meal costs RM23.50 in Kuala Lumpur.', '40 people came.', 'Rep. Hakeem Jeffries (D-N.Y.) wrote on Breitbart.com that it was over.', 'Then he left.']);
});

test('a quote that ends its sentence ends it: the cue after it starts a new one only after a full stop', () => {
  const text = '“Immoral compromises will lead to new blood.” Zelensky said on Friday.';
  const doc = parseDocument(text);
  assert.equal(doc.sentences.length, 2);
});

test('a quote that runs into the next paragraph without reopening it, and closes there, is one quote', () => {
  const text = '“We will not leave the city before the winter.\n\nThe army is ready,” Milley said.\n\nLater “he left” early.';
  assert.deepEqual(pieces(text), [['“We will not leave the city before the winter.', 'The army is ready,”'], ['“he left”']]);
  assert.deepEqual(scanQuotes(text, findParagraphs(text)).problems, []);
  // A paragraph that opens a quote of its own still leaves the one before it unclosed.
  const reopened = '“We will not leave.\n\nHe said “no” twice.';
  assert.deepEqual(pieces(reopened), [['“We will not leave.'], ['“no”']]);
});
