import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Writable } from 'node:stream';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { run } from '../../src/cli/main';
import { Session, type SessionHost } from '../../src/server/session';
import { parseSettings } from '../../src/server/settings';

// The CLI in CI and the editor read the same files of a folder, so that `--fail-on` never
// fails a build over a file the editor never showed: the editor's defaults, tools' folders,
// build output and .gitignore alike. The language server's session is driven directly.

const ARTICLE = '“We will rebuild,” Mayor Ann Lee said. Riverton had 1,000 homes flooded.\n';

class Host implements SessionHost {
  publish(): void {}
  status(): void {}
  async progress() {
    return null;
  }
}

class Capture extends Writable {
  text = '';
  override _write(chunk: Buffer | string, _enc: BufferEncoding, done: () => void): void {
    this.text += chunk.toString();
    done();
  }
}

function folder(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'byline-same-'));
  const files = ['a.txt', 'README.txt', 'LICENSE.txt', 'requirements.txt', 'build/x.txt', '.venv/lib/y.txt', 'node_modules/pkg/z.txt', 'notes/b.news', 'notes/private.txt', 'scratch/c.txt'];
  for (const f of files) {
    fs.mkdirSync(path.dirname(path.join(dir, f)), { recursive: true });
    fs.writeFileSync(path.join(dir, f), ARTICLE);
  }
  fs.writeFileSync(path.join(dir, '.gitignore'), 'scratch/\n');
  fs.writeFileSync(path.join(dir, 'notes', '.gitignore'), 'private.txt\n');
  return dir;
}

const relative = (dir: string, files: Iterable<string>) => [...files].map((f) => path.relative(dir, f.startsWith('file:') ? fileURLToPath(f) : f).split(path.sep).join('/')).sort();

async function cliFiles(dir: string): Promise<string[]> {
  const out = new Capture();
  await run(['analyze', dir, '--format', 'json'], out, new Capture());
  return relative(dir, (JSON.parse(out.text) as { files: Array<{ path: string }> }).files.map((f) => f.path));
}

test('the CLI and the language server read the same files of a folder with their defaults', async (t) => {
  const dir = folder();
  t.after(() => fs.rmSync(dir, { recursive: true, force: true }));
  const session = new Session(new Host(), null);
  t.after(() => session.dispose());
  session.setFolders([dir]);
  session.configure(parseSettings({}).settings);
  await session.scan();
  const expected = ['a.txt', 'notes/b.news'];
  assert.deepEqual(await cliFiles(dir), expected);
  assert.deepEqual(relative(dir, session.index.paths()), expected);

  // The watcher's events are judged as the walk judges: a file written where .gitignore
  // leaves it out is not read…
  fs.writeFileSync(path.join(dir, 'scratch', 'd.txt'), ARTICLE);
  await session.fileChanged(pathToFileURL(path.join(dir, 'scratch', 'd.txt')).href);
  assert.deepEqual(relative(dir, session.index.paths()), expected);
  // …and an edited .gitignore takes its files back, in both.
  fs.writeFileSync(path.join(dir, '.gitignore'), '# nothing left out\n');
  await session.fileChanged(pathToFileURL(path.join(dir, '.gitignore')).href);
  const now = ['a.txt', 'notes/b.news', 'scratch/c.txt', 'scratch/d.txt'];
  assert.deepEqual(relative(dir, session.index.paths()), now);
  assert.deepEqual(await cliFiles(dir), now);
});
