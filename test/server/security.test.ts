import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { LspClient } from './lspClient';
import { repoRoot, samplesDir } from '../helpers/paths';

// Byline reads text and nothing else: no network, no code from the workspace, no writes to
// the workspace. The only files it writes are its cache, in the storage folder it is given.

const present = fs.existsSync(samplesDir);
if (!present) console.log(`# SKIP security tests on the samples: ${samplesDir} is absent`);
const skip = present ? false : 'sample workspace absent';
const noNetwork = path.join(repoRoot, 'out', 'test', 'helpers', 'noNetwork.js');

function snapshot(dir: string): Map<string, string> {
  const files = new Map<string, string>();
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const full = path.join(d, e.name);
      if (e.isDirectory()) walk(full);
      else files.set(path.relative(dir, full), createHash('sha1').update(fs.readFileSync(full)).digest('hex') + ` ${fs.statSync(full).mtimeMs}`);
    }
  };
  walk(dir);
  return files;
}

test('the CLI analyses a folder with every network call forbidden', { skip }, () => {
  const r = spawnSync(process.execPath, ['--require', noNetwork, path.join(repoRoot, 'dist', 'cli.js'), 'analyze', samplesDir, '-q'], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  assert.doesNotMatch(r.stderr, /NETWORK ACCESS/);
  assert.match(r.stdout, /5 files analysed/);
});

test('the language server indexes, answers and edits with no network, writes nothing in the workspace, and its cache only in its storage folder', { skip }, async () => {
  const workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'byline-sec-ws-'));
  const storage = fs.mkdtempSync(path.join(os.tmpdir(), 'byline-sec-store-'));
  for (const name of fs.readdirSync(samplesDir)) fs.copyFileSync(path.join(samplesDir, name), path.join(workspace, name));
  // A workspace may hold code; Byline must never run it.
  fs.writeFileSync(path.join(workspace, 'byline.config.js'), 'require("fs").writeFileSync("RAN", "x");\n');
  fs.writeFileSync(path.join(workspace, 'notes.txt'), 'require("child_process").execSync("touch RAN")\n');
  const before = snapshot(workspace);
  const client = new LspClient(['--require', noNetwork], { storagePath: storage });
  try {
    await client.initialize(workspace);
    await client.until('the scan', () => client.status && !client.status.indexing && client.status.files === 6);
    const uri = pathToFileURL(path.join(workspace, fs.readdirSync(workspace).find((n) => n.startsWith('003')) as string)).href;
    const text = fs.readFileSync(new URL(uri), 'utf8');
    await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'plaintext', version: 1, text } });
    await client.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ text: text.replace('20,000 to 30,000', '80,000 to 90,000') }] });
    await client.until('the edit to be analysed', () => client.diagnostics.get(uri)?.some((d) => d.code === 'conflicting-claim'));
    await client.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
  } finally {
    await client.stop();
  }
  assert.deepEqual(snapshot(workspace), before, 'the workspace is exactly as it was');
  assert.ok(!fs.existsSync(path.join(workspace, 'RAN')));
  assert.ok(!client.stderr.join('').includes('NETWORK ACCESS'), client.stderr.join(''));
  const written = [...snapshot(storage).keys()];
  assert.ok(written.length > 0 && written.every((f) => f.startsWith('analysis-cache')), `storage holds ${written}`);
});
