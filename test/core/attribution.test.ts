import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeDocument } from '../../src/core/analyze';

// How news prose puts a speaker next to a quote, beyond "X said": appositions, relative clauses,
// participles, colons, signatures, and sentences that introduce the next quote.

/** [quote text, speaker name, mention] for every quote in marks. */
function attributed(text: string): Array<[string, string | null, string | null]> {
  const { quotes, speakers } = analyzeDocument(text);
  return quotes
    .filter((q) => q.kind !== 'indirect')
    .map((q) => [q.text, speakers.find((s) => s.key === q.attribution?.speakerKey)?.name ?? null, q.attribution?.mention?.text ?? null]);
}

test('an apposition between the quote and its cue, with commas or a possessive of its own', () => {
  assert.deepEqual(attributed('“We will rebuild,” Jane Okafor, a 55-year-old engineer from Sumter, South Carolina, said.'), [['We will rebuild,', 'Jane Okafor', 'Jane Okafor']]);
  assert.deepEqual(attributed('“We will rebuild,” Jeff Weaver, Sanders’ campaign manager, said in a statement.'), [['We will rebuild,', 'Jeff Weaver', 'Jeff Weaver']]);
  assert.deepEqual(attributed('“There is a lot of talk,” Senate Majority Leader Mitch McConnell, R-Ky., said.'), [['There is a lot of talk,', 'Mitch McConnell', 'Senate Majority Leader Mitch McConnell']]);
});

test('a participle after a negated verb, a state in dotted letters, or an operative: the clause’s subject speaks', () => {
  assert.deepEqual(attributed('Gowdy did not release further details, saying that the panel "gained access to crucial records."'), [['gained access to crucial records.', 'Gowdy', 'Gowdy']]);
  assert.deepEqual(attributed('In a statement released Thursday, Rep. Hakeem Jeffries (D-N.Y.) reacted to the news, saying: “His killer should be in prison.”'), [
    ['His killer should be in prison.', 'Hakeem Jeffries', 'Rep. Hakeem Jeffries'],
  ]);
  assert.deepEqual(attributed('One operative downplayed the comments, saying they were “not a big deal around here.”'), [['not a big deal around here.', 'One operative', 'One operative']]);
});

test('times between a speaker and the cue are not speakers (at the time, in the past, at last); a contracted pronoun is a pronoun', () => {
  const { quotes, speakers } = analyzeDocument('Trump at the time said he would ask his “people” to pay. Beck, who has in the past described Trump as “a sociopath,” left. Rubio had at last described his views as “not only on Spanish television.” Donald Trump spoke next. He’d say it was “peanuts.”');
  const names = quotes.filter((q) => q.kind === 'partial').map((q) => [q.text, speakers.find((s) => s.key === q.attribution?.speakerKey)?.name ?? null]);
  assert.deepEqual(names, [
    ['people', 'Donald Trump'],
    ['a sociopath,', 'Beck'],
    ['not only on Spanish television.', 'Rubio'],
    ['peanuts.', 'Donald Trump'],
  ]);
  assert.ok(!speakers.some((s) => /^(the time|the past|last|he’d)$/i.test(s.name)), speakers.map((s) => s.name).join(', '));
});

test('a description before a name: her adviser, Jake Sullivan, said: “…”', () => {
  const [[, speaker]] = attributed('In a statement, her senior policy adviser, Jake Sullivan, said: “Cooperation is strongest when Europe is united.”');
  assert.equal(speaker, 'Jake Sullivan');
});

test('a relative clause between the speaker and the cue, or standing for the speaker', () => {
  assert.deepEqual(attributed('A White House official who spoke anonymously to discuss strategy said Wednesday, “There are discussions.”'), [
    ['There are discussions.', 'A White House official', 'A White House official'],
  ]);
  assert.deepEqual(attributed('Cruz won an endorsement from Mike Lee, who declared in the spin room, “It is time to unite.”'), [['It is time to unite.', 'Mike Lee', 'who']]);
});

test('a participle or a second verb shares the subject of its clause', () => {
  const quoted = attributed('Huma Abedin, vice chairwoman of the campaign, emailed supporters on Monday, telling them, “I am a proud Muslim.”');
  assert.deepEqual(quoted, [['I am a proud Muslim.', 'Huma Abedin', 'Huma Abedin']]);
  const joked = attributed('Glenn Beck spoke at the fair. He then adopted a fake Southern accent and joked, “We will make it easier for them.”');
  assert.equal(joked[0][1], 'Glenn Beck');
});

test('a speaker named before a colon, and a quote signed after a dash', () => {
  assert.deepEqual(attributed('INDIANA FAVORS CRUZ - Philip Bump: “Two weeks ago, the South was his strongest territory.”'), [
    ['Two weeks ago, the South was his strongest territory.', 'Philip Bump', 'Philip Bump'],
  ]);
  assert.deepEqual(attributed('“Almost all new income is going to the top 1 percent.” - Bernie Sanders.'), [['Almost all new income is going to the top 1 percent.', 'Bernie Sanders', 'Bernie Sanders']]);
});

test('a sentence that is only a speaker and a cue introduces the quote after it', () => {
  assert.deepEqual(attributed('Dianne Bystrom agreed. “Mainstream Republicans are running out of time.”'), [
    ['Mainstream Republicans are running out of time.', 'Dianne Bystrom', 'Dianne Bystrom'],
  ]);
});

test('a quote after a sentence that only mentions someone is not theirs', () => {
  assert.deepEqual(attributed('Dianne Bystrom teaches at Iowa State University. “Mainstream Republicans are running out of time.”'), [
    ['Mainstream Republicans are running out of time.', null, null],
  ]);
});

test('listeners and named objects are never speakers: told Fox News: “…”, called the system “…”', () => {
  const told = attributed('Reince Priebus later Thursday told Fox News: “Both men are meeting next week.”');
  assert.equal(told[0][1], 'Reince Priebus');
  const called = attributed('Ben Carson took the stage and called the political system “rotten to the core.”');
  assert.equal(called[0][1], 'Ben Carson');
});

test('a quote split by a long cue clause with reported speech in it stays one quote of the first speaker', () => {
  const text =
    '“They’re not terminable at will,” Trump spokesperson Ron Lieberman told the Wall Street Journal in July, after de Blasio stated an interest in ending business with Trump. “These contracts are fully binding.”';
  const { quotes, speakers } = analyzeDocument(text);
  const quote = quotes.find((q) => q.kind === 'direct');
  assert.ok(quote);
  assert.equal(quote.parts.length, 2);
  assert.equal(speakers.find((s) => s.key === quote.attribution?.speakerKey)?.name, 'Ron Lieberman');
});

test('reported content ends where a quote inside it has a speaker and cue of its own', () => {
  const { quotes } = analyzeDocument('Reid said both men are "non-entities," but he gave the Texan a back-handed compliment: "You never have to guess where he is."');
  const report = quotes.find((q) => q.kind === 'indirect');
  assert.ok(report);
  assert.ok(!report.text.includes('never have to guess'), report.text);
});

test('cue words read as nouns are not cues: his home state, claims of fraud, black voters in states', () => {
  const { quotes } = analyzeDocument('Sanders won his home state of Vermont. Trump repeated claims of fraud in several states.');
  assert.deepEqual(quotes, []);
});

test('a passive is not its subject speaking: the deal was first reported by the Times', () => {
  const { quotes } = analyzeDocument('The deal, which was first reported by the Times, will close next week.');
  assert.deepEqual(quotes, []);
});
