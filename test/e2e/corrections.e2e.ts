import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { repoRoot } from '../helpers/paths';
import { activeEditor, goTo, openFile, readEditorText, readSquiggles, readUnderlines, runCommand, showHover, dismissHover, startSession, waitForStatusItem, waitUntil, type Session } from './harness';

// Corrections that stick, end to end: each quick fix chosen in a real VS Code (code-server) on a
// small workspace of hand-written articles, its effect read off the screen (squiggles,
// underlines, the speaker named after a quote, hovers, the status item, other files), its
// decision read in byline.json, and undo in byline.json taking one back.

const TIMEOUT = 30_000;

const A = 'KYIV -- Officials said 40 soldiers were killed in Kherson on Tuesday.\n"We will rebuild the bridge by spring," said Mayor Ivan Petrenko.\n';
const B = 'KYIV -- Officials said 90 soldiers were killed in Kherson on Tuesday.\n"We will rebuild the bridge by spring," said Governor Oleh Sydorenko.\n';
const C = '"Nobody expected this," Petrenko said.\n"Everyone must leave the left bank," said Andriy Marchenko, a police spokesman.\n';

function lineCol(text: string, needle: string): { line: number; col: number } {
  const offset = text.indexOf(needle);
  assert.ok(offset >= 0, `"${needle}" is in the text`);
  const lines = text.slice(0, offset).split('\n');
  return { line: lines.length, col: lines[lines.length - 1].length + 1 };
}

/** Puts the cursor inside `needle` of the open article, opens the Quick Fix menu and chooses `title`. */
async function quickFix(page: Page, text: string, needle: string, title: string): Promise<void> {
  const at = lineCol(text, needle);
  await goTo(page, at.line, at.col + 1);
  await runCommand(page, 'Quick Fix...', true);
  const row = page.locator('.action-widget .monaco-list-row', { hasText: title }).first();
  try {
    await row.waitFor({ state: 'visible', timeout: TIMEOUT });
  } catch {
    const offered = await page.locator('.action-widget .monaco-list-row').allInnerTexts();
    throw new Error(`the Quick Fix menu does not offer "${title}"; it offers ${JSON.stringify(offered)}`);
  }
  await row.click();
}

/** Answers the quick input a quick fix opened (a speaker's name, a note) and presses Enter. */
async function answer(page: Page, value: string, titled: RegExp): Promise<void> {
  const widget = page.locator('.quick-input-widget').filter({ visible: true });
  await widget.locator('.quick-input-title', { hasText: titled }).waitFor({ state: 'visible', timeout: TIMEOUT });
  const input = widget.locator('input').first();
  await input.fill(value);
  if (value) await widget.locator('.monaco-list-row', { hasText: value }).first().waitFor({ state: 'visible', timeout: TIMEOUT }).catch(() => undefined);
  await input.press('Enter');
  await widget.waitFor({ state: 'hidden', timeout: TIMEOUT });
}

/** The decisions in byline.json, saved from the editor (a quick fix leaves it unsaved), whitespace squeezed. */
async function savedDecisions(page: Page, workspace: string): Promise<string> {
  await openFile(page, 'byline.json');
  await runCommand(page, 'File: Save');
  await waitUntil('byline.json saved', TIMEOUT, async () => (await page.locator('.tabs-container .tab.dirty', { hasText: 'byline.json' }).count()) === 0);
  const text = fs.readFileSync(path.join(workspace, 'byline.json'), 'utf8');
  return text.replace(/\s+/g, ' ');
}

async function waitForSquiggleCount(page: Page, what: string, severity: string, count: (n: number) => boolean): Promise<void> {
  let seen: unknown = [];
  await waitUntil(what, TIMEOUT, async () => {
    const squiggles = await readSquiggles(page);
    seen = squiggles;
    return count(squiggles.filter((s) => s.severity === severity).length);
  }, () => `the editor shows ${JSON.stringify(seen)}`);
}

describe('quick fixes record decisions in byline.json and apply at once', () => {
  let s: Session;

  before(
    async () => {
      s = await startSession({
        extensionDir: repoRoot,
        workspace: (dir) => {
          fs.writeFileSync(path.join(dir, 'a.txt'), A);
          fs.writeFileSync(path.join(dir, 'b.txt'), B);
          fs.writeFileSync(path.join(dir, 'c.txt'), C);
        },
        vsceArgs: ['--no-dependencies'],
        settings: { 'files.autoSave': 'off' },
      });
    },
    { timeout: 20 * 60_000 },
  );
  after(() => s?.close());

  test('1. a figure: "Checked: keep this conflict quiet" with a note quiets both sides, then "Not the same thing as …" unlinks them', () =>
    s.guard('figure', async () => {
      await openFile(s.page, 'a.txt');
      await waitForStatusItem(s.page, /^Byline: 3 articles · 1 conflict$/);
      await waitForSquiggleCount(s.page, 'the conflict squiggled in a.txt', 'warning', (n) => n >= 1);
      await quickFix(s.page, A, '40 soldiers', 'Checked: keep this conflict quiet');
      await answer(s.page, 'b.txt counts the wounded too', /Keep the conflict over “40” quiet/);
      await waitForSquiggleCount(s.page, 'the conflict in a.txt quiet', 'warning', (n) => n === 1);
      assert.ok(!(await readSquiggles(s.page)).some((q) => q.severity === 'warning' && q.line === 1), 'no squiggle left on the figure');
      await s.shot('fix-checked-conflict');
      // Quiet on the other side too: b.txt's figure disagrees only with the checked one.
      await openFile(s.page, 'b.txt');
      await waitUntil('no squiggle on the figure in b.txt', TIMEOUT, async () => !(await readSquiggles(s.page)).some((q) => q.severity === 'warning' && q.line === 1));
      await goTo(s.page, 1, lineCol(B, '90').col);
      await showHover(s.page, /Checked in byline\.json: the conflict is kept quiet \(“b\.txt counts the wounded too”\)/);
      await dismissHover(s.page);
      await waitForStatusItem(s.page, /^Byline: 3 articles · 0 conflicts$/);
      await quickFix(s.page, B, '90 soldiers', 'Not the same thing as “40” in a.txt');
      // Unlinked: the figure's card no longer names a.txt's.
      await waitUntil('the figures unlinked', TIMEOUT, async () => {
        await goTo(s.page, 1, lineCol(B, '90').col);
        const card = await showHover(s.page);
        await dismissHover(s.page);
        return /No other file gives a figure for the same thing/.test(card);
      });
      const decisions = await savedDecisions(s.page, s.workspace);
      assert.match(decisions, /"decision": "checked-conflict"/);
      assert.match(decisions, /"note": "b.txt counts the wounded too"/);
      assert.match(decisions, /"decision": "different-figures", "figure": \{ "file": "b.txt", "text": "90"/);
    }));

  test('2. a quote variant given to someone else: "Checked" keeps it quiet', () =>
    s.guard('variant', async () => {
      await openFile(s.page, 'a.txt');
      await waitForSquiggleCount(s.page, 'the quote given to someone else squiggled', 'warning', (n) => n >= 1);
      await quickFix(s.page, A, 'We will rebuild', 'Checked: keep the other versions of this quote quiet');
      await waitForSquiggleCount(s.page, 'no squiggle left in a.txt', 'warning', (n) => n === 0);
      await s.shot('fix-checked-quote');
    }));

  test('3. a quote: "Speaker is …" with a typed name, then "Not a quotation", and undo in byline.json', () =>
    s.guard('quote', async () => {
      await openFile(s.page, 'b.txt');
      await waitUntil('the quote underlined', TIMEOUT, async () => (await readUnderlines(s.page)).some((u) => u.text.includes('We will rebuild')));
      await quickFix(s.page, B, 'We will rebuild', 'Speaker is …');
      await answer(s.page, 'Lloyd Austin', /^Who said “/);
      await waitUntil('the quote given to Lloyd Austin', TIMEOUT, async () => {
        await goTo(s.page, 2, 5);
        const card = await showHover(s.page);
        await dismissHover(s.page);
        return /Lloyd Austin/.test(card) && /speaker set in byline\.json/.test(card);
      });
      await s.shot('fix-speaker-is');
      await quickFix(s.page, B, 'We will rebuild', 'Not a quotation');
      await waitUntil('the quote no longer underlined', TIMEOUT, async () => !(await readUnderlines(s.page)).some((u) => u.text.includes('We will rebuild')));
      // Undo where the decision is: in byline.json.
      await openFile(s.page, 'byline.json');
      await waitUntil('byline.json to hold the decision', TIMEOUT, async () => /not-a-quote/.test(await readEditorText(s.page)));
      await activeEditor(s.page).locator('.view-lines').click();
      // KeyZ, not "Z": Playwright would send a capital Z, and Ctrl+Shift+Z is redo.
      await s.page.keyboard.press('Control+KeyZ');
      await waitUntil('the decision gone from byline.json', TIMEOUT, async () => !/not-a-quote/.test(await readEditorText(s.page)));
      await openFile(s.page, 'b.txt');
      await waitUntil('the quote underlined again', TIMEOUT, async () => (await readUnderlines(s.page)).some((u) => u.text.includes('We will rebuild')));
    }));

  test('4. speakers: "Not the same person as …" keeps a name apart; "Same person as …" picks one of the speakers', () =>
    s.guard('speakers', async () => {
      await openFile(s.page, 'c.txt');
      await goTo(s.page, 1, 4);
      await showHover(s.page, /Ivan Petrenko/);
      await dismissHover(s.page);
      await quickFix(s.page, C, 'Nobody expected', 'Not the same person as Ivan Petrenko');
      await waitUntil('the quote no longer given to Ivan Petrenko', TIMEOUT, async () => {
        await goTo(s.page, 1, 4);
        const card = await showHover(s.page);
        await dismissHover(s.page);
        return !/Ivan Petrenko/.test(card) && /Petrenko/.test(card);
      });
      await quickFix(s.page, C, 'Everyone must leave', 'Same person as …');
      await answer(s.page, 'Lloyd Austin', /^Who is “.*Marchenko”\?/);
      await waitUntil('Marchenko merged with Lloyd Austin', TIMEOUT, async () => {
        await goTo(s.page, 2, 4);
        const card = await showHover(s.page);
        await dismissHover(s.page);
        return /Lloyd Austin/.test(card);
      });
      await s.shot('fix-same-person');
      const decisions = await savedDecisions(s.page, s.workspace);
      assert.match(decisions, /"decision": "different-person", "file": "c.txt", "name": "Petrenko", "from": "Ivan Petrenko"/);
      assert.match(decisions, /"decision": "same-person", "file": "c.txt", "name": "[^"]*Marchenko", "as": "Lloyd Austin"/);
    }));
});
