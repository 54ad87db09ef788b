import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { LspClient } from './lspClient';
import { FAMILIES } from '../../scripts/bench/scaling';
import { OFF_THREAD_CHARS } from '../../src/server/session';

// A large open document is analysed on a worker (session.ts, OFF_THREAD_CHARS): while it is,
// the server's thread answers hovers in other files, and a newer text of the document
// supersedes the older one still being analysed. Driven over stdio, as an editor would.

const ARTICLE = 'General Mark Milley said on Wednesday that 20 soldiers were killed in Kherson.\n“We will win this war,” Milley told reporters.\n';
/** The slowest family of docs/worst-case.md, near the budget: a second or more of analysis on any machine. */
const LARGE = 900_000;
/** Ends every large text: an unclosed quote, so that its analysis is published whatever else it finds. */
const UNCLOSED = '\n“And the rest';

let folder = '';
let client: LspClient;
const uri = (name: string) => pathToFileURL(path.join(folder, name)).href;

before(async () => {
  folder = fs.mkdtempSync(path.join(os.tmpdir(), 'byline-large-'));
  fs.writeFileSync(path.join(folder, 'a.txt'), ARTICLE);
  client = new LspClient();
  await client.initialize(folder);
  await client.until('the first scan', () => client.status && !client.status.indexing && client.status.files === 1);
});

after(async () => {
  await client.stop();
  fs.rmSync(folder, { recursive: true, force: true });
});

function open(name: string, text: string, version = 1): Promise<void> {
  return client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: uri(name), languageId: 'plaintext', version, text } });
}

async function hoverOnQuote(): Promise<{ ms: number; at: number; value: string | null }> {
  const t0 = performance.now();
  const h = await client.connection.sendRequest<{ contents: { value: string } } | null>('textDocument/hover', { textDocument: { uri: uri('a.txt') }, position: { line: 1, character: 5 } });
  const at = performance.now();
  return { ms: at - t0, at, value: h?.contents.value ?? null };
}

const unclosedIn = (name: string) => client.diagnostics.get(uri(name))?.filter((d) => d.code === 'unclosed-quote');

test('while a large document is analysed, a hover in another file answers at once', async () => {
  await open('a.txt', ARTICLE);
  const warm = await hoverOnQuote();
  assert.match(warm.value ?? '', /Mark Milley/);

  const text = FAMILIES[3].make(LARGE) + UNCLOSED;
  assert.ok(text.length > OFF_THREAD_CHARS);
  const opened = performance.now();
  await open('large.txt', text);
  const hover = await hoverOnQuote();
  // Hovers go on until the large document is published: the slowest says how long the thread was held.
  const waits: number[] = [];
  let analysed = 0;
  void client.until('the large document analysed', () => unclosedIn('large.txt')?.length, 60_000).then(() => (analysed = performance.now()));
  while (analysed === 0) {
    const h = await hoverOnQuote();
    assert.match(h.value ?? '', /Mark Milley/);
    waits.push(h.ms);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  assert.match(hover.value ?? '', /Mark Milley/);
  // Before the analysis left the server's thread, the hover waited for all of it.
  assert.ok(hover.at < analysed, `the hover answered ${Math.round(hover.at - opened)} ms after the open, the analysis ended ${Math.round(analysed - opened)} ms after it`);
  assert.ok(hover.ms < 1000, `the hover took ${Math.round(hover.ms)} ms`);
  const slowest = Math.max(...waits);
  console.log(`# first hover answered in ${Math.round(hover.ms)} ms; ${waits.length} more until the large document's diagnostics came (${Math.round(analysed - opened)} ms after it was opened), the slowest in ${Math.round(slowest)} ms`);
});

test('a newer text supersedes an older one still being analysed on the worker', async () => {
  const name = 'edited.txt';
  await open(name, FAMILIES[3].make(LARGE) + UNCLOSED);
  // At once, before the first analysis can end: a short text, analysed in the server's thread.
  const short = 'Lee said the bridge would reopen.\n“It will be soon';
  await client.connection.sendNotification('textDocument/didChange', { textDocument: { uri: uri(name), version: 2 }, contentChanges: [{ text: short }] });
  await client.until('the short text analysed', () => unclosedIn(name)?.some((d) => d.range.start.line === 1));
  // The worker answers in order: once a document opened after is analysed, the first text's result has come back too.
  await open('later.txt', FAMILIES[0].make(2 * OFF_THREAD_CHARS) + UNCLOSED);
  await client.until('the later document analysed', () => unclosedIn('later.txt')?.length, 60_000);
  const found = unclosedIn(name) ?? [];
  assert.equal(found.length, 1, JSON.stringify(found));
  assert.equal(found[0].range.start.line, 1, 'the diagnostics are the short text’s, not the superseded large one’s');
});
