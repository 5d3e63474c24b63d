#!/usr/bin/env node
// Takes the picture of a PDF letter clicked in the Explorer (images/pdf-view.png): the PDF view's
// pages drawn by pdf.js, the letter's text beside them (`CM16-0213037 · letter text`), and the
// Outline, whose second item, clicked, has brought the PDF to that item's page. Same machinery as
// scripts/screenshot.mjs (test/editor/vscode-web.mjs); needs `bash scripts/setup-editor-tests.sh`
// and `npm run build`.
//
// Environment: IMR_SCREENSHOT_OUT (default images/pdf-view.png), IMR_SCREENSHOT_THEME (default
// "Default Light Modern"; "Default Dark Modern", "Default High Contrast"), IMR_EDITOR_VERBOSE=1,
// IMR_SCREENSHOT_DEBUG (save the page here when a step fails).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as vscodeWeb from '../test/editor/vscode-web.mjs';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outputPath = path.resolve(process.env.IMR_SCREENSHOT_OUT || path.join(repoRoot, 'images', 'pdf-view.png'));
const theme = process.env.IMR_SCREENSHOT_THEME || 'Default Light Modern';
const verbose = process.env.IMR_EDITOR_VERBOSE === '1';
const VIEWPORT = { width: 1400, height: 900 };
const letter = 'CM16-0213037.pdf';

vscodeWeb.exitUnlessSetUp('screenshot');

const { tempDir, dirs } = vscodeWeb.createTempDirs({
  prefix: 'imr-pdf-shot-',
  extraDirs: { workspace: 'letters' },
  userSettings: vscodeWeb.pictureSettings({ 'workbench.colorTheme': theme, 'editor.wordWrap': 'on' }),
});
fs.copyFileSync(path.join(repoRoot, 'test', 'fixtures', 'letters-pdf', letter), path.join(dirs.workspace, letter));

const resources = { tempDir };
const cleanUp = vscodeWeb.cleanUpOnExit('screenshot', () => resources);

async function main() {
  const page = await vscodeWeb.openWorkbench({ dirs, viewport: VIEWPORT, verbose, extensionPath: repoRoot, resources });
  // A click on the PDF in the Explorer, as a user opens it.
  const row = page.locator('.explorer-folders-view .monaco-list-row', { hasText: letter });
  await row.waitFor({ state: 'visible' });
  // Once VS Code has read the extensions' contributions (the Letters view is one of them).
  await page
    .locator('.pane-header', { hasText: /^Letters$/i })
    .first()
    .waitFor({ state: 'visible' });
  await page.waitForTimeout(3000);
  await row.click();
  // The pages, drawn inside the view's webview (an iframe in an iframe).
  const webview = page.frameLocator('iframe.webview.ready').frameLocator('iframe');
  await webview.locator('.page canvas').first().waitFor({ state: 'attached' });
  // The letter's text beside them, in its own tab.
  await page.locator('.tab', { hasText: 'CM16-0213037 \u00b7 letter text' }).waitFor({ state: 'visible' });
  // The Outline of the text (focus stayed on the PDF): the collapsed file list gives it the side bar.
  await page.locator('.monaco-editor .view-lines').last().click();
  await page.locator('.statusbar-item', { hasText: 'IMR Letter' }).first().waitFor({ state: 'visible' });
  await page.locator('.part.sidebar .pane-header', { hasText: 'letters' }).first().click();
  await vscodeWeb.runCommand(page, 'Explorer: Focus on Outline View');
  const item = page.locator('.monaco-list-row', { hasText: 'MRI of the cervical spine' }).first();
  await item.waitFor({ state: 'visible' });
  await item.click();
  await webview.locator('.page canvas').nth(1).waitFor({ state: 'attached' });
  await page.waitForTimeout(1500);

  await vscodeWeb.saveWorkbenchScreenshot(page, outputPath, VIEWPORT);
  console.log(`screenshot: wrote ${path.relative(repoRoot, outputPath)}`);
}

await vscodeWeb.runScreenshotScript(main, { cleanUp, page: () => resources.context?.pages()[0] });
