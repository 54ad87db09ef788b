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

/** Asks until the answer is not null: the server answers requests for a file it has not read yet with nothing. */
async function poll<T>(what: string, ask: () => Promise<T | null>, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const answer = await ask();
    if (answer !== null) return answer;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** LSP semantic token data as absolute tokens. */
function decodeTokens(data: number[]) {
  const tokens: Array<{ line: number; character: number; length: number; type: number; modifiers: number }> = [];
  let line = 0;
  let character = 0;
  for (let i = 0; i + 4 < data.length; i += 5) {
    line += data[i];
    character = data[i] === 0 ? character + data[i + 1] : data[i + 1];
    tokens.push({ line, character, length: data[i + 2], type: data[i + 3], modifiers: data[i + 4] });
  }
  return tokens.length > 0 ? tokens : null;
}

function position(text: string, needle: string, delta = 0) {
  const offset = text.indexOf(needle) + delta;
  const before = text.slice(0, offset).split(/\r\n|\r|\n/);
  return { line: before.length - 1, character: before[before.length - 1].length };
}

test('the first scan reads the articles and leaves README.txt alone', { skip }, () => {
  assert.equal(client.status?.files, 5);
  assert.equal(client.status?.conflicts, 0);
});

test('an opened article: quotes are semantic tokens, not problems; the Problems panel keeps what needs attention', { skip }, async () => {
  const uri = uriOf('000');
  const text = textOf('000');
  await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'plaintext', version: 1, text } });
  const tokens = await poll('semantic tokens of 000', async () => decodeTokens((await client.connection.sendRequest<{ data: number[] }>('textDocument/semanticTokens/full', { textDocument: { uri } })).data));
  const quotes = tokens.filter((t) => t.type === 0);
  assert.ok(quotes.length >= 5, JSON.stringify(tokens.slice(0, 8)));
  // Milley's first quote is marked, on its own line, as a quote.
  const milley = position(text, 'while US and coalition backing');
  assert.ok(quotes.some((t) => t.line === milley.line && t.character <= milley.character && milley.character < t.character + t.length), JSON.stringify(quotes.slice(0, 8)));
  // No quote is a diagnostic by default: only what needs attention is.
  await client.until('the diagnostics of 000 to be published', () => client.diagnostics.has(uri) || client.status?.indexing === false);
  assert.ok(!(client.diagnostics.get(uri) ?? []).some((d) => d.code === 'quote' || d.code === 'reported-speech'), JSON.stringify(client.diagnostics.get(uri)?.slice(0, 3)));
});

test('a severity setting brings quote diagnostics back, with source, code and message linked to docs/diagnostics.md', { skip }, async () => {
  const uri = uriOf('000');
  client.settings = { severity: { quote: 'information' } };
  try {
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: {} });
    const quote = await client.until('a quote diagnostic in 000', () => client.diagnostics.get(uri)?.find((d) => d.code === 'quote' && d.message.includes('Mark Milley')));
    assert.equal(quote.severity, 3); // Information
    // The code links to the line of its heading in docs/diagnostics.md, shipped beside the
    // server (a line, which VS Code opens; an anchor in a local file does nothing).
    const href = (quote as { codeDescription?: { href: string } }).codeDescription?.href ?? '';
    const line = Number(/^file:.*\/docs\/diagnostics\.md#L(\d+)$/.exec(href)?.[1]);
    assert.equal(fs.readFileSync(fileURLToPath(href.replace(/#.*$/, '')), 'utf8').split('\n')[line - 1], '## `quote`');
  } finally {
    client.settings = {};
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: {} });
    await client.until('quote diagnostics to go again', () => !client.diagnostics.get(uri)?.some((d) => d.code === 'quote'));
  }
});

test('a quote whose speaker the text does not name beside it gets the name as an inlay hint where it ends; a compared figure is a token', { skip }, async () => {
  const uri = uriOf('004');
  const text = textOf('004');
  await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'plaintext', version: 1, text } });
  const end = { line: text.split(/\r\n|\r|\n/).length, character: 0 };
  const hints = await poll('inlay hints in 004', async () => {
    const h = await client.connection.sendRequest<Array<{ position: { line: number; character: number }; label: string; tooltip: string }>>('textDocument/inlayHint', { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end } });
    return h.length > 0 ? h : null;
  });
  // “I believe they are doing this …,” the US military commander said: a description, so the name is added.
  const quoteEnd = position(text, ' the US military commander said');
  const hint = hints.find((h) => h.position.line === quoteEnd.line && h.position.character === quoteEnd.character);
  assert.ok(hint, JSON.stringify(hints.slice(0, 6)));
  assert.equal(hint.label, '— Milley');
  assert.match(hint.tooltip, /^Mark Milley, /);
  // The troops figure, which 003 gives too, is marked as a compared figure (token type 1), not as a conflicting one.
  const tokens = await poll('semantic tokens of 004', async () => decodeTokens((await client.connection.sendRequest<{ data: number[] }>('textDocument/semanticTokens/full', { textDocument: { uri } })).data));
  const troops = position(text, '20,000 to 30,000');
  assert.ok(tokens.some((t) => t.type === 1 && t.modifiers === 0 && t.line === troops.line && t.character === troops.character && t.length === '20,000 to 30,000'.length), JSON.stringify(tokens.filter((t) => t.type === 1)));
  // “…,” Milley said: the name is already there, and no hint repeats it.
  for (const h of hints) {
    const line = text.split(/\r\n|\r|\n/)[h.position.line];
    assert.doesNotMatch(line.slice(h.position.character, h.position.character + 12), /^\s*Milley\b/, line);
  }
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
  const byName = await client.connection.sendRequest<Array<{ name: string }>>('workspace/symbol', { query: 'milley' });
  assert.ok(byName.some((s) => s.name === 'Mark Milley'), JSON.stringify(byName));
  // An editor filters symbols by their name: one found by an alias carries it there.
  const byAlias = await client.connection.sendRequest<Array<{ name: string }>>('workspace/symbol', { query: 'milli' });
  assert.ok(byAlias.some((s) => s.name === 'Mark Milley (also “Milli”)'), JSON.stringify(byAlias));
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
