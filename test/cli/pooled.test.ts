import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Writable } from 'node:stream';
import { run, EXIT } from '../../src/cli/main';
import { POOL_MIN_FILES, readFiles } from '../../src/cli/pooled';
import { readArticle } from '../../src/node/files';
import { buildReport } from '../../src/workspace/report';
import { Workspace } from '../../src/workspace/workspace';
import { fixturesDir } from '../helpers/paths';

// A folder of more than a handful of files is analysed by the worker pool: the report must be
// the one the CLI's own thread makes, file by file, in the same order (speaker ids, links
// between quotes and between claims included), and a file the pool cannot read is skipped
// with the reason a file read here gets.

class Capture extends Writable {
  text = '';
  override _write(chunk: Buffer | string, _enc: BufferEncoding, done: () => void): void {
    this.text += chunk.toString();
    done();
  }
}

/** The fixtures' articles (quotes, versions of quotes, conflicting figures) in one folder, with a binary file. */
function folderOfArticles(): { dir: string; articles: string[]; binary: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'byline-pooled-'));
  const articles: string[] = [];
  for (const sub of ['workspace', 'quotes-compared', 'quotes', path.join('claims', 'conflicts')]) {
    const from = path.join(fixturesDir, sub);
    if (!fs.existsSync(from)) continue;
    for (const name of fs.readdirSync(from).filter((f) => f.endsWith('.txt'))) {
      const to = path.join(dir, `${sub.replace(/\W/g, '-')}-${name}`);
      fs.copyFileSync(path.join(from, name), to);
      articles.push(to);
    }
  }
  const binary = path.join(dir, 'scan.txt');
  fs.writeFileSync(binary, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0, 1, 2, 3]));
  return { dir, articles: articles.sort(), binary };
}

test('a folder analysed by the worker pool gives the report its files give analysed one by one in this thread', async () => {
  const { dir, articles, binary } = folderOfArticles();
  try {
    assert.ok(articles.length >= POOL_MIN_FILES, `the folder must hold at least ${POOL_MIN_FILES} articles to go to the pool (${articles.length})`);
    const out = new Capture();
    const err = new Capture();
    const code = await run(['analyze', '--format', 'json', dir], out, err);
    assert.equal(code, EXIT.unreadable, err.text);

    const workspace = new Workspace();
    for (const file of [...articles, binary].sort()) {
      const read = await readArticle(file, 5 * 1024 * 1024, '--max-file-size');
      if (read.ok) workspace.set(file, read.text);
    }
    const binaryRead = await readArticle(binary, 5 * 1024 * 1024, '--max-file-size');
    assert.equal(binaryRead.ok, false);
    const reason = binaryRead.ok ? '' : binaryRead.reason;
    const expected = buildReport(workspace, [{ path: binary, reason }]);
    const report = JSON.parse(out.text);
    assert.ok(report.files.some((f: { quotes: unknown[] }) => f.quotes.length > 0), 'the folder has quotes');
    assert.deepEqual(report, JSON.parse(JSON.stringify(expected)));
    assert.match(err.text, new RegExp(`scan\\.txt: ${reason.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('the pool yields files in the order given, and a file gone since it was listed with its reason', async () => {
  const { dir, articles } = folderOfArticles();
  try {
    const gone = path.join(dir, 'gone.txt');
    const files = [gone, ...articles.slice().reverse()];
    const seen: string[] = [];
    for await (const r of readFiles(files, { analysis: {}, maxFileSize: 1024 * 1024, sizeSetting: '--max-file-size' })) {
      seen.push(r.file);
      if (r.file === gone) assert.ok('reason' in r && /no such file|not found|does not exist/i.test(r.reason), JSON.stringify(r));
      else assert.ok('document' in r && r.document.analysis !== undefined && r.document.text === fs.readFileSync(r.file, 'utf8'), `${r.file} comes analysed`);
    }
    assert.deepEqual(seen, files);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
