import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import * as v8 from 'node:v8';
import * as vm from 'node:vm';
import { Session, type SessionHost } from '../../src/server/session';
import { AnalysisPool } from '../../src/server/pool';
import { DEFAULT_SETTINGS } from '../../src/server/settings';

// The language server's session under pressure: a burst of edits, files that change under a
// scan, a folder opened and closed again and again. BYLINE_STRESS=1 (npm run test:stress)
// runs the long versions; the defaults keep CI short.

const STRESS = process.env.BYLINE_STRESS === '1';

v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc') as () => void;

function article(i: number): string {
  const surname = ['Lee', 'Okafor', 'Novak', 'Haddad', 'Silva'][i % 5];
  return (
    `Mayor Ann ${surname} said on Tuesday that ${1000 + (i % 7) * 250} homes in Riverton had been flooded.\n` +
    `“We will rebuild every street,” ${surname} told reporters. “It will take a year.”\n` +
    `According to a city official, about ${20 + (i % 3)} percent of Riverton was without power.\n`
  );
}

function folderOf(n: number): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'byline-stress-'));
  for (let i = 0; i < n; i++) fs.writeFileSync(path.join(dir, `story-${String(i).padStart(5, '0')}.txt`), article(i));
  return dir;
}

class Host implements SessionHost {
  readonly published = new Map<string, number>();
  last = new Map<string, string[]>();
  publish(uri: string, diagnostics: Array<{ message: string }>): void {
    this.published.set(uri, (this.published.get(uri) ?? 0) + 1);
    this.last.set(uri, diagnostics.map((d) => d.message));
  }
  status(): void {}
  async progress() {
    return null;
  }
}

function session(folder: string, host = new Host()): Session {
  const s = new Session(host, new AnalysisPool(2));
  s.setFolders([folder]);
  s.configure(DEFAULT_SETTINGS);
  return s;
}

test('a burst of 500 edits: the last text is the one analysed, the others are dropped, the server stays responsive', async () => {
  const folder = folderOf(20);
  const host = new Host();
  const s = session(folder, host);
  await s.scan();
  const uri = pathToFileURL(path.join(folder, 'story-00000.txt')).href;
  s.opened(uri, article(0), 1);
  const before = host.published.get(uri) ?? 0;
  let text = article(0);
  for (let v = 2; v <= 501; v++) {
    text = text.replace(/\d+ homes/, `${v} homes`);
    s.changed(uri, text, v);
  }
  // While the burst waits for its pause, a lookup is answered from the index.
  assert.ok(s.index.get(uri));
  const finalText = `${text}“This is the last edit,” Lee added.\n`;
  s.changed(uri, finalText, 502);
  const deadline = Date.now() + 10_000;
  while (!(host.last.get(uri) ?? []).some((m) => /Quote by Ann Lee/.test(m)) || s.index.get(uri)?.text !== finalText) {
    assert.ok(Date.now() < deadline, 'the last edit is analysed within 10 s');
    await new Promise((r) => setTimeout(r, 20));
  }
  assert.ok((host.published.get(uri) ?? 0) - before <= 2, `published ${(host.published.get(uri) ?? 0) - before} times for 501 edits`);
  await s.dispose();
});

test('files deleted, renamed and replaced during the first scan: nothing fails, and the index ends as the disk is', async () => {
  const n = STRESS ? 3000 : 300;
  const folder = folderOf(n);
  const s = session(folder);
  const scan = s.scan();
  // While the scan runs: delete some files, rename others, replace others' text.
  const names = fs.readdirSync(folder).sort();
  const events: Array<() => Promise<void> | void> = [];
  for (let i = 0; i < names.length; i += 10) {
    const file = path.join(folder, names[i]);
    const uri = pathToFileURL(file).href;
    if (i % 30 === 0) {
      fs.rmSync(file);
      events.push(() => s.fileDeleted(uri));
    } else if (i % 30 === 10) {
      const renamed = file.replace('story-', 'moved-');
      fs.renameSync(file, renamed);
      events.push(() => s.fileDeleted(uri), () => s.fileChanged(pathToFileURL(renamed).href));
    } else {
      fs.writeFileSync(file, '“Replaced,” Ann Lee said.\n');
      events.push(() => s.fileChanged(uri));
    }
  }
  await scan;
  // The watcher's events arrive after the scan, as they would in the editor.
  for (const e of events) await e();
  const onDisk = fs
    .readdirSync(folder)
    .map((name) => pathToFileURL(path.join(folder, name)).href)
    .sort();
  assert.deepEqual(s.index.paths(), onDisk);
  for (const uri of onDisk) assert.equal(s.index.get(uri)?.text, fs.readFileSync(new URL(uri), 'utf8'), uri);
  await s.dispose();
});

test('a folder opened and closed again and again: memory returns to its level', async (t) => {
  const n = STRESS ? 10_000 : 400;
  const rounds = STRESS ? 8 : 3;
  const folder = folderOf(n);
  const heaps: number[] = [];
  for (let round = 0; round < rounds; round++) {
    const s = session(folder);
    await s.scan();
    assert.equal(s.index.size, n);
    await s.dispose();
    gc();
    heaps.push(process.memoryUsage().heapUsed);
  }
  const [first, ...later] = heaps;
  const mb = (x: number) => `${(x / 1e6).toFixed(1)} MB`;
  t.diagnostic(`${n} files, heap after each round: ${heaps.map(mb).join(', ')}`);
  // Nothing kept from one opening to the next: the heap after the last round is the first's, give or take.
  assert.ok(later.every((h) => h < first * 1.25 + 20e6), `heap after each round: ${heaps.map(mb).join(', ')}`);
});
