import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { pathToFileURL } from 'node:url';
import { Writable } from 'node:stream';
import { run } from '../../src/cli/main';
import { seeded } from '../../scripts/bench/random';
import { Session, type SessionHost } from '../../src/server/session';
import { AnalysisPool } from '../../src/server/pool';
import { DEFAULT_SETTINGS } from '../../src/server/settings';

// Nothing lost while files change: a cold scan is churned by deletes, renames, truncations,
// creations, rewrites, whole folders coming and going, and links out of the workspace (which
// must not be read), each followed by the watcher event
// an editor sends (a folder's event only for a folder), arriving while the scan runs. Once
// quiet, the index must hold exactly the files on disk, and every file's findings must equal
// the CLI's on the final disk. BYLINE_STRESS=1 (npm run test:stress) runs the large version.

const STRESS = process.env.BYLINE_STRESS === '1';

/** Places, so that the files tell twenty stories rather than one (a story whose every file conflicts with every other is the session stress test's case). */
const TOWNS = ['Kherson', 'Odesa', 'Lviv', 'Kyiv', 'Boston', 'Denver', 'Austin', 'Dallas', 'Toronto', 'Madrid', 'Paris', 'Berlin', 'Lagos', 'Nairobi', 'Lima', 'Quito', 'Oslo', 'Rome', 'Vienna', 'Prague'];

function article(i: number): string {
  const surname = ['Lee', 'Okafor', 'Novak', 'Haddad', 'Silva'][i % 5];
  const town = TOWNS[i % TOWNS.length];
  return (
    `Mayor Ann ${surname} said on Tuesday that ${1000 + (i % 7) * 250} homes in ${town} had been flooded.\n` +
    `“We will rebuild every street,” ${surname} told reporters. “It will take a year.”\n` +
    `According to a city official, about ${20 + (i % 3)} percent of ${town} was without power.\n`
  );
}

class Host implements SessionHost {
  publish(): void {}
  status(): void {}
  async progress() {
    return null;
  }
}

type Watcher = { changed(file: string): Promise<void>; deleted(file: string): Promise<void> };

/** One random change on disk in `folder`, with the events the editor would send. `outside`: a folder beside it, which no change may lead Byline to read. */
function churn(folder: string, outside: string, next: () => number, serial: number, watch: Watcher): Promise<void>[] {
  const files = listFiles(folder);
  const pick = () => files[Math.floor(next() * files.length)];
  const roll = next();
  const fresh = (name: string) => path.join(folder, name);
  if (files.length === 0 || roll < 0.13) {
    const file = fresh(`new-${serial}.txt`);
    fs.writeFileSync(file, article(serial));
    return [watch.changed(file)];
  }
  const file = pick();
  if (roll < 0.3) {
    fs.writeFileSync(file, article(serial));
    return [watch.changed(file)];
  }
  if (roll < 0.4) {
    // Cut short mid-sentence, or emptied.
    const text = fs.readFileSync(file, 'utf8');
    fs.writeFileSync(file, text.slice(0, Math.floor(next() * text.length)));
    return [watch.changed(file)];
  }
  if (roll < 0.53) {
    fs.rmSync(file);
    return [watch.deleted(file)];
  }
  if (roll < 0.66) {
    const to = fresh(`renamed-${serial}.txt`);
    fs.renameSync(file, to);
    return [watch.deleted(file), watch.changed(to)];
  }
  if (roll < 0.73) {
    // Deleted and written again before the Deleted event is read.
    fs.rmSync(file);
    fs.writeFileSync(file, article(serial + 1));
    return [watch.deleted(file), watch.changed(file)];
  }
  if (roll < 0.82) {
    // A folder appears at once (a checkout, a folder moved in): one event for the folder.
    const dir = fresh(`folder-${serial}`);
    fs.mkdirSync(dir);
    for (let k = 0; k < 3; k++) fs.writeFileSync(path.join(dir, `story-${k}.txt`), article(serial + k));
    return [watch.changed(dir)];
  }
  if (roll < 0.87) {
    // A pull adds a link to a file outside the workspace…
    const link = fresh(`link-${serial}.txt`);
    fs.symlinkSync(path.join(outside, 'secret.txt'), link);
    return [watch.changed(link)];
  }
  if (roll < 0.91) {
    // …or to a folder outside it, with events for the folder and a file in it.
    const link = fresh(`linked-${serial}`);
    fs.symlinkSync(outside, link);
    return [watch.changed(link), watch.changed(path.join(link, 'secret.txt'))];
  }
  const dirs = fs.readdirSync(folder).filter((n) => n.startsWith('folder-'));
  if (dirs.length > 0) {
    const dir = fresh(dirs[Math.floor(next() * dirs.length)]);
    fs.rmSync(dir, { recursive: true });
    return [watch.deleted(dir)];
  }
  fs.rmSync(file);
  return [watch.deleted(file)];
}

/** The files on disk in `folder` that lie inside it (links out of it are not the workspace's). */
function listFiles(folder: string): string[] {
  const real = fs.realpathSync(folder);
  return (fs.readdirSync(folder, { recursive: true }) as string[])
    .map((n) => path.join(folder, n))
    .filter((f) => fs.statSync(f).isFile() && fs.realpathSync(f).startsWith(real + path.sep))
    .sort();
}

/** Every file's diagnostics as the CLI reports them on the folder as it is now. */
async function cliFindings(folder: string): Promise<Map<string, string[]>> {
  let json = '';
  const out = new Writable({ write: (chunk, _enc, done) => ((json += chunk), done()) });
  const err = new Writable({ write: (_chunk, _enc, done) => done() });
  await run(['analyze', '--format', 'json', folder], out, err);
  const report = JSON.parse(json || '{"files":[]}') as { files: Array<{ path: string; diagnostics: Array<{ start: number; end: number; code: string; severity: string; message: string }> }> };
  return new Map(report.files.map((f) => [pathToFileURL(path.resolve(f.path)).href, f.diagnostics.map((d) => `${d.start}-${d.end} ${d.severity} ${d.code} ${d.message}`)]));
}

/** `events`: the watcher reports each change; without, a rescan once quiet must catch up. */
async function churnedScan(t: { diagnostic(m: string): void }, seed: number, files: number, changes: number, events = true): Promise<void> {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'byline-churn-'));
  const outside = `${folder}-outside`;
  try {
    for (let i = 0; i < files; i++) fs.writeFileSync(path.join(folder, `story-${String(i).padStart(5, '0')}.txt`), article(i));
    fs.mkdirSync(outside);
    fs.writeFileSync(path.join(outside, 'secret.txt'), '“The plan is secret,” Colonel Ivan Petrenko said. 9,999 troops are in Kherson.\n');
    const session = new Session(new Host(), new AnalysisPool(2));
    session.setFolders([folder]);
    session.configure(DEFAULT_SETTINGS);
    const uri = (file: string) => pathToFileURL(file).href;
    const quiet = async () => undefined;
    const watch: Watcher = events ? { changed: (f) => session.fileChanged(uri(f)), deleted: (f) => session.fileDeleted(uri(f)) } : { changed: quiet, deleted: quiet };
    const next = seeded(seed);
    const scan = session.scan();
    const sent: Promise<void>[] = [];
    let duringScan = 0;
    for (let serial = 0; serial < changes; serial++) {
      if (session.isIndexing) duringScan++;
      sent.push(...churn(folder, outside, next, serial, watch));
      // Changes come a few at a time, as a checkout or a build writes them, while the scan goes on.
      if (serial % 4 === 3) await delay(1);
    }
    await scan;
    await Promise.all(sent);
    if (!events) await session.scan();
    await session.speakersSettled;
    const onDisk = listFiles(folder).map(uri);
    const expected = await cliFindings(folder);
    const indexed = session.index.paths();
    const missing = onDisk.filter((u) => !session.index.get(u));
    const extra = indexed.filter((u) => !onDisk.includes(u));
    const differing = onDisk.filter((u) => session.index.get(u) && JSON.stringify(session.index.diagnostics(u).map((d) => `${d.start}-${d.end} ${d.severity} ${d.code} ${d.message}`)) !== JSON.stringify(expected.get(u) ?? []));
    const conflicts = session.index.claims.conflictCount();
    const links = fs.readdirSync(folder).filter((n) => n.startsWith('link')).length;
    t.diagnostic(`seed ${seed}${events ? '' : ', no watcher events, a rescan'}: ${files} files, ${changes} changes (${duringScan} while the scan ran); ${onDisk.length} files on disk, ${indexed.length} indexed, ${missing.length} missing, ${extra.length} extra, ${differing.length} with other findings than the CLI's; ${conflicts} conflicts; ${links} links out of the workspace, not read`);
    if (differing.length > 0) {
      // The first difference, so that a failure says what differs and not only how often.
      const u = differing[0];
      const mine = session.index.diagnostics(u).map((d) => `${d.start}-${d.end} ${d.severity} ${d.code} ${d.message}`);
      const theirs = expected.get(u) ?? [];
      t.diagnostic(`${u}: the index only: ${JSON.stringify(mine.filter((m) => !theirs.includes(m)))}; the CLI only: ${JSON.stringify(theirs.filter((m) => !mine.includes(m)))}`);
    }
    // The changes must have met the scan, or the test proves nothing.
    assert.ok(duringScan >= changes / 2, `only ${duringScan} of ${changes} changes came while the scan ran`);
    // Findings across files are compared too: the stories' figures conflict.
    assert.ok(conflicts > 0, 'no conflicts to compare');
    assert.deepEqual(missing, [], 'files on disk missing from the index');
    assert.deepEqual(extra, [], 'files in the index that are not on disk');
    assert.deepEqual(differing, [], 'files whose findings differ from the CLI on the final disk');
    // The workspace's edge held: nothing from outside reached the index.
    assert.ok(session.index.speakers.all().every((sp) => !/Petrenko/.test(sp.name)), 'a speaker from outside the workspace is indexed');
    await session.dispose();
  } finally {
    fs.rmSync(folder, { recursive: true, force: true });
    fs.rmSync(outside, { recursive: true, force: true });
  }
}

const seeds = STRESS ? [1, 2, 3, 4] : [1];
for (const seed of seeds) {
  test(`a cold scan churned by ${STRESS ? 600 : 60} changes with their watcher events (seed ${seed}): the index ends equal to the disk, findings equal to the CLI's`, async (t) => {
    await churnedScan(t, seed, STRESS ? 2000 : 200, STRESS ? 600 : 60);
  });
}

test(`a cold scan churned by ${STRESS ? 600 : 60} changes with no watcher events: a rescan once quiet brings the index to the disk`, async (t) => {
  await churnedScan(t, 7, STRESS ? 2000 : 200, STRESS ? 600 : 60, false);
});
