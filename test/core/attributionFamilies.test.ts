import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeDocument } from '../../src/core/analyze';

// The families of attribution errors seen on news Byline had never read (issue 18), each with
// small hand-written sentences: asides between a name and its cue, cues Byline did not link,
// fronted phrases, pronouns inside the reported clause, non-person sources, scare quotes.

/** [kind, quote text, speaker name, mention] for every quote. */
function read(text: string): Array<[string, string, string | null, string | null]> {
  const { quotes, speakers } = analyzeDocument(text);
  return quotes.map((q) => [q.kind, q.text, speakers.find((s) => s.key === q.attribution?.speakerKey)?.name ?? null, q.attribution?.mention?.text ?? null]);
}

test('a cue inside reported content does not take the sentence from the speaker who ends it', () => {
  assert.deepEqual(read('WASHINGTON (Reuters) - Russia had about 60,000 troops in Kherson before it announced its retreat, Milley said.'), [
    ['indirect', 'Russia had about 60,000 troops in Kherson before it announced its retreat', 'Milley', 'Milley'],
  ]);
  assert.deepEqual(read('The ministry had warned voters before the poll opened, Jane Okafor said on Tuesday.'), [
    ['indirect', 'The ministry had warned voters before the poll opened', 'Jane Okafor', 'Jane Okafor'],
  ]);
  assert.deepEqual(read('Milley’s remarks do not mean he thinks Ukraine should give up any territory, the second US official said.'), [
    ['indirect', 'Milley’s remarks do not mean he thinks Ukraine should give up any territory', 'the second US official', 'the second US official'],
  ]);
});

test('an aside between a name and its cue: a place of remarks, a role, a qualifier of the name', () => {
  assert.deepEqual(read('Suleiman al-Amr, in remarks to al-Ikhbariya television, said, "We will not leave."'), [['direct', 'We will not leave.', 'Suleiman al-Amr', 'Suleiman al-Amr']]);
  assert.deepEqual(read('Luis Gomez spoke. Gomez, Panama coach, said, "We played well."'), [['direct', 'We played well.', 'Luis Gomez', 'Gomez']]);
  assert.deepEqual(read('Lee Zeldin of New York, a Trump supporter, said it will help both men.'), [['indirect', 'it will help both men', 'Lee Zeldin', 'Lee Zeldin of New York']]);
  assert.deepEqual(read('"It is a new era," John Eastman, Director of the Center, and Chairman of the Board, says.'), [['direct', 'It is a new era,', 'John Eastman', 'John Eastman']]);
});

test('verbs of thought and evidence report a clause, never a plain object', () => {
  assert.deepEqual(read('Most voters think Clinton is dishonest.'), [['indirect', 'Clinton is dishonest', 'voters', 'voters']]);
  assert.deepEqual(read('The poll shows that Trump is leading in Ohio.'), [['indirect', 'Trump is leading in Ohio', 'The poll', 'The poll']]);
  assert.deepEqual(read('Trump found the body in a car. TV shows are popular.'), []);
});

test('verbs of intention, and of speech, report an infinitive: "declined to say whether …", "urged Congress to act"', () => {
  assert.deepEqual(read('Cook declined to say whether it was a violation.'), [['indirect', 'to say whether it was a violation', 'Cook', 'Cook']]);
  assert.deepEqual(read('Rubio wants to emerge as the candidate of mainstream Republicans.'), [['indirect', 'to emerge as the candidate of mainstream Republicans', 'Rubio', 'Rubio']]);
  assert.deepEqual(read('Rubio wants a recount.'), []);
  // Verbs of speech take an infinitive too, after their listener: "urged Congress to act".
  assert.deepEqual(read('Obama urged Congress to act on the bill.'), [['indirect', 'to act on the bill', 'Obama', 'Obama']]);
  assert.deepEqual(read('Sanders vowed to fight until the convention.'), [['indirect', 'to fight until the convention', 'Sanders', 'Sanders']]);
});

test('a clause after a cue and its adverbials is reported: "said on Friday he met …"', () => {
  assert.deepEqual(read('Sheldon Adelson said on Friday he met Donald Trump earlier this week.'), [['indirect', 'he met Donald Trump earlier this week', 'Sheldon Adelson', 'Sheldon Adelson']]);
  assert.deepEqual(read('Sheldon Adelson said at a rally they would win.'), [['indirect', 'they would win', 'Sheldon Adelson', 'Sheldon Adelson']]);
  // Words that make no clause after "said in a statement" are not content.
  assert.deepEqual(read('Sheldon Adelson said in a statement released by his office.'), []);
});

test('cues Byline did not link: "with one poster writing", "Hill commented,"; "comments" stays a noun', () => {
  assert.deepEqual(read('The forum filled up, with one poster writing, "This is a disgrace."'), [['direct', 'This is a disgrace.', 'one poster', 'one poster']]);
  assert.deepEqual(read('Mary Hill arrived. Hill commented, "That is false."'), [['direct', 'That is false.', 'Mary Hill', 'Hill']]);
  assert.deepEqual(read('Mary Hill arrived. Her comments: "That is false."'), [['direct', 'That is false.', null, null]]);
});

test('a text speaks only when no one else in its clause can: "a message stating" after a passive, not after "The police sent"', () => {
  assert.deepEqual(read('A message was posted online stating, "Stay indoors tonight."'), [['direct', 'Stay indoors tonight.', 'A message', 'A message']]);
  assert.deepEqual(read('The police sent a message stating, "Stay indoors tonight."').map((q) => q[3]), ['The police']);
});

test('a fronted phrase before a pronoun and its cue: "With tears in her eyes she said,"', () => {
  assert.deepEqual(read('Mary Hill arrived late. With tears in her eyes she said, "I miss him."'), [['direct', 'I miss him.', 'Mary Hill', 'she']]);
});

test('a few words in marks after "be" describe the subject in the writer’s words: no speaker, no quote', () => {
  assert.deepEqual(read('Critics were "highly critical" of the plan.'), []);
  // A longer quotation after "be" is still the subject's words.
  assert.deepEqual(read('Critics were "worried that the plan will fail in the courts" last week.').map((q) => [q[0], q[2]]), [
    ['indirect', 'Critics'],
    ['partial', 'Critics'],
  ]);
});

test('verbs of stance report their object, up to the end of its clause; a participle after them is the same speaker’s', () => {
  assert.deepEqual(read('Chris Christie endorsed Trump last week, saying he was the best.'), [
    ['indirect', 'Trump last week', 'Chris Christie', 'Chris Christie'],
    ['indirect', 'he was the best', 'Chris Christie', 'Chris Christie'],
  ]);
  assert.deepEqual(read('Ryan criticized the president’s foreign policy.'), [['indirect', 'the president’s foreign policy', 'Ryan', 'Ryan']]);
  assert.deepEqual(read('Sanders called for a political revolution.'), [['indirect', 'a political revolution', 'Sanders', 'Sanders']]);
  // Without a subject of their own ("Russia’s reported losses") or with a preposition after them, nothing is reported.
  assert.deepEqual(read('Support for the plan fell.'), []);
});

test('a source opening its sentence runs to its comma: "According to early results of exit polls conducted for …,"', () => {
  assert.deepEqual(read('According to early results of exit polls conducted for The Associated Press by Edison Research, nearly half of the voters were black.'), [
    ['indirect', 'nearly half of the voters were black', 'early results', 'early results'],
  ]);
});

test('"he" and "she" look back to an unnamed source as well as to a named person', () => {
  const quotes = read('Jane Okafor spoke first. A senior administration official said the talks were stalled. "He is not ready," she added.');
  assert.deepEqual(quotes.find((q) => q[0] === 'direct'), ['direct', 'He is not ready,', 'A senior administration official', 'she']);
  // The writer of a first-person piece is not "he".
  assert.deepEqual(read('I said the talks were over. "We are done," he said.').map((q) => q[2]), ['the author', null]);
});

test('naming verbs report what they name: "Trump called Clinton a liar"; "a man called John" names him', () => {
  assert.deepEqual(read('Trump called Clinton a liar on Monday.'), [['indirect', 'Clinton a liar on Monday', 'Trump', 'Trump']]);
  assert.deepEqual(read('A man called John arrived.'), []);
});

test('a quote signed by a quotation dash after its closing mark is the signer’s, not the previous speaker’s', () => {
  const text = 'Voters told us what they think.\n\n“He has empowered white racists to be open with their prejudice.” ― Sonya Herridge\n\n“He is ignorant of our culture and lives.”― Pamela Padilla.';
  assert.deepEqual(
    read(text).filter(([kind]) => kind === 'direct'),
    [
      ['direct', 'He has empowered white racists to be open with their prejudice.', 'Sonya Herridge', 'Sonya Herridge'],
      ['direct', 'He is ignorant of our culture and lives.', 'Pamela Padilla', 'Pamela Padilla'],
    ],
  );
});

test('a name and a colon opening a sentence label it as theirs (headlines, transcripts); a place, "Update:" or a quote after the colon do not', () => {
  assert.deepEqual(read('Rubio: I Still Believe Trump Can’t Be Trusted with Nuclear Codes.'), [['indirect', 'I Still Believe Trump Can’t Be Trusted with Nuclear Codes', 'Rubio', 'Rubio']]);
  assert.deepEqual(read('TAPPER: Do you think he has campaigned as a healer? FALLIN: I think he is trying to.'), [
    ['indirect', 'Do you think he has campaigned as a healer', 'TAPPER', 'TAPPER'],
    ['indirect', 'I think he is trying to', 'FALLIN', 'FALLIN'],
  ]);
  assert.deepEqual(read('WASHINGTON: The Senate voted on Monday to pass the bill.'), []);
  assert.deepEqual(read('Update: The Senate voted on Monday to pass the bill.'), []);
  assert.deepEqual(read('Philip Bump: “The numbers are not good for him.”'), [['direct', 'The numbers are not good for him.', 'Philip Bump', 'Philip Bump']]);
});

test('"according to" names a source that is not a person: polls, records', () => {
  assert.deepEqual(read('Whites without a college degree made up 36 percent of the electorate in 2012, according to exit polls.'), [
    ['indirect', 'Whites without a college degree made up 36 percent of the electorate in 2012', 'exit polls', 'exit polls'],
  ]);
  assert.deepEqual(read('According to exit polls, Clinton won the state by ten points.'), [['indirect', 'Clinton won the state by ten points', 'exit polls', 'exit polls']]);
});

test('a pronoun framing a sentence may point back to the one named inside it: "Ms. Nwanguma was shocked …, she said"', () => {
  assert.deepEqual(read('In Louisville, Ms. Nwanguma was shocked by the reaction from the crowd, she said in an interview later.'), [
    ['indirect', 'In Louisville, Ms. Nwanguma was shocked by the reaction from the crowd', 'Nwanguma', 'she'],
  ]);
  // Not a man's name for "she".
  assert.deepEqual(read('In Louisville, John Smith was shocked by the reaction from the crowd, she said in an interview later.'), [
    ['indirect', 'In Louisville, John Smith was shocked by the reaction from the crowd', null, null],
  ]);
});

test('a heading of several capitalised words before a colon labels nothing', () => {
  assert.deepEqual(read('The Latest: Cruz to give away an engraved shotgun.'), []);
  assert.deepEqual(read('Editor’s Note: The following is part 3 of 3 of an excerpt.'), []);
});
