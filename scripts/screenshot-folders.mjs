#!/usr/bin/env node
// Takes the picture of a folder of letters (images/folders.png): the Letters view in its own
// container at the side bar's default width (summary line, letters grouped by outcome with counts, a letter opened to its items) beside a
// letter with a CodeLens above each disputed item. Same machinery as scripts/screenshot.mjs
// (test/editor/vscode-web.mjs); needs `bash scripts/setup-editor-tests.sh` and `npm run build`.
//
// Environment: IMR_SCREENSHOT_OUT (default images/folders.png), IMR_SCREENSHOT_THEME (default Light
// Modern), IMR_EDITOR_VERBOSE=1,
// IMR_SCREENSHOT_DEBUG (save the page here when a step fails).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as vscodeWeb from '../test/editor/vscode-web.mjs';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outputPath = path.resolve(process.env.IMR_SCREENSHOT_OUT || path.join(repoRoot, 'images', 'folders.png'));
const verbose = process.env.IMR_EDITOR_VERBOSE === '1';
const VIEWPORT = { width: 1400, height: 900 };
const fixtures = path.join(repoRoot, 'test', 'fixtures');
const shownLetter = '001_95d645f4881bb0c4.txt';

vscodeWeb.exitUnlessSetUp('screenshot');

const { tempDir, dirs } = vscodeWeb.createTempDirs({
  prefix: 'imr-folders-shot-',
  extraDirs: { workspace: 'case-folder' },
  userSettings: vscodeWeb.pictureSettings({
    'editor.wordWrap': 'on',
    ...(process.env.IMR_SCREENSHOT_THEME ? { 'workbench.colorTheme': process.env.IMR_SCREENSHOT_THEME } : {}),
  }),
});
// A small case folder: the real letters, two malformed ones and a note that is no letter.
for (const name of fs.readdirSync(path.join(fixtures, 'letters')))
  fs.copyFileSync(path.join(fixtures, 'letters', name), path.join(dirs.workspace, name));
fs.mkdirSync(path.join(dirs.workspace, '2014'));
for (const name of [
  'malformed_001_missing_guideline_typo.txt',
  'malformed_004_outcome_contradicts_rationale.txt',
  'meeting-notes.txt',
])
  fs.copyFileSync(path.join(fixtures, 'editor-workspace', name), path.join(dirs.workspace, '2014', name));

const resources = { tempDir };
const cleanUp = vscodeWeb.cleanUpOnExit('screenshot', () => resources);

async function main() {
  const page = await vscodeWeb.openWorkbench({ dirs, viewport: VIEWPORT, verbose, extensionPath: repoRoot, resources });
  await page.locator('.explorer-folders-view .monaco-list-row', { hasText: shownLetter }).waitFor({ state: 'visible' });

  await page.keyboard.press('Control+P');
  const quickOpen = page.locator('.quick-input-widget input');
  await quickOpen.waitFor({ state: 'visible' });
  await quickOpen.fill(shownLetter);
  await page
    .locator('.quick-input-list .monaco-list-row[data-index="0"]', { hasText: shownLetter })
    .waitFor({ state: 'visible' });
  await page.keyboard.press('Enter');
  await page.locator('.statusbar-item', { hasText: 'IMR Letter' }).first().waitFor({ state: 'visible' });
  // CodeLens above the items once the server has answered.
  await page
    .locator('.contentWidgets .codelens-decoration, .codelens-decoration', { hasText: 'Upheld' })
    .first()
    .waitFor({ state: 'attached' });

  // The Letters view has a container of its own in the activity bar, at the side bar's default width.
  await vscodeWeb.runCommand(page, 'IMR Letters: Focus on Letters View');
  await page
    .locator('.monaco-list-row', { hasText: /upheld \u00b7/ })
    .first()
    .waitFor({ state: 'visible' });
  // Open the Overturned group and its letter (the summary row also says "overturned": the group's row starts with it).
  await page
    .locator('.monaco-list-row', { hasText: /^\s*Overturned/ })
    .first()
    .click();
  await page.locator('.monaco-list-row', { hasText: 'malformed_004' }).first().waitFor({ state: 'visible' });
  await page.locator('.monaco-list-row', { hasText: 'malformed_004' }).first().click();
  await page.locator('.monaco-list-row', { hasText: 'Psychotropic Med' }).first().waitFor({ state: 'visible' });
  // Back to letter 001 at its Xanax item, with the CodeLens above each item in view.
  await page.locator('.monaco-editor .view-lines').first().click();
  await page.keyboard.press('Control+G');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible' });
  await input.fill(':128');
  await page.keyboard.press('Enter');
  await page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
  await page.locator('.codelens-decoration:visible', { hasText: 'MTUS/CPMTG' }).first().waitFor({ state: 'visible' });
  await page.waitForTimeout(800);

  await vscodeWeb.saveWorkbenchScreenshot(page, outputPath, VIEWPORT);
  console.log(`screenshot: wrote ${path.relative(repoRoot, outputPath)}`);
}

await vscodeWeb.runScreenshotScript(main, { cleanUp, page: () => resources.context?.pages()[0] });
