import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseSettings, DEFAULT_EXCLUDE, DEFAULT_INCLUDE } from '../../src/server/settings';
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
  assert.match(problems.join('\n'), /severity for "quote" must be one of/);
  assert.match(problems.join('\n'), /unknown diagnostic code "nonsense"/);
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
