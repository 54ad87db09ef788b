import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { anchorOf, Decisions, findAnchor, parseDecisions, relativePath, withDecision, entrySpans, type Decision } from '../../src/workspace/decisions';
import { Workspace } from '../../src/workspace/workspace';
import { DECISION_KINDS, FILE_SETTINGS } from '../../src/workspace/decisions';
import { fixturesDir, repoRoot } from '../helpers/paths';

// The decisions file (byline.json): read and written back, bad entries named and kept, anchors
// that survive edits elsewhere, and each decision applied to a workspace of small articles.

const dir = path.join(fixturesDir, 'workspace');
const read = (name: string) => fs.readFileSync(path.join(dir, name), 'utf8');
const ROOT = '/news';
const at = (name: string) => `${ROOT}/${name}`;

function workspaceWith(decisions: Decision[], texts: Record<string, string> = {}, more: Record<string, string> = {}): Workspace {
  const ws = new Workspace();
  for (const name of ['briefing.txt', 'followup.txt', 'kyiv.txt']) ws.set(at(name), texts[name] ?? read(name));
  for (const [name, text] of Object.entries(more)) ws.set(at(name), text);
  const text = decisions.reduce((t, d) => {
    const made = withDecision(t, d);
    assert.ok('text' in made, JSON.stringify(made));
    return made.text;
  }, '');
  ws.setDecisions(new Decisions([{ root: ROOT, file: parseDecisions(text) }]));
  return ws;
}

const quoteOf = (ws: Workspace, name: string, words: string) => ws.get(at(name))?.analysis.quotes.find((q) => q.text.includes(words));

test('round trip: every kind of decision written by withDecision reads back the same, one field a line', () => {
  const briefing = read('briefing.txt');
  const quote = anchorOf('briefing.txt', briefing, briefing.indexOf('"Winter'), briefing.indexOf('it,"') + 4);
  const decisions: Decision[] = [
    { decision: 'not-a-quote', quote },
    { decision: 'speaker', quote, speaker: 'Lloyd Austin' },
    { decision: 'same-person', file: 'followup.txt', name: 'Milli', as: 'Mark Milley' },
    { decision: 'different-person', file: 'followup.txt', name: 'Milley', from: 'Mark Milley' },
    { decision: 'different-figures', figure: quote, otherFile: 'kyiv.txt', otherFigure: '20,000' },
    { decision: 'checked-conflict', figure: quote, note: '004 is a translation; 003 is the source' },
    { decision: 'checked-quote', quote },
  ];
  let text = '';
  for (const d of decisions) {
    const made = withDecision(text, d);
    assert.ok('text' in made);
    text = made.text;
  }
  const back = parseDecisions(text);
  assert.deepEqual(back.problems, []);
  assert.deepEqual(back.decisions.map((d) => d.decision), decisions);
  assert.ok(text.split('\n').every((line) => line.length < 200), 'no decision squeezed onto one long line');
  assert.deepEqual(withDecision(text, decisions[0]), { unchanged: true }, 'the same decision twice is recorded once');
  // A new speaker for the same quote replaces the old one rather than contradicting it.
  const again = withDecision(text, { decision: 'speaker', quote, speaker: 'Mark Milley' });
  assert.ok('text' in again);
  const speakers = parseDecisions(again.text).decisions.filter((d) => d.decision.decision === 'speaker');
  assert.deepEqual(speakers.map((d) => (d.decision as { speaker: string }).speaker), ['Mark Milley']);
});

test('bad inputs: each is named, the rest still applies, and a file that is not JSON is never written over', () => {
  const bom = parseDecisions('\uFEFF{ "decisions": [] }');
  assert.deepEqual(bom.problems, [], 'a byte-order mark is no part of the JSON');
  const broken = '{ "decisions": [ { "decision": "not-a-quote", ';
  const notJson = parseDecisions(broken);
  assert.equal(notJson.decisions.length, 0);
  assert.match(notJson.problems[0].message, /byline\.json is not valid JSON/);
  const refused = withDecision(broken, { decision: 'checked-quote', quote: { file: 'a.txt', text: 'x', before: '' } });
  assert.ok('problem' in refused && /Fix it before adding a decision/.test(refused.problem));

  const text = JSON.stringify({
    colour: 'blue',
    settings: { cueVerbs: ['opine'], fontSize: 3 },
    decisions: [
      { decision: 'not-a-quote', quote: { file: 'a.txt', text: 'fine' } },
      { decision: 'speakr', quote: { file: 'a.txt', text: 'x' } },
      { decision: 'speaker', quote: { file: 'a.txt', text: 'x' } },
      { decision: 'same-person', file: 'a.txt', name: 'Milli', as: 'Mark Milley', colour: 1 },
      'checked',
    ],
  }, null, 2);
  const read_ = parseDecisions(text);
  assert.equal(read_.decisions.length, 1, 'the good entry applies');
  assert.equal(read_.decisions[0].index, 0);
  assert.deepEqual(read_.settings, { cueVerbs: ['opine'] });
  const messages = read_.problems.map((p) => p.message);
  assert.ok(messages.some((m) => /unknown entry "colour"/.test(m)), messages.join('\n'));
  assert.ok(messages.some((m) => /unknown setting "settings\.fontSize"/.test(m)));
  assert.ok(messages.some((m) => /decision 2 has an unknown "decision" "speakr"/.test(m)));
  assert.ok(messages.some((m) => /decision 3 \(speaker\) needs "speaker"/.test(m)));
  assert.ok(messages.some((m) => /decision 4 \(same-person\) has unknown field "colour"/.test(m)));
  assert.ok(messages.some((m) => /decision 5 is not an object/.test(m)));
  // Writing a new decision keeps every entry, good or bad, and every unknown key.
  const added = withDecision(text, { decision: 'checked-quote', quote: { file: 'b.txt', text: 'y', before: '' } });
  assert.ok('text' in added);
  const raw = JSON.parse(added.text);
  assert.equal(raw.colour, 'blue');
  assert.equal(raw.decisions.length, 6);
  assert.deepEqual(raw.decisions.slice(0, 5), JSON.parse(text).decisions);
  // Each entry's place in the text, for the messages on it.
  const spans = entrySpans(added.text);
  assert.equal(spans.length, 6);
  assert.deepEqual(JSON.parse(added.text.slice(spans[3].start, spans[3].end)), JSON.parse(text).decisions[3]);
  assert.equal(added.text.slice(spans[4].start, spans[4].end), '"checked"');
});

test('anchors: found again after edits elsewhere and a rewrapped line; the words before them pick among repeats; gone words are not found', () => {
  const text = 'He said "yes." Later she said "yes." Then they left.';
  const second = text.lastIndexOf('"yes."');
  const anchor = anchorOf('a.txt', text, second, second + 6);
  assert.equal(anchor.text, '"yes."');
  const edited = 'A new first sentence. ' + text.replace('Then', 'Then, at last,');
  const found = findAnchor(edited, anchor);
  assert.equal(found?.start, edited.lastIndexOf('"yes."'));
  const long = anchorOf('a.txt', text, text.indexOf('Later'), text.indexOf('Then'));
  assert.ok(findAnchor(text.replace('she said', 'she\n said'), long), 'a line break where a space was');
  assert.equal(findAnchor(text.replace(/yes/g, 'no'), anchor), null);
});

test('relative paths: URIs are compared decoded, outside paths are null', () => {
  assert.equal(relativePath('file:///c%3A/News', 'file:///C:/News/a%20b/003.txt'), 'a b/003.txt');
  assert.equal(relativePath('/news', '/news/sub/a.txt'), 'sub/a.txt');
  assert.equal(relativePath('/news', '/newsroom/a.txt'), null);
});

test('"Not a quotation" removes the quote from the document, its diagnostics and its speaker\'s count', () => {
  const briefing = read('briefing.txt');
  const start = briefing.indexOf('"Winter');
  const end = briefing.indexOf('it,"') + 4;
  const before = new Workspace();
  for (const name of ['briefing.txt', 'followup.txt', 'kyiv.txt']) before.set(at(name), read(name));
  const q = quoteOf(before, 'briefing.txt', 'Winter will slow');
  assert.ok(q, 'Byline finds the quote before any decision');
  const count = before.speakers.all().find((s) => s.name === 'Mark Milley')?.quoteCount ?? 0;
  const ws = workspaceWith([{ decision: 'not-a-quote', quote: anchorOf('briefing.txt', briefing, q.start, q.end) }]);
  assert.equal(quoteOf(ws, 'briefing.txt', 'Winter will slow'), undefined);
  assert.ok(!ws.diagnostics(at('briefing.txt')).some((d) => d.start === q.start && (d.code === 'quote' || d.code === 'unattributed-quote')));
  assert.equal(ws.speakers.all().find((s) => s.name === 'Mark Milley')?.quoteCount, count - 1);
  assert.ok(start >= 0 && end > start);
  assert.deepEqual(ws.staleDecisions(), []);
});

test('"Speaker is …" gives the quote to a speaker of the article, or to a name the reader typed', () => {
  const followup = read('followup.txt');
  const before = new Workspace();
  before.set(at('followup.txt'), followup);
  const q = quoteOf(before, 'followup.txt', 'window of opportunity');
  assert.ok(q);
  const quote = anchorOf('followup.txt', followup, q.start, q.end);
  const ws = workspaceWith([{ decision: 'speaker', quote, speaker: 'Volodymyr Zelenskyy' }]);
  const now = quoteOf(ws, 'followup.txt', 'window of opportunity');
  assert.equal(ws.speakers.speakerOf(at('followup.txt'), now?.attribution?.speakerKey ?? '')?.name, 'Volodymyr Zelenskyy');
  assert.equal(now?.attribution?.via, 'decision');
  const typed = workspaceWith([{ decision: 'speaker', quote, speaker: 'Lloyd Austin' }]);
  const austin = typed.speakers.all().find((s) => s.name === 'Lloyd Austin');
  assert.ok(austin, 'a typed name becomes a speaker');
  assert.equal(austin.quoteCount, 1);
  assert.match(typed.diagnostics(at('followup.txt')).find((d) => d.start === q.start && d.code === 'quote')?.message ?? '', /Quote by Lloyd Austin/);
});

test('"Not the same person as" keeps a name apart; "Same person as" merges one', () => {
  const apart = workspaceWith([{ decision: 'different-person', file: 'followup.txt', name: 'Milli', from: 'Mark Milley' }]);
  const milley = apart.speakers.all().find((s) => s.name === 'Mark Milley');
  assert.ok(milley && !milley.aliases.includes('Milli'), `aliases: ${milley?.aliases}`);
  // The article's speaker who goes by "Milli" (and "Milley") is a speaker of their own, of that article only.
  const own = apart.speakers.all().find((s) => s.name === 'Milli' || s.aliases.includes('Milli'));
  assert.deepEqual(own?.files, [at('followup.txt')]);

  const extra = 'Lt. Col. Smith said the bridge was down.\n"We will rebuild it," Smith said.';
  const merged = workspaceWith([{ decision: 'same-person', file: 'extra.txt', name: 'Smith', as: 'Mark Milley' }], {}, { 'extra.txt': extra });
  const m = merged.speakers.all().find((s) => s.name === 'Mark Milley');
  assert.ok(m?.files.includes(at('extra.txt')), `Mark Milley's files: ${m?.files}`);
  assert.ok(!merged.speakers.all().some((s) => s.name === 'Smith'), 'Smith is no speaker of their own');
});

test('figures: "Not the same thing" unlinks a pair; "Checked" quiets the conflict; both apply at once and undo', () => {
  const a = 'KYIV -- Officials said 40 soldiers were killed in Kherson on Tuesday.';
  const b = 'KYIV -- Officials said 90 soldiers were killed in Kherson on Tuesday.';
  const ws = new Workspace();
  ws.set(at('a.txt'), a);
  ws.set(at('b.txt'), b);
  const conflict = () => ws.diagnostics(at('a.txt')).find((d) => d.code === 'conflicting-claim');
  const d = conflict();
  assert.ok(d, 'the figures conflict before any decision');
  const figure = anchorOf('a.txt', a, d.start, d.end);
  const apply = (...decisions: Decision[]) => {
    let text = '';
    for (const x of decisions) text = (withDecision(text, x) as { text: string }).text;
    return ws.setDecisions(new Decisions([{ root: ROOT, file: parseDecisions(text) }]));
  };
  const changed = apply({ decision: 'different-figures', figure, otherFile: 'b.txt', otherFigure: b.slice(ws.claims.linksOf(at('a.txt')).flat()[0].start, ws.claims.linksOf(at('a.txt')).flat()[0].end) });
  assert.ok(changed.has(at('a.txt')) && changed.has(at('b.txt')), 'both files are republished');
  assert.equal(conflict(), undefined);
  assert.equal(ws.diagnostics(at('b.txt')).find((x) => x.code === 'conflicting-claim'), undefined, 'the other file no longer conflicts either');
  assert.equal(ws.claims.conflictCount(), 0);
  ws.setDecisions(null);
  assert.ok(conflict(), 'undone: the conflict is back');
  const republished = apply({ decision: 'checked-conflict', figure, note: 'b.txt counts the wounded' });
  assert.equal(conflict(), undefined);
  assert.equal(ws.diagnostics(at('b.txt')).find((x) => x.code === 'conflicting-claim'), undefined, 'quiet on both sides: b.txt disagrees only with the checked figure');
  assert.ok(republished.has(at('b.txt')), 'b.txt is republished');
  assert.equal(ws.conflictCount(), 0, 'the checked pair is not counted');
  assert.deepEqual(ws.conflicts(), []);
  // A third article that disagrees with b.txt: b.txt's figure is not quiet any more; a.txt's stays quiet.
  const withC = ws.set(at('c.txt'), 'KYIV -- Officials said 200 soldiers were killed in Kherson on Tuesday.');
  assert.ok(withC.has(at('b.txt')));
  assert.ok(ws.diagnostics(at('b.txt')).some((x) => x.code === 'conflicting-claim'), 'b.txt now disagrees with c.txt too');
  assert.equal(conflict(), undefined);
});

test('stale decisions are reported, with the article and the words, and apply to nothing', () => {
  const briefing = read('briefing.txt');
  const q = briefing.indexOf('"Winter');
  const quote = anchorOf('briefing.txt', briefing, q, briefing.indexOf('it,"') + 4);
  const ws = workspaceWith(
    [
      { decision: 'not-a-quote', quote },
      { decision: 'checked-quote', quote: { ...quote, file: 'gone.txt' } },
      { decision: 'same-person', file: 'followup.txt', name: 'Nobody Here', as: 'Mark Milley' },
    ],
    { 'briefing.txt': briefing.replace('Winter will slow the fighting', 'The cold will slow the fighting') },
  );
  const stale = ws.staleDecisions().map((s) => s.message);
  assert.equal(stale.length, 3, stale.join('\n'));
  assert.match(stale[0], /Decision 1 \(not-a-quote\) no longer applies: the words “"Winter will slow/);
  assert.match(stale[1], /gone\.txt is not among the articles Byline reads/);
  assert.match(stale[2], /followup\.txt no longer names a speaker “Nobody Here”/);
  assert.ok(quoteOf(ws, 'briefing.txt', 'cold will slow'), 'the edited quote is a quote again');
});

test('the contributed JSON schema matches what is read: every decision kind, every setting as package.json declares it', () => {
  const schema = JSON.parse(fs.readFileSync(path.join(repoRoot, 'schemas', 'byline.schema.json'), 'utf8'));
  const pkg = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8'));
  assert.deepEqual(pkg.contributes.jsonValidation, [{ fileMatch: 'byline.json', url: './schemas/byline.schema.json' }]);
  const kinds = schema.properties.decisions.items.oneOf.map((k: { properties: { decision: { const: string } } }) => k.properties.decision.const);
  assert.deepEqual(kinds, [...DECISION_KINDS]);
  const settings = schema.properties.settings.properties;
  assert.deepEqual(Object.keys(settings), [...FILE_SETTINGS]);
  for (const key of FILE_SETTINGS) {
    const declared = pkg.contributes.configuration.properties[`byline.${key}`];
    for (const field of ['type', 'items', 'minimum', 'maximum', 'maxItems', 'properties']) assert.deepEqual(settings[key][field], declared[field], `${key}.${field}`);
  }
  // The documented example is a file the schema and the reader accept.
  const doc = fs.readFileSync(path.join(repoRoot, 'docs', 'corrections.md'), 'utf8');
  const example = /```json\n([\s\S]*?)```/.exec(doc)?.[1] ?? '';
  const read_ = parseDecisions(example);
  assert.deepEqual(read_.problems, []);
  assert.equal(read_.decisions.length, 2);
});
