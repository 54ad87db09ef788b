import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { Minimatch } from 'minimatch';
import { compileGlob } from '../../src/node/glob';

// The glob matcher that cannot backtrack (src/node/glob.ts) against minimatch, which Byline
// used before, on random globs of the subset it supports and random relative paths: the same
// answer every time. Globs keep to three wildcards or fewer, where minimatch's backtracking
// stays quick; the paths have no empty, "." or ".." segments (a walk never makes them).
// BYLINE_FUZZ_RUNS sets the number of cases (npm run test:stress runs many more).

const RUNS = Number(process.env.BYLINE_FUZZ_RUNS ?? 150);

const segment = fc.array(fc.constantFrom('a', 'b', 'x', 'A', '.', '-'), { minLength: 1, maxLength: 4 }).map((c) => c.join('')).filter((s) => s !== '.' && s !== '..');
const relativePath = fc.array(segment, { minLength: 1, maxLength: 4 }).map((s) => s.join('/'));

const globSegment = fc.oneof(
  { weight: 1, arbitrary: fc.constant('**') },
  {
    weight: 4,
    arbitrary: fc
      .array(fc.constantFrom('a', 'b', 'x', 'B', '.', '*', '?', '[ab]', '[!a]', '[a-x]', '{a,b}', '{x,.a}'), { minLength: 1, maxLength: 4 })
      .map((t) => t.join(''))
      .filter((s) => s !== '.' && s !== '..' && !s.startsWith('**')),
  },
);
const glob = fc
  .array(globSegment, { minLength: 1, maxLength: 4 })
  .map((s) => s.join('/'))
  .filter((g) => (g.match(/\*+|\?/g) ?? []).length <= 3 && !/\*\*\/\*\*/.test(g));

test('random globs and paths: the same answers as minimatch (nocase, dot)', () => {
  fc.assert(
    fc.property(glob, fc.array(relativePath, { minLength: 1, maxLength: 8 }), (g, paths) => {
      const ours = compileGlob(g);
      const theirs = new Minimatch(g, { dot: true, nocase: true });
      for (const p of paths) assert.equal(ours.match(p), theirs.match(p), `${g} against ${p}`);
    }),
    { numRuns: RUNS },
  );
});
