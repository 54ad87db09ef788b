import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { LspClient } from './lspClient';
import { samplesDir } from '../helpers/paths';

// The built language server, driven over stdio like any LSP editor would, on a copy of the
// sample workspace (or, where ../shared is absent, says so and skips).

const present = fs.existsSync(samplesDir);
if (!present) console.log(`# SKIP language server tests: ${samplesDir} is absent`);
const skip = present ? false : 'sample workspace absent';

let folder = '';
let client: LspClient;
const uriOf = (prefix: string) => pathToFileURL(path.join(folder, fs.readdirSync(folder).find((n) => n.startsWith(prefix)) as string)).href;
const textOf = (prefix: string) => fs.readFileSync(new URL(uriOf(prefix)), 'utf8');

before(async () => {
  if (!present) return;
  folder = fs.mkdtempSync(path.join(os.tmpdir(), 'byline-lsp-'));
  for (const name of fs.readdirSync(samplesDir)) fs.copyFileSync(path.join(samplesDir, name), path.join(folder, name));
  fs.writeFileSync(path.join(folder, 'README.txt'), 'How to build this project: run make.\n');
  client = new LspClient();
  await client.initialize(folder);
  await client.until('the first scan', () => client.status && !client.status.indexing && client.status.files === 5);
});

after(async () => {
  if (present) await client.stop();
});

function position(text: string, needle: string, delta = 0) {
  const offset = text.indexOf(needle) + delta;
  const before = text.slice(0, offset).split(/\r\n|\r|\n/);
  return { line: before.length - 1, character: before[before.length - 1].length };
}

test('the first scan reads the articles and leaves README.txt alone', { skip }, () => {
  assert.equal(client.status?.files, 5);
  assert.equal(client.status?.conflicts, 0);
});

test('an opened article gets every quote underlined, with source, code and message', { skip }, async () => {
  const uri = uriOf('000');
  await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'plaintext', version: 1, text: textOf('000') } });
  const diags = await client.until('diagnostics of 000', () => {
    const d = client.diagnostics.get(uri);
    return d && d.length > 0 ? d : null;
  });
  const quote = diags.find((d) => d.code === 'quote' && d.message.includes('Mark Milley'));
  assert.ok(quote, diags.map((d) => d.message).join('\n'));
  assert.equal(quote.severity, 3); // Information
  // The code links to its entry in the README shipped beside the server.
  const href = (quote as { codeDescription?: { href: string } }).codeDescription?.href ?? '';
  assert.match(href, /^file:.*\/README\.md#quote$/);
  assert.match(fs.readFileSync(fileURLToPath(href.replace(/#.*$/, '')), 'utf8'), /<a id="quote"><\/a>/);
});

test('hovering a quote shows the speaker card; hovering a name adds the aliases', { skip }, async () => {
  const uri = uriOf('004');
  const text = textOf('004');
  await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'plaintext', version: 1, text } });
  const hover = await client.connection.sendRequest<{ contents: { value: string } }>('textDocument/hover', { textDocument: { uri }, position: position(text, 'I believe they are doing', 5) });
  assert.match(hover.contents.value, /\*\*Mark Milley\*\*/);
  assert.match(hover.contents.value, /\*\*\d+ quotes\*\* in 5 files/);
  assert.match(hover.contents.value, /“the US military commander” is Mark Milley/);
  const onName = await client.connection.sendRequest<{ contents: { value: string } }>('textDocument/hover', { textDocument: { uri }, position: position(text, 'Milli said', 2) });
  assert.match(onName.contents.value, /Also named: .*Milli/);
});

test('an edit that changes a figure creates a conflict in both files without a save; undoing it removes it', { skip }, async () => {
  const uri = uriOf('003');
  const other = uriOf('004');
  const text = textOf('003');
  await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'plaintext', version: 1, text } });
  const edited = text.replace('20,000 to 30,000 troops', '40,000 to 50,000 troops');
  await client.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ text: edited }] });
  const here = await client.until('a conflict in 003', () => client.diagnostics.get(uri)?.find((d) => d.code === 'conflicting-claim'));
  assert.equal(here.severity, 2);
  assert.ok(here.relatedInformation?.some((r) => r.location.uri === other));
  const there = await client.until('a conflict in 004 (not open)', () => client.diagnostics.get(other)?.find((d) => d.code === 'conflicting-claim'));
  assert.match(there.message, /40,000 to 50,000/);
  const conflicts = await client.connection.sendRequest<Array<{ uri: string }>>('byline/conflicts');
  assert.deepEqual(conflicts.map((c) => c.uri).sort(), [uri, other].sort());
  const refs = await client.connection.sendRequest<Array<{ uri: string }>>('textDocument/references', { textDocument: { uri }, position: position(edited, '40,000 to 50,000', 1), context: { includeDeclaration: true } });
  assert.ok(refs.some((r) => r.uri === other));
  await client.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: 3 }, contentChanges: [{ text }] });
  await client.until('the conflict to go', () => !client.diagnostics.get(uri)?.some((d) => d.code === 'conflicting-claim') && !client.diagnostics.get(other)?.some((d) => d.code === 'conflicting-claim'));
});

test('workspace symbols find speakers by name or alias', { skip }, async () => {
  const symbols = await client.connection.sendRequest<Array<{ name: string }>>('workspace/symbol', { query: 'milli' });
  assert.ok(symbols.some((s) => s.name === 'Mark Milley'));
});

test('the speakers request lists the most quoted first, and as many as a limit asks', { skip }, async () => {
  const all = await client.connection.sendRequest<Array<{ name: string; quoteCount: number }>>('byline/speakers');
  assert.ok(all.length > 5, `${all.length} speakers`);
  assert.equal(all[0].name, 'Mark Milley');
  assert.ok(all.every((s, i) => i === 0 || s.quoteCount <= all[i - 1].quoteCount));
  const two = await client.connection.sendRequest<Array<{ name: string }>>('byline/speakers', { limit: 2 });
  assert.deepEqual(two.map((s) => s.name), all.slice(0, 2).map((s) => s.name));
});

test('files created, changed and deleted on disk are followed through the watcher', { skip }, async () => {
  const file = path.join(folder, '005_new.txt');
  fs.writeFileSync(file, '"We are not leaving," Sabrina Singh said on Friday.\n');
  const uri = pathToFileURL(file).href;
  await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri, type: 1 }] });
  await client.until('6 files', () => client.status?.files === 6);
  fs.rmSync(file);
  await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri, type: 3 }] });
  await client.until('5 files', () => client.status?.files === 5);
});
