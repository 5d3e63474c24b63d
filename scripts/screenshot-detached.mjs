#!/usr/bin/env node
// Takes a picture of detached notes in the Letters view: letter 001 opened to its items and a
// detached row (notes filed under an item name the letter no longer has) with its tooltip, and
// the group of the notes of letters no file holds any more. Same machinery as scripts/screenshot.mjs
// (test/editor/vscode-web.mjs); needs `bash scripts/setup-editor-tests.sh` and `npm run build`.
//
// Environment: IMR_SCREENSHOT_MENU=1 (the row's context menu instead of its tooltip; `pick`: the
// quick pick Re-attach Notes… opens from it), IMR_SCREENSHOT_RENAME=1 (letter 001 renamed in the
// Explorer, and the question whether its notes follow),
// IMR_SCREENSHOT_OUT (default images/detached-notes.png), IMR_SCREENSHOT_THEME
// (default Light Modern), IMR_EDITOR_VERBOSE=1, IMR_SCREENSHOT_DEBUG (save the page here when a step fails).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as vscodeWeb from '../test/editor/vscode-web.mjs';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outputPath = path.resolve(process.env.IMR_SCREENSHOT_OUT || path.join(repoRoot, 'images', 'detached-notes.png'));
const verbose = process.env.IMR_EDITOR_VERBOSE === '1';
const VIEWPORT = { width: 1400, height: 900 };
const fixtures = path.join(repoRoot, 'test', 'fixtures');
const shownLetter = '001_95d645f4881bb0c4.txt';
const T = '2026-12-07T10:00:00.000Z';

vscodeWeb.exitUnlessSetUp('screenshot');

const { tempDir, dirs } = vscodeWeb.createTempDirs({
  prefix: 'imr-detached-shot-',
  extraDirs: { workspace: 'case-folder' },
  userSettings: vscodeWeb.pictureSettings({
    ...(process.env.IMR_SCREENSHOT_THEME ? { 'workbench.colorTheme': process.env.IMR_SCREENSHOT_THEME } : {}),
  }),
});
for (const name of fs.readdirSync(path.join(fixtures, 'letters')))
  fs.copyFileSync(path.join(fixtures, 'letters', name), path.join(dirs.workspace, name));
// Notes on an item name letter 001 does not have, and on a letter renamed away outside the editor.
const note = (id, text) => ({ id, created: T, updated: T, text });
const notes = {
  version: 1,
  letters: {
    [`path:${shownLetter}`]: {
      items: {
        'xanax 1mg': {
          name: 'Xanax 1mg',
          tags: ['refill'],
          notes: [
            note('d0000000000000a1', 'Ask for the **refill** history'),
            note('d0000000000000a2', 'Dose changed in May?'),
          ],
        },
      },
    },
    'path:inbox/scan-0412.txt': { notes: [note('d0000000000000b2', 'Call the adjuster about this one')] },
  },
};
fs.mkdirSync(path.join(dirs.workspace, '.imr-letters'));
fs.writeFileSync(path.join(dirs.workspace, '.imr-letters', 'notes.json'), JSON.stringify(notes, null, 2) + '\n');

const resources = { tempDir };
const cleanUp = vscodeWeb.cleanUpOnExit('screenshot', () => resources);

async function main() {
  const page = await vscodeWeb.openWorkbench({ dirs, viewport: VIEWPORT, verbose, extensionPath: repoRoot, resources });
  await page.locator('.explorer-folders-view .monaco-list-row', { hasText: shownLetter }).waitFor({ state: 'visible' });
  if (process.env.IMR_SCREENSHOT_RENAME === '1') {
    // Letter 001, filed by its path, renamed in the Explorer: VS Code asks whether its notes follow.
    await page.locator('.explorer-folders-view .monaco-list-row', { hasText: shownLetter }).click();
    await page.keyboard.press('F2');
    await page.locator('.explorer-folders-view .monaco-inputbox input').waitFor({ state: 'visible' });
    await page.keyboard.press('Control+A');
    await page.keyboard.type('renamed-001.txt');
    await page.keyboard.press('Enter');
    await page
      .locator('.notification-toast', { hasText: 'Move the notes of' })
      .first()
      .waitFor({ state: 'visible', timeout: 30_000 });
    await page.waitForTimeout(500);
    await vscodeWeb.saveWorkbenchScreenshot(page, outputPath, VIEWPORT);
    console.log(`screenshot: wrote ${path.relative(repoRoot, outputPath)}`);
    return;
  }
  await vscodeWeb.runCommand(page, 'IMR Letters: Focus on Letters View');
  await page
    .locator('.monaco-list-row', { hasText: /upheld \u00b7/ })
    .first()
    .waitFor({ state: 'visible' });
  await page
    .locator('.monaco-list-row', { hasText: /^\s*Notes of letters not found/ })
    .first()
    .click();
  await page.locator('.monaco-list-row', { hasText: 'inbox/scan-0412.txt' }).first().waitFor({ state: 'visible' });
  await page
    .locator('.monaco-list-row', { hasText: /^\s*Upheld/ })
    .first()
    .click();
  await page.locator('.monaco-list-row', { hasText: shownLetter }).first().waitFor({ state: 'visible' });
  await page.locator('.monaco-list-row', { hasText: shownLetter }).first().click();
  const row = page.locator('.monaco-list-row', { hasText: 'detached: Xanax 1mg' }).first();
  await row.waitFor({ state: 'visible' });
  const menu = process.env.IMR_SCREENSHOT_MENU;
  if (menu === '1' || menu === 'pick') {
    await row.click({ button: 'right' });
    const reattach = page.locator('.context-view .action-label', { hasText: 'Re-attach Notes' }).first();
    await reattach.waitFor({ state: 'visible' });
    if (menu === 'pick') {
      // VS Code's context menu takes the keyboard (a click on its item does not always land).
      await reattach.hover();
      await page.keyboard.press('Enter');
      await page
        .locator('.quick-input-list .monaco-list-row', { hasText: 'Xanax 2mg' })
        .first()
        .waitFor({ state: 'visible' });
    }
  } else {
    await row.hover();
    await page
      .locator('.monaco-hover, .workbench-hover', { hasText: 'no longer found' })
      .first()
      .waitFor({ state: 'visible' });
  }
  await page.waitForTimeout(500);

  await vscodeWeb.saveWorkbenchScreenshot(page, outputPath, VIEWPORT);
  console.log(`screenshot: wrote ${path.relative(repoRoot, outputPath)}`);
}

await vscodeWeb.runScreenshotScript(main, { cleanUp, page: () => resources.context?.pages()[0] });
