// The machinery shared by test/editor/run-browser.mjs (the editor suite) and scripts/screenshot.mjs
// (the README's picture): the VS Code server carried by the npm package code-server (installed by
// scripts/setup-editor-tests.sh), run from a throwaway temp folder, opened in Debian's chromium
// through playwright-core, and everything torn down again afterwards.
//
// Environment read here:
//   IMR_EDITOR_CACHE       cache folder of scripts/setup-editor-tests.sh (default ~/.cache/imr-letters-editor)
//   IMR_VSCODE_SERVER_DIR  a VS Code server folder (…/lib/vscode) to use instead of the cache's
//   IMR_CHROMIUM           browser binary (default /usr/bin/chromium)
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { chromium } from 'playwright-core';

// The version scripts/setup-editor-tests.sh installs into the cache.
const CODE_SERVER_VERSION = '4.100.3';

/** The VS Code server folder (…/lib/vscode); its out/server-main.js is what gets started. */
export function vscodeServerDir() {
  const cacheDir = process.env.IMR_EDITOR_CACHE || path.join(os.homedir(), '.cache', 'imr-letters-editor');
  return (
    process.env.IMR_VSCODE_SERVER_DIR ||
    path.join(cacheDir, `code-server-${CODE_SERVER_VERSION}`, 'node_modules', 'code-server', 'lib', 'vscode')
  );
}

export function chromiumPath() {
  return process.env.IMR_CHROMIUM || '/usr/bin/chromium';
}

/** Why the server or the browser cannot be started (a message for the user), or undefined. */
export function missingServerOrBrowser() {
  const vscodeDir = vscodeServerDir();
  if (!fs.existsSync(path.join(vscodeDir, 'out', 'server-main.js'))) {
    return `no VS Code server in ${vscodeDir}; run \`bash scripts/setup-editor-tests.sh\` first`;
  }
  if (!fs.existsSync(chromiumPath()))
    return `no browser at ${chromiumPath()}; run \`bash scripts/setup-editor-tests.sh\` first`;
  return undefined;
}

// User settings every run starts from: a workbench that opens straight onto the folder and stays
// offline and quiet.
const baseUserSettings = {
  // Otherwise a trust dialog covers the workbench (and the editor suite never starts).
  'security.workspace.trust.enabled': false,
  'update.mode': 'none',
  'telemetry.telemetryLevel': 'off',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'files.autoSave': 'off',
};

/**
 * A fresh temp folder with the server's, the browser's and a private home's folders in it, plus
 * `extraDirs` (key -> folder name inside it), and the base settings above with `userSettings` over
 * them as the user's settings.json.
 * Returns { tempDir, dirs } with the absolute paths.
 */
export function createTempDirs({ prefix, userSettings = {}, extraDirs = {} }) {
  // Short on purpose: the extension host's IPC socket lives under it and a Unix socket path must stay
  // under 107 bytes.
  const tempDir = fs.mkdtempSync(path.join('/tmp', prefix));
  const dirs = {
    serverData: path.join(tempDir, 'd'),
    userData: path.join(tempDir, 'u'),
    extensions: path.join(tempDir, 'e'),
    home: path.join(tempDir, 'h'),
    tmp: path.join(tempDir, 't'),
    browser: path.join(tempDir, 'b'),
  };
  for (const [key, name] of Object.entries(extraDirs)) dirs[key] = path.join(tempDir, name);
  for (const dir of Object.values(dirs)) fs.mkdirSync(dir, { recursive: true });
  fs.mkdirSync(path.join(dirs.userData, 'User'), { recursive: true });
  fs.writeFileSync(
    path.join(dirs.userData, 'User', 'settings.json'),
    JSON.stringify({ ...baseUserSettings, ...userSettings }, null, 2),
  );
  return { tempDir, dirs };
}

/**
 * Starts the VS Code server on a free port of 127.0.0.1 in its own process group. Returns
 * { process, port } at once, `port` being a promise of the port it listens on, so that the caller
 * holds the process (to kill it) even when it never gets that far. `env` adds to its environment.
 */
export function startVsCodeServer({ dirs, verbose, env: extraEnv = {} }) {
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
    ...extraEnv,
  };
  const args = [
    path.join(vscodeServerDir(), 'out', 'server-main.js'),
    '--host',
    '127.0.0.1',
    '--port',
    '0',
    '--without-connection-token',
    '--accept-server-license-terms',
    '--server-data-dir',
    dirs.serverData,
    '--user-data-dir',
    dirs.userData,
    '--extensions-dir',
    dirs.extensions,
    '--telemetry-level',
    'off',
    '--force-disable-user-env',
  ];
  // Detached: its own process group, so cleanUp() can take down everything it starts with it.
  const server = spawn(process.execPath, args, {
    env,
    cwd: dirs.tmp,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });

  const port = new Promise((resolve, reject) => {
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
  return { process: server, port };
}

/**
 * Headless chromium with its profile in dirs.browser. With a `viewport`, the page has that size at
 * a device scale factor of 1 (for pictures); without, playwright's default.
 */
export function launchChromium({ dirs, viewport }) {
  return chromium.launchPersistentContext(dirs.browser, {
    executablePath: chromiumPath(),
    headless: true,
    // Our own signal handlers (cleanUpOnExit) close chromium and then kill the VS Code server's
    // process group; playwright's would exit first and leave the server and its temp folder behind.
    handleSIGINT: false,
    handleSIGTERM: false,
    handleSIGHUP: false,
    ...(viewport ? { viewport, deviceScaleFactor: 1 } : {}),
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
      // Nothing but the local server resolves: a run (or a picture) must not depend on the network.
      '--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1',
    ],
  });
}

/** The context's page; with `verbose`, its console and errors are printed to stderr. */
export async function firstPage(context, { verbose }) {
  const page = context.pages()[0] ?? (await context.newPage());
  if (verbose) {
    page.on('console', (message) => process.stderr.write(`[page:${message.type()}] ${message.text()}\n`));
    page.on('pageerror', (error) => process.stderr.write(`[page:error] ${error.message}\n`));
  }
  return page;
}

/** The workbench's address with `folder` open and `payload` ([name, value] pairs) handed to it. */
export function workbenchUrl({ port, folder, payload }) {
  return (
    `http://127.0.0.1:${port}/?folder=${encodeURIComponent(folder)}` +
    `&payload=${encodeURIComponent(JSON.stringify(payload))}`
  );
}

/**
 * A vscode-remote URI of a path on the server's machine, for the payload. The authority is the
 * literal word `remote` in this build of the web workbench, except for the web worker extension
 * host, which is sent the tests only when the URIs name the server as the workbench does
 * (`127.0.0.1:PORT`); with `remote` they run in the Node host.
 */
export function remoteUri(fsPath, authority = 'remote') {
  return `vscode-remote://${authority}${fsPath}`;
}

function killGroup(server, signal) {
  if (!server || server.exitCode !== null || server.signalCode !== null) return;
  try {
    // Negative pid: the whole process group (server, extension host, language server, watchers).
    process.kill(-server.pid, signal);
  } catch {
    // Already gone.
  }
}

/**
 * A cleanUp() that closes the browser, kills the server's process group, calls `restore` (what the
 * run changed outside the temp folder, once nothing runs that could change it again) and removes the
 * temp folder, whichever of them `getResources()` ({ context, server, tempDir, restore }) returns by then; it only does so
 * once however often it is called (a signal may arrive while the normal end is cleaning up). SIGINT,
 * SIGTERM and SIGHUP run it too, then exit with status 1, after printing `${label}: SIGxxx, cleaning up`.
 */
export function cleanUpOnExit(label, getResources) {
  let cleanedUp = false;
  async function cleanUp() {
    if (cleanedUp) return;
    cleanedUp = true;
    const { context, server, tempDir, restore } = getResources();
    if (context) {
      await Promise.race([context.close().catch(() => {}), new Promise((resolve) => setTimeout(resolve, 10_000))]);
    }
    if (server && server.exitCode === null && server.signalCode === null) {
      const exited = new Promise((resolve) => server.once('exit', resolve));
      killGroup(server, 'SIGTERM');
      const timer = setTimeout(() => killGroup(server, 'SIGKILL'), 5_000);
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 10_000))]);
      clearTimeout(timer);
      killGroup(server, 'SIGKILL');
    }
    try {
      restore?.();
    } catch (error) {
      console.error(`${label}: could not restore: ${error instanceof Error ? error.message : error}`);
    }
    fs.rmSync(tempDir, { recursive: true, force: true, maxRetries: 3 });
  }
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
    process.on(signal, () => {
      console.error(`${label}: ${signal}, cleaning up`);
      cleanUp().finally(() => process.exit(1));
    });
  }
  return cleanUp;
}

// --- what the screenshot scripts do in the workbench ---------------------------------------------

/** Exits with a message when the VS Code server or the browser is not set up. */
export function exitUnlessSetUp(label) {
  const missing = missingServerOrBrowser();
  if (!missing) return;
  console.error(`${label}: ${missing}`);
  process.exit(1);
}

/** The user settings of the folder pictures: a light, uncluttered workbench, with `extra` over them. */
export function pictureSettings(extra = {}) {
  return {
    'workbench.enableExperiments': false,
    'workbench.colorTheme': 'Default Light Modern',
    'window.commandCenter': false,
    'workbench.layoutControl.enabled': false,
    'workbench.activityBar.location': 'top',
    'editor.minimap.enabled': false,
    ...extra,
  };
}

/**
 * Starts the VS Code server and chromium and opens the workbench on dirs.workspace with the
 * extension at `extensionPath` in development mode. The server's process and the browser's context
 * go into `resources` as each starts, for the script's clean-up (cleanUpOnExit).
 */
export async function openWorkbench({ dirs, viewport, verbose, extensionPath, resources }) {
  const start = startVsCodeServer({ dirs, verbose });
  resources.server = start.process;
  const port = await start.port;
  const context = await launchChromium({ dirs, viewport });
  resources.context = context;
  context.setDefaultTimeout(60_000);
  const page = await firstPage(context, { verbose });
  const payload = [['extensionDevelopmentPath', remoteUri(extensionPath)]];
  await page.goto(workbenchUrl({ port, folder: dirs.workspace, payload }));
  return page;
}

/** Runs a command from the command palette by its title, as a user types it. */
export async function runCommand(page, title) {
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

/**
 * Saves the workbench without its title bar, which would read "[Extension Development Host] … -
 * code-server": true of this run, and beside the point for a reader of the README.
 */
export async function saveWorkbenchScreenshot(page, outputPath, viewport) {
  fs.mkdirSync(path.dirname(outputPath), { recursive: true });
  const titleBar = await page.locator('.part.titlebar').boundingBox();
  const top = titleBar ? Math.round(titleBar.y + titleBar.height) : 0;
  await page.screenshot({
    path: outputPath,
    clip: { x: 0, y: top, width: viewport.width, height: viewport.height - top },
  });
}

/**
 * Runs a screenshot script's `main` and exits: within 180 s in all (each playwright step has its
 * own limit; this one also covers a server that never listens), always cleaning up, and saving what
 * the page looked like when a step failed to IMR_SCREENSHOT_DEBUG, to see which one and why.
 */
export async function runScreenshotScript(main, { cleanUp, page }) {
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
    const debugPath = process.env.IMR_SCREENSHOT_DEBUG;
    const failed = page();
    if (debugPath && failed) await failed.screenshot({ path: debugPath }).catch(() => {});
  }
  await cleanUp();
  process.exit(exitCode);
}
