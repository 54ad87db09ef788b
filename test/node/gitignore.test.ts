import { test } from 'node:test';
import assert from 'node:assert/strict';
import { gitIgnored, parseGitignore, type IgnoreFile } from '../../src/node/gitignore';

// .gitignore patterns read as git reads them (gitignore(5)), on hand-written files.

const at = (text: string, under = '', above = ''): IgnoreFile => ({ under, above, rules: parseGitignore(text) });
const ignored = (files: IgnoreFile[], p: string, folder = false) => gitIgnored(files, p, folder);

test('a name without a slash matches at any depth; one with a slash is anchored to its file\'s folder', () => {
  const files = [at('*.log.txt\n/top.txt\ndocs/draft.txt\n')];
  assert.ok(ignored(files, 'a.log.txt'));
  assert.ok(ignored(files, 'deep/down/a.log.txt'));
  assert.ok(ignored(files, 'top.txt'));
  assert.ok(!ignored(files, 'sub/top.txt'));
  assert.ok(ignored(files, 'docs/draft.txt'));
  assert.ok(!ignored(files, 'x/docs/draft.txt'));
});

test('a trailing slash matches folders only; "!" takes a path back; the last match decides', () => {
  const files = [at('tmp/\n*.txt\n!keep.txt\n')];
  assert.ok(ignored(files, 'tmp', true));
  assert.ok(!ignored(files, 'tmp', false), 'a file named tmp is not a folder');
  assert.ok(ignored(files, 'a.txt'));
  assert.ok(!ignored(files, 'keep.txt'));
  assert.ok(!ignored(files, 'sub/keep.txt'));
});

test('comments, blank lines, escapes, trailing spaces, CRLF and "**" segments', () => {
  const files = [at('# a comment\r\n\r\n\\#hash.txt\r\nspaced.txt   \r\na/**/b.txt\r\n**/logs\r\n{x,y}.txt\r\n')];
  assert.ok(ignored(files, '#hash.txt'));
  assert.ok(!ignored(files, '# a comment'));
  assert.ok(ignored(files, 'spaced.txt'));
  assert.ok(ignored(files, 'a/b.txt'));
  assert.ok(ignored(files, 'a/x/y/b.txt'));
  assert.ok(ignored(files, 'deep/logs', true));
  // Braces are literal in git, not alternatives.
  assert.ok(ignored(files, '{x,y}.txt'));
  assert.ok(!ignored(files, 'x.txt'));
});

test('a nested .gitignore applies under its folder only; one above the walked folder applies through the path down to it', () => {
  const nested = [at('*.txt\n', 'sub')];
  assert.ok(ignored(nested, 'sub/a.txt'));
  assert.ok(!ignored(nested, 'a.txt'));
  assert.ok(!ignored(nested, 'subway/a.txt'));
  const above = [at('news/scratch/\n', '', 'news')];
  assert.ok(ignored(above, 'scratch', true));
  assert.ok(!ignored(above, 'other', true));
  // A deeper file takes back what a shallower one left out.
  assert.ok(!ignored([at('*.txt\n'), at('!a.txt\n', 'sub')], 'sub/a.txt'));
});
