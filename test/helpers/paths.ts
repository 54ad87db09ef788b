import * as fs from 'node:fs';
import * as path from 'node:path';

// Tests run compiled from out/test/…; fixtures and ../shared are found from the repository root.

function findRoot(dir: string): string {
  let d = dir;
  while (!fs.existsSync(path.join(d, 'package.json'))) {
    const up = path.dirname(d);
    if (up === d) throw new Error(`no package.json above ${dir}`);
    d = up;
  }
  return d;
}

export const repoRoot = findRoot(__dirname);
export const fixturesDir = path.join(repoRoot, 'test', 'fixtures');
export const sharedDir = path.resolve(repoRoot, '..', 'shared');
export const samplesDir = path.join(sharedDir, 'samples', 'kherson-talks');
export const corporaDir = path.join(sharedDir, 'corpora');

export function fixture(name: string): string {
  return fs.readFileSync(path.join(fixturesDir, name), 'utf8');
}
