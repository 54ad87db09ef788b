import { test } from 'node:test';
import assert from 'node:assert/strict';
import { samePerson } from '../../src/core/claims/person';
import { claim, claimsIn, indexOf, relations as linksOf } from './helpers';

// A claim's frame (src/core/claims/frame.ts, scope.ts): what a figure measures, in which
// dimension, of which event and with which scope; and figures linked across files by it.
// Small hand-written passages, one family each.

const relations = (files: Record<string, string>): string[] => linksOf(indexOf(files));

const QUAKE = 'A strong earthquake struck Indonesia\'s Aceh province on Tuesday.\n';

test('dimensions: a magnitude, a depth and a distance from a place, whatever their units', () => {
  const text = 'The 6.1-magnitude quake struck at a depth of 10 kilometres, 55 kilometres south of Bireun.';
  assert.deepEqual([claim(text, '6.1').frame.dimension, claim(text, '6.1').frame.what, claim(text, '6.1').unit], ['magnitude', 'magnitude', 'magnitude']);
  assert.deepEqual([claim(text, '10 kilometres').frame.dimension, claim(text, '10 kilometres').frame.what], ['length', 'depth']);
  assert.equal(claim(text, '55 kilometres').frame.what, 'distance-from-bireun');
  assert.equal(claim('The quake originated six miles beneath the surface.', 'six miles').frame.what, 'depth');
  assert.deepEqual([claim('It lasted around 15 seconds.', 'around 15 seconds').frame.dimension, claim('It lasted around 15 seconds.', 'around 15 seconds').frame.scale], ['duration', 1]);
});

test('the same depth in kilometres and in miles agrees; another depth conflicts', () => {
  assert.deepEqual(relations({
    'a.txt': QUAKE + 'The quake struck at a depth of 10 kilometres.',
    'b.txt': QUAKE + 'The quake struck at a depth of just six miles.',
  }), ['a.txt:10 kilometres agrees b.txt:six miles']);
  assert.deepEqual(relations({
    'a.txt': QUAKE + 'The quake struck at a depth of 10 kilometres.',
    'b.txt': QUAKE + 'The quake struck at a depth of 35 kilometres.',
  }), ['a.txt:10 kilometres conflicts b.txt:35 kilometres']);
});

test('a magnitude threshold is no magnitude: "aftershocks above magnitude 5"', () => {
  assert.deepEqual(relations({
    'a.txt': QUAKE + 'The 6.1-magnitude quake was felt in Banda Aceh.',
    'b.txt': QUAKE + 'Two aftershocks of more than 5.0 magnitude followed.',
  }), []);
});

test('scopes: whole, cumulative, incident, separate, part and estimate', () => {
  const scope = (text: string, words: string) => claim(text, words).frame.scope;
  assert.equal(scope('Forty people were killed.', 'Forty'), 'whole');
  assert.equal(scope('More than 640 Palestinians have been killed since the assault began.', 'More than 640'), 'cumulative');
  assert.equal(scope('About 40 people were killed in the strike on the school.', 'About 40'), 'incident');
  assert.equal(scope('In a separate air strike, three people were killed.', 'three'), 'separate');
  assert.equal(scope('The parents of two Americans killed in the attacks spoke.', 'two'), 'part');
  assert.equal(scope('Two of the victims were children.', 'Two'), 'part');
  assert.equal(scope('The storm could kill 1,000 people.', '1,000'), 'estimate');
  assert.equal(scope('The agency has received nearly 300,000 comments since May.', 'nearly 300,000'), 'whole');
  // A running total is its own clause's, or the whole sentence's when an opening phrase names it.
  const both = 'At least 43 people were killed in the strike on the school, pushing the death toll above 680 since the conflict began.';
  assert.deepEqual([scope(both, 'At least 43'), scope(both, 'above 680')], ['incident', 'cumulative']);
  assert.equal(scope('So far, 40 people have been killed.', '40'), 'cumulative');
  assert.equal(scope('Forty people died in the war.', 'Forty'), 'cumulative');
  assert.equal(scope('Forty people died on Tuesday, the worst day of the war.', 'Forty'), 'whole');
});

test('a strike\'s toll is not the running total, and a separate strike is not the strike', () => {
  const lead = 'Israeli shells hit a UN school in Jabaliya in Gaza.\n';
  assert.deepEqual(relations({
    'a.txt': lead + 'About 40 people were killed in the strike on the school.',
    'b.txt': lead + 'More than 640 Palestinians have been killed since the assault began.',
    'c.txt': lead + 'In a separate air strike, three people were killed.',
  }), []);
  // A toll that says nothing of its span may be either, and is compared with both.
  assert.deepEqual(relations({
    'a.txt': lead + 'About 40 people were killed in the strike on the school.',
    'b.txt': lead + 'Doctors said 42 people were killed.',
  }), ['a.txt:About 40 agrees b.txt:42']);
});

test('a part of the victims is not the number of victims', () => {
  assert.deepEqual(relations({
    'a.txt': 'Four Americans were killed in the attack in Benghazi, Libya.',
    'b.txt': 'The parents of two Americans killed in the attack in Benghazi, Libya, spoke.',
  }), []);
});

test('a count of a named thing and nothing more is known by its number and only ever agrees; words that narrow what is counted must agree', () => {
  const lead = 'Voters in Ashgabat, in Mary and in Dashoguz elect a parliament in Turkmenistan.\n';
  assert.deepEqual(relations({
    'a.txt': lead + 'A total of 288 candidates are vying for seats.',
    'b.txt': lead + 'Of the 288 candidates, 286 have higher education.',
    'c.txt': lead + 'At least 175 candidates support the president.',
  }), ['a.txt:288 agrees b.txt:288']);
  // A count known by its number only ever agrees: two banks here and three there may be other banks.
  assert.deepEqual(relations({
    'a.txt': lead + 'The town has three banks.',
    'b.txt': lead + 'The town has two banks.',
    'c.txt': lead + 'The town has three banks and a post office.',
  }), ['a.txt:three agrees c.txt:three']);
  // What happened to them makes it a toll of things, compared like one: "attacked" and "set fire to" are one measure.
  assert.deepEqual(relations({
    'a.txt': lead + 'Rioters set fire to three banks.',
    'b.txt': lead + 'Rioters attacked two banks.',
  }), ['a.txt:three conflicts b.txt:two']);
  assert.equal(claim('Four bombs were dropped on the camp.', 'Four').measure, 'dropped');
  assert.equal(claim('Three artillery shells landed at the perimeter of the school.', 'Three').measure, 'hit');
  // Not a thing: the quake "hit" people, a rate "hit" a level.
  assert.equal(claim('Unemployment hit 5% in May.', '5%').measure, null);
  // "One" of a thing says too little.
  assert.deepEqual(relations({
    'a.txt': lead + 'The town has one bank.',
    'b.txt': lead + 'The town has one bank.',
  }), []);
  assert.deepEqual(relations({
    'a.txt': 'He said 100,000 soldiers have been killed in Ukraine.',
    'b.txt': 'He said 100,000 Russian soldiers have been killed in Ukraine.',
    'c.txt': 'He said 30,000 Ukrainian soldiers have been killed in Ukraine.',
  }), ['a.txt:100,000 agrees b.txt:100,000']);
});

test('a file that gives two readings of a figure disputes neither: two quakes, two magnitudes', () => {
  const lead = 'Earthquakes struck near Manokwari in West Papua, Indonesia.\n';
  assert.deepEqual(relations({
    'a.txt': lead + 'The 7.6 and 7.3 magnitude quakes struck on Sunday.',
    'b.txt': lead + 'The 7.6-magnitude quake struck on Sunday.',
  }), ['a.txt:7.6 agrees b.txt:7.6']);
  // Readings the article does not rank are several things, none of them surely the other's.
  assert.deepEqual(relations({
    'a.txt': lead + 'A 7.6-magnitude quake struck on Sunday. A 7.3-magnitude quake was felt in Australia.',
    'b.txt': lead + 'The 7.7-magnitude quake struck on Sunday.',
  }), []);
});

test('several like things ranked by the article are compared rank by rank: "the first quake", "7.6 and 7.4"', () => {
  const lead = 'Earthquakes struck near Manokwari in West Papua, Indonesia.\n';
  assert.equal(claim('Two quakes, measuring 7.6 and 7.4, struck west of Manokwari.', '7.4').frame.rank, 2);
  assert.equal(claim('The first quake, magnitude 7.6, struck at dawn.', '7.6').frame.rank, 1);
  assert.equal(claim('One 7.3-magnitude tremor was felt in Australia.', '7.3').frame.rank, null);
  assert.deepEqual(relations({
    'a.txt': lead + 'Two quakes, measuring 7.6 and 7.4, struck west of Manokwari on Sunday.',
    'b.txt': lead + 'The 7.6 and 7.5 magnitude quakes struck on Sunday.',
  }), ['a.txt:7.4 conflicts b.txt:7.5', 'a.txt:7.6 agrees b.txt:7.6']);
  // A file's only reading stands for the first thing; the one an article ranks first is the first.
  assert.deepEqual(relations({
    'a.txt': lead + 'One 7.3-magnitude tremor was felt in Australia. The first quake, magnitude 7.6, struck at dawn on Sunday.',
    'b.txt': lead + 'The 7.7-magnitude quake struck on Sunday.',
  }), ['a.txt:7.6 conflicts b.txt:7.7']);
  // Where an article ranks some readings, the others take the ranks left: its 7.3 is the second quake.
  assert.deepEqual(relations({
    'a.txt': lead + 'One 7.3-magnitude tremor was felt in Australia. The first quake, magnitude 7.6, struck at dawn on Sunday.',
    'b.txt': lead + 'Two quakes, measuring 7.6 and 7.4, struck west of Manokwari on Sunday.',
  }), ['a.txt:7.3 conflicts b.txt:7.4', 'a.txt:7.6 agrees b.txt:7.6']);
  // Swapped ranks are no contradiction when the values agree across: b's 7.3 is a's second quake.
  assert.deepEqual(relations({
    'a.txt': lead + 'Two quakes, measuring 7.6 and 7.3, struck on Sunday.',
    'b.txt': lead + 'A 7.3-magnitude quake struck on Sunday.',
  }), ['a.txt:7.3 agrees b.txt:7.3']);
});

test('a figure after a comparative bounds what the noun before it counts: "54 aftershocks stronger than five"', () => {
  assert.equal(claim('The agency recorded 54 aftershocks stronger than five on the Richter scale.', 'five').notComparable, 'threshold');
  assert.equal(claim('The fund helps people older than 65 in Aceh.', '65').notComparable, 'threshold');
  assert.equal(claim('The quake was stronger than 7.0, officials said.', '7.0').notComparable, null);
  assert.equal(claim('Rather than 40, the toll was 50.', '40').notComparable, null);
});

test('the dead and the missing together are a wider count than the dead', () => {
  const tsunami = 'The tsunami struck Aceh in Indonesia.\n';
  assert.equal(claim('The tsunami left at least 230,000 people dead and missing.', 'at least 230,000').measure, 'dead or missing');
  assert.deepEqual(relations({
    'a.txt': tsunami + 'The tsunami left at least 230,000 people dead and missing.',
    'b.txt': tsunami + 'The tsunami killed 168,000 people.',
  }), []);
});

test('figures of another time are another event\'s: "in 2004", "four years ago", "the 2004 tsunami" is not the time', () => {
  const lead = 'A quake struck Aceh in Indonesia on Tuesday.\n';
  assert.deepEqual(relations({
    'a.txt': lead + 'The quake killed 24 people in Aceh.',
    'b.txt': lead + 'In 2004 a tsunami killed 170,000 people in Aceh.',
    'c.txt': lead + 'The catastrophe four years ago killed 230,000 people in Aceh.',
  }), []);
  assert.equal(claim('The quake rocked a region hit by the 2004 tsunami, killing 24 people.', '24').when, null);
});

test('an order of magnitude links when it agrees and is never a conflict; figures forty times apart are not one figure', () => {
  const lead = 'A quake struck Aceh in Indonesia on Tuesday.\n';
  assert.deepEqual(relations({
    'a.txt': lead + 'Dozens of people were injured in Aceh.',
    'b.txt': lead + 'At least 50 people were injured in Aceh.',
    'c.txt': lead + 'More than 2,000 people were injured in Aceh.',
  }), ['a.txt:Dozens agrees b.txt:At least 50']);
});

test('an age is compared with the same person\'s age only', () => {
  const lead = 'Riots spread across Greece after police shot a boy in Athens.\n';
  assert.equal(claim('Alexis Grigoropoulos, 15, was shot.', '15').frame.what, 'age-of-grigoropoulos');
  assert.equal(claim('The death of 15-year-old Alexandros Grigoropoulos sparked riots.', '15-year-old').frame.what, 'age-of-grigoropoulos');
  assert.equal(claim('A 50-year-old was arrested.', '50-year-old').frame.what, 'age-of-someone');
  assert.deepEqual(relations({
    'a.txt': lead + 'Alexis Grigoropoulos, 15, was shot in Athens.',
    'b.txt': lead + 'The death of 17-year-old Alexandros Grigoropoulos in Athens sparked riots.',
    'c.txt': lead + 'Epaminondas Korkoneas, 37, fired the shots in Athens.',
  }), ['a.txt:15 conflicts b.txt:17-year-old']);
});

test('"seriously injured" is not "injured"', () => {
  const lead = 'A quake struck Aceh in Indonesia on Tuesday.\n';
  assert.deepEqual(relations({
    'a.txt': lead + 'There are around 30 people seriously injured in Aceh.',
    'b.txt': lead + 'More than 200 people were injured in Aceh.',
  }), []);
});

test('a conversion in brackets measures what the figure before it measures', () => {
  const text = 'The quake struck at a depth of 10 kilometres (6.2 miles), 55 kilometres (34 miles) south of Bireun.';
  assert.equal(claim(text, '6.2 miles').frame.what, 'depth');
  assert.equal(claim(text, '34 miles').frame.what, claim(text, '55 kilometres').frame.what);
});

test('"magnitude-6.1" is the magnitude 6.1', () => {
  const c = claim('A magnitude-6.1 earthquake struck Aceh.', 'magnitude-6.1');
  assert.deepEqual([c.value, c.unit, c.frame.dimension], [6.1, 'magnitude', 'magnitude']);
});

test('the length of a fall is not a depth: "fell about 200 metres down a gully"', () => {
  assert.equal(claim('He slipped and fell about 200 metres down a steep gully.', 'about 200 metres').frame.what, 'fall');
  assert.equal(claim('The man died after falling 150 meters from a ridge.', '150 meters').frame.what, 'fall');
});

test('a figure a clinic received is not the toll: "received around 50 people with injuries"', () => {
  const lead = 'A quake struck Aceh in Indonesia on Tuesday.\n';
  assert.equal(claim('"We have received around 50 people with injuries," the doctor said.', 'around 50').frame.event, 'received wounded');
  assert.deepEqual(relations({
    'a.txt': lead + '"We have received around 50 people with injuries in Aceh," the doctor said.',
    'b.txt': lead + 'The quake injured at least 50 people in Aceh.',
  }), []);
});

test('a year that belongs to another clause or another noun is not the figure\'s time', () => {
  assert.equal(claim('The quake killed at least five people in a region devastated by the tsunami of 2004.', 'at least five').when, null);
  assert.equal(claim('In 2004 a tremor sparked a tsunami that killed 170,000 people.', '170,000').when, '2004');
  assert.equal(claim('In 2004, a magnitude 9.1 quake off Indonesia triggered a tsunami.', '9.1').when, '2004');
  assert.equal(claim('Some 2 million died in the war from 1983 to 2005.', 'Some 2 million').when, '1983');
});

test('figures orders of magnitude apart are not linked: a bombing\'s toll and a war\'s', () => {
  const lead = 'Bombs fell on the Yida camp in South Sudan, near the border with Sudan.\n';
  assert.deepEqual(relations({
    'a.txt': lead + 'Twelve people were killed in Yida.',
    'b.txt': lead + 'Some 2 million people were killed in Yida and across the south.',
  }), []);
});

test('a toll reported on different days is an update, an order of magnitude included; on one day a conflict that may be an update', () => {
  const story = 'A strong earthquake struck Aceh in Indonesia.';
  const files = {
    'a.txt': `Tuesday, July 2, 2013\n${story} Dozens of people were injured in Aceh.`,
    'b.txt': `Wednesday, July 3, 2013\n${story} More than 200 people were injured in Aceh.`,
  };
  assert.deepEqual(relations(files), ['a.txt:Dozens updates b.txt:More than 200']);
  const index = indexOf(files);
  assert.deepEqual(index.diagnostics('a.txt').map((d) => [d.code, d.severity, d.message]), [
    ['updated-claim', 'information', "Earlier report on people wounded: Dozens here; updated to 'More than 200' in b.txt, reported later."],
  ]);
  const sameDay = indexOf({ ...files, 'b.txt': `Tuesday, July 2, 2013\n${story} More than 200 people were injured in Aceh.` });
  assert.deepEqual(sameDay.diagnostics('a.txt').map((d) => d.code), ['conflicting-claim']);
  assert.match(sameDay.diagnostics('a.txt')[0].message, /may be an update/);
  // Damage grows as reports come in too.
  assert.deepEqual(relations({
    'a.txt': `Tuesday, July 2, 2013\n${story} Dozens of houses were damaged in Aceh.`,
    'b.txt': `Wednesday, July 3, 2013\n${story} More than 300 houses were damaged in Aceh.`,
  }), ['a.txt:Dozens updates b.txt:More than 300']);
  // A measure that does not grow as reports come in: an order of magnitude only ever agrees.
  assert.deepEqual(relations({
    'a.txt': `Tuesday, July 2, 2013\n${story} Dozens of shells landed in Aceh.`,
    'b.txt': `Wednesday, July 3, 2013\n${story} More than 300 shells landed in Aceh.`,
  }), []);
});

test('an age given for a noun is one person\'s with an age given for a name, or for the same noun, only when they agree', () => {
  const lead = 'Riots spread across Greece after police shot a boy in Athens.\n';
  assert.deepEqual(relations({
    'a.txt': lead + 'Alexis Grigoropoulos, 15, was shot in Athens.',
    'b.txt': lead + 'The shooting of a 15-year-old boy in Athens sparked riots.',
    'c.txt': lead + 'The shooting of a 16-year-old boy in Athens sparked riots.',
  }), ['a.txt:15 agrees b.txt:15-year-old']);
  // Ages are looked up by owner and by value (ageLookup.ts); a hedged age is compared with every age.
  assert.deepEqual(relations({
    'a.txt': lead + 'Alexis Grigoropoulos, 15, was shot in Athens.',
    'b.txt': lead + 'Alexis Grigoropoulos, 17, was shot in Athens.',
    'c.txt': lead + 'The boy, about 16 years old, was shot in Athens.',
  }), ['a.txt:15 agrees c.txt:about 16 years old', 'a.txt:15 conflicts b.txt:17', 'b.txt:17 agrees c.txt:about 16 years old']);
  // A name before a noun qualifies it: the volunteer's age, not Sanders'.
  assert.equal(claim('said Bree Maxwell, a 31-year-old Sanders volunteer in Richland County.', '31-year-old').frame.what, 'age-of-someone');
  // "Duncan" ends like "Australian" and is a first name: the age is Rait's.
  assert.equal(claim('On Friday, 36-year-old Duncan Rait died after slipping.', '36-year-old').frame.what, 'age-of-rait');
});

test('those a measure counts are people, narrowed by who they were', () => {
  const lead = 'An Israeli strike hit a UN school in Gaza on Tuesday.\n';
  assert.deepEqual(claim(lead + 'At least 40 Palestinians were killed.', 'At least 40').frame.what, 'person');
  assert.deepEqual(relations({
    'a.txt': lead + 'At least 40 Palestinians were killed in Gaza.',
    'b.txt': lead + 'About 40 people were killed in Gaza.',
    'c.txt': lead + 'Some 12 people were killed in Gaza.',
  }), ['a.txt:At least 40 agrees b.txt:About 40', 'b.txt:About 40 conflicts c.txt:Some 12']);
});

test('a thousands group after a comma and a space, as text rebuilt from tokens has it', () => {
  const c = claim('A British climber has fallen 2, 000ft to his death.', '2, 000ft');
  assert.deepEqual([c.value, c.unit, c.frame.what], [2000, 'feet', 'fall']);
  assert.deepEqual(claimsIn('The numbers drawn were 1, 2, 300.').map((x) => x.text), ['1', '2', '300']);
});

test('a figure in other units in brackets is passed over to read what the first measures', () => {
  const text = 'Its epicenter was located 55 kilometers (34 miles) west of the town of Bireun.';
  assert.equal(claim(text, '55 kilometers').frame.what, 'distance-from-bireun');
  assert.equal(claim(text, '34 miles').frame.what, 'distance-from-bireun');
  assert.equal(claim('He saw a crater about two metres (6.6 feet) wide.', 'about two metres').frame.what, 'width');
  assert.equal(claim('Houses collapsed some 320 kilometres (200 miles) from the provincial capital Banda Aceh.', 'some 320 kilometres').frame.what, 'distance-from-banda-aceh');
});

test('a death toll named before its number, a magnitude "measuring" a quake, a population', () => {
  assert.equal(claim('It brought the confirmed death toll from the disaster to 11.', '11').measure, 'deaths');
  const quakes = 'Two quakes, measuring 7.6 and 7.4, struck west of Manokwari.';
  assert.deepEqual([claim(quakes, '7.6').frame.dimension, claim(quakes, '7.4').frame.dimension], ['magnitude', 'magnitude']);
  assert.equal(claim('The two candidates, measuring 1.8 metres tall, met.', '1.8 metres').frame.dimension, 'length');
  assert.equal(claim('Manokwari, a city of 160,000 people, was hit.', '160,000').frame.what, 'population-of-manokwari');
  assert.equal(claim('Manokwari city is home to over 170,000 people.', 'over 170,000').frame.what, 'population-of-manokwari');
});

test('a place\'s population: its residents, or a camp\'s refugees, however it is said; where they came from is not where they live', () => {
  assert.equal(claim('Yida is home to more than 22,000 refugees.', 'more than 22,000').frame.what, 'population-of-yida');
  assert.equal(claim('Yida is a camp of about 20,000 refugees from the Nuba Mountains.', 'about 20,000').frame.what, 'population-of-yida');
  assert.equal(claim('Bombs hit Yida, a refugee camp sheltering more than 20,000 civilians.', 'more than 20,000').frame.what, 'population-of-yida');
  assert.equal(claim('Hutson said at least 15,000 refugees who fled violence in Sudan are living in Yida.', 'at least 15,000').frame.what, 'population-of-yida');
  assert.equal(claim('He practices law in Ripley (population 5,000).', '5,000').frame.what, 'population-of-ripley');
  assert.equal(claim('The camp in the region of Yida consists of over 24,000 refugees.', 'over 24,000').frame.what, 'population-of-yida');
  // A population is some place's: with no place named, or a speaker's name before it, it is none.
  assert.notEqual(claim('Electricity was cut off to the coastal city of population 167,000.', '167,000').frame.what?.startsWith('population'), true);
  assert.notEqual(claim('Hutson said at least 15,000 refugees were sheltering there.', 'at least 15,000').frame.what?.startsWith('population'), true);
  assert.equal(claim('Yida is a camp of about 20,000 refugees from the Nuba Mountains.', 'about 20,000').place, null);
  assert.notEqual(claim('About 20,000 refugees fled to Yida.', 'About 20,000').frame.what, 'population');
  // A population stands: the strike on Thursday and the count given with Friday's news are of one camp.
  const story = 'Sudan bombed the Yida refugee camp in South Sudan.\n';
  assert.deepEqual(relations({
    'a.txt': story + 'On Thursday bombs hit Yida, a camp of about 20,000 refugees.',
    'b.txt': story + 'On Friday aid workers reached Yida, a camp of some 15,000 refugees.',
  }), ['a.txt:about 20,000 conflicts b.txt:some 15,000']);
  // Two places' populations are two figures, however alike their stories.
  assert.deepEqual(relations({
    'a.txt': 'Florida and Mississippi voters back Trump. The Boca West Country Club is home to some 6,000 residents.',
    'b.txt': 'Florida and Mississippi voters back Trump. He practices law in Ripley (population 5,000).',
  }), []);
});

test('the length of a fall is one person\'s: by the surname or the age its sentence gives', () => {
  const lead = 'Climbers died in falls in Aoraki Mount Cook National Park in New Zealand.\n';
  const falls = (files: Record<string, string>) => relations(files).filter((r) => /(ft|metres|feet) \w+ \w+\.txt:.*(ft|metres|feet)$/.test(r));
  const rait = claim('On Friday, 36-year-old Duncan Rait died after slipping and falling about 200ft from a ridge.', 'about 200ft');
  assert.deepEqual(rait.frame.person, { name: 'rait', age: 36 });
  // A name before a verb of speech is the speaker's: the fall is the man's, whoever he is.
  assert.equal(claim('Inspector Dave Gaskin said the man fell around 2000ft.', 'around 2000ft').frame.person, null);
  // Names after "in" are places, and so are their appositions.
  assert.deepEqual(claim('Robert Buckley, 31, living in Christchurch, New Zealand, slipped on ice and fell 700 meters.', '700 meters').frame.person, { name: 'buckley', age: 31 });
  // A name is surer than an age: one man, his age misreported in one article.
  assert.equal(samePerson({ name: 'buckley', age: 31 }, { name: 'buckley', age: 32 }), 'same');
  assert.equal(samePerson({ name: 'rait', age: 36 }, { name: 'raite', age: null }), 'same');
  assert.equal(samePerson({ name: null, age: 36 }, { name: 'buckley', age: 32 }), 'different');
  assert.equal(samePerson({ name: null, age: 36 }, null), 'maybe');
  assert.deepEqual(falls({
    'a.txt': lead + 'On Friday, 36-year-old Duncan Rait died after slipping and falling about 200ft from a ridge. Robert Buckley, 32, fell about 600 metres on Saturday.',
    'b.txt': lead + 'A 36-year-old Australian climber is dead after falling about 150 metres in Aoraki Mount Cook National Park.',
    'c.txt': lead + 'Robert Buckley, 32, fell about 2,000 feet while climbing in Aoraki Mount Cook National Park.',
    'd.txt': lead + 'The climber fell 900 metres in Aoraki Mount Cook National Park.',
  }), [
    'a.txt:about 200ft conflicts b.txt:about 150 metres',
    'a.txt:about 600 metres agrees c.txt:about 2,000 feet',
  ]);
  // Articles that name no place in common tell of one fall when the age and the weekday agree.
  assert.deepEqual(relations({
    'a.txt': 'An Australian climber died in New Zealand.\nOn Friday, 36-year-old Duncan Rait died after slipping and falling about 60 metres from a ridge.',
    'b.txt': 'A climber from Melbourne died near Twizel.\nA 36-year-old man died on Friday after he slipped and fell about 200m down a gully.',
    'c.txt': 'A climber from Melbourne died near Twizel.\nA 36-year-old man died on Saturday after he fell about 300m down a gully.',
  }), ['a.txt:about 60 metres conflicts b.txt:about 200m']);
});

test('the price of a sale is known by its sum, and conflicts only within one story', () => {
  assert.equal(claim('AMD agreed to buy Markham-based ATI for around $5.4 billion in cash and stock.', 'around $5.4 billion').frame.what, 'price');
  assert.equal(claim('AMD said it would buy ATI for about $5.4 billion.', 'about $5.4 billion').frame.scope, 'whole');
  assert.equal(claim("India will figure prominently in AMD's $5.4bn acquisition of ATI.", '$5.4bn').frame.what, 'price');
  assert.equal(claim('The company reported $5.4 billion in revenue.', '$5.4 billion').frame.what === 'price', false);
  assert.deepEqual(relations({
    'a.txt': 'AMD agreed to buy Markham-based ATI for around $5.4 billion in cash and stock.',
    'b.txt': "India will figure prominently in AMD's $5.4bn acquisition of ATI.",
    'c.txt': 'A rival paid $4.2 billion for a software maker.',
  }), ['a.txt:around $5.4 billion agrees b.txt:$5.4bn']);
});

test('a distance is from its place, whatever the spelling, and narrowed by what it places', () => {
  const yida = claim('The Yida refugee camp, located 10 miles south of the border, was bombed.', '10 miles');
  assert.deepEqual([yida.frame.what, yida.frame.qualifiers], ['distance-from-border', ['yida']]);
  assert.deepEqual(claim('On Thursday, bombs fell less than 50 km from the border.', 'less than 50 km').frame.qualifiers, []);
  assert.equal(claim('It struck 55 kilometres from the town of Bireuen.', '55 kilometres').frame.what, claim('It struck 55 km south of Bireun.', '55 km').frame.what);
  const index = indexOf({
    'a.txt': 'Sudan bombed Yida in South Sudan. The Yida refugee camp, located 10 miles south of the border, was hit.',
    'b.txt': 'Sudan bombed Yida in South Sudan. The Yida refugee camp, located 40 miles south of the border, was hit.',
  });
  assert.match(index.diagnostics('a.txt')[0].message, /^Figures disagree on the distance of Yida from the border \(miles\): 10 miles here; '40 miles' in b\.txt\.$/);
});

test('a span of unrest is of the same thing in its noun and in its -ing form', () => {
  assert.equal(claim('The shooting triggered five days of rioting in Athens.', 'five days').frame.what, 'riot');
  assert.equal(claim('Athens was calm after eight days of the worst riots Greece has seen.', 'eight days').frame.what, 'riot');
  assert.equal(claim('It followed 35 years of bitter fighting.', '35 years').frame.what, 'fight');
});

test('a span after "for" or "lasted" is how long the shaking its clause is about went on: "the quake was felt for around 15 seconds"', () => {
  assert.equal(claim('The quake was felt strongly for around 15 seconds, from Bener Meriah to Banda Aceh.', 'around 15 seconds').frame.what, 'earthquake');
  assert.equal(claim('Residents ran as the quake shook houses for around one minute.', 'around one minute').frame.what, 'earthquake');
  assert.equal(claim('The aftershock lasted three seconds.', 'three seconds').frame.what, 'aftershock');
  // Not any event's: a campaign "for nearly two years" is often one of many in an archive.
  assert.equal(claim('The group has been the target of a military campaign for nearly two years.', 'nearly two years').frame.what, null);
  // Past a comma the clause is another's: the people stayed outside, the quake did not last.
  assert.equal(claim('After the quake, people stayed outside for three hours.', 'three hours').frame.what, null);
  const story = 'A strong earthquake struck Aceh in Indonesia.\n';
  assert.deepEqual(relations({
    'a.txt': story + 'The quake was felt strongly for around 15 seconds.',
    'b.txt': story + 'The quake shook houses for around one minute.',
  }), ['a.txt:around 15 seconds conflicts b.txt:around one minute']);
});

test('a span of unrest is the whole event\'s, however it is counted: "the sixth straight day", "four days of riots sparked by the shooting"', () => {
  const sixth = claim('Riots and clashes with police have overtaken Greece for the sixth straight day since the shooting.', 'sixth straight day');
  assert.deepEqual([sixth.frame.dimension, sixth.frame.what, sixth.low, sixth.high], ['duration', 'riot', 5, 6]);
  assert.equal(claim('Protests continued for the seventh consecutive day.', 'seventh consecutive day').frame.what, 'riot');
  // Scope words of the sentence are the riots' cause or their rank, not a part of the span.
  assert.equal(claim('The Government was reeling from four days of riots sparked by the police shooting.', 'four days').frame.scope, 'whole');
  assert.equal(claim('Youths smashed windows after four days of the worst riots Greece has seen in decades.', 'four days').frame.scope, 'whole');
  const story = 'Riots spread across Athens in Greece after police shot a boy.\n';
  assert.deepEqual(relations({
    'a.txt': story + 'The shooting sparked five days of rioting in Athens.',
    'b.txt': story + 'Athens was calm after eight days of riots in Athens.',
  }), ['a.txt:five days conflicts b.txt:eight days']);
});

test('a toll may grow many times over between two days\' reports, but not a thousand times', () => {
  const story = 'A strong earthquake struck Aceh in Indonesia.';
  assert.deepEqual(relations({
    'a.txt': `Tuesday, July 2, 2013\n${story} The quake killed one person in Aceh.`,
    'b.txt': `Wednesday, July 3, 2013\n${story} The quake killed 24 people in Aceh.`,
    'c.txt': `Wednesday, July 3, 2013\n${story} The 2004 tsunami killed about 230,000 people in Aceh.`,
  }), ['a.txt:one updates b.txt:24']);
  // On one day, one dead and 24 dead are too far apart to be one figure.
  assert.deepEqual(relations({
    'a.txt': `Tuesday, July 2, 2013\n${story} The quake killed one person in Aceh.`,
    'b.txt': `Tuesday, July 2, 2013\n${story} The quake killed 24 people in Aceh.`,
  }), []);
});

test('a headline\'s "6.1 magnitude earthquake injures dozens" gives a magnitude; "15 critically" narrows the 15, not the dead before it', () => {
  assert.equal(claim("Powerful 6.1 magnitude earthquake injures dozens in Indonesia's Aceh province", '6.1').frame.dimension, 'magnitude');
  const text = 'The UN said it had confirmed 30 dead and 55 wounded, 15 critically.';
  assert.deepEqual([claim(text, '30').frame.event, claim(text, '55').frame.event], ['deaths', 'wounded']);
});

test('a toll of none conflicts with a toll of some in another report of one attack', () => {
  const story = 'Sudan bombed the Yida refugee camp in South Sudan.\n';
  assert.deepEqual(relations({
    'a.txt': story + 'No one was killed in the bombing of Yida, aid workers said.',
    'b.txt': story + 'Twelve people were killed in the bombing of Yida, a local official said.',
  }), ['a.txt:No one conflicts b.txt:Twelve']);
});

test('a toll a participle gives is of the event before it, and of its place: "bombing the area of Guffa, killing at least seven"', () => {
  const story = 'Sudan bombed the Yida refugee camp in South Sudan.\nAid workers reached Yida on Friday.\nThe camp lies near the border.\n';
  const guffa = 'Kiir accused Sudan of bombing the area of Guffa in recent days, killing at least seven people.';
  assert.equal(claim(story + guffa, 'at least seven').place, 'guffa');
  // The place the whole story is about is no part of it: its lead names it.
  assert.equal(claim('A quake struck Aceh.\nThe quake struck the province of Aceh, killing at least three people.', 'at least three').place, null);
  assert.deepEqual(relations({
    'a.txt': story + guffa,
    'b.txt': story + 'At least 12 people were killed in the bombing, a local official said.',
  }), []);
});

test('the same odd number of a named thing is one count, whatever places the articles name: "288 candidates"', () => {
  assert.deepEqual(relations({
    'a.txt': 'Turkmens vote in Ashgabat, Mary and Lebap.\nA total of 288 candidates run for 125 parliamentary seats.',
    'b.txt': 'A vote in Central Asia.\nAlmost all of the 288 candidates running for 125 seats back the president.',
  }).filter((r) => r.includes('288')), ['a.txt:288 agrees b.txt:288']);
  // A round number may be two elections' counts.
  assert.deepEqual(relations({
    'a.txt': 'Turkmens vote in Ashgabat, Mary and Lebap.\nA total of 300 candidates ran.',
    'b.txt': 'A vote in Central Asia.\nSome 300 candidates ran.',
  }), []);
});
