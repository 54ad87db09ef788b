import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { LspClient } from './lspClient';

// Faults that stopped the built server or left it deaf, each driven over stdio as an editor
// would: a client that announces nothing, a storage folder with a folder where the cache file
// goes, a broken message stream, and an opened document far over the size limit.

function workspace(t: { after(fn: () => void): void }): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'byline-faults-'));
  t.after(() => fs.rmSync(dir, { recursive: true, force: true }));
  fs.writeFileSync(path.join(dir, 'a.news'), '“We will rebuild every street,” Mayor Ann Lee said. Riverton had 1,000 homes flooded.\n');
  fs.writeFileSync(path.join(dir, 'b.news'), '“It will take a year,” Lee told reporters.\n');
  return dir;
}

async function started(t: { after(fn: () => Promise<void>): void }, client: LspClient): Promise<void> {
  t.after(async () => {
    await client.stop().catch(() => undefined);
  });
}

test('a client that announces no capabilities at all (no workspace folders, no configuration) is served', async (t) => {
  const dir = workspace(t);
  const client = new LspClient();
  await started(t, client);
  await client.initialize(dir, {});
  await client.until('the scan', () => client.status && !client.status.indexing && client.status.files === 2);
  const symbols = await client.connection.sendRequest<Array<{ name: string }>>('workspace/symbol', { query: 'Lee' });
  assert.ok(symbols.some((s) => s.name === 'Ann Lee'), JSON.stringify(symbols));
  const exit = await Promise.race([client.exited, new Promise((r) => setTimeout(() => r('alive'), 200))]);
  assert.equal(exit, 'alive');
});

test('a folder where the cache file should be: the server works without a cache and says so in one line', async (t) => {
  const dir = workspace(t);
  const storage = fs.mkdtempSync(path.join(os.tmpdir(), 'byline-storage-'));
  t.after(() => fs.rmSync(storage, { recursive: true, force: true }));
  fs.mkdirSync(path.join(storage, 'analysis-cache', 'analyses.bin'), { recursive: true });
  const client = new LspClient([], { storagePath: storage });
  await started(t, client);
  await client.initialize(dir);
  await client.until('the scan', () => client.status && !client.status.indexing && client.status.files === 2);
  const uri = pathToFileURL(path.join(dir, 'a.news')).href;
  const text = fs.readFileSync(path.join(dir, 'a.news'), 'utf8');
  await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'news', version: 1, text } });
  const hover = await client.connection.sendRequest<{ contents: { value: string } } | null>('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 3 } });
  assert.match(hover?.contents.value ?? '', /Ann Lee/);
  const about = client.log.filter((l) => /analysis cache/.test(l));
  assert.equal(about.length, 1, client.log.join('\n'));
  assert.match(about[0], /cannot be used .*; working without a cache/);
});

for (const [name, bytes] of [
  ['a Content-Length that is not a number', 'Content-Length: twelve\r\n\r\n{"jsonrpc":"2.0"}'],
  ['a Content-Length over the limit', 'Content-Length: 99999999999\r\n\r\n{"jsonrpc":"2.0"}'],
  // The next message fills the missing bytes: what is read as the body is not JSON.
  ['a Content-Length longer than its body, then another message', 'Content-Length: 60\r\n\r\n{"jsonrpc":"2.0","method":"x"}Content-Length: 30\r\n\r\n{"jsonrpc":"2.0","method":"y"}'],
] as const) {
  test(`a broken stream (${name}) ends the server with a message, so that the editor can start it again`, async (t) => {
    const dir = workspace(t);
    const client = new LspClient();
    await started(t, client);
    await client.initialize(dir);
    client.writeRaw(bytes);
    const code = await Promise.race([client.exited, new Promise((r) => setTimeout(() => r('still running after 10 s'), 10_000))]);
    assert.equal(code, 1);
    assert.match(client.stderr.join(''), /Byline: the message stream from the editor is broken \(.+\); the server stops so that the editor can start it again/);
  });
}

test('an opened document over the size limit is not analysed, and the server goes on answering; a file with thousands of findings gets 1,000', async (t) => {
  const dir = workspace(t);
  const client = new LspClient();
  // Quotes are listed as diagnostics in the editor only when asked for: this file's 1,500 of them test the cap.
  client.settings = { maxFileSizeKB: 64, severity: { quote: 'information' } };
  await started(t, client);
  await client.initialize(dir);
  await client.until('the scan', () => client.status && !client.status.indexing && client.status.files === 2);
  const huge = pathToFileURL(path.join(dir, 'huge.news')).href;
  const line = '“We will rebuild every street,” Mayor Ann Lee said. ';
  const started_ = Date.now();
  await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: huge, languageId: 'news', version: 1, text: line.repeat(200_000) } });
  const a = pathToFileURL(path.join(dir, 'a.news')).href;
  const hover = await client.connection.sendRequest<{ contents: { value: string } } | null>('textDocument/hover', { textDocument: { uri: a }, position: { line: 0, character: 3 } });
  assert.match(hover?.contents.value ?? '', /Ann Lee/);
  t.diagnostic(`a 10 MB document opened, then a hover elsewhere answered after ${Date.now() - started_} ms`);
  await client.until('the log line about the huge document', () => client.log.find((l) => l.includes('huge.news') && /over the 64 KB limit \(the byline\.maxFileSizeKB setting\); not analysed while open/.test(l)));
  assert.equal(client.diagnostics.get(huge)?.length ?? 0, 0);

  const many = pathToFileURL(path.join(dir, 'many.news')).href;
  await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: many, languageId: 'news', version: 1, text: '“Yes,” Lee said.\n\n'.repeat(1500) } });
  const diagnostics = await client.until('diagnostics of many.news', () => client.diagnostics.get(many));
  assert.equal(diagnostics.length, 1000);
  await client.until('the log line about the cap', () => client.log.find((l) => l.includes('many.news') && /1,500 findings; the 1,000 most severe are shown/.test(l)));
});

// The smallest case of lost data, over stdio: a file created while the first scan runs,
// announced by the watcher's Created event, must be indexed once the scan is done.
test('a file created during the first scan, with its Created event, is indexed and hovers', async (t) => {
  const dir = workspace(t);
  for (let i = 0; i < 300; i++) fs.writeFileSync(path.join(dir, `story-${i}.news`), `“We will rebuild,” Mayor Ann Lee said. Riverton had ${1000 + i} homes flooded.\n`);
  const client = new LspClient();
  await started(t, client);
  await client.initialize(dir);
  const created = path.join(dir, 'created.news');
  fs.writeFileSync(created, '“The bridge will reopen in May,” Governor Olena Shevchenko said.\n');
  const uri = pathToFileURL(created).href;
  await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri, type: 1 }] });
  await client.until('the scan', () => client.status && !client.status.indexing && client.status.files === 303);
  const hover = await client.connection.sendRequest<{ contents: { value: string } } | null>('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 3 } });
  assert.match(hover?.contents.value ?? 'no hover', /Olena Shevchenko/);
});
