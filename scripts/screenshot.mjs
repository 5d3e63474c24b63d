#!/usr/bin/env node
// Takes the README's picture (images/screenshot.png) of the extension at work in a real VS Code: a
// letter with an outcome typo ("Uphled") open in the editor, the Outline view listing its items with
// their outcomes, the hover on a guideline citation and the Problems panel with the diagnostic.
//
// Same machinery as test/editor/run-browser.mjs (which runs top-level code and exports nothing, so
// it cannot be imported): the VS Code server from the npm package code-server, installed by
// scripts/setup-editor-tests.sh, opened in Debian's chromium through playwright-core, with this
// extension in development mode. Everything is driven the way a user would: Quick Open, the command
// palette, keyboard shortcuts and the mouse.
//
// Needs `bash scripts/setup-editor-tests.sh` and `npm run build` first. The server's process group,
// chromium and the temp folder are always cleaned up.
//
// Environment:
//   IMR_EDITOR_CACHE       cache folder of scripts/setup-editor-tests.sh (default ~/.cache/imr-letters-editor)
//   IMR_VSCODE_SERVER_DIR  a VS Code server folder (…/lib/vscode) to use instead of the cache's
//   IMR_CHROMIUM           browser binary (default /usr/bin/chromium)
//   IMR_SCREENSHOT_OUT     where to write the PNG (default images/screenshot.png)
//   IMR_EDITOR_VERBOSE=1   also print the server's output and the page's console
//   IMR_SCREENSHOT_DEBUG   when a step fails, save the page as it was to this path
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const CODE_SERVER_VERSION = '4.100.3';
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const cacheDir = process.env.IMR_EDITOR_CACHE || path.join(os.homedir(), '.cache', 'imr-letters-editor');
const vscodeDir =
  process.env.IMR_VSCODE_SERVER_DIR ||
  path.join(cacheDir, `code-server-${CODE_SERVER_VERSION}`, 'node_modules', 'code-server', 'lib', 'vscode');
const chromiumPath = process.env.IMR_CHROMIUM || '/usr/bin/chromium';
const outputPath = path.resolve(process.env.IMR_SCREENSHOT_OUT || path.join(repoRoot, 'images', 'screenshot.png'));
const verbose = process.env.IMR_EDITOR_VERBOSE === '1';
// Generous: each step waits on what it needs to see, this only stops a run that hangs.
const STEP_TIMEOUT_MS = 60_000;
const VIEWPORT = { width: 1400, height: 900 };

const sourceLetter = path.join(repoRoot, 'test', 'fixtures', 'letters', '001_95d645f4881bb0c4.txt');
const typoFileName = '001_95d645f4881bb0c4_draft.txt';
const correctLine = 'Xanax 2mg, 1 twice a day as needed for 12 months: Upheld';
const typoLine = 'Xanax 2mg, 1 twice a day as needed for 12 months: Uphled';
// The reviewer's guideline citation of the Xanax item; it ends on its own line in letter 001.
const hoveredText = 'Benzodiazepines Page(s): 24.';

function fail(message) {
  console.error(`screenshot: ${message}`);
  process.exit(1);
}

if (!fs.existsSync(path.join(vscodeDir, 'out', 'server-main.js'))) {
  fail(`no VS Code server in ${vscodeDir}; run \`bash scripts/setup-editor-tests.sh\` first`);
}
if (!fs.existsSync(chromiumPath)) fail(`no browser at ${chromiumPath}; run \`bash scripts/setup-editor-tests.sh\` first`);
if (!fs.existsSync(path.join(repoRoot, 'dist', 'client.js'))) fail('no dist/client.js; run `npm run build` first');
const letterText = fs.readFileSync(sourceLetter, 'utf8');
if (!letterText.includes(correctLine)) fail(`${sourceLetter} no longer contains "${correctLine}"`);
if (!letterText.includes(hoveredText)) fail(`${sourceLetter} no longer contains "${hoveredText}"`);
const typoText = letterText.replace(correctLine, typoLine);
// 1-based, as Go to Line takes it.
const lineOf = (text, needle) => text.slice(0, text.indexOf(needle)).split('\n').length;
const typoLineNumber = lineOf(typoText, typoLine);

// Short on purpose: the extension host's IPC socket lives under it and a Unix socket path must stay
// under 107 bytes.
const tempDir = fs.mkdtempSync(path.join('/tmp', 'imr-shot-'));
const dirs = {
  serverData: path.join(tempDir, 'd'),
  userData: path.join(tempDir, 'u'),
  extensions: path.join(tempDir, 'e'),
  home: path.join(tempDir, 'h'),
  tmp: path.join(tempDir, 't'),
  browser: path.join(tempDir, 'b'),
  // Named like the folder a claims examiner would keep letters in: its name shows in the picture.
  workspace: path.join(tempDir, 'letters'),
};
for (const dir of Object.values(dirs)) fs.mkdirSync(dir, { recursive: true });
fs.copyFileSync(sourceLetter, path.join(dirs.workspace, path.basename(sourceLetter)));
fs.writeFileSync(path.join(dirs.workspace, typoFileName), typoText);
fs.mkdirSync(path.join(dirs.userData, 'User'), { recursive: true });
fs.writeFileSync(
  path.join(dirs.userData, 'User', 'settings.json'),
  JSON.stringify(
    {
      // Otherwise a trust dialog covers the workbench.
      'security.workspace.trust.enabled': false,
      'update.mode': 'none',
      'telemetry.telemetryLevel': 'off',
      'extensions.autoCheckUpdates': false,
      'extensions.autoUpdate': false,
      'workbench.startupEditor': 'none',
      'workbench.tips.enabled': false,
      'workbench.enableExperiments': false,
      'workbench.colorTheme': 'Default Light Modern',
      'window.commandCenter': false,
      'workbench.layoutControl.enabled': false,
      // Its icons over the side bar rather than in a column beside it: 48 px more for the letter.
      'workbench.activityBar.location': 'top',
      'editor.minimap.enabled': false,
      // Both would take room or colour from what the picture is about: the breadcrumbs already
      // show where the cursor is in the letter, and a highlighted "Xanax" draws the eye.
      'editor.stickyScroll.enabled': false,
      'editor.occurrencesHighlight': 'off',
      // The letters are long-lined prose; without wrapping the decision lines run off the right.
      'editor.wordWrap': 'on',
      // So the hover opens below the citation and leaves the squiggled line above it in view.
      'editor.hover.above': false,
      // Every item shows its parts and outcome without clicking the tree open.
      'outline.collapseItems': 'alwaysExpand',
      'files.autoSave': 'off',
    },
    null,
    2,
  ),
);

let server;
let context;
let cleanedUp = false;

function killServer(signal) {
  if (!server || server.exitCode !== null || server.signalCode !== null) return;
  try {
    // Negative pid: the whole process group (server, extension host, language server, watchers).
    process.kill(-server.pid, signal);
  } catch {
    // Already gone.
  }
}

async function cleanUp() {
  if (cleanedUp) return;
  cleanedUp = true;
  if (context) {
    await Promise.race([context.close().catch(() => {}), new Promise((resolve) => setTimeout(resolve, 10_000))]);
  }
  if (server && server.exitCode === null && server.signalCode === null) {
    const exited = new Promise((resolve) => server.once('exit', resolve));
    killServer('SIGTERM');
    const timer = setTimeout(() => killServer('SIGKILL'), 5_000);
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 10_000))]);
    clearTimeout(timer);
    killServer('SIGKILL');
  }
  fs.rmSync(tempDir, { recursive: true, force: true, maxRetries: 3 });
}

for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => {
    console.error(`screenshot: ${signal}, cleaning up`);
    cleanUp().finally(() => process.exit(1));
  });
}

function startServer() {
  const env = {
    ...process.env,
    HOME: dirs.home,
    XDG_CONFIG_HOME: path.join(dirs.home, '.config'),
    XDG_DATA_HOME: path.join(dirs.home, '.local', 'share'),
    XDG_CACHE_HOME: path.join(dirs.home, '.cache'),
    XDG_RUNTIME_DIR: dirs.tmp,
    TMPDIR: dirs.tmp,
    // An empty gallery: otherwise the server queries the extension marketplace online.
    EXTENSIONS_GALLERY: '{}',
    // Otherwise the server runs the login shell to read the user's environment.
    VSCODE_CLI: '1',
  };
  const args = [
    path.join(vscodeDir, 'out', 'server-main.js'),
    '--host', '127.0.0.1',
    '--port', '0',
    '--without-connection-token',
    '--accept-server-license-terms',
    '--server-data-dir', dirs.serverData,
    '--user-data-dir', dirs.userData,
    '--extensions-dir', dirs.extensions,
    '--telemetry-level', 'off',
    '--force-disable-user-env',
  ];
  server = spawn(process.execPath, args, { env, cwd: dirs.tmp, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });

  return new Promise((resolve, reject) => {
    let output = '';
    const onData = (chunk) => {
      const text = chunk.toString();
      if (verbose) process.stderr.write(`[server] ${text}`);
      if (output !== null) {
        output += text;
        const match = /listening on (?:[\d.]+:)?(\d+)/i.exec(output);
        if (match) {
          output = null;
          resolve(Number(match[1]));
        }
      }
    };
    server.stdout.on('data', onData);
    server.stderr.on('data', (chunk) => {
      if (verbose) process.stderr.write(`[server:err] ${chunk}`);
      else if (output !== null) output += chunk.toString();
    });
    server.once('exit', (code, signal) => {
      if (output !== null) reject(new Error(`VS Code server exited (${code ?? signal}) before listening:\n${output}`));
    });
  });
}

/** Runs a command from the command palette by its title, as a user types it. */
async function runCommand(page, title) {
  await page.keyboard.press('Control+Shift+P');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible' });
  await input.fill(`>${title}`);
  // The first row must be the command itself, not a fuzzy neighbour.
  await page
    .locator('.quick-input-list .monaco-list-row[data-index="0"]', { hasText: title })
    .waitFor({ state: 'visible' });
  await page.keyboard.press('Enter');
  await page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
}

/** Moves the cursor to a line (1-based) with Go to Line, which also scrolls it into view. */
async function goToLine(page, line) {
  await page.keyboard.press('Control+G');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible' });
  await input.fill(`:${line}`);
  await page.keyboard.press('Enter');
  await page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
}

/**
 * Drags the sash on one edge of a workbench part (`right` of the side bar, `top` of the panel) by
 * `delta` pixels, right or down, as a user resizes the layout with the mouse.
 */
async function dragSash(page, partSelector, edge, delta) {
  const part = await page.locator(partSelector).boundingBox();
  const vertical = edge === 'right';
  const edgeAt = vertical ? part.x + part.width : part.y;
  const sashes = page.locator(vertical ? '.monaco-sash.vertical' : '.monaco-sash.horizontal');
  for (const sash of await sashes.all()) {
    const box = await sash.boundingBox();
    if (!box) continue;
    const at = vertical ? box.x + box.width / 2 : box.y + box.height / 2;
    const spans = vertical ? box.height > part.height / 2 : box.width > part.width / 2;
    if (Math.abs(at - edgeAt) > 4 || !spans) continue;
    const x = box.x + box.width / 2;
    const y = box.y + box.height / 2;
    await page.mouse.move(x, y);
    await page.mouse.down();
    // In steps: the sash follows mousemove events, not a jump.
    await page.mouse.move(vertical ? x + delta : x, vertical ? y : y + delta, { steps: 10 });
    await page.mouse.up();
    return;
  }
  throw new Error(`no sash on the ${edge} edge of ${partSelector}`);
}

/** The screen rectangle of `text` in the editor's rendered lines (it must not wrap), or null. */
async function textRect(page, text) {
  return page.evaluate((needle) => {
    for (const line of document.querySelectorAll('.monaco-editor .view-lines .view-line')) {
      // Monaco renders spaces as U+00A0.
      const content = line.textContent.replace(/\u00a0/g, ' ');
      const at = content.indexOf(needle);
      if (at < 0) continue;
      const walker = document.createTreeWalker(line, NodeFilter.SHOW_TEXT);
      const range = document.createRange();
      let offset = 0;
      let started = false;
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const length = node.textContent.length;
        if (!started && at < offset + length) {
          range.setStart(node, at - offset);
          started = true;
        }
        if (started && at + needle.length <= offset + length) {
          range.setEnd(node, at + needle.length - offset);
          const rect = range.getBoundingClientRect();
          return { x: rect.x, y: rect.y, width: rect.width, height: rect.height };
        }
        offset += length;
      }
    }
    return null;
  }, text);
}

async function main() {
  const port = await startServer();
  context = await chromium.launchPersistentContext(dirs.browser, {
    executablePath: chromiumPath,
    headless: true,
    viewport: VIEWPORT,
    deviceScaleFactor: 1,
    env: { ...process.env, HOME: dirs.home, TMPDIR: dirs.tmp },
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      // Nothing but the local server resolves: the picture must not depend on the network.
      '--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1',
    ],
  });
  context.setDefaultTimeout(STEP_TIMEOUT_MS);
  const page = context.pages()[0] ?? (await context.newPage());
  if (verbose) {
    page.on('console', (message) => process.stderr.write(`[page:${message.type()}] ${message.text()}\n`));
    page.on('pageerror', (error) => process.stderr.write(`[page:error] ${error.message}\n`));
  }

  // The authority is the literal word `remote` in this build of the web workbench.
  const payload = [['extensionDevelopmentPath', `vscode-remote://remote${repoRoot}`]];
  await page.goto(
    `http://127.0.0.1:${port}/?folder=${encodeURIComponent(dirs.workspace)}` +
      `&payload=${encodeURIComponent(JSON.stringify(payload))}`,
  );
  // The Explorer lists the workspace once the workbench is up and connected to the server.
  await page.locator('.explorer-folders-view .monaco-list-row', { hasText: typoFileName }).waitFor({ state: 'visible' });

  // Open the letter through Quick Open.
  await page.keyboard.press('Control+P');
  const quickOpen = page.locator('.quick-input-widget input');
  await quickOpen.waitFor({ state: 'visible' });
  await quickOpen.fill(typoFileName);
  await page.locator('.quick-input-list .monaco-list-row[data-index="0"]', { hasText: typoFileName }).waitFor({ state: 'visible' });
  await page.keyboard.press('Enter');
  await page.locator('.tabs-container .tab.active', { hasText: typoFileName }).waitFor({ state: 'visible' });
  // The extension switches the .txt to the letter language; the status bar's language names it.
  await page.locator('.statusbar-item', { hasText: 'IMR Letter' }).first().waitFor({ state: 'visible' });

  await runCommand(page, 'Explorer: Focus on Outline View');
  // The letter's items appear with their outcome once the language server has answered.
  await page.locator('.outline-pane .monaco-list-row', { hasText: 'Lexapro' }).first().waitFor({ state: 'visible' });

  // Problems panel (View: Toggle Problems): the typo is reported once the server has checked the letter.
  await page.keyboard.press('Control+Shift+M');
  await page.locator('.markers-panel .monaco-list-row', { hasText: 'Uphled' }).first().waitFor({ state: 'visible' });

  // Room for the picture's subjects: the folder list folded away so the Outline gets the side bar's
  // height, a wider side bar so item names are not cut short, and a Problems panel a few rows high.
  await page.locator('.part.sidebar .pane-header', { hasText: 'letters' }).first().click();
  await dragSash(page, '.part.sidebar', 'right', 240);
  await dragSash(page, '.part.panel', 'top', 190);

  // Back to the editor, with the typo's line at the top of the view and the citation below it.
  await page.locator('.monaco-editor .view-lines').first().click();
  await goToLine(page, typoLineNumber);
  // Go to Line centres the line; Scroll Line Down (Ctrl+Down) moves it up to the editor's second
  // line, so the hover, which opens below the citation, stays clear of the Problems panel.
  const editorTop = (await page.locator('.part.editor .monaco-editor .overflow-guard').first().boundingBox()).y;
  const lineHeight = (await page.locator('.part.editor .monaco-editor .view-line').first().boundingBox()).height;
  const typoRect = await textRect(page, typoLine);
  if (!typoRect) throw new Error(`"${typoLine}" is not on screen`);
  const lines = Math.round((typoRect.y - editorTop) / lineHeight) - 1;
  for (let i = 0; i < lines; i++) await page.keyboard.press('Control+ArrowDown');
  await page.locator('.monaco-editor .squiggly-error').first().waitFor({ state: 'visible' });
  const rect = await textRect(page, hoveredText);
  if (!rect) throw new Error(`"${hoveredText}" is not on screen`);
  // Over the word "Benzodiazepines", a third of the way in: inside the citation, not on its edge.
  await page.mouse.move(rect.x + rect.width / 3, rect.y + rect.height / 2);
  await page.locator('.monaco-hover:not(.hidden)', { hasText: 'Part of the MTUS' }).first().waitFor({ state: 'visible' });
  // Let the hover's fade-in finish.
  await page.waitForTimeout(500);

  fs.mkdirSync(path.dirname(outputPath), { recursive: true });
  // Without the title bar, which would read "[Extension Development Host] … - code-server": true
  // of this run, and beside the point for a reader of the README.
  const titleBar = await page.locator('.part.titlebar').boundingBox();
  const top = titleBar ? Math.round(titleBar.y + titleBar.height) : 0;
  await page.screenshot({ path: outputPath, clip: { x: 0, y: top, width: VIEWPORT.width, height: VIEWPORT.height - top } });
  const size = fs.statSync(outputPath).size;
  console.log(`screenshot: wrote ${path.relative(repoRoot, outputPath)} (${(size / 1024).toFixed(1)} KB)`);
}

// Each playwright step has its own time limit; this one also covers a server that never listens.
const overallTimer = setTimeout(() => {
  console.error('screenshot: timed out after 180 s');
  cleanUp().finally(() => process.exit(1));
}, 180_000);
overallTimer.unref();

let exitCode = 0;
try {
  await main();
} catch (error) {
  console.error(`screenshot: ${error instanceof Error ? error.message : error}`);
  exitCode = 1;
  // What the page looked like when a step timed out, to see which one and why.
  const debugPath = process.env.IMR_SCREENSHOT_DEBUG;
  const page = context?.pages()[0];
  if (debugPath && page) await page.screenshot({ path: debugPath }).catch(() => {});
}
await cleanUp();
process.exit(exitCode);
