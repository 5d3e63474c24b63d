#!/usr/bin/env node
// Takes the picture of IMR: Show Decisions Report (images/report-editor.png) in a real VS Code over
// a folder of the 39 posted letters (PDFs) and the text letters, then clicks an overturned item's
// row in the webview and waits for its letter to open: the click path the editor tests cannot reach
// from the extension host. Same machinery as scripts/screenshot-folders.mjs (test/editor/vscode-web.mjs);
// needs `bash scripts/setup-editor-tests.sh` and `npm run build`.
//
// Environment: IMR_SCREENSHOT_OUT (default images/report-editor.png), IMR_SCREENSHOT_THEME (default
// "Default Light Modern"), IMR_EDITOR_VERBOSE=1, IMR_SCREENSHOT_DEBUG (the page when a step fails),
// IMR_SCREENSHOT_FILTER=1: a notes file in the folder (statuses and tags on a few letters) and the
// picture taken with the Status picker at Appeal and the Tag picker at esi. IMR_SCREENSHOT_APPEALS=1:
// two more letters (a posted letter's text, its date moved to 10 and 33 days ago) whose appeal
// windows are open, for the report's Appeal windows list.
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscodeWeb from '../test/editor/vscode-web.mjs';
import notesKeys from '../out/server/src/notes/keys.js';

const repoRoot = path.resolve(import.meta.dirname, '..');
const outputPath = path.resolve(process.env.IMR_SCREENSHOT_OUT || path.join(repoRoot, 'images', 'report-editor.png'));
const verbose = process.env.IMR_EDITOR_VERBOSE === '1';
const VIEWPORT = { width: 1400, height: 900 };
const fixtures = path.join(repoRoot, 'test', 'fixtures');

vscodeWeb.exitUnlessSetUp('screenshot');

const { tempDir, dirs } = vscodeWeb.createTempDirs({
  prefix: 'imr-report-shot-',
  extraDirs: { workspace: 'decisions' },
  userSettings: vscodeWeb.pictureSettings(
    process.env.IMR_SCREENSHOT_THEME ? { 'workbench.colorTheme': process.env.IMR_SCREENSHOT_THEME } : {},
  ),
});
for (const name of fs.readdirSync(path.join(fixtures, 'letters-pdf')).filter((n) => n.endsWith('.pdf')))
  fs.copyFileSync(path.join(fixtures, 'letters-pdf', name), path.join(dirs.workspace, name));

const recent = process.env.IMR_SCREENSHOT_APPEALS === '1';
if (recent) {
  const text = fs.readFileSync(path.join(fixtures, 'extraction', 'CM16-0213037.pdftotext.txt'), 'utf8');
  for (const [daysAgo, caseNumber] of [
    [10, 'CM26-0101010'],
    [33, 'CM26-0303030'],
  ]) {
    const d = new Date(Date.now() - daysAgo * 86_400_000);
    const us = `${String(d.getMonth() + 1).padStart(2, '0')}/${String(d.getDate()).padStart(2, '0')}/${d.getFullYear()}`;
    fs.writeFileSync(
      path.join(dirs.workspace, `${caseNumber}.txt`),
      text.replaceAll('12/09/2016', us).replaceAll('CM16-0213037', caseNumber),
    );
  }
}
const letterCount = recent ? 41 : 39;

const filtered = process.env.IMR_SCREENSHOT_FILTER === '1';
if (filtered) {
  // Some letters' statuses and tags, as a team working on them might set them (docs/notes.md).
  const at = '2026-12-07T10:00:00.000Z';
  const items = (tags, ...names) =>
    Object.fromEntries(names.map((name) => [notesKeys.itemKeyOf(name), { name, tags, notes: [] }]));
  const letter = (status, tags, itemNotes = {}) => ({
    status: { value: status, updated: at },
    tags,
    notes: [],
    items: itemNotes,
  });
  const notes = {
    version: 1,
    letters: {
      'case:CM16-0213037': letter('Done', []),
      'case:CM16-0247274': letter(
        'Appeal',
        ['qa'],
        items(['esi'], 'Right L5-S1 epidural steroid injection', 'Left L5-S1 epidural steroid injection'),
      ),
      'case:CM16-0247802': letter('Appeal', []),
      'case:CM17-0012582': letter('In review', ['qa']),
    },
  };
  fs.mkdirSync(path.join(dirs.workspace, '.imr-letters'));
  fs.writeFileSync(path.join(dirs.workspace, '.imr-letters', 'notes.json'), JSON.stringify(notes, null, 2) + '\n');
}

const resources = { tempDir };
const cleanUp = vscodeWeb.cleanUpOnExit('screenshot', () => resources);

async function main() {
  const page = await vscodeWeb.openWorkbench({ dirs, viewport: VIEWPORT, verbose, extensionPath: repoRoot, resources });
  await page.locator('.explorer-folders-view .monaco-list-row').first().waitFor({ state: 'visible' });
  // The extension has started by itself (the folder holds letters) once its container shows in the activity bar.
  await page.locator('[aria-label*="IMR Letters"]').first().waitFor({ state: 'attached' });
  // The side bar closed: the report has the window.
  await page.keyboard.press('Control+B');

  await vscodeWeb.runCommand(page, 'IMR: Show Decisions Report');
  const report = page.frameLocator('iframe.webview').frameLocator('#active-frame');
  // Redrawn as the index reads the PDFs; done when the title no longer says it is indexing.
  await report.locator('h1', { hasText: /^IMR decisions report$/ }).waitFor({ state: 'visible', timeout: 120_000 });
  await report.locator('.total', { hasText: `${letterCount}letters` }).waitFor({ state: 'visible' });
  if (filtered) {
    // Each pick posts the filter; the page is drawn again, saying what it is kept to.
    await report.locator('#status-filter').selectOption('Appeal');
    await report.locator('.filtered', { hasText: 'Status: Appeal' }).waitFor({ state: 'visible' });
    await report.locator('#tag-filter').selectOption('esi');
    await report.locator('.filtered', { hasText: 'Tag: esi' }).waitFor({ state: 'visible' });
  }
  await page.waitForTimeout(500);
  await vscodeWeb.saveWorkbenchScreenshot(page, outputPath, VIEWPORT);
  console.log(`screenshot: wrote ${path.relative(repoRoot, outputPath)}`);
  if (filtered) return;

  // Filter to the overturned items, sort by item, click the first: its letter opens beside.
  await report.locator('#outcome').selectOption('Overturned');
  await report.locator('#items thead th', { hasText: 'Item' }).click();
  const row = report.locator('#items tbody tr:not([hidden])').first();
  const file = (await row.locator('td').first().textContent()).replace(/:\d+$/, '');
  await row.click();
  // A PDF letter opens as its text, whose tab reads `CM16-0229336 · letter text`.
  await page
    .locator('.tab', { hasText: path.basename(file).replace(/\.pdf$/i, '') })
    .first()
    .waitFor({ state: 'visible' });
  console.log(`screenshot: a click on the row of ${file} opened it`);
}

await vscodeWeb.runScreenshotScript(main, { cleanUp, page: () => resources.context?.pages()[0] });
