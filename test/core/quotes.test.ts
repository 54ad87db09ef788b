import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeDocument } from '../../src/core/analyze';
import type { Quote } from '../../src/core/types';
import { SPEECH_VERBS } from '../../src/core/quotes/cues';
import { fixture } from '../helpers/paths';

// Finding quotations: direct, partial and reported, with their offsets, parts and kinds.

/** Each quote as [kind, text the reader sees between its marks or as reported content]. */
function quotes(text: string, options = {}): Array<[Quote['kind'], string]> {
  return analyzeDocument(text, options).quotes.map((q) => [q.kind, q.text]);
}

function speakerOf(text: string, q: Quote): string | null {
  const { speakers } = analyzeDocument(text);
  return speakers.find((s) => s.key === q.attribution?.speakerKey)?.name ?? null;
}

test('a quotation standing as a sentence is direct, in straight, curly or guillemet marks', () => {
  for (const [open, close] of [['"', '"'], ['“', '”'], ['«', '»']]) {
    const text = `${open}The bridge will reopen in spring,${close} Mayor Tomas Reyes said.`;
    const [q] = analyzeDocument(text).quotes;
    assert.equal(q.kind, 'direct', open);
    assert.equal(q.text, 'The bridge will reopen in spring,');
    assert.equal(text.slice(q.start, q.end), `${open}The bridge will reopen in spring,${close}`, 'the span includes the marks');
    assert.deepEqual(q.parts, [{ start: q.start, end: q.end }]);
  }
});

test('a quote in doubled apostrophes reads without its marks', () => {
  assert.deepEqual(quotes("''Humility is a virtue,'' said Gregory Slayton."), [['direct', 'Humility is a virtue,']]);
});

test('nested single quotes stay inside the quotation’s text', () => {
  assert.deepEqual(quotes('Reyes added: “It’s the town’s ‘best idea’ in years.”'), [['direct', 'It’s the town’s ‘best idea’ in years.']]);
});

test('words in marks inside the writer’s sentence are a partial quote, inside the reported speech they belong to', () => {
  const text = 'Professor Charles Kupchan asserted that Milley is merely “a bit more forward-leaning” than his colleagues.';
  assert.deepEqual(quotes(text), [
    ['indirect', 'Milley is merely “a bit more forward-leaning” than his colleagues'],
    ['partial', 'a bit more forward-leaning'],
  ]);
});

test('a quote that runs over paragraphs is one direct quote with a part per paragraph, its text joined by a space', () => {
  const text = fixture('quotes/multi-paragraph.txt');
  const long = analyzeDocument(text).quotes.find((q) => q.parts.length > 1);
  assert.ok(long);
  assert.equal(long.kind, 'direct');
  assert.equal(long.text, "We will not give up the bridge. It belongs to the town and it carries the town's trade. And we will rebuild it before winter,");
  assert.equal(long.start, long.parts[0].start);
  assert.equal(long.end, long.parts[1].end);
});

test('quote offsets are JavaScript string indices with LF, CRLF and CR line ends', () => {
  const lf = fixture('quotes/multi-paragraph.txt');
  for (const text of [lf, lf.replace(/\n/g, '\r\n'), lf.replace(/\n/g, '\r')]) {
    const found = analyzeDocument(text).quotes;
    assert.equal(found.length, 2);
    const last = found[1];
    assert.equal(text.slice(last.start, last.end), '“Nobody in this room wants another year of detours.”');
    assert.equal(text.slice(found[0].parts[1].start, found[0].parts[1].end), '“And we will rebuild it before winter,”');
  }
});

test('a quote split by its cue is one quote in two parts', () => {
  const text = '“It is hard,” Anna Petrova said. “But we will manage.”';
  const [q, ...rest] = analyzeDocument(text).quotes;
  assert.equal(rest.length, 0);
  assert.equal(q.kind, 'direct');
  assert.deepEqual(
    q.parts.map((p) => text.slice(p.start, p.end)),
    ['“It is hard,”', '“But we will manage.”'],
  );
  assert.equal(speakerOf(text, q), 'Anna Petrova');
});

test('reported speech is indirect and its span is the content', () => {
  const cases: Array<[string, string]> = [
    ['Anna Petrova said that the talks would resume in May.', 'the talks would resume in May'],
    ['Anna Petrova said the talks would resume in May.', 'the talks would resume in May'],
    ['Anna Petrova told reporters on Tuesday that the talks would resume in May.', 'the talks would resume in May'],
    ['According to the ministry, the bridge will reopen on Monday.', 'the bridge will reopen on Monday'],
    ['The bridge will reopen on Monday, according to the ministry.', 'The bridge will reopen on Monday'],
    ['The mayor warned that the bridge would close.', 'the bridge would close'],
    ['Analysts argued that the plan was too expensive.', 'the plan was too expensive'],
    ['The minister insisted that nothing had changed.', 'nothing had changed'],
    ['The council will vote on Monday, officials said.', 'The council will vote on Monday'],
  ];
  for (const [text, content] of cases) {
    const found = analyzeDocument(text).quotes;
    assert.equal(found.length, 1, text);
    assert.equal(found[0].kind, 'indirect', text);
    assert.equal(text.slice(found[0].start, found[0].end), content, text);
    assert.equal(found[0].text, content);
    assert.ok(found[0].attribution?.cue, `${text}: the cue is given`);
  }
});

test('reported content stops where another speaker’s report is joined on', () => {
  const text = 'Reyes said the winter would slow the work, and the engineer insisted that the beams were ready.';
  assert.deepEqual(quotes(text), [
    ['indirect', 'the winter would slow the work'],
    ['indirect', 'the beams were ready'],
  ]);
});

test('an opening phrase or a name before a cue is not reported content', () => {
  assert.deepEqual(quotes('In New York last week, Reyes said that the bridge was safe.'), [['indirect', 'the bridge was safe']]);
  const found = quotes('On the transport page, she vows to “keep the bridge open”.');
  assert.ok(found.some(([kind, words]) => kind === 'partial' && words === 'keep the bridge open'));
  assert.ok(!found.some(([, words]) => words.includes('transport page')), JSON.stringify(found));
});

test('cue verbs are an extensible list: cueVerbs adds a verb in all its forms', () => {
  const text = 'Reyes blogged that the bridge was safe.';
  assert.ok(!SPEECH_VERBS.includes('blog'));
  assert.deepEqual(quotes(text), []);
  assert.deepEqual(quotes(text, { cueVerbs: ['blog'] }), [['indirect', 'the bridge was safe']]);
  assert.deepEqual(quotes('Reyes is blogging that the bridge is safe.', { cueVerbs: ['blog'] }), [['indirect', 'the bridge is safe']]);
});

test('scare quotes and titles are not quotations by a person', () => {
  const text = 'The so-called “experts” gathered to watch “Meet the Press” and read “The Art of the Deal” on the plane.';
  assert.deepEqual(quotes(text), []);
  // Even next to a cue a title inside the sentence is named, not quoted.
  assert.deepEqual(quotes('Trump told NBC’s “Today” on Monday that he would win.'), [['indirect', 'he would win']]);
});

test('titles of works in sentence case are not quotes: a book, a column, a headline “by” its writer', () => {
  assert.deepEqual(quotes('Reporters read his new book, “How to Rebuild a Bridge,” for clues.'), []);
  assert.deepEqual(quotes('“The Living Room to close at the end of December,” by Ben Sisario.'), []);
});

test('a short quote with a speaker in reach is kept and given to that speaker', () => {
  const text = 'Mayor Tomas Reyes said the plan was “unworkable.”';
  const found = analyzeDocument(text).quotes;
  const partial = found.find((q) => q.kind === 'partial');
  assert.ok(partial);
  assert.equal(partial.text, 'unworkable.');
  assert.equal(speakerOf(text, partial), 'Tomas Reyes');
});

test('a quote opened with a closing mark, an unclosed quote and a stray mark: problems reported, the rest read', () => {
  const text = fixture('quotes/broken-marks.txt');
  const analysis = analyzeDocument(text);
  assert.deepEqual(
    analysis.problems.map((p) => [p.code, text.slice(p.start, p.end)]),
    [['unclosed-quote', '“']],
  );
  assert.deepEqual(
    analysis.quotes.filter((q) => q.kind !== 'indirect').map((q) => [q.kind, q.text, speakerOf(text, q)]),
    [
      ['direct', 'The bridge will reopen in spring,', 'Tomas Reyes'],
      ['direct', 'Slowing down now is not an option.', 'Tomas Reyes'],
      ['direct', 'We have the money and we have the plans.', 'Tomas Reyes'],
      ['direct', 'It’s the town’s ‘best idea’ in years.', 'Tomas Reyes'],
    ],
  );
});

test('text with no marks and no cues has no quotes and no problems', () => {
  const analysis = analyzeDocument('The council adjourned at six. The bridge stays closed.');
  assert.deepEqual(analysis.quotes, []);
  assert.deepEqual(analysis.problems, []);
});
