import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { repoRoot } from '../helpers/paths';
import {
  goTo,
  openFile,
  readProblems,
  saveFailureArtifacts,
  showHover,
  startSession,
  waitForSquiggles,
  waitForStatusItem,
  type Session,
} from './harness';

// Proves the whole end-to-end chain before the Byline extension exists: cached set-up, a .vsix
// packaged and installed into code-server, the real workbench in Chromium, and what the small
// smoke extension shows read off the screen.

const extensionDir = path.join(repoRoot, 'test', 'e2e', 'smoke-extension');
const markers = JSON.parse(fs.readFileSync(path.join(extensionDir, 'markers.json'), 'utf8')) as Record<
  'target' | 'diagnostic' | 'code' | 'hover' | 'status',
  string
>;
const NOTE = 'notes.txt';
// The target word on line 2, starting at column 10.
const TEXT = `A plain note for the smoke test.\nThe word ${markers.target} is underlined here.\nLast line.\n`;

describe('end-to-end chain with the smoke extension in code-server', () => {
  let s: Session;

  // A cold set-up installs Chromium and code-server, which takes minutes; a warm one seconds.
  before(
    async () => {
      s = await startSession({
        extensionDir,
        workspace: (dir) => fs.writeFileSync(path.join(dir, NOTE), TEXT),
        // A throwaway extension that is never published needs no licence file.
        vsceArgs: ['--skip-license'],
      });
    },
    { timeout: 15 * 60_000 },
  );
  after(() => s?.close());

  test('the workbench opens the text file from the Explorer', () =>
    s.guard('open-file', async () => {
      await openFile(s.page, NOTE);
    }));

  test("the extension's diagnostic is listed in the Problems panel", () =>
    s.guard('problems', async () => {
      const problems = await readProblems(s.page);
      assert.deepEqual(problems, [
        {
          severity: 'warning',
          message: markers.diagnostic,
          source: 'byline-smoke',
          code: markers.code,
          position: '[Ln 2, Col 10]',
          file: NOTE,
        },
      ]);
    }));

  test('the diagnostic is drawn as a warning squiggle on its line', () =>
    s.guard('squiggle', async () => {
      assert.deepEqual(await waitForSquiggles(s.page), [{ severity: 'warning', line: 2 }]);
    }));

  test("the hover shows the provider's marker and the diagnostic", () =>
    s.guard('hover', async () => {
      await goTo(s.page, 2, 12);
      const text = await showHover(s.page, markers.hover);
      assert.ok(text.includes(markers.diagnostic), `hover text: ${text}`);
    }));

  test("the extension's status bar item shows", () =>
    s.guard('status', async () => {
      const item = await waitForStatusItem(s.page, markers.status);
      assert.match(item.id, /byline-smoke\.status$/);
    }));

  test('failure artifacts hold a screenshot and the extension host log', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'byline-e2e-artifacts-'));
    try {
      await saveFailureArtifacts(dir, s.page, s.server);
      assert.ok(fs.statSync(path.join(dir, 'screenshot.png')).size > 0, 'screenshot.png is empty');
      const logs = fs.readdirSync(path.join(dir, 'logs'), { recursive: true }).map(String);
      assert.ok(logs.some((f) => /exthost/i.test(f)), `no extension host log among ${logs.join(', ')}`);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
