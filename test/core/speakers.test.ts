import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeDocument, type DocumentAnalysis } from '../../src/core/analyze';
import type { AttributionVia, DocumentSpeaker, Quote } from '../../src/core/types';
import { editDistance, personNamesMatch, surnamesMatch } from '../../src/core/speakers/names';
import { fixture } from '../helpers/paths';

// Who said it: the cue next to a quote, the phrase that names the speaker, and the person,
// body or unnamed source that phrase stands for in this document.

interface Said {
  words: string;
  speaker: string | null;
  via: AttributionVia | null;
  mention: string | null;
  cue: string | null;
}

function said(analysis: DocumentAnalysis, q: Quote): Said {
  const a = q.attribution;
  const speaker = a ? (analysis.speakers.find((s) => s.key === a.speakerKey)?.name ?? null) : null;
  return { words: q.text, speaker, via: a?.via ?? null, mention: a?.mention?.text ?? null, cue: a?.cue?.text ?? null };
}

/** The attribution of the quote whose text contains `words`. */
function whoSaid(text: string, words: string): Said {
  const analysis = analyzeDocument(text);
  const q = analysis.quotes.find((x) => x.text.includes(words));
  assert.ok(q, `no quote with "${words}" in ${JSON.stringify(analysis.quotes.map((x) => x.text))}`);
  return said(analysis, q);
}

function speaker(analysis: DocumentAnalysis, name: string): DocumentSpeaker {
  const s = analysis.speakers.find((x) => x.name === name);
  assert.ok(s, `no speaker ${name} in ${analysis.speakers.map((x) => x.name).join(', ')}`);
  return s;
}

const INTRO = 'Gen. Mark Milley, the chairman of the US Joint Chiefs, spoke in New York on Wednesday.\n';

test('the cue after the quote names the speaker: “…,” Milley continued / he remarked / remarked Kupchan', () => {
  assert.deepEqual(whoSaid(`${INTRO}“There may be a political solution,” Milley continued.`, 'political solution'), {
    words: 'There may be a political solution,',
    speaker: 'Mark Milley',
    via: 'cue',
    mention: 'Milley',
    cue: 'continued',
  });
  assert.deepEqual(whoSaid(`${INTRO}“Russia is on its back,” he remarked.`, 'on its back'), {
    words: 'Russia is on its back,',
    speaker: 'Mark Milley',
    via: 'pronoun',
    mention: 'he',
    cue: 'remarked',
  });
  const kupchan = 'Professor Charles Kupchan of Georgetown University spoke next.\n“Zelensky gets a little heated,” remarked Kupchan.';
  assert.deepEqual(whoSaid(kupchan, 'heated'), { words: 'Zelensky gets a little heated,', speaker: 'Charles Kupchan', via: 'cue', mention: 'Kupchan', cue: 'remarked' });
});

test('the cue before the quote names the speaker: According to Kirby, “…” / he advised, “…” / said: “…”', () => {
  const kirby = 'John Kirby, the spokesperson for national security, spoke on Thursday.\nAccording to Kirby, only Kyiv “gets to determine when it is ready.”';
  const k = whoSaid(kirby, 'gets to determine');
  assert.equal(k.speaker, 'John Kirby');
  assert.equal(k.cue, 'According to');
  assert.equal(whoSaid(`${INTRO}Therefore, he advised, “Seize the moment.”`, 'Seize').speaker, 'Mark Milley');
  assert.equal(whoSaid(`${INTRO}Milley said: “The war will not end soon.”`, 'not end soon').cue, 'said');
});

test('a cue inside a sentence of reported speech makes the words in marks its speaker’s', () => {
  const text = `${INTRO}The fact that neither side would compromise, he claimed, “resulted in 20 million dead.”`;
  assert.equal(whoSaid(text, '20 million').speaker, 'Mark Milley');
});

test('organisations speak: the White House said in a statement, the Pentagon said', () => {
  const text = 'The White House said in a statement that Burns was not negotiating. The Pentagon said it had no comment.';
  const analysis = analyzeDocument(text);
  assert.deepEqual(
    analysis.quotes.map((q) => [q.text, said(analysis, q).speaker, said(analysis, q).mention]),
    [
      ['Burns was not negotiating', 'White House', 'The White House'],
      ['it had no comment', 'Pentagon', 'The Pentagon'],
    ],
  );
  assert.equal(speaker(analysis, 'White House').kind, 'organization');
});

test('a quote paragraph with no cue continues the previous speaker', () => {
  const text = fixture('quotes/multi-paragraph.txt');
  const analysis = analyzeDocument(text);
  assert.deepEqual(
    analysis.quotes.map((q) => [said(analysis, q).speaker, said(analysis, q).via]),
    [
      ['Jane Okafor', 'pronoun'],
      ['Jane Okafor', 'continuation'],
    ],
  );
});

test('a quote after an unrelated paragraph does not inherit a speaker', () => {
  const text = `${INTRO}“The war will not end soon,” Milley said.\nThe council adjourned at six.\n“Nobody wants detours.”`;
  const analysis = analyzeDocument(text);
  const last = analysis.quotes.find((q) => q.text.includes('detours'));
  assert.ok(last);
  assert.equal(last.attribution, null);
});

test('pronouns and descriptions resolve to the person the text just named', () => {
  const text = fixture('quotes/speakers.txt');
  const analysis = analyzeDocument(text);
  const by = (words: string) => said(analysis, analysis.quotes.find((q) => q.text.includes(words)) as Quote);
  assert.deepEqual(by('will not end soon'), { words: 'The war will not end soon,', speaker: 'Mark Milley', via: 'description', mention: 'the US military commander', cue: 'said' });
  assert.deepEqual(by('negotiate from strength'), { words: 'We want to negotiate from strength,', speaker: 'Mark Milley', via: 'pronoun', mention: 'he', cue: 'remarked' });
});

test('a pronoun with nobody to point back to is left unattributed, not guessed', () => {
  assert.equal(whoSaid('“The vote was rigged,” she said.', 'rigged').speaker, null);
});

test('misspelt surnames and full names are merged within a file: Milley, Milli, Mark Mille', () => {
  const text = fixture('quotes/speakers.txt');
  const analysis = analyzeDocument(text);
  const milley = speaker(analysis, 'Mark Milley');
  assert.deepEqual(milley.forms.sort(), ['Mark Mille', 'Mark Milley', 'Milli']);
  assert.equal(analysis.speakers.filter((s) => /^Mil/.test(s.name) || /Mill/.test(s.name)).length, 1);
  const zelensky = analyzeDocument('Volodymyr Zelensky said on Friday that talks were premature. Zelenskyy added: “We will not trade land.”');
  assert.deepEqual(speaker(zelensky, 'Volodymyr Zelensky').forms, ['Volodymyr Zelensky', 'Zelenskyy']);
});

test('roles come from titles and appositions', () => {
  const analysis = analyzeDocument(fixture('quotes/speakers.txt'));
  assert.deepEqual(
    speaker(analysis, 'Mark Milley').roles.map((r) => r.text),
    ['Gen.', 'the chairman of the US Joint Chiefs'],
  );
  const burns = analyzeDocument('CIA Director William Burns met his counterpart. Burns said the meeting was useful.');
  const person = speaker(burns, 'William Burns');
  assert.deepEqual(person.roles.map((r) => r.text), ['CIA Director']);
  assert.equal(burns.quotes[0].attribution?.speakerKey, person.key, 'a sentence-initial surname is the person named in full');
});

test('a role’s offsets point at its words in the text', () => {
  const text = fixture('quotes/speakers.txt');
  for (const r of speaker(analyzeDocument(text), 'Mark Milley').roles) assert.equal(text.slice(r.start, r.end), r.text);
});

test('a role is the whole role phrase before the name: "Chairman of the …", "US Army …"', () => {
  const roles = (text: string) => speaker(analyzeDocument(text), 'Mark Milley').roles.map((r) => r.text);
  assert.deepEqual(roles('Chairman of the Joint Chief of Staff Mark Milley urged Kyiv and Moscow to find a political solution.'), ['Chairman of the Joint Chief of Staff']);
  assert.deepEqual(roles('US Army Chief of Staff Mark Milley said 100,000 Russian soldiers have been killed or wounded.'), ['US Army Chief of Staff']);
  assert.deepEqual(roles('Peace may be near, US Army Gen. Mark Milley, chairman of the U.S. Joint Chiefs of Staff, said Wednesday.'), ['US Army Gen.', 'chairman of the U.S. Joint Chiefs of Staff']);
});

test('anonymous sources stay anonymous and distinct: the second US official is neither Milley nor the first', () => {
  const analysis = analyzeDocument(fixture('quotes/speakers.txt'));
  const first = said(analysis, analysis.quotes.find((q) => q.text.includes('stalled')) as Quote);
  const second = said(analysis, analysis.quotes.find((q) => q.text.includes('no plan')) as Quote);
  assert.equal(first.speaker, 'A US official');
  assert.equal(second.speaker, 'the second US official');
  assert.equal(speaker(analysis, 'the second US official').kind, 'anonymous');
  assert.equal(speaker(analysis, 'A US official').kind, 'anonymous');
});

test('“the official” points back to the unnamed official just quoted; plural sources are groups', () => {
  const text = '“We are ready,” a US official said. “Nothing is decided,” the official added. Critics say the plan is “reckless.”';
  const analysis = analyzeDocument(text);
  const [ready, decided] = analysis.quotes;
  assert.equal(decided.attribution?.speakerKey, ready.attribution?.speakerKey);
  assert.equal(decided.attribution?.via, 'description');
  assert.equal(speaker(analysis, 'Critics').kind, 'group');
});

test('the cue and mention spans are the words in the text', () => {
  const text = `${INTRO}“Russia is on its back,” he remarked.`;
  const q = analyzeDocument(text).quotes[0];
  const a = q.attribution;
  assert.ok(a?.mention && a.cue);
  assert.equal(text.slice(a.mention.start, a.mention.end), 'he');
  assert.equal(text.slice(a.cue.start, a.cue.end), 'remarked');
});

test('surnames match through typos and transliterations, not across different names', () => {
  assert.ok(surnamesMatch('milley', 'milli'));
  assert.ok(surnamesMatch('zelensky', 'zelenskyy'));
  assert.ok(!surnamesMatch('sanders', 'sandler'), 'two edits in a short name make another name');
  assert.ok(!surnamesMatch('cruz', 'ruiz'));
  assert.ok(personNamesMatch(['mark', 'milley'], ['mark', 'mille']));
  assert.ok(!personNamesMatch(['bill', 'clinton'], ['hillary', 'clinton']));
  assert.equal(editDistance('zelensky', 'zelenskiy'), 1);
});
