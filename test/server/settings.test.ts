import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseSettings, DEFAULT_EXCLUDE, DEFAULT_INCLUDE, MAX_CUE_VERBS, MAX_FILE_SIZE_KB_CEILING } from '../../src/server/settings';
import { repoRoot } from '../helpers/paths';
import { matchesFilter } from '../../src/node/files';
import { toLspDiagnostic } from '../../src/server/convert';
import { LineIndex } from '../../src/core/text/lineIndex';

test('defaults: .news and .txt articles are read, the text files of code repositories are not', () => {
  const { settings, problems } = parseSettings(undefined);
  assert.deepEqual(problems, []);
  assert.deepEqual(settings.include, DEFAULT_INCLUDE);
  const reads = (p: string) => matchesFilter(p, settings);
  assert.ok(reads('story.news'));
  assert.ok(reads('articles/2022/kherson.txt'));
  for (const p of ['README.txt', 'docs/readme.txt', 'LICENSE.txt', 'requirements.txt', 'node_modules/pkg/notes.txt', 'build/out.txt', 'CHANGELOG.txt', 'script.py']) assert.ok(!reads(p), p);
  assert.ok(DEFAULT_EXCLUDE.length > 10);
});

test('bad settings are named and their defaults used; good ones are taken', () => {
  const { settings, problems } = parseSettings({
    include: '**/*.txt',
    severity: { quote: 'loud', 'conflicting-claim': 'error', nonsense: 'hint' },
    cueVerbs: ['opine', 'Harrumph'],
    numericTolerance: 2,
    maxFileSizeKB: 64,
    underlineReportedSpeech: false,
  });
  assert.equal(problems.length, 4, problems.join('\n'));
  assert.match(problems.join('\n'), /byline\.include must be a list of glob patterns/);
  assert.match(problems.join('\n'), /byline\.severity: the severity of "quote" must be one of/);
  assert.match(problems.join('\n'), /unknown diagnostic code "nonsense" in byline\.severity/);
  assert.match(problems.join('\n'), /numericTolerance must be a number from 0 to 1/);
  assert.deepEqual(settings.include, DEFAULT_INCLUDE);
  // An invalid value falls back to the editor's default: quotes are no problem there.
  assert.equal(settings.severities.quote, 'off');
  assert.equal(settings.reportedSpeech, false);
  assert.equal(settings.severities['conflicting-claim'], 'error');
  assert.equal(settings.severities['reported-speech'], 'off');
  assert.deepEqual(settings.cueVerbs, ['opine', 'harrumph']);
  assert.equal(settings.maxFileSize, 64 * 1024);
});

test('a diagnostic becomes an LSP diagnostic with source Byline, its code, and related locations in other files', () => {
  const here = new LineIndex('first line\r\n“Quoted,” she said.\n');
  const there = new LineIndex('a\nb\n40,000 troops\n');
  const rangeOf = (uri: string, start: number, end: number) => {
    const idx = uri === 'file:///a.txt' ? here : uri === 'file:///b.txt' ? there : null;
    return idx ? { start: idx.positionAt(start), end: idx.positionAt(end) } : null;
  };
  const lsp = toLspDiagnostic(
    'file:///a.txt',
    { start: 12, end: 21, severity: 'warning', code: 'conflicting-claim', message: 'm', related: [{ path: 'file:///b.txt', start: 4, end: 10, message: 'there' }, { path: 'file:///gone.txt', start: 0, end: 1, message: 'x' }] },
    rangeOf,
  );
  assert.ok(lsp);
  assert.deepEqual(lsp.range, { start: { line: 1, character: 0 }, end: { line: 1, character: 9 } });
  assert.equal(lsp.severity, 2);
  assert.equal(lsp.source, 'Byline');
  assert.equal(lsp.code, 'conflicting-claim');
  // A related place in a file the index no longer has is left out rather than guessed.
  assert.deepEqual(lsp.relatedInformation, [{ location: { uri: 'file:///b.txt', range: { start: { line: 2, character: 0 }, end: { line: 2, character: 6 } } }, message: 'there' }]);
});

test('every warning names a setting that exists in the manifest', () => {
  const manifest = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8'));
  const names = Object.keys(manifest.contributes.configuration.properties);
  const { problems } = parseSettings({
    include: 5,
    exclude: ['{a,b}'.repeat(9)],
    severity: 'loud',
    cueVerbs: 'opine',
    numericTolerance: -1,
    maxFileSizeKB: 'big',
    underlineReportedSpeech: 'yes',
  });
  assert.equal(problems.length, 7, problems.join('\n'));
  for (const p of problems) {
    const named = [...p.matchAll(/byline\.[A-Za-z]+/g)].map((m) => m[0]);
    assert.ok(named.length > 0, `names no setting: ${p}`);
    for (const n of named) assert.ok(names.includes(n), `"${n}" is not a setting: ${p}`);
  }
});

// What an untrusted folder's .vscode/settings.json could set to hang or exhaust the server.
test('ceilings: a size over 100 MB, too many cue verbs, and globs with too many alternatives are refused with a warning', () => {
  let r = parseSettings({ maxFileSizeKB: 1e308 });
  assert.equal(r.settings.maxFileSize, MAX_FILE_SIZE_KB_CEILING * 1024);
  assert.match(r.problems.join(), /byline\.maxFileSizeKB may be at most 102400 \(100 MB\); got 1e\+308, using 102400/);
  r = parseSettings({ maxFileSizeKB: 3000000 });
  assert.equal(r.settings.maxFileSize, 100 * 1024 * 1024);
  r = parseSettings({ cueVerbs: Array.from({ length: 30000 }, (_, i) => `verb${'a'.repeat(i % 20)}`.replace(/\d/g, 'x')) });
  assert.deepEqual(r.settings.cueVerbs, []);
  assert.match(r.problems.join(), new RegExp(`byline\\.cueVerbs holds 30000 verbs, more than the ${MAX_CUE_VERBS} it may have; ignored`));
  r = parseSettings({ exclude: ['**/*a*a*a*a*a*a*a*a*b', '{a,b}'.repeat(9)] });
  assert.deepEqual(r.settings.exclude, DEFAULT_EXCLUDE);
  assert.match(r.problems.join(), /byline\.exclude: ".*" has more than 256 alternatives in its braces; ignored \(the default exclusions still apply\)/);
});

test('the manifest restricts, in untrusted workspaces, the settings that change what is read or how much; every number has a ceiling it states', () => {
  const manifest = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8'));
  const trust = manifest.capabilities.untrustedWorkspaces;
  assert.equal(trust.supported, 'limited');
  assert.deepEqual([...trust.restrictedConfigurations].sort(), ['byline.cueVerbs', 'byline.exclude', 'byline.include', 'byline.maxFileSizeKB', 'byline.useDefaultExcludes', 'byline.useGitignore']);
  for (const [name, schema] of Object.entries(manifest.contributes.configuration.properties) as Array<[string, { type: string; maximum?: number; maxItems?: number; description?: string; markdownDescription?: string }]>) {
    const description = schema.description ?? schema.markdownDescription ?? '';
    if (schema.type === 'number') {
      assert.equal(typeof schema.maximum, 'number', `${name} has no maximum`);
      assert.ok(description.includes(String(schema.maximum)), `${name}'s description does not state its ceiling ${schema.maximum}`);
    }
    if (schema.type === 'array') {
      assert.equal(typeof schema.maxItems, 'number', `${name} has no maxItems`);
      assert.ok(description.includes(`At most ${schema.maxItems}`), `${name}'s description does not state its ceiling`);
    }
  }
});

test('byline.exclude adds to the defaults; byline.useDefaultExcludes: false drops them; byline.useGitignore is on unless turned off; a folder\'s own values apply under it', async () => {
  const { withFolderSettings, filterOf } = await import('../../src/server/settings');
  let r = parseSettings({ exclude: ['**/drafts/**'] });
  assert.deepEqual(r.settings.exclude, [...DEFAULT_EXCLUDE, '**/drafts/**']);
  assert.equal(r.settings.gitignore, true);
  r = parseSettings({ exclude: ['**/drafts/**'], useDefaultExcludes: false, useGitignore: false });
  assert.deepEqual(r.settings.exclude, ['**/drafts/**']);
  assert.equal(r.settings.gitignore, false);
  r = parseSettings({ useGitignore: 'no' });
  assert.equal(r.settings.gitignore, true);
  assert.match(r.problems.join(), /byline\.useGitignore must be true or false; got "no", using true/);
  const window = parseSettings({});
  const scoped = withFolderSettings(window.settings, window.problems, [
    { path: '/w/a', name: 'a', raw: { exclude: ['**/drafts/**'] } },
    { path: '/w/b', name: 'b', raw: { include: 'not a list' } },
  ]);
  assert.deepEqual(filterOf(scoped.settings, '/w/a').exclude, [...DEFAULT_EXCLUDE, '**/drafts/**']);
  assert.deepEqual(filterOf(scoped.settings, '/w/b').include, DEFAULT_INCLUDE);
  assert.deepEqual(filterOf(scoped.settings, '/w/c').exclude, DEFAULT_EXCLUDE);
  assert.deepEqual(scoped.problems, ['in the folder b, byline.include must be a list of glob patterns such as "**/*.txt"; using the default']);
});
