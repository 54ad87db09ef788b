import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Locator, Page } from 'playwright-core';
import { repoRoot, samplesDir } from '../helpers/paths';
import { activeEditor, dismissHover, extensionHostTimes, goTo, openFile, readEditorText, readSquiggles, readStatusBar, readUnderlines, runCommand, showHover, startSession, waitForSquiggles, waitForStatusItem, waitForUnderlines, waitUntil, wrappedRows, type Session } from './harness';

// What a reader sees, checked end to end: the packaged Byline extension in a real VS Code
// (code-server), on a copy of the sample workspace, driven through the screen. Every wait is on
// something on screen; a failure leaves a screenshot and the server's logs in a temp folder
// whose path is printed.

const TIMEOUT = 30_000;
const samples = fs.existsSync(samplesDir);
if (!samples) console.log(`# SKIP e2e scenarios on the sample workspace: ${samplesDir} is absent`);
const file = (prefix: string) => (samples ? (fs.readdirSync(samplesDir).find((n) => n.startsWith(prefix)) as string) : `${prefix}.txt`);
const F003 = file('003');
const F004 = file('004');

/** The Problems panel's rows, as the accessible labels VS Code gives them ("… Byline(quote) …"). */
async function problemLabels(page: Page): Promise<string[]> {
  // One snapshot of the list: it re-renders while diagnostics arrive, so rows are not read one by one.
  return page.locator('.markers-panel .monaco-list-row').evaluateAll((rows) => rows.map((r) => r.getAttribute('aria-label') ?? r.textContent ?? ''));
}

/** Shows only the Problems panel rows that match `text` (the panel's own filter box). */
async function filterProblems(page: Page, text: string): Promise<void> {
  await runCommand(page, 'View: Focus Problems (Errors, Warnings, Infos)');
  const filter = page.getByPlaceholder(/^Filter \(e\.g\./).filter({ visible: true }).first();
  await filter.fill(text);
}

async function waitForProblems(page: Page, what: string, condition: (labels: string[]) => boolean): Promise<string[]> {
  let labels: string[] = [];
  await waitUntil(what, TIMEOUT, async () => {
    labels = await problemLabels(page);
    return condition(labels);
  }, () => `the Problems panel lists ${JSON.stringify(labels.slice(0, 12))}`);
  return labels;
}

/** Byline's status bar item ("Byline: 5 articles · 0 conflicts"), shown beside an article. */
async function bylineStatus(page: Page, expected: RegExp): Promise<string> {
  return (await waitForStatusItem(page, expected)).text;
}

/** The lines of Byline's output channel so far, from the extension host's logs. */
function bylineLog(session: Session): string[] {
  const logs = path.join(session.server.dirs.userDataDir, 'logs');
  const files = fs.existsSync(logs) ? fs.readdirSync(logs, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('Byline.log')) : [];
  return files.flatMap((f) => fs.readFileSync(path.join(logs, f), 'utf8').split('\n'));
}

/**
 * The first open, step by step, as [step, when (Date.now())], in time order. VS Code's steps
 * come from the extension host's log; Byline's from its own: the client logs when it is
 * activated, when VS Code first asks for marks and when the first come back, with the clock's
 * time; the server's first-marks line gives the time its process started and its steps in ms
 * since.
 */
function firstOpenSteps(session: Session, drawnAt: number): Array<[string, number | null]> {
  const { hostStarted, activated } = extensionHostTimes(session.server, 'byline.byline');
  const log = bylineLog(session);
  const at = (pattern: RegExp) => {
    const iso = log.map((l) => pattern.exec(l)?.[1]).find(Boolean);
    return iso ? Date.parse(iso) : null;
  };
  const marksLine = log.find((l) => /First quote marks sent \d+ ms/.test(l)) ?? '';
  const server = new Map([...marksLine.replace(/^.*\(ms: /, '(').matchAll(/([a-z ]+) (\d+)(?=,|\))/g)].map((m) => [m[1].trim(), Number(m[2])]));
  const serverStart = at(/First quote marks sent \d+ ms after the server's process started at (\S+)/);
  const inServer = (step: string) => (serverStart !== null && server.has(step) ? serverStart + (server.get(step) as number) : null);
  const steps: Array<[string, number | null]> = [
    ['VS Code starts its extension host', hostStarted],
    ['the extension host activates Byline', activated],
    ["Byline's activate() runs", at(/\bActivated at (\S+),/)],
    ["the server's process starts", serverStart],
    ['the server has loaded its code', inServer('server loaded')],
    ['the server has the document', inServer('document opened')],
    ['the server has analysed it', inServer('document analysed')],
    ['the server starts the scan', inServer('scan started')],
    ['VS Code asks for the marks', at(/VS Code first asked for marks at (\S+),/)],
    ['the server takes up the request', inServer('marks asked for')],
    ['the marks reach the extension host', at(/First marks received at (\S+),/)],
    ['VS Code draws the first underline', drawnAt],
  ];
  return steps.sort((x, y) => (x[1] ?? Infinity) - (y[1] ?? Infinity));
}

/** The first underline of the first article opened must be drawn within this long of the window being ready (issue 15). */
const FIRST_UNDERLINE_MS = 1500;

/** The Byline view may show a change this long after the Problems panel at most (issue 15 found a second or more). */
const VIEW_LAG_MS = 1000;

/** Waits for a locator to be visible, failing with what was awaited (not Playwright's bare timeout). */
async function visible(locator: Locator, what: string): Promise<void> {
  try {
    await locator.waitFor({ state: 'visible', timeout: TIMEOUT });
  } catch {
    throw new Error(`timed out after ${TIMEOUT / 1000} s waiting for ${what}`);
  }
}

/** Selects `length` characters from 1-based line:col in the active editor. */
async function select(page: Page, line: number, col: number, length: number): Promise<void> {
  await goTo(page, line, col);
  for (let i = 0; i < length; i++) await page.keyboard.press('Shift+ArrowRight');
  await assert.doesNotReject(
    waitUntil('the selection', TIMEOUT, async () => (await page.locator('#status\\.editor\\.selection').innerText()).includes(`(${length} selected)`)),
  );
}

/** Process ids of the Byline language servers this session's code-server started. */
function serverPids(runDir: string): number[] {
  try {
    return execFileSync('pgrep', ['-f', `${path.join(runDir, 'extensions')}.*dist/server\\.js`], { encoding: 'utf8' })
      .split('\n')
      .filter(Boolean)
      .map(Number);
  } catch {
    return []; // pgrep exits 1 when nothing matches
  }
}

function lineCol(text: string, needle: string): { line: number; col: number } {
  const offset = text.indexOf(needle);
  assert.ok(offset >= 0, `"${needle}" is in the text`);
  const lines = text.slice(0, offset).split('\n');
  return { line: lines.length, col: lines[lines.length - 1].length + 1 };
}

describe('Byline in a real VS Code, on the sample workspace', { skip: samples ? false : `sample workspace absent at ${samplesDir}` }, () => {
  let s: Session;
  const t003 = samples ? fs.readFileSync(path.join(samplesDir, F003), 'utf8') : '';

  before(
    async () => {
      // The extension is bundled (dist/), so vsce packages no node_modules.
      // Auto-save off: an edit's conflict must come from the editor's unsaved text.
      s = await startSession({ extensionDir: repoRoot, workspace: samplesDir, vsceArgs: ['--no-dependencies'], settings: { 'files.autoSave': 'off' } });
    },
    { timeout: 20 * 60_000 },
  );
  after(() => s?.close());

  test('1. an opened article reads as an article: quotes underlined, not squiggled; the speaker named where a quote ends; it wraps; the Problems panel holds no quote', () =>
    s.guard('open-article', async () => {
      await openFile(s.page, F003);
      const underlines = await waitForUnderlines(s.page, 5);
      const drawnAt = Date.now();
      // Where the time goes, step by step, from VS Code's logs and Byline's (docs/first-underline.md).
      const steps = firstOpenSteps(s, drawnAt);
      const width = Math.max(...steps.map(([step]) => step.length));
      console.log(`[byline-e2e] first underline of the first article opened: ${((drawnAt - s.readyAt) / 1000).toFixed(2)} s after the window was ready (target ${FIRST_UNDERLINE_MS / 1000} s)`);
      for (const [step, at] of steps) console.log(`[byline-e2e]   ${step.padEnd(width)}  ${at === null ? '?' : `${((at - s.readyAt) / 1000).toFixed(2)} s`}`);
      for (const line of bylineLog(s).filter((l) => /First quote marks sent|Indexed \d+ files/.test(l))) console.log(`[byline-e2e] Byline's log: ${line.trim()}`);
      // The underlined text, as drawn: a quote may be drawn in several spans (colours, wrapped rows).
      const drawn = underlines.map((u) => u.text).join('');
      assert.match(drawn, /There has been a tremendous amount of suffering, human suffering/);
      // Figures Byline compared are marked too (point 9): 003's troops, which 004 gives as well.
      // Monaco draws the figure in spans of its own colours ("20,000", "to", "30,000"). A figure
      // is marked once the folder's scan has compared it with 004's, which may come after the
      // first underline: the marks are asked for again when the index changes.
      const troopsLine = lineCol(t003, '20,000 to 30,000').line;
      let marked: Awaited<ReturnType<typeof readUnderlines>> = underlines;
      const figuresMarked = () => {
        const figures = marked.filter((u) => u.line === troopsLine).map((u) => u.text);
        return figures.includes('20,000') && figures.includes('30,000');
      };
      await waitUntil('the troops figure marked as compared', TIMEOUT, async () => {
        marked = await readUnderlines(s.page);
        return figuresMarked();
      }, () => `underlined with digits: ${JSON.stringify(marked.filter((u) => /\d/.test(u.text)))}`);
      // Quotes are no problems: an information squiggle is only a quote worded differently in
      // another article (quote-differs), and no quote as such is in the Problems panel.
      const infos = (await readSquiggles(s.page)).filter((q) => q.severity === 'info');
      if (infos.length > 0) {
        await filterProblems(s.page, '');
        const rows = await waitForProblems(s.page, 'a row of a quote worded differently to explain the information squiggles', (l) => l.some((x) => /^Info: Worded differently/.test(x)));
        assert.ok(!rows.some((l) => /Quote by|Reported speech by/.test(l)), JSON.stringify(rows.slice(0, 8)));
      }
      // Who speaks, where the quote ends: “…,” he added → “…,” — Milley he added.
      await waitUntil('an inlay hint naming Milley', TIMEOUT, async () => /— Milley/.test(await readEditorText(s.page)));
      // The .txt article is opened as a News article, and wraps.
      await visible(s.page.locator('#status\\.editor\\.mode', { hasText: 'News article' }), 'the language of the article to be News article');
      assert.ok((await wrappedRows(s.page)) > 0, 'long paragraphs wrap');
      await bylineStatus(s.page, /^Byline: 5 articles · 0 conflicts$/);
      // No unlabelled language status item ("{}") beside it (point 7).
      const items = await readStatusBar(s.page);
      assert.ok(!items.some((i) => i.text === '{}'), JSON.stringify(items.map((i) => i.text)));
      await s.shot('article');
      await filterProblems(s.page, '');
      const labels = await problemLabels(s.page);
      assert.ok(!labels.some((l) => /Quote by|Reported speech by/.test(l)), JSON.stringify(labels.slice(0, 8)));
      // With no conflict, the status item shows the Byline views.
      await s.page.locator('.statusbar-item', { hasText: /^Byline: 5 articles · 0 conflicts$/ }).click();
      await visible(s.page.locator('.pane-header', { hasText: /^Claims/ }), 'the status item to show the Byline views');
      await runCommand(s.page, 'View: Show Explorer');
    }));

  test('2. hovering a Milley quote shows Mark Milley, his role and his quotes across files; his name shows the same card', () =>
    s.guard('hover', async () => {
      await openFile(s.page, F003);
      const quote = lineCol(t003, 'There has been a tremendous amount');
      await goTo(s.page, quote.line, quote.col + 10);
      const card = await showHover(s.page, /quotes in 5 files/);
      assert.match(card, /Mark Milley/);
      assert.match(card, /chairman of the U\.S\. Joint Chiefs of Staff/);
      assert.match(card, /\d+ quotes in 5 files/);
      await s.shot('hover-quote');
      await dismissHover(s.page);
      // The speaker's quotes, from the quote under the cursor: the picker names him, and each entry leads with its file and line.
      await runCommand(s.page, 'Byline: Show Speaker\'s Quotes', true);
      await visible(s.page.locator('.quick-input-title', { hasText: /^Mark Milley: \d+ quotes$/ }), 'the picker titled with Mark Milley’s name');
      const first = s.page.locator('.quick-input-list .monaco-list-row').first();
      await visible(first, 'the first of Mark Milley’s quotes in the picker');
      assert.match(await first.innerText(), /^0\d\d_[0-9a-f]+\.txt:\d+/);
      await s.shot('speaker-quotes');
      await s.page.keyboard.press('Escape');
      const name = lineCol(t003, 'Milley, the highest-ranking');
      await goTo(s.page, name.line, name.col + 2);
      const nameCard = await showHover(s.page, /Also named/);
      assert.match(nameCard, /Mark Milley/);
      assert.match(nameCard, /Also named: .*Milli/);
      await s.shot('hover-name');
      await dismissHover(s.page);
      // A figure's card (points 5 and 9): the figure once, the place capitalised, a ceiling read as one.
      const figure = lineCol(t003, '20,000 to 30,000');
      await goTo(s.page, figure.line, figure.col + 2);
      const figureCard = await showHover(s.page, /agrees/);
      assert.match(figureCard, /20,000 to 30,000 — troops · in Kherson/);
      assert.doesNotMatch(figureCard, /20,000–30,000/);
      await s.shot('hover-figure');
      await dismissHover(s.page);
      const ceiling = lineCol(t003, 'as many as 40,000');
      await goTo(s.page, ceiling.line, ceiling.col + 12);
      const ceilingCard = await showHover(s.page, /up to 40,000/);
      assert.doesNotMatch(ceilingCard, /0–40,000/);
      await dismissHover(s.page);
    }));

  test('3. an edit makes a figure disagree: a conflict in both files without saving, Next Conflicting Claim jumps, undo clears it', () =>
    s.guard('conflict', async () => {
      try {
        await editThenUndo();
      } finally {
        // Whatever happened, leave the article as it is on disk for the next scenario.
        await runCommand(s.page, 'View: Show Explorer');
        await openFile(s.page, F003);
        await runCommand(s.page, 'File: Revert File');
      }
    }));

  async function editThenUndo(): Promise<void> {
    await openFile(s.page, F003);
    // The Problems panel and the Byline view side by side: the view must change with the squiggles (issue 15, point 6).
    await filterProblems(s.page, 'Figures disagree');
    await runCommand(s.page, 'View: Show Byline');
    const troopsGroup = s.page.getByRole('tree', { name: /Claims/ }).getByRole('treeitem', { name: /^Troops/ }).first();
    await visible(troopsGroup, 'the claims about troops in the Byline view');
    const troops = lineCol(t003, '20,000 to 30,000 troops');
    await select(s.page, troops.line, troops.col, '20,000 to 30,000'.length);
    await s.page.keyboard.type('40,000 to 50,000');
    let labels: string[] = [];
    // When each first showed the conflict.
    const seen: { problems?: number; view?: number } = {};
    await waitUntil('the conflict in the Problems panel and in the Claims view', TIMEOUT, async () => {
      labels = await problemLabels(s.page);
      if (seen.problems === undefined && labels.filter((x) => /Figures disagree/.test(x)).length >= 2) seen.problems = Date.now();
      if (seen.view === undefined && /in conflict/.test(await troopsGroup.innerText().catch(() => ''))) seen.view = Date.now();
      return seen.problems !== undefined && seen.view !== undefined;
    }, () => `the Problems panel lists ${JSON.stringify(labels.slice(0, 4))}`);
    const lag = (seen.view ?? 0) - (seen.problems ?? 0);
    console.log(`[byline-e2e] the Claims view showed the conflict ${(lag / 1000).toFixed(2)} s after the Problems panel (target: under ${VIEW_LAG_MS / 1000} s)`);
    assert.ok(lag < VIEW_LAG_MS, `the view lags ${lag} ms behind the diagnostics`);
    await runCommand(s.page, 'View: Show Explorer');
    // The figures of the whole edit (a conflict may show for a moment while the edit is half typed, "40,000").
    labels = await waitForProblems(s.page, 'the conflict of the whole edit in both files', (l) => l.some((x) => x.includes('40,000 to 50,000 here')) && l.some((x) => x.includes('20,000 to 30,000 here')));
    // The conflict's squiggle is drawn, on the line of the figure, whatever underlines the line holds.
    const squiggles = await waitForSquiggles(s.page, 1);
    assert.ok(squiggles.some((q) => q.severity === 'warning' && q.line === troops.line), JSON.stringify(squiggles));
    const conflicts = labels.filter((x) => /Figures disagree/.test(x));
    assert.ok(conflicts.some((x) => x.includes('40,000 to 50,000 here')), JSON.stringify(conflicts));
    assert.ok(conflicts.some((x) => x.includes('20,000 to 30,000 here')), JSON.stringify(conflicts));
    await s.shot('conflict-problems');
    // F8 walks what needs attention: from the top of the article it lands on the conflict, not on a quote.
    await goTo(s.page, 1, 1);
    await s.page.keyboard.press('F8');
    const marker = s.page.locator('.marker-widget').filter({ visible: true }).first();
    await visible(marker, 'Go to Next Problem (F8) to show the problem');
    assert.match(await marker.innerText(), /Figures disagree/);
    await s.shot('conflict-f8');
    await s.page.keyboard.press('Escape');
    // Alt+F8 is VS Code's Go to Previous Problem in an article too: it stays in this file.
    await s.page.keyboard.press('Alt+F8');
    await visible(marker, 'Go to Previous Problem (Alt+F8) to show the problem');
    assert.match(await marker.innerText(), /Figures disagree/);
    assert.equal(await s.page.locator('.tabs-container .tab.active', { hasText: F003 }).count(), 1, 'Alt+F8 left the article');
    await s.page.keyboard.press('Escape');
    await bylineStatus(s.page, /^Byline: 5 articles · 1 conflict$/);
    // The tab still shows unsaved changes: the conflict comes from the editor's text.
    await visible(s.page.locator('.tabs-container .tab.dirty', { hasText: F003 }), `the tab of ${F003} to show unsaved changes`);
    // With a conflict, the status item goes to the next one.
    const jumped = Date.now();
    await s.page.locator('.statusbar-item', { hasText: /^Byline: 5 articles · 1 conflict$/ }).click();
    await visible(s.page.locator('.tabs-container .tab.active', { hasText: F004 }), `the status item (Next Conflicting Claim) to open ${F004}`);
    // The article it opened is marked like the first: its quotes underlined; and it wraps, so no line's start is cut off after the jump.
    await waitForUnderlines(s.page, 3);
    console.log(`[byline-e2e] a second article (${F004}, opened by Next Conflicting Claim): first underline ${((Date.now() - jumped) / 1000).toFixed(2)} s after the click`);
    assert.ok((await wrappedRows(s.page)) > 0, `${F004} wraps after the jump`);
    // An article's typographic apostrophes and quotation marks (Ukraine’s, “…”) are not boxed as characters that look like others.
    assert.equal(await activeEditor(s.page).locator('.unicode-highlight').count(), 0, `${F004}'s curly apostrophes are boxed`);
    await s.shot('conflict-next');
    // Previous Conflicting Claim comes back to the edit, with the focus in its editor.
    await runCommand(s.page, 'Byline: Previous Conflicting Claim');
    await visible(s.page.locator('.tabs-container .tab.active', { hasText: F003 }), `Previous Conflicting Claim to open ${F003}`);
    // Typing may have left more than one undo stop: undo until the text is the saved text again.
    await waitUntil('undo to bring back the saved text', TIMEOUT, async () => {
      if ((await s.page.locator('.tabs-container .tab.dirty', { hasText: F003 }).count()) === 0) return true;
      // KeyZ, not "Z": Playwright would send a capital Z, and Ctrl+Shift+Z is redo.
      await s.page.keyboard.press('Control+KeyZ');
      return false;
    });
    await waitForProblems(s.page, 'the conflict to disappear', (l) => !l.some((x) => /Figures disagree/.test(x)));
  }

  test('4. an article created, renamed and deleted on disk while VS Code is open: the index follows', () =>
    s.guard('disk', async () => {
      await openFile(s.page, F003);
      const created = path.join(s.workspace, '005_created.txt');
      const renamed = path.join(s.workspace, '006_renamed.txt');
      try {
        await createRenameDelete(created, renamed);
      } finally {
        fs.rmSync(created, { force: true });
        fs.rmSync(renamed, { force: true });
      }
    }));

  async function createRenameDelete(created: string, renamed: string): Promise<void> {
    fs.writeFileSync(created, 'Milley said Russia had amassed 60,000 troops in Kherson, a key port in southern Ukraine.\n');
    // 60,000 troops in Kherson disagrees with 003's and 004's 20,000 to 30,000: two pairs.
    await bylineStatus(s.page, /^Byline: 6 articles · 2 conflicts$/);
    fs.renameSync(created, renamed);
    await filterProblems(s.page, 'Figures disagree');
    await waitForProblems(s.page, 'the conflict to follow the renamed file', (l) => l.some((x) => x.includes('006_renamed.txt')) && !l.some((x) => x.includes('005_created.txt')));
    await bylineStatus(s.page, /^Byline: 6 articles · 2 conflicts$/);
    fs.rmSync(renamed);
    await bylineStatus(s.page, /^Byline: 5 articles · 0 conflicts$/);
  }

  test('5. the Byline views have their own place: claims by what they measure, speakers with their quotes; clicking an entry opens its place', () =>
    s.guard('view', async () => {
      await runCommand(s.page, 'View: Show Byline');
      const speakers = s.page.getByRole('tree', { name: /Speakers/ });
      const milley = speakers.getByRole('treeitem', { name: /Mark Milley/ }).first();
      await visible(milley, 'Mark Milley in the Speakers view');
      assert.match(await milley.innerText(), /\d+ quotes · 5 files/);
      if ((await milley.getAttribute('aria-expanded')) !== 'true') await milley.click();
      // His first quote, in 000: "while US and coalition backing has not decreased …", with its file and line.
      const quote = speakers.getByRole('treeitem', { name: /while US and coalition backing/ }).first();
      await visible(quote, 'Mark Milley’s first quote under his name');
      assert.match(await quote.innerText(), new RegExp(`${file('000').replace('.', '\\.')}:\\d+`));
      await quote.click();
      await visible(s.page.locator('.tabs-container .tab.active', { hasText: file('000') }), `the quote to open ${file('000')}`);
      const claims = s.page.getByRole('tree', { name: /Claims/ });
      const troops = claims.getByRole('treeitem', { name: /^Troops/ }).first();
      await visible(troops, 'the claims about troops');
      assert.match(await troops.innerText(), /\d+ agree/);
      if ((await troops.getAttribute('aria-expanded')) !== 'true') await troops.click();
      // A claim's row: the figure, then its file and line as the description.
      const claim = claims.getByRole('treeitem').filter({ hasText: '20,000 to 30,000' }).filter({ hasText: F004.slice(0, 8) }).first();
      await visible(claim, `the troops figure of ${F004}`);
      await s.shot('view');
      await claim.click();
      await visible(s.page.locator('.tabs-container .tab.active', { hasText: F004 }), `the claim to open ${F004}`);
      // Remarks quoted in several files, those that differ first (issue 16): Milley's "tremendous suffering", worded differently in 004.
      await runCommand(s.page, 'View: Show Byline');
      const remarks = s.page.getByRole('tree', { name: /Quotes Across Files/ });
      // The view is open beside Claims and Speakers unless the reader collapsed it.
      if (!(await remarks.isVisible())) await s.page.locator('.pane-header', { hasText: /^Quotes Across Files/ }).click();
      const rows = remarks.getByRole('treeitem');
      await visible(rows.first(), 'a remark in the Quotes Across Files view');
      const suffering = remarks.getByRole('treeitem', { name: /There has been a tremendous amount of suffering/ }).first();
      await visible(suffering, 'Milley’s “tremendous amount of suffering” in the Quotes Across Files view');
      assert.match(await suffering.innerText(), /Mark Milley · 2 files · worded differently/);
      // Those that differ come first: no row of the same words comes before one that differs.
      const descriptions = await rows.evaluateAll((els) => els.map((el) => el.textContent ?? ''));
      const firstSame = descriptions.findIndex((d) => /· the same words$/.test(d));
      assert.ok(firstSame === -1 || !descriptions.slice(firstSame).some((d) => /worded differently$|given to another speaker$/.test(d)), JSON.stringify(descriptions));
      if ((await suffering.getAttribute('aria-expanded')) !== 'true') await suffering.click();
      const version = remarks.getByRole('treeitem', { name: /There was tremendous suffering/ }).first();
      await visible(version, '004’s version under the remark');
      assert.match(await version.innerText(), new RegExp(`${F004.replace('.', '\\.')}:\\d+ · worded differently`));
      await s.shot('view-quotes');
      await version.click();
      await visible(s.page.locator('.tabs-container .tab.active', { hasText: F004 }), `the version to open ${F004}`);
      // The mouse leaves the row, so that its tooltip does not hold the next command back.
      await s.page.mouse.move(700, 880);
      await s.page.keyboard.press('Escape');
      await runCommand(s.page, 'View: Show Explorer');
    }));

  test('7. Go to Symbol in Workspace finds a speaker by an alias: “Milli” finds Mark Milley, “Zelenskyy” finds Zelensky', () =>
    s.guard('symbols', async () => {
      for (const [query, expected] of [['Milli', /Mark Milley/], ['Zelenskyy', /Zelensky/]] as const) {
        await s.page.keyboard.press('F1');
        const input = s.page.locator('.quick-input-widget .quick-input-box input');
        await visible(input, 'the command palette');
        await input.fill(`#${query}`);
        const row = s.page.locator('.quick-input-list .monaco-list-row', { hasText: expected }).first();
        await visible(row, `a symbol for ${query}`);
        if (query === 'Milli') await s.shot('symbols');
        await s.page.keyboard.press('Escape');
      }
    }));

  test('8. a text file Byline does not read (README.txt) stays plain text: it does not wrap, and no Byline status shows beside it', () =>
    s.guard('plain-text', async () => {
      const readme = path.join(s.workspace, 'README.txt');
      fs.writeFileSync(readme, `${'This is a long line of a project README that Byline leaves alone, however long it runs. '.repeat(6)}\n`);
      try {
        await openFile(s.page, 'README.txt');
        await visible(s.page.locator('#status\\.editor\\.mode', { hasText: 'Plain Text' }), 'README.txt to be Plain Text');
        assert.equal(await wrappedRows(s.page), 0, 'README.txt does not wrap');
        const items = await readStatusBar(s.page);
        assert.ok(!items.some((i) => i.text.startsWith('Byline:')), JSON.stringify(items.map((i) => i.text)));
        await s.shot('plain-text');
        await runCommand(s.page, 'View: Close Editor');
      } finally {
        fs.rmSync(readme, { force: true });
      }
    }));

  test('6. the language server is killed twice: it is restarted each time, says so once, and indexes again', () =>
    s.guard('restart', async () => {
      const runDir = path.dirname(s.workspace);
      await openFile(s.page, F003);
      await bylineStatus(s.page, /^Byline: 5 articles/);
      for (let kill = 0; kill < 2; kill++) {
        const [pid] = serverPids(runDir);
        assert.ok(pid, 'the language server is running');
        process.kill(pid, 'SIGKILL');
        await waitUntil('a new language server', TIMEOUT, async () => serverPids(runDir).some((p) => p !== pid));
        await bylineStatus(s.page, /^Byline: 5 articles/);
      }
      await runCommand(s.page, 'Notifications: Show Notifications');
      const told = s.page.locator('.notifications-center .monaco-list-row', { hasText: 'stopped unexpectedly and was restarted' });
      await visible(told.first(), 'the restart notification');
      assert.equal(await told.count(), 1, 'the reader is told once, not at every restart');
      await runCommand(s.page, 'Notifications: Clear All Notifications');
    }));
});
