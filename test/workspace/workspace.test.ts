import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Workspace } from '../../src/workspace/workspace';
import { DEFAULT_SEVERITIES } from '../../src/workspace/severity';
import { fixturesDir } from '../helpers/paths';

const dir = path.join(fixturesDir, 'workspace');
const read = (name: string) => fs.readFileSync(path.join(dir, name), 'utf8');

function loaded(): Workspace {
  const ws = new Workspace();
  for (const name of ['briefing.txt', 'followup.txt', 'kyiv.txt']) ws.set(name, read(name));
  return ws;
}

test('one person across files: full name, surname and misspelling merge, with every role and where it was stated', () => {
  const ws = loaded();
  const milley = ws.speakers.all().find((s) => s.name === 'Mark Milley');
  assert.ok(milley, 'Mark Milley is a speaker');
  assert.equal(milley.id, 'person:mark-milley');
  assert.deepEqual(milley.files, ['briefing.txt', 'followup.txt']);
  assert.ok(milley.aliases.includes('Milley') && milley.aliases.includes('Milli'), `aliases: ${milley.aliases}`);
  assert.equal(milley.quoteCount, 4);
  const role = milley.roles.find((r) => r.text === 'chairman of the Joint Chiefs');
  assert.ok(role && role.path === 'briefing.txt');
  assert.equal(read('briefing.txt').slice(role.start, role.end), 'chairman of the Joint Chiefs');
});

test('transliterations merge across files (Zelenskyy = Zelensky)', () => {
  const ws = loaded();
  const z = ws.speakers.all().filter((s) => /Zelensk/.test(s.name));
  assert.equal(z.length, 1);
  assert.deepEqual(z[0].files, ['followup.txt', 'kyiv.txt']);
});

test('unnamed sources stay apart: "a US official" in two files is two speakers; organisations merge', () => {
  const ws = loaded();
  const officials = ws.speakers.all().filter((s) => s.kind === 'anonymous' && /US official/.test(s.name));
  assert.equal(officials.length, 2);
  assert.notEqual(officials[0].id, officials[1].id);
  const whiteHouse = ws.speakers.all().filter((s) => s.name === 'White House');
  assert.equal(whiteHouse.length, 1);
  assert.equal(whiteHouse[0].kind, 'organization');
  assert.deepEqual(whiteHouse[0].files, ['briefing.txt', 'followup.txt']);
});

test('speaker ids slug the whole name: a middle initial is not a file extension (George W. Bush, George W. Jacobs)', () => {
  const ws = new Workspace();
  ws.set('a.txt', '"We will not tire," George W. Bush said on Tuesday.\n');
  ws.set('b.txt', '"It was a long night," George W. Jacobs said.\n');
  const ids = ws.speakers.all().map((s) => s.id).sort();
  assert.deepEqual(ids, ['person:george-w-bush', 'person:george-w-jacobs']);
  const anonymous = new Workspace();
  anonymous.set('dir/report.v2.txt', '"No deal yet," a senior official said.\n');
  assert.equal(anonymous.speakers.all()[0].id, 'anon:report-v2:a-senior-official');
});

test('quotesOf lists a speaker’s quotes in every file, in order', () => {
  const ws = loaded();
  const refs = ws.speakers.quotesOf('person:mark-milley');
  assert.deepEqual(
    refs.map((r) => r.path),
    ['briefing.txt', 'briefing.txt', 'followup.txt', 'followup.txt'],
  );
  assert.ok(refs.every((r, i) => i === 0 || r.path !== refs[i - 1].path || r.quote.start > refs[i - 1].quote.start));
});

test('an unchanged text is not analysed again; an edit that keeps the names touches only its own file', () => {
  const ws = loaded();
  assert.equal(ws.set('kyiv.txt', read('kyiv.txt')).size, 0);
  const edited = read('followup.txt').replace('on Thursday', 'on Friday');
  assert.deepEqual([...ws.set('followup.txt', edited)], ['followup.txt']);
});

test('a change of name in one file updates the files that share the speaker, and removal takes its contributions away', () => {
  const ws = loaded();
  // Without briefing.txt nobody gives Milley's first name: the merged speaker is renamed.
  const changed = ws.remove('briefing.txt');
  assert.ok(changed.has('followup.txt'), `changed: ${[...changed]}`);
  assert.ok(!ws.has('briefing.txt'));
  const milley = ws.speakers.all().find((s) => s.aliases.includes('Milli') || s.name === 'Milley');
  assert.ok(milley);
  assert.equal(milley.name, 'Milley');
  assert.deepEqual(milley.files, ['followup.txt']);
  assert.equal(milley.quoteCount, 2);
});

test('diagnostics: every quote underlined at Information, named by the workspace name; severities can be changed or turned off', () => {
  const ws = loaded();
  const diags = ws.diagnostics('followup.txt');
  const misspelt = diags.find((d) => d.message.includes('Milli'));
  assert.ok(misspelt);
  assert.equal(misspelt.severity, 'information');
  assert.equal(misspelt.code, 'reported-speech');
  assert.match(misspelt.message, /by Mark Milley.*named here as “Milli”/);
  ws.configure({ severities: { ...DEFAULT_SEVERITIES, 'reported-speech': 'off', quote: 'hint' } });
  const after = ws.diagnostics('followup.txt');
  assert.ok(after.every((d) => d.code !== 'reported-speech'));
  assert.ok(after.filter((d) => d.code === 'quote').every((d) => d.severity === 'hint'));
});

test('an unclosed quotation is a Warning and the rest of the file is still read', () => {
  const ws = new Workspace();
  // The first paragraph never closes its quote and the next one does not reopen it.
  ws.set('broken.txt', 'Mayor Ann Lee said "we will rebuild the bridge.\nThe council agreed. "It will take a year," Lee said.\n');
  const diags = ws.diagnostics('broken.txt');
  const unclosed = diags.find((d) => d.code === 'unclosed-quote');
  assert.ok(unclosed && unclosed.severity === 'warning');
  assert.equal(unclosed.start, 'Mayor Ann Lee said '.length);
  const later = diags.filter((d) => d.code === 'quote' && d.start > unclosed.start + 30);
  assert.equal(later.length, 1);
  assert.match(later[0].message, /by Ann Lee/);
});

test('numeric tolerance: figures a little apart conflict by default and agree within the tolerance', () => {
  const a = 'The White House requested $38 billion in aid for Ukraine on Tuesday, officials in Kyiv said.\n';
  const b = 'The White House requested $39.5 billion in aid for Ukraine on Tuesday, officials in Kyiv said.\n';
  const strict = new Workspace();
  strict.set('a.txt', a);
  strict.set('b.txt', b);
  assert.equal(strict.claims.conflicts().length, 1);
  assert.equal(strict.claims.conflictCount(), 1);
  strict.remove('b.txt');
  assert.equal(strict.claims.conflictCount(), 0);
  const lenient = new Workspace({ numericTolerance: 0.05 });
  lenient.set('a.txt', a);
  lenient.set('b.txt', b);
  assert.equal(lenient.claims.conflicts().length, 0);
});

test('a text over the time budget is analysed up to a line break before it, and the cut is reported', () => {
  const paragraph = '“We will rebuild,” Mayor Ann Lee said on Tuesday.\n';
  const text = paragraph.repeat(2000); // about 100,000 characters
  const ws = new Workspace({ analysis: { budgetChars: 30_000 } });
  ws.set('long.txt', text);
  const diags = ws.diagnostics('long.txt');
  const cut = diags.find((d) => d.code === 'analysis-truncated');
  assert.ok(cut && cut.severity === 'warning');
  assert.equal(text[cut.start], '\n', 'the cut is at a line break');
  assert.match(cut.message, /analysed the first [\d,]+ of [\d,]+ characters \(its time budget per file\)/);
  const quotes = ws.get('long.txt')?.analysis.quotes ?? [];
  assert.ok(quotes.length > 500 && quotes.every((q) => q.end <= cut.start));
});

// A speaker's card lists every role the articles give them; describing it again for each quote
// made a 10 MB document's 16,000 diagnostics take 39 s. 4,000 quotes took about 2.5 s so.
test('a document of 4,000 quotes by one speaker gets its diagnostics in well under a second', () => {
  const ws = new Workspace();
  const text = '“We will rebuild every street,” Mayor Ann Lee said on Tuesday.\n'.repeat(4000);
  ws.set('many.news', text);
  const started = process.hrtime.bigint();
  const diagnostics = ws.diagnostics('many.news');
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  assert.equal(diagnostics.filter((d) => d.code === 'quote').length, 4000);
  assert.match(diagnostics[0].message, /^Quote by Ann Lee, Mayor/);
  assert.ok(ms < 1000, `${ms.toFixed(0)} ms`);
});
