import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Session, type SessionHost } from '../../src/server/session';
import { AnalysisPool } from '../../src/server/pool';
import { DEFAULT_SETTINGS } from '../../src/server/settings';

// What the server's log (VS Code's Output panel) says about files it could not read as
// they are: each skipped file and each file decoded as Windows-1252 is named once, with the
// reason, however many times the folder is scanned again.

class Host implements SessionHost {
  readonly lines: string[] = [];
  publish(): void {}
  status(): void {}
  async progress() {
    return null;
  }
  log(message: string): void {
    this.lines.push(message);
  }
}

function folder(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'byline-session-'));
  fs.writeFileSync(path.join(dir, 'good.txt'), '“We will rebuild,” Mayor Ann Lee said.\n');
  // “Café” in Windows-1252: é is one byte (0xE9), which is not UTF-8.
  fs.writeFileSync(path.join(dir, 'latin1.txt'), Buffer.from('The caf\xe9 owner, Ann Lee, said 40 people came.\n', 'latin1'));
  fs.writeFileSync(path.join(dir, 'binary.txt'), Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0x00, 0x00, 0x01, 0x02, 0x00, 0x00]));
  fs.writeFileSync(path.join(dir, 'huge.txt'), 'x'.repeat(3 * 1024));
  return dir;
}

for (const threads of [0, 2]) {
  test(`the log names each skipped or re-decoded file once, with why, across rescans (${threads ? 'worker threads' : 'server thread'})`, async (t) => {
    const dir = folder();
    t.after(() => fs.rmSync(dir, { recursive: true, force: true }));
    const host = new Host();
    const session = new Session(host, threads ? new AnalysisPool(threads) : null);
    t.after(() => session.dispose());
    session.setFolders([dir]);
    session.configure({ ...DEFAULT_SETTINGS, maxFileSize: 2 * 1024 });
    await session.scan();
    await session.scan();
    const about = (name: string) => host.lines.filter((l) => l.startsWith(`${path.join(dir, name)}: `));
    assert.equal(about('binary.txt').length, 1, host.lines.join('\n'));
    assert.match(about('binary.txt')[0], /binary/);
    assert.equal(about('huge.txt').length, 1, host.lines.join('\n'));
    assert.match(about('huge.txt')[0], /byline\.maxFileSizeKB/);
    assert.equal(about('latin1.txt').length, 1, host.lines.join('\n'));
    assert.match(about('latin1.txt')[0], /Windows-1252/);
    assert.deepEqual(about('good.txt'), []);
    // The Windows-1252 file is indexed, decoded right: "café", not a replacement character.
    const uri = pathToFileURL(path.join(dir, 'latin1.txt')).href;
    assert.match(session.index.get(uri)?.text ?? '', /The café owner/);

    // A file that changes reason is named again: the binary file becomes an article.
    fs.writeFileSync(path.join(dir, 'binary.txt'), '“Now it reads,” Ann Lee said.\n');
    await session.fileChanged(pathToFileURL(path.join(dir, 'binary.txt')).href);
    fs.writeFileSync(path.join(dir, 'binary.txt'), Buffer.from([0x00, 0x01, 0x02, 0x03]));
    await session.fileChanged(pathToFileURL(path.join(dir, 'binary.txt')).href);
    assert.equal(about('binary.txt').length, 2, host.lines.join('\n'));
  });
}

// A scan merges speakers and clusters them after its last diagnostics (indexer.ts): an open
// file's quotes must still end up naming the speaker as the whole folder knows them, on a cold
// scan and on a warm one that reads only digests from the cache.
test('after a scan, cold or warm, an open file names its speaker as the folder knows them; closed files show no speaker', async (t) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'byline-session-'));
  const storage = fs.mkdtempSync(path.join(os.tmpdir(), 'byline-storage-'));
  t.after(() => fs.rmSync(dir, { recursive: true, force: true }));
  t.after(() => fs.rmSync(storage, { recursive: true, force: true }));
  fs.writeFileSync(path.join(dir, 'a.txt'), 'Gen. Mark Milley said on Tuesday that "the war will go on through the winter."\n');
  fs.writeFileSync(path.join(dir, 'b.txt'), '“We will hold the line,” Milley told reporters.\n');
  for (let i = 0; i < 30; i++) fs.writeFileSync(path.join(dir, `other-${i}.txt`), `“We are not leaving,” Mayor Ann Lee${i} said. Russia has ${20 + i},000 troops in Kherson.\n`);
  const open = pathToFileURL(path.join(dir, 'b.txt')).href;
  for (const run of ['cold', 'warm']) {
    const published = new Map<string, string[]>();
    const host: SessionHost = {
      publish: (uri, diagnostics) => void published.set(uri, diagnostics.map((d) => d.message)),
      status: () => undefined,
      progress: async () => null,
    };
    const session = new Session(host, new AnalysisPool(2));
    session.setFolders([dir]);
    session.useStorage(storage);
    session.opened(open, fs.readFileSync(path.join(dir, 'b.txt'), 'utf8'), 1);
    // Alone, b.txt knows its general as "Milley".
    assert.match(published.get(open)?.join('\n') ?? '', /Quote by Milley/, run);
    await session.scan();
    await session.speakersSettled;
    assert.match(published.get(open)?.join('\n') ?? '', /Quote by Mark Milley/, run);
    for (const [uri, messages] of published) if (uri !== open) assert.ok(messages.every((m) => !/Quote by/.test(m)), `${run}: ${uri}: ${messages.join('; ')}`);
    await session.dispose();
  }
});

// The smallest case of data lost while files change: the end of a scan dropped every
// path that was not in its starting list, including those the watcher had just added.
test('a file created during a scan, with its Created event, is indexed once the scan ends', async (t) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'byline-session-'));
  t.after(() => fs.rmSync(dir, { recursive: true, force: true }));
  for (let i = 0; i < 60; i++) fs.writeFileSync(path.join(dir, `story-${i}.txt`), `“We are not leaving,” Mayor Ann Lee said. Russia has ${20 + i},000 troops in Kherson.\n`);
  const session = new Session(new Host(), new AnalysisPool(2));
  t.after(() => session.dispose());
  session.setFolders([dir]);
  session.configure(DEFAULT_SETTINGS);
  const scan = session.scan();
  // The scan has listed the folder: the new file is not in its list.
  await new Promise((r) => setImmediate(r));
  assert.ok(session.isIndexing);
  const created = path.join(dir, 'created.news');
  fs.writeFileSync(created, '“The bridge will reopen in May,” Governor Olena Shevchenko said.\n');
  const event = session.fileChanged(pathToFileURL(created).href);
  await scan;
  await event;
  const doc = session.index.get(pathToFileURL(created).href);
  assert.ok(doc, 'the created file is indexed');
  assert.match(session.index.diagnostics(pathToFileURL(created).href).map((d) => d.message).join('\n'), /Quote by Olena Shevchenko/);
  assert.equal(session.index.size, 61);
});

/** A session of `folder` with no worker threads, after its first scan. */
async function scannedInThisThread(t: { after(fn: () => Promise<void>): void }, folder: string, host: Host): Promise<Session> {
  const session = new Session(host, null);
  t.after(() => session.dispose());
  session.setFolders([folder]);
  session.configure(DEFAULT_SETTINGS);
  await session.scan();
  return session;
}

test('a link the watcher names that leads out of the workspace folder, or into a linked folder outside it, is not read', async (t) => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'byline-edge-'));
  t.after(() => fs.rmSync(root, { recursive: true, force: true }));
  const ws = path.join(root, 'ws');
  const outside = path.join(root, 'outside');
  fs.mkdirSync(ws);
  fs.mkdirSync(outside);
  fs.writeFileSync(path.join(ws, 'inside.news'), '“We stay,” Mayor Ann Lee said.\n');
  fs.writeFileSync(path.join(outside, 'secret.news'), '“The plan is secret,” Colonel Ivan Petrenko said.\n');
  const host = new Host();
  const session = await scannedInThisThread(t, ws, host);
  // A pull adds a link to the outside file and a link to the outside folder.
  fs.symlinkSync(path.join(outside, 'secret.news'), path.join(ws, 'link.news'));
  fs.symlinkSync(outside, path.join(ws, 'linked'));
  for (const name of ['link.news', 'linked', path.join('linked', 'secret.news')]) await session.fileChanged(pathToFileURL(path.join(ws, name)).href);
  assert.deepEqual(session.index.paths(), [pathToFileURL(path.join(ws, 'inside.news')).href]);
  assert.ok(session.index.speakers.all().every((s) => !/Petrenko/.test(s.name)), 'no speaker from outside the workspace');
  assert.ok(host.lines.some((l) => l.startsWith(path.join(ws, 'link.news')) && /outside the workspace folder; not followed/.test(l)), host.lines.join('\n'));
  // A rescan holds the edge as well.
  await session.scan();
  assert.deepEqual(session.index.paths(), [pathToFileURL(path.join(ws, 'inside.news')).href]);
});

test('a folder event for a tools’ folder or an excluded one reads nothing under it; an ordinary folder is read', async (t) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'byline-session-'));
  t.after(() => fs.rmSync(dir, { recursive: true, force: true }));
  const host = new Host();
  const session = await scannedInThisThread(t, dir, host);
  for (const folder of ['node_modules/pkg', 'site/dist', 'stories']) {
    fs.mkdirSync(path.join(dir, folder), { recursive: true });
    fs.writeFileSync(path.join(dir, folder, 'notes.txt'), '“We will rebuild,” Mayor Ann Lee said.\n');
    // Walking the folder would name this; a folder left out is not walked at all.
    fs.symlinkSync(path.join(dir, 'nowhere'), path.join(dir, folder, 'broken.txt'));
  }
  for (const folder of ['node_modules', 'site/dist', 'stories']) await session.fileChanged(pathToFileURL(path.join(dir, folder)).href);
  assert.deepEqual(session.index.paths(), [pathToFileURL(path.join(dir, 'stories', 'notes.txt')).href]);
  assert.deepEqual(host.lines.filter((l) => /broken symbolic link/.test(l)).map((l) => path.relative(dir, l.split(':')[0])), [path.join('stories', 'broken.txt')]);
});
