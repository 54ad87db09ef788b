import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { CodeAction, Diagnostic as LspDiagnostic, TextDocumentEdit } from 'vscode-languageserver';
import { codeActions } from '../../src/server/codeActions';
import { hoverMarkdown } from '../../src/server/hover';
import { findAt } from '../../src/server/lookup';
import { claimGroups, conflictLocations } from '../../src/server/navigation';
import { tokenSpans } from '../../src/server/semanticTokens';
import { Session, type SessionHost } from '../../src/server/session';
import { DEFAULT_SETTINGS } from '../../src/server/settings';

// The quick fixes as the server offers them, and their edits applied to byline.json as the
// editor would: each decision takes effect in the session at once, the file's problems and
// stale decisions are published on it, and taking the edit back restores the finding.

class Host implements SessionHost {
  readonly published = new Map<string, LspDiagnostic[]>();
  readonly lines: string[] = [];
  publish(uri: string, diagnostics: LspDiagnostic[]): void {
    this.published.set(uri, diagnostics);
  }
  status(): void {}
  async progress() {
    return null;
  }
  log(message: string): void {
    this.lines.push(message);
  }
}

const A = 'KYIV -- Officials said 40 soldiers were killed in Kherson on Tuesday.\n"We will rebuild the bridge by spring," said Mayor Ivan Petrenko.\n';
const B = 'KYIV -- Officials said 90 soldiers were killed in Kherson on Tuesday.\n"We will rebuild the bridge by spring," said Governor Oleh Sydorenko.\n';

async function started(t: { after: (f: () => unknown) => void }) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'byline-fixes-'));
  t.after(() => fs.rmSync(dir, { recursive: true, force: true }));
  fs.writeFileSync(path.join(dir, 'a.txt'), A);
  fs.writeFileSync(path.join(dir, 'b.txt'), B);
  const host = new Host();
  const session = new Session(host, null);
  t.after(() => session.dispose());
  session.setFolders([dir]);
  session.configure({ ...DEFAULT_SETTINGS, severities: { ...DEFAULT_SETTINGS.severities, quote: 'information' } });
  await session.loadDecisions();
  await session.scan();
  const a = pathToFileURL(path.join(dir, 'a.txt')).href;
  const b = pathToFileURL(path.join(dir, 'b.txt')).href;
  // Open, as in the editor: every finding is published, not only what a closed file shows.
  session.opened(a, A, 1);
  session.opened(b, B, 1);
  const decisionsUri = pathToFileURL(path.join(dir, 'byline.json')).href;
  let decisionsText = '';
  /** The quick fixes at `words` in the article, with the diagnostics published there. */
  const fixes = (uri: string, text: string, words: string): CodeAction[] => {
    const offset = text.indexOf(words) + 1;
    const here = (host.published.get(uri) ?? []).filter((d) => {
      const s = session.offsetOf(uri, d.range.start) ?? -1;
      const e = session.offsetOf(uri, d.range.end) ?? -1;
      return s <= offset && offset <= e;
    });
    return codeActions(session.index, uri, offset, here, session.decisions.fileFor(uri), (p) => session.offsetOf(uri, p));
  };
  /** Applies a fix's edit to byline.json as the editor does (the file open, unsaved). */
  const apply = (action: CodeAction | undefined) => {
    assert.ok(action?.edit, `an edit: ${JSON.stringify(action)}`);
    const change = action.edit.documentChanges?.find((c): c is TextDocumentEdit => 'edits' in c);
    assert.equal(change?.textDocument.uri, decisionsUri);
    decisionsText = change.edits[0].newText;
    session.decisionsEdited(decisionsUri, decisionsText);
  };
  const codes = (uri: string) => (host.published.get(uri) ?? []).map((d) => d.code);
  return { session, host, a, b, decisionsUri, fixes, apply, codes, text: () => decisionsText, dir };
}

test('quick fixes on a quote, a figure and a quote variant apply at once, in both files, and are undone by taking the edit back', async (t) => {
  const s = await started(t);
  assert.ok(s.codes(s.a).includes('conflicting-claim') && s.codes(s.b).includes('conflicting-claim'), JSON.stringify(s.codes(s.a)));
  assert.ok(s.codes(s.a).includes('quote-speaker-differs'), JSON.stringify(s.codes(s.a)));

  // A figure: the other article's figure is offered to unlink.
  const figureFixes = s.fixes(s.a, A, '40 soldiers');
  assert.deepEqual(figureFixes.map((f) => f.title), ['Not the same thing as “90” in b.txt', 'Checked: keep this conflict quiet']);
  assert.equal(figureFixes[1].command?.command, 'byline.decide');
  s.apply(figureFixes[0]);
  assert.ok(!s.codes(s.a).includes('conflicting-claim') && !s.codes(s.b).includes('conflicting-claim'), 'unlinked in both files');
  assert.match(s.text(), /"decision": "different-figures"/);

  // A quote variant given to someone else: "Checked".
  const variantFixes = s.fixes(s.a, A, 'We will rebuild');
  const checked = variantFixes.find((f) => f.title === 'Checked: keep the other versions of this quote quiet');
  assert.ok(checked, JSON.stringify(variantFixes.map((f) => f.title)));
  s.apply(checked);
  assert.ok(!s.codes(s.a).includes('quote-speaker-differs'));
  assert.ok(!s.codes(s.a).includes('conflicting-claim'), 'the earlier decision still holds');

  // A quote: "Not a quotation", and "Speaker is …" asks for the speaker.
  const quoteFixes = s.fixes(s.b, B, 'We will rebuild');
  assert.ok(quoteFixes.some((f) => f.title === 'Speaker is …' && f.command?.arguments?.[0].ask === 'speaker'));
  s.apply(quoteFixes.find((f) => f.title === 'Not a quotation'));
  assert.ok(!s.codes(s.b).includes('quote'), JSON.stringify(s.codes(s.b)));
  assert.equal(JSON.parse(s.text()).decisions.length, 3);

  // Undo: the file's text before the last decision.
  const undone = JSON.parse(s.text());
  undone.decisions.pop();
  s.session.decisionsEdited(s.decisionsUri, JSON.stringify(undone));
  assert.ok(s.codes(s.b).includes('quote'), 'the quote is back');
  assert.deepEqual(s.host.published.get(s.decisionsUri) ?? [], [], 'no problem with the file');
});

test('a speaker merged across files can be kept apart; a bad or stale entry is a diagnostic on byline.json', async (t) => {
  const s = await started(t);
  const C = '"Nobody expected this," Petrenko said.\n';
  fs.writeFileSync(path.join(s.dir, 'c.txt'), C);
  await s.session.scan();
  const c = pathToFileURL(path.join(s.dir, 'c.txt')).href;
  s.session.opened(c, C, 1);
  const fixes = s.fixes(c, C, 'Nobody');
  const apart = fixes.find((f) => f.title === 'Not the same person as Ivan Petrenko');
  assert.ok(apart, JSON.stringify(fixes.map((f) => f.title)));
  assert.ok(fixes.some((f) => f.title === 'Same person as …'));
  const petrenko = () => s.session.index.speakers.all().find((x) => x.name === 'Ivan Petrenko');
  assert.equal(petrenko()?.files.length, 2);
  s.apply(apart);
  assert.equal(petrenko()?.files.length, 1);
  assert.ok(!s.fixes(c, C, 'Nobody').some((f) => f.title.startsWith('Not the same person')), 'a speaker kept apart is offered no second "Not the same person"');

  const file = JSON.parse(s.text());
  file.decisions.push({ decision: 'not-a-quote', quote: { file: 'c.txt', text: 'words that are not there', before: '' } }, { decision: 'nonsense' });
  file.settings = { numericTolerance: 'a lot' };
  const text = JSON.stringify(file, null, 2);
  s.session.decisionsEdited(s.decisionsUri, text);
  const messages = (s.host.published.get(s.decisionsUri) ?? []).map((d) => `${d.range.start.line}: ${d.message}`);
  assert.equal(messages.length, 3, messages.join('\n'));
  const lineOf = (needle: string) => text.slice(0, text.indexOf(needle)).split('\n').length - 1;
  assert.ok(messages.includes(`${lineOf('"decision": "nonsense"') - 1}: byline.json: decision 3 has an unknown "decision" "nonsense" (one of not-a-quote, speaker, same-person, different-person, different-figures, checked-conflict, checked-quote); it does not apply`), messages.join('\n'));
  assert.ok(messages.some((m) => m.startsWith(`${lineOf('"decision": "not-a-quote"') - 1}: Decision 2 (not-a-quote) no longer applies: the words “words that are not there” are no longer in c.txt`)), messages.join('\n'));
  assert.ok(messages.some((m) => /settings\.numericTolerance in .*byline\.json must be a number from 0 to 1/.test(m)), messages.join('\n'));
  assert.equal(petrenko()?.files.length, 1, 'the good decision still applies');
});

test('a checked conflict is quiet in the hover, the conflicts stepped through and the figure\'s mark, with its note', async (t) => {
  const s = await started(t);
  const figure = A.indexOf('40');
  const conflicting = () => tokenSpans(s.session.index, s.a, { reportedSpeech: true }).some((x) => x.start === figure && x.modifiers.includes('conflicting'));
  assert.ok(conflicting(), 'the figure is marked conflicting before the decision');
  assert.deepEqual([...new Set(conflictLocations(s.session.index, () => ({ start: { line: 0, character: 0 }, end: { line: 0, character: 0 } })).map((c) => c.uri))].sort(), [s.a, s.b].sort());
  s.session.decisionsEdited(s.decisionsUri, JSON.stringify({ decisions: [{ decision: 'checked-conflict', figure: { file: 'a.txt', text: '40', before: 'Officials said ' }, note: 'b.txt counts the wounded too' }] }));
  assert.ok(!s.codes(s.a).includes('conflicting-claim') && !s.codes(s.b).includes('conflicting-claim'), 'quiet on both sides');
  assert.ok(!conflicting(), 'no longer marked conflicting');
  const stepped = conflictLocations(s.session.index, () => ({ start: { line: 0, character: 0 }, end: { line: 0, character: 0 } })).map((c) => c.uri);
  assert.deepEqual(stepped, [], 'Next Conflicting Claim skips the checked conflict');
  const listed = claimGroups(s.session.index, () => ({ start: { line: 0, character: 0 }, end: { line: 0, character: 0 } })).flatMap((g) => g.claims);
  assert.deepEqual(listed.map((c) => [c.uri === s.a ? 'a' : 'b', c.conflicting]).sort(), [['a', false], ['b', false]], 'the Claims view lists the checked figures as no conflict');
  const found = findAt(s.session.index, s.a, figure);
  assert.ok(found);
  assert.match(hoverMarkdown(s.session.index, s.a, found, () => 0), /Checked in byline\.json: the conflict is kept quiet \(“b\.txt counts the wounded too”\)\./);
});

test('the settings in byline.json choose the files read, a bad file is an error on it, and Restricted Mode keeps them from choosing files', async (t) => {
  const s = await started(t);
  assert.ok(s.session.index.get(s.b), 'b.txt is read');
  // Closed: an open article stays whatever the globs (as with the editor's settings).
  await s.session.closed(s.b);
  fs.writeFileSync(path.join(s.dir, 'byline.json'), JSON.stringify({ settings: { exclude: ['b.txt'] } }));
  await s.session.fileChanged(s.decisionsUri);
  await s.session.scan();
  assert.equal(s.session.index.get(s.b), undefined, 'settings.exclude leaves b.txt out');
  assert.ok(s.session.index.get(s.a));

  s.session.decisions.trusted = false;
  await s.session.loadDecisions();
  await s.session.scan();
  assert.ok(s.session.index.get(s.b), 'untrusted: the file does not choose what is read');
  const said = (s.host.published.get(s.decisionsUri) ?? []).map((d) => d.message);
  assert.ok(said.some((m) => /In Restricted Mode the settings settings\.exclude in .*byline\.json are not used; trust the workspace to use them/.test(m)), said.join('\n'));

  s.session.decisionsEdited(s.decisionsUri, '{ "decisions": [');
  const broken = s.host.published.get(s.decisionsUri) ?? [];
  assert.equal(broken[0]?.severity, 1);
  assert.match(broken[0]?.message ?? '', /byline\.json is not valid JSON/);
});
