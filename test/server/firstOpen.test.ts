import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { LspClient, type Published } from './lspClient';
import { samplesDir } from '../helpers/paths';

// The first article opened in an editor, as VS Code opens it: the document arrives right after
// `initialized`, before the server has read the editor's settings or scanned the folder.

const present = fs.existsSync(samplesDir);
const skip = present ? false : `sample workspace absent at ${samplesDir}`;

test('a document opened before the settings are read never shows a quote as a problem, and its first marks are logged with their steps', { skip }, async (t) => {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'byline-first-open-'));
  for (const name of fs.readdirSync(samplesDir)) fs.copyFileSync(path.join(samplesDir, name), path.join(folder, name));
  const name = fs.readdirSync(folder).find((n) => n.startsWith('003')) as string;
  const uri = pathToFileURL(path.join(folder, name)).href;
  const client = new LspClient();
  // Every publication of the document, not only the last: a squiggle shown for a moment is seen.
  const published: Published['diagnostics'][] = [];
  client.connection.onNotification('textDocument/publishDiagnostics', (p: Published) => {
    client.diagnostics.set(p.uri, p.diagnostics);
    if (p.uri === uri) published.push(p.diagnostics);
  });
  try {
    await client.initialize(folder);
    await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'news', version: 1, text: fs.readFileSync(path.join(folder, name), 'utf8') } });
    const tokens = await client.connection.sendRequest<{ data: number[] }>('textDocument/semanticTokens/full', { textDocument: { uri } });
    assert.ok(tokens.data.length > 0, 'the first request for the marks is answered with them');
    await client.until('the first scan', () => client.status && !client.status.indexing && client.status.files === 5);
    const quotes = published.flat().filter((d) => d.code === 'quote' || d.code === 'reported-speech');
    assert.deepEqual(quotes.map((d) => d.message), []);
    const line = await client.until('the first marks in the log', () => client.log.find((l) => l.startsWith('First quote marks sent')));
    const steps = [...line.matchAll(/([a-z ]+) (\d+)(?=,|\))/g)].map((m) => [m[1].trim(), Number(m[2])] as const);
    assert.deepEqual(
      steps.map(([s]) => s).filter((s) => ['server loaded', 'initialize', 'document opened', 'document analysed', 'marks sent'].includes(s)),
      ['server loaded', 'initialize', 'document opened', 'document analysed', 'marks sent'],
      line,
    );
    assert.ok(steps.every(([, ms], i) => i === 0 || ms >= steps[i - 1][1]), `the steps are in time order: ${line}`);
    // The server's own share of a first open, without an editor (docs/first-underline.md).
    t.diagnostic(line);
  } finally {
    await client.stop();
    fs.rmSync(folder, { recursive: true, force: true });
  }
});
