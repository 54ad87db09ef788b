import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { findFiles, HARD_MAX_FILE_BYTES, readArticle, readArticleSync } from '../../src/node/files';
import { binaryReason, decodeText } from '../../src/core/text/decode';
import { repoRoot } from '../helpers/paths';

// A reader's folder is never clean. Each kind of file is read, decoded, or skipped with a
// reason, and never stops the others from being read.

const ARTICLE = '“We will rebuild,” Mayor Ann Lee said on Tuesday.\n';
const MB = 1024 * 1024;

function tempDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'byline-files-'));
}

test('encodings: UTF-8 with and without BOM, UTF-16 LE and BE with BOM, Latin-1 decoded with a note', async () => {
  const dir = tempDir();
  const be = Buffer.from(ARTICLE, 'utf16le');
  be.swap16();
  const files: Record<string, Buffer> = {
    'plain.txt': Buffer.from(ARTICLE),
    'bom.txt': Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(ARTICLE)]),
    'le.txt': Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(ARTICLE, 'utf16le')]),
    'be.txt': Buffer.concat([Buffer.from([0xfe, 0xff]), be]),
  };
  for (const [name, bytes] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), bytes);
  for (const name of Object.keys(files)) {
    const read = await readArticle(path.join(dir, name), MB, '--max-file-size');
    assert.ok(read.ok, name);
    assert.equal(read.text, ARTICLE, name);
    assert.equal(read.note, null, name);
  }
  fs.writeFileSync(path.join(dir, 'latin1.txt'), Buffer.from('Le maire a dit « déjà » hier.\n', 'latin1'));
  const latin = await readArticle(path.join(dir, 'latin1.txt'), MB, '--max-file-size');
  assert.ok(latin.ok);
  assert.equal(latin.text, 'Le maire a dit « déjà » hier.\n');
  assert.match(latin.note ?? '', /not valid UTF-8; decoded as Windows-1252/);
});

test('an empty file is an article with nothing in it; a binary one and an oversized one are skipped with why', async () => {
  const dir = tempDir();
  fs.writeFileSync(path.join(dir, 'empty.txt'), '');
  fs.writeFileSync(path.join(dir, 'photo.txt'), Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46]));
  fs.writeFileSync(path.join(dir, 'log.txt'), 'x'.repeat(2 * 1024));
  const empty = await readArticle(path.join(dir, 'empty.txt'), MB, '--max-file-size');
  assert.ok(empty.ok && empty.text === '');
  const binary = await readArticle(path.join(dir, 'photo.txt'), MB, '--max-file-size');
  assert.ok(!binary.ok && /binary file/.test(binary.reason));
  const big = await readArticle(path.join(dir, 'log.txt'), 1024, 'the byline.maxFileSizeKB setting');
  assert.ok(!big.ok && /2 KB, over the 1 KB limit \(the byline\.maxFileSizeKB setting\); skipped/.test(big.reason));
});

test('the worker threads’ reader gives what the server’s gives, for every kind of file; a pipe does not hang it', async () => {
  const dir = tempDir();
  const files: Record<string, Buffer> = {
    'plain.txt': Buffer.from(ARTICLE),
    'le.txt': Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(ARTICLE, 'utf16le')]),
    'latin1.txt': Buffer.from('Le maire a dit « déjà » hier.\n', 'latin1'),
    'empty.txt': Buffer.alloc(0),
    'photo.txt': Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46]),
    'log.txt': Buffer.from('x'.repeat(2 * 1024)),
  };
  for (const [name, bytes] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), bytes);
  fs.mkdirSync(path.join(dir, 'folder.txt'));
  for (const name of [...Object.keys(files), 'folder.txt', 'missing.txt']) {
    const file = path.join(dir, name);
    assert.deepEqual(readArticleSync(file, 1024, 'the limit'), await readArticle(file, 1024, 'the limit'), name);
  }
  const fifo = path.join(dir, 'pipe.txt');
  if (spawnSync('mkfifo', [fifo]).status === 0) {
    assert.deepEqual(readArticleSync(fifo, MB, 'the limit'), { ok: false, reason: 'a named pipe (FIFO), not a regular file; not read' });
    assert.deepEqual(await readArticle(fifo, MB, 'the limit'), { ok: false, reason: 'a named pipe (FIFO), not a regular file; not read' });
  } else {
    console.log('# SKIP the pipe case: mkfifo is not available here');
  }
});

test('a symbolic-link loop is read once; a broken link is named', async () => {
  const dir = tempDir();
  fs.mkdirSync(path.join(dir, 'a'));
  fs.writeFileSync(path.join(dir, 'a', 'story.txt'), ARTICLE);
  fs.symlinkSync(dir, path.join(dir, 'a', 'loop'));
  fs.symlinkSync(path.join(dir, 'nowhere.txt'), path.join(dir, 'broken.txt'));
  const found = await findFiles([dir], { include: ['**/*.txt'], exclude: [] });
  assert.deepEqual(found.files, [path.join(dir, 'a', 'story.txt')]);
  assert.deepEqual(
    found.skipped.map((s) => [path.basename(s.path), s.reason]),
    [['broken.txt', 'broken symbolic link (no such file or folder)']],
  );
});

test('an unreadable file is named with “permission denied” and the rest is analysed', () => {
  const dir = tempDir();
  fs.writeFileSync(path.join(dir, 'open.txt'), ARTICLE);
  fs.writeFileSync(path.join(dir, 'locked.txt'), ARTICLE);
  fs.chmodSync(path.join(dir, 'locked.txt'), 0o000);
  fs.chmodSync(dir, 0o755);
  // Root reads any file whatever its mode, so the CLI runs as an unprivileged user then.
  const asNobody = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};
  const cli = path.join(repoRoot, 'dist', 'cli.js');
  const r = spawnSync(process.execPath, [cli, 'analyze', dir, '-q'], { encoding: 'utf8', ...asNobody });
  assert.equal(r.status, 3, r.stderr);
  assert.match(r.stderr, /locked\.txt: permission denied/);
  assert.match(r.stdout, /1 file analysed/);
});

test('CR, LF and CRLF line ends give the same quotes at the same places in their own text', async () => {
  const dir = tempDir();
  const lines = ['Intro paragraph about the talks.', '“There is a window,” Milley said.', '“It may close,” he added.'];
  for (const [name, eol] of [['lf.txt', '\n'], ['crlf.txt', '\r\n'], ['cr.txt', '\r']] as const) {
    fs.writeFileSync(path.join(dir, name), lines.join(eol) + eol);
  }
  const cli = path.join(repoRoot, 'dist', 'cli.js');
  const r = spawnSync(process.execPath, [cli, 'analyze', dir, '--format', 'json'], { encoding: 'utf8' });
  const report = JSON.parse(r.stdout);
  for (const f of report.files) {
    const text = fs.readFileSync(f.path, 'utf8');
    const quotes = f.quotes.filter((q: { kind: string }) => q.kind === 'direct');
    assert.deepEqual(
      quotes.map((q: { start: number; end: number }) => text.slice(q.start, q.end)),
      ['“There is a window,”', '“It may close,”'],
      f.path,
    );
    assert.deepEqual(quotes.map((q: { speaker: { name: string } }) => q.speaker.name), ['Milley', 'Milley']);
    assert.deepEqual(f.diagnostics.filter((d: { code: string }) => d.code === 'quote').map((d: { line: number }) => d.line), [2, 3]);
  }
});

test('walking a workspace folder confined: a symbolic link out of it is named and not followed', async () => {
  const outside = tempDir();
  fs.writeFileSync(path.join(outside, 'secret.txt'), ARTICLE);
  const workspace = tempDir();
  fs.writeFileSync(path.join(workspace, 'story.txt'), ARTICLE);
  fs.symlinkSync(outside, path.join(workspace, 'elsewhere'));
  fs.symlinkSync(path.join(outside, 'secret.txt'), path.join(workspace, 'linked.txt'));
  const confined = await findFiles([workspace], { include: ['**/*.txt'], exclude: [] }, { confine: true });
  assert.deepEqual(confined.files, [path.join(workspace, 'story.txt')]);
  assert.deepEqual(confined.skipped.map((s) => path.basename(s.path)).sort(), ['elsewhere', 'linked.txt']);
  assert.ok(confined.skipped.every((s) => /outside the workspace folder; not followed/.test(s.reason)));
  // The CLI reads what it is pointed at, links included.
  const free = await findFiles([workspace], { include: ['**/*.txt'], exclude: [] });
  assert.equal(free.files.length, 3);
});

// The issue: with the limit set past V8's string length, a text file over about 512 MB aborted the
// process while it was decoded. Whatever the limit says, nothing over the hard ceiling is
// read; sparse files stand in for large ones (they take no disk space).
test('no file over the hard ceiling is read whatever the limit, and a large binary file is refused from its first bytes', async (t) => {
  const dir = tempDir();
  t.after(() => fs.rmSync(dir, { recursive: true, force: true }));
  const huge = path.join(dir, 'huge.txt');
  fs.writeFileSync(huge, ARTICLE);
  fs.truncateSync(huge, HARD_MAX_FILE_BYTES + MB);
  for (const read of [await readArticle(huge, Number.MAX_SAFE_INTEGER, 'the test limit'), readArticleSync(huge, Number.MAX_SAFE_INTEGER, 'the test limit')]) {
    assert.equal(read.ok, false);
    assert.match((read as { reason: string }).reason, /^101 MB, over the 100 MB that Byline reads whatever the settings; skipped$/);
  }
  // 90 MB whose first bytes are NUL: refused as binary, from its head alone.
  const binary = path.join(dir, 'image.txt');
  fs.writeFileSync(binary, Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0, 0, 0, 0]));
  fs.truncateSync(binary, 90 * MB);
  for (const reader of ['async', 'sync']) {
    const before = process.memoryUsage().arrayBuffers;
    const started = process.hrtime.bigint();
    const read = reader === 'async' ? await readArticle(binary, 95 * MB, 'the test limit') : readArticleSync(binary, 95 * MB, 'the test limit');
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    const grew = process.memoryUsage().arrayBuffers - before;
    assert.equal(read.ok, false);
    assert.match((read as { reason: string }).reason, /^binary file/);
    t.diagnostic(`${reader}: a 90 MB binary file refused in ${ms.toFixed(1)} ms, ${(grew / MB).toFixed(1)} MB more held in buffers`);
    // Reading it all would have held 90 MB until the next collection.
    assert.ok(grew < 10 * MB, `${(grew / MB).toFixed(1)} MB more held in buffers`);
  }
});

test('the verdict on the first bytes is the verdict on the whole file', () => {
  const samples = [Buffer.from(ARTICLE), Buffer.from([0, 1, 2, 3]), Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(ARTICLE)]), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(ARTICLE, 'utf16le')]), Buffer.from('\x01\x02\x03 text'), Buffer.alloc(0)];
  for (const bytes of samples) {
    const whole = decodeText(bytes);
    assert.equal(binaryReason(bytes.subarray(0, 8192 + 3)), whole.ok ? null : whole.reason, JSON.stringify([...bytes.subarray(0, 8)]));
  }
});

// The server's readers are given the workspace folders' real paths: whatever path they are
// handed (a file listed, then swapped for a link before a worker reads it), the file they
// opened must lie inside one.
test('a reader given the folders it may read refuses a file that opens outside them, whatever the path it was given', async (t) => {
  const root = fs.realpathSync(tempDir());
  t.after(() => fs.rmSync(root, { recursive: true, force: true }));
  const ws = path.join(root, 'ws');
  fs.mkdirSync(ws);
  fs.writeFileSync(path.join(root, 'secret.txt'), ARTICLE);
  fs.writeFileSync(path.join(ws, 'article.txt'), ARTICLE);
  fs.symlinkSync(path.join(root, 'secret.txt'), path.join(ws, 'swapped.txt'));
  fs.symlinkSync(path.join(ws, 'article.txt'), path.join(ws, 'alias.txt'));
  for (const read of [(f: string) => readArticle(f, MB, 'the limit', [ws]), async (f: string) => readArticleSync(f, MB, 'the limit', [ws])]) {
    assert.deepEqual(await read(path.join(ws, 'swapped.txt')), { ok: false, reason: 'symbolic link to a place outside the workspace folder; not followed' });
    assert.equal((await read(path.join(ws, 'alias.txt'))).ok, true, 'a link inside the folder is read');
    assert.equal((await read(path.join(ws, 'article.txt'))).ok, true);
  }
});
