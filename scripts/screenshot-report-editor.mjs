#!/usr/bin/env node
// Takes the picture of IMR: Show Decisions Report (images/report-editor.png) in a real VS Code over
// a folder of the 39 posted letters (PDFs) and the text letters, then clicks an overturned item's
// row in the webview and waits for its letter to open: the click path the editor tests cannot reach
// from the extension host. Same machinery as scripts/screenshot-folders.mjs (test/editor/vscode-web.mjs);
// needs `bash scripts/setup-editor-tests.sh` and `npm run build`.
//
// Environment: IMR_SCREENSHOT_OUT (default images/report-editor.png), IMR_SCREENSHOT_THEME (default
// "Default Light Modern"), IMR_EDITOR_VERBOSE=1, IMR_SCREENSHOT_DEBUG (the page when a step fails).
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscodeWeb from '../test/editor/vscode-web.mjs';

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
  await report.locator('.total', { hasText: '39letters' }).waitFor({ state: 'visible' });
  await page.waitForTimeout(500);
  await vscodeWeb.saveWorkbenchScreenshot(page, outputPath, VIEWPORT);
  console.log(`screenshot: wrote ${path.relative(repoRoot, outputPath)}`);

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
