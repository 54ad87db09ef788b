import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Minimatch } from 'minimatch';
import { compileGlob, GlobError, MAX_ALTERNATIVES } from '../../src/node/glob';
import { DEFAULT_EXCLUDE, DEFAULT_INCLUDE } from '../../src/server/settings';

// The glob matcher that cannot backtrack (glob.ts): it gives minimatch's answers (which
// Byline used before, with nocase and dot) on the globs people write, and no glob takes
// longer than the path is long.

const GLOBS = [
  ...DEFAULT_INCLUDE,
  ...DEFAULT_EXCLUDE,
  '*.txt',
  'a/**/b',
  'a/**',
  '**',
  '**/drafts/**',
  '**/*.{news,txt}',
  '{a,b}/{c,d}/*.txt',
  '**/[a-c]*.txt',
  '**/[!a-c]*.txt',
  '**/[^a-c]*.txt',
  '**/?.txt',
  'x/*/y/**/z*.txt',
  '**/*a*a*b',
  '**/[A-Z]*.TXT',
  '**/a\\*b.txt',
];
const PATHS = [
  'a.txt', 'b.news', 'x/a.txt', 'README', 'README.md', 'x/Readme.txt', 'node_modules/a.txt', 'a/node_modules/b/c.txt', 'node_modules',
  '.git/x', 'x/.git/HEAD', 'requirements-dev.txt', 'src/CMakeLists.txt', 'a/b', 'a/x/y/b', 'a/', 'a/b/c', 'a', 'x/drafts/y.txt',
  'drafts/a.news', 'd.txt', 'x/c.txt', 'q.txt', 'ab.txt', 'x/q/y/z1.txt', 'x/q/y/k/z1.txt', 'aaab', 'x/aXaYb', 'a/c/f.txt', 'b/d/g.txt',
  'c/d/g.txt', 'logs/x.txt', 'x/LOGS/y.txt', 'Z.txt', '.hidden.txt', 'x/.h/a.txt', 'café.txt', 'Été.txt', 'a*b.txt', 'axb.txt',
  'build/out.txt', 'x/dist/y.news', 'third_party/a.txt', 'x/y/z/w/v/u.news',
];

test('the matcher gives minimatch’s answers (nocase, dot) on the default globs and common forms', () => {
  const differences: string[] = [];
  for (const glob of GLOBS) {
    const ours = compileGlob(glob);
    const theirs = new Minimatch(glob, { dot: true, nocase: true });
    for (const p of PATHS) if (ours.match(p) !== theirs.match(p)) differences.push(`${glob} ${p}: minimatch ${theirs.match(p)}`);
  }
  assert.deepEqual(differences, []);
});

test('no glob hangs: the alternating family **/*a*a…*b at 8 to 30 wildcards against long names, each under 50 ms', (t) => {
  let slowest = { ms: 0, what: '' };
  for (let wildcards = 8; wildcards <= 30; wildcards++) {
    const glob = compileGlob(`**/${'*a'.repeat(wildcards)}*b`);
    for (const length of [60, 200, 1000]) {
      // All a's and no b: every way of placing the wildcards almost matches.
      const name = `folder/${'a'.repeat(length)}`;
      // The least of three runs: a collection or another process on a loaded machine can stall any one of them.
      let ms = Infinity;
      for (let run = 0; run < 3; run++) {
        const started = process.hrtime.bigint();
        assert.equal(glob.match(name), false);
        ms = Math.min(ms, Number(process.hrtime.bigint() - started) / 1e6);
      }
      if (ms > slowest.ms) slowest = { ms, what: `${wildcards} wildcards, ${length} characters` };
      assert.ok(ms < 50, `${wildcards} wildcards against ${length} characters took ${ms.toFixed(1)} ms`);
    }
    assert.equal(glob.match(`folder/${'a'.repeat(60)}b`), true);
  }
  t.diagnostic(`slowest: ${slowest.ms.toFixed(2)} ms (${slowest.what})`);
});

test('braces that expand past the limit are refused with a message, not expanded', () => {
  const glob = '{a,b}'.repeat(9) + '.txt';
  assert.throws(() => compileGlob(glob), (e: unknown) => e instanceof GlobError && e.message === `"${glob}" has more than ${MAX_ALTERNATIVES} alternatives in its braces`);
  assert.equal(compileGlob('{a,b}'.repeat(8) + '.txt').match('abababab.txt'), true);
});
